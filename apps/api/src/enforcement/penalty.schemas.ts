import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import {
  ChallengeEndedSchema,
  ChallengeFiledSchema,
  CriminalTransferProposalSchema,
  DecisionExtensionSchema,
  DesignateHandlersSchema,
  EvidencePreservationRequestSchema,
  HearingRequestSchema,
  PaymentSchema,
  StatementSchema,
  WaiverSchema,
} from '@safety/temporal';
import { isoInstant, localDate, pageOf, uuid } from '../contract/schemas';
import { OpenTaskRefSchema } from '../tasks/task.schemas';

// The bodies are the contracts the penalty workflow itself checks (libs/temporal penalty-case.contract.ts).
export class EvidencePreservationDto extends createZodDto(EvidencePreservationRequestSchema) {}
export class StatementDto extends createZodDto(StatementSchema) {}
export class HearingRequestDto extends createZodDto(HearingRequestSchema) {}
export class WaiverDto extends createZodDto(WaiverSchema) {}
export class DecisionExtensionDto extends createZodDto(DecisionExtensionSchema) {}
export class PaymentDto extends createZodDto(PaymentSchema) {}
export class ChallengeFiledDto extends createZodDto(ChallengeFiledSchema) {}
export class ChallengeEndedDto extends createZodDto(ChallengeEndedSchema) {}
export class CriminalTransferDto extends createZodDto(CriminalTransferProposalSchema) {}
export class DesignateHandlersDto extends createZodDto(DesignateHandlersSchema) {}

export class ChallengeParams extends createZodDto(
  z.strictObject({ id: uuid(), seq: z.coerce.number().int().min(1).max(100) }),
) {}

export class AsOfQueryDto extends createZodDto(
  z.strictObject({
    asOf: localDate().optional().meta({ description: 'Local date to compute for (default: today in China)' }),
  }),
) {}

/** What the workflow answered to a message, and the tasks open once it has acted on it. */
export class PenaltyEventResultDto extends createZodDto(
  z.object({
    ok: z.literal(true),
    status: z.string().meta({ description: 'The case status when the message was accepted' }),
    detail: z.record(z.string(), z.unknown()).optional(),
    nextTasks: z.array(OpenTaskRefSchema),
  }),
) {}

export class HandlersResultDto extends createZodDto(
  z.object({ handlerIds: z.array(uuid()), nextTasks: z.array(OpenTaskRefSchema) }),
) {}

export class AmountOwedDto extends createZodDto(
  z.object({
    asOf: localDate(),
    fineYuan: z.number(),
    dueDate: localDate().nullable(),
    surchargeYuan: z.number(),
    surchargeDays: z.int(),
    suspendedDays: z.int(),
    capped: z.boolean(),
    paidYuan: z.number(),
    outstandingYuan: z.number(),
    settled: z.boolean(),
  }),
) {}

export class ContinuingDailyFineDto extends createZodDto(
  z.looseObject({ rule: z.string() }).meta({ description: '按日连续处罚 (安全生产法 Art.112): days and amounts' }),
) {}

const DocumentViewSchema = z.object({
  id: uuid(),
  caseId: uuid().nullable(),
  departmentId: uuid(),
  kind: z.string(),
  title: z.string(),
  number: z.string().meta({ description: 'The document number in the agency format' }),
  sha256: z.string(),
  issuedBy: uuid().nullable(),
  issuedAt: isoInstant(),
});
export class DocumentPageDto extends createZodDto(pageOf(DocumentViewSchema)) {}

const PublicationViewSchema = z.object({
  id: uuid(),
  department: z.string(),
  partyName: z.string(),
  creditCode: z.string().nullable(),
  decisionNumber: z.string(),
  violation: z.string(),
  legalBasis: z.string(),
  penalty: z.string(),
  fineYuan: z.number().nullable(),
  decisionDate: z.string(),
  publishedAt: isoInstant(),
  caseId: uuid(),
  status: z.string(),
  withdrawnAt: isoInstant().nullable(),
  withdrawalReason: z.string().nullable(),
});
export class PublicationPageDto extends createZodDto(pageOf(PublicationViewSchema)) {}

export class ArchiveDto extends createZodDto(
  z.object({
    caseId: uuid(),
    archivedAt: isoInstant(),
    archivedBy: uuid(),
    sha256: z.string(),
    caseFile: z
      .record(z.string(), z.unknown())
      .meta({ description: 'Documents, steps and the audit timeline as archived' }),
  }),
) {}
