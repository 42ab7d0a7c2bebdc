import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { NOTIFIED_BODIES } from '@safety/domain/accident';
import { uuid } from '../contract/schemas';

// The accident department policy: see docs/accidents.md "Notifications".

const notifiedBodies = z.array(z.enum(NOTIFIED_BODIES)).max(NOTIFIED_BODIES.length);

export class AccidentPolicyParams extends createZodDto(z.strictObject({ departmentId: uuid() })) {}

export class AccidentPolicyBodyDto extends createZodDto(
  z.strictObject({
    overrides: z.strictObject({
      notifiedBodies: notifiedBodies.optional().meta({
        description:
          '条例 Art.10(1): the bodies the department notifies when it receives an accident report (each once, at least one; DEFAULT all four)',
      }),
    }),
  }),
) {}

export class AccidentPolicyDto extends createZodDto(
  z.object({
    departmentId: uuid(),
    overrides: z.record(z.string(), z.unknown()),
    effective: z.object({ notifiedBodies }),
  }),
) {}
