import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { REFERRAL_OUTCOMES } from '@safety/temporal';
import { DisciplineReferralSteps } from '@safety/temporal/steps/discipline-referral.steps';
import { isoInstant, isoInstantOrNull, pageOf, PageQuerySchema, uuid } from '../contract/schemas';

const STATUSES = ['SENT', 'ACKNOWLEDGED', 'ANSWERED'] as const;

export class ReferralListQueryDto extends createZodDto(
  PageQuerySchema.extend({ status: z.enum(STATUSES).optional() }),
) {}

/** The handling result: one of the result step's outcomes with its payload (the outcomes share one). */
export class ReferralResultDto extends createZodDto(
  DisciplineReferralSteps.RESULT.outcomes.SANCTIONED.payload.extend({
    outcome: z.enum(REFERRAL_OUTCOMES as [string, ...string[]]).meta({ description: 'How the body handled the lead' }),
  }),
) {}

export const ReferralViewSchema = z.object({
  id: uuid(),
  status: z.enum(STATUSES),
  sourceCaseId: uuid().meta({ description: 'The accident case the lead comes from' }),
  referralCaseId: uuid().meta({ description: "The referral's own case (the receiving body's inbox and record)" }),
  senderDepartmentId: uuid(),
  receivingDepartmentId: uuid().meta({ description: 'The discipline inspection / supervision body (纪委监委)' }),
  subject: z
    .object({ name: z.string(), position: z.string().nullable(), organisation: z.string().nullable() })
    .meta({ description: 'The public official the lead is about' }),
  allegation: z.string(),
  sentAt: isoInstant(),
  acknowledgedAt: isoInstantOrNull(),
  acknowledgedBy: uuid().nullable(),
  result: z
    .object({
      outcome: z.string(),
      summary: z.string().nullable(),
      answeredAt: isoInstantOrNull(),
      answeredBy: uuid().nullable(),
    })
    .nullable()
    .meta({ description: 'The handling result once reported' }),
});
export type ReferralView = z.infer<typeof ReferralViewSchema>;

export class ReferralPageDto extends createZodDto(pageOf(ReferralViewSchema)) {}

export class ReferralDetailDto extends createZodDto(
  ReferralViewSchema.extend({
    evidence: z.record(z.string(), z.unknown()).meta({
      description: 'The evidence bundle: the accident, the report excerpt on the official, the attachment list',
    }),
    side: z.enum(['SENDER', 'RECEIVER']).meta({ description: 'Whether you read it as the sender or the receiver' }),
  }),
) {}
