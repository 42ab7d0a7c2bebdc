import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

export class LivenessDto extends createZodDto(z.object({ status: z.literal('ok') })) {}

const Check = z.object({
  status: z.enum(['up', 'down']),
  error: z.string().optional().meta({ description: 'Why the probe failed (down only)' }),
});

const QueuePollers = z.object({
  live: z.int().meta({ description: 'Pollers seen recently' }),
  lastPollAgeSeconds: z.number().nullable(),
});

export class ReadinessDto extends createZodDto(
  z.object({
    status: z.enum(['ok', 'unavailable']),
    checks: z.object({
      postgres: Check,
      temporal: Check,
      workers: Check.extend({ workflow: QueuePollers.optional(), activity: QueuePollers.optional() }).meta({
        description: 'Workers polling the workflow and the activity task queue',
      }),
    }),
  }),
) {}
