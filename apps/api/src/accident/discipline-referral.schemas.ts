import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { REFERRAL_OUTCOMES } from '@safety/temporal';
import { DisciplineReferralSteps, referralLead } from '@safety/temporal/steps/discipline-referral.steps';
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
  sourceCaseId: uuid().meta({
    description: 'The case the lead comes from (an accident, a penalty case, an inspection…)',
  }),
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

/** An evidence file as the bundle lists it: the content stays on the source case. */
const ReferralAttachmentSchema = z.object({
  id: uuid(),
  fileName: z.string().nullable(),
  contentType: z.string().nullable(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: isoInstant(),
});

/**
 * The bundle as the sender wrote it when the referral went out (a copy, never rewritten): which
 * source parts it has depends on the path the lead came by — an approved accident report, a
 * 迟报/瞒报 finding, or a proposal from a case.
 */
const ReferralEvidenceSchema = z.object({
  accident: z
    .object({
      caseId: uuid(),
      occurredAt: isoInstant(),
      reportedAt: isoInstant().optional(),
      place: z.string(),
      grade: z.string(),
      deaths: z.number().int(),
      seriousInjuries: z.number().int(),
    })
    .optional()
    .meta({ description: 'The accident the lead comes from' }),
  reportExcerpt: z
    .object({
      version: z.number().int(),
      approvedAt: isoInstantOrNull(),
      directCauses: z.string(),
      indirectCauses: z.string(),
      finding: z.object({
        name: z.string(),
        position: z.string().nullable(),
        organisation: z.string().nullable(),
        responsibility: z.string(),
        proposedHandling: z.string().nullable(),
      }),
    })
    .nullable()
    .optional()
    .meta({ description: "The approved investigation report's causes and its finding on the official" }),
  reportingViolation: z
    .object({ flag: z.string(), legalBasis: z.string() })
    .optional()
    .meta({ description: 'The 迟报/漏报/谎报/瞒报 finding the lead comes from' }),
  case: z
    .object({ caseId: uuid(), caseType: z.string(), referenceNo: z.string().nullable(), title: z.string() })
    .optional()
    .meta({ description: 'The case the lead was proposed from' }),
  proposal: z
    .object({
      id: uuid(),
      proposedBy: uuid(),
      proposedAt: isoInstant(),
      approvedBy: uuid(),
      approvedAt: isoInstant(),
      comment: z.string().nullish(),
    })
    .optional()
    .meta({ description: "The proposal from the case and the head's approval" }),
  attachments: z.array(ReferralAttachmentSchema),
});

export class ReferralDetailDto extends createZodDto(
  ReferralViewSchema.extend({
    evidence: ReferralEvidenceSchema.meta({
      description:
        'The evidence bundle: the source (the accident and the report excerpt on the official, or the case and the approved proposal) and the attachment list',
    }),
    side: z.enum(['SENDER', 'RECEIVER']).meta({ description: 'Whether you read it as the sender or the receiver' }),
  }),
) {}

/** A lead proposed from a case (线索移交): the official, the suspected misconduct, evidence of this case. */
export class ProposeReferralDto extends createZodDto(referralLead()) {}

const CASE_REFERRAL_STATUSES = ['PROPOSED', 'APPROVED', 'REJECTED', 'ACKNOWLEDGED', 'ANSWERED'] as const;

export const CaseReferralViewSchema = z.object({
  id: uuid().meta({ description: 'The proposal' }),
  caseId: uuid().meta({ description: 'The case it was proposed from' }),
  status: z.enum(CASE_REFERRAL_STATUSES).meta({
    description:
      "PROPOSED (awaiting the head), REJECTED, APPROVED (sent, not yet signed for), then the receiving body's ACKNOWLEDGED and ANSWERED",
  }),
  official: z.object({ name: z.string(), post: z.string(), organisation: z.string() }),
  misconduct: z.string(),
  attachmentIds: z.array(uuid()).meta({ description: 'The evidence handed over, attachments of this case' }),
  proposedBy: uuid(),
  proposedAt: isoInstant(),
  decision: z
    .object({ decidedBy: uuid(), decidedAt: isoInstant(), comment: z.string().nullable() })
    .nullable()
    .meta({ description: "The head's decision, once taken" }),
  receivingDepartmentId: uuid().meta({ description: 'The discipline inspection / supervision body (纪委监委)' }),
  referralId: uuid().nullable().meta({ description: 'The referral sent on approval' }),
  acknowledgedAt: isoInstantOrNull(),
  result: z
    .object({
      outcome: z.enum(REFERRAL_OUTCOMES as [string, ...string[]]),
      summary: z.string().nullable(),
      answeredAt: isoInstantOrNull(),
    })
    .nullable()
    .meta({ description: "The receiving body's handling result, once answered" }),
});
export type CaseReferralView = z.infer<typeof CaseReferralViewSchema>;

export class CaseReferralDto extends createZodDto(CaseReferralViewSchema) {}
export class CaseReferralPageDto extends createZodDto(pageOf(CaseReferralViewSchema)) {}
