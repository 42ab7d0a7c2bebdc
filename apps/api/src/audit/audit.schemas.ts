import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

export class ChainVerificationDto extends createZodDto(
  z.object({
    ok: z.boolean(),
    checked: z.int().meta({ description: 'Entries walked' }),
    firstBrokenSeq: z.string().nullable().meta({ description: 'The first entry whose hash does not follow' }),
    reason: z.string().nullable(),
  }),
) {}
