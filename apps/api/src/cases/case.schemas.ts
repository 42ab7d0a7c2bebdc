import { z } from 'zod';
import { servedContentType } from '@safety/domain/evidence/evidence-policy';
import { createZodDto } from 'nestjs-zod';
import { isoInstant, localDate, pageOf, PageQuerySchema, text, uuid } from '../contract/schemas';
import { TaskViewSchema } from '../tasks/task.view';
import { CaseViewSchema } from './case.view';

export { CaseDto, caseView, CaseViewSchema } from './case.view';

export class CreatePenaltyCaseDto extends createZodDto(
  z.strictObject({
    title: text(200).meta({ example: '某化工公司未按规定进行安全检查' }),
    enterpriseId: uuid()
      .optional()
      .meta({ description: 'Enterprise the case is against; must be supervised by your department' }),
    handlerIds: z
      .array(uuid())
      .max(10)
      .optional()
      .meta({ description: 'Further handling officers (the creator always handles)' }),
  }),
) {}

/** Case search: every filter optional and combined; newest first. */
export class CaseListQueryDto extends createZodDto(
  PageQuerySchema.extend({
    caseNumber: z.string().min(1).max(64).optional().meta({ description: 'The case number (案号), exactly' }),
    title: z.string().min(1).max(100).optional().meta({ description: 'Part of the title (substring, any length)' }),
    enterpriseName: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: "Part of the enterprise's name (substring)" }),
    caseType: z.string().max(32).optional(),
    status: z.string().max(32).optional(),
    createdFrom: localDate().optional().meta({ description: 'Opened on or after this China local date' }),
    createdTo: localDate().optional().meta({ description: 'Opened on or before this China local date' }),
    departmentId: uuid()
      .optional()
      .meta({ description: 'Only this department and the departments below it (within your jurisdiction)' }),
  }),
) {}

/** What a list or an inbox shows of a case: its number, title and the enterprise's name. */
export const CaseSummarySchema = z.object({
  id: uuid(),
  caseType: z.string(),
  referenceNo: z.string().nullable(),
  title: z.string(),
  status: z.string(),
  enterpriseId: uuid().nullable(),
  enterpriseName: z.string().nullable(),
});

const enterpriseName = z.string().nullable().meta({ description: "The enterprise's name (null without one)" });

export class CasePageDto extends createZodDto(pageOf(CaseViewSchema.extend({ enterpriseName }))) {}

export class RecordVerificationDto extends createZodDto(
  z.object({
    ok: z.boolean(),
    checked: z.int().meta({ description: "Rows of the case's record checked" }),
    firstBrokenSeq: z.string().nullable().meta({ description: 'The first row whose hash does not match, if any' }),
    reason: z.string().nullable(),
  }),
) {}

/**
 * What the console reads of a penalty case's live state (PenaltyProcedureState): the decision period, its
 * extensions and the proposal under review. Loose: the rest of the state passes through as the workflow reports it.
 */
const PenaltyProcedureViewSchema = z.looseObject({
  decisionDueDate: z.string().nullable().optional(),
  decisionExtensions: z
    .array(z.looseObject({ days: z.number(), reason: z.string(), by: z.string(), at: z.string() }))
    .optional(),
  proposal: z
    .looseObject({
      outcome: z.string(),
      violationType: z.string().optional(),
      circumstance: z.string().optional(),
      fineYuan: z.number().optional(),
      legalBasis: z.string().optional(),
      benchmarkId: z.string().nullish().meta({ description: 'The benchmark version the proposal was checked against' }),
      range: z
        .object({ minYuan: z.number(), maxYuan: z.number() })
        .nullish()
        .meta({ description: 'The benchmark range of the circumstance applied' }),
    })
    .nullable()
    .optional()
    .meta({ description: 'The proposal under review, with the legal basis and range it was checked against' }),
});

export class CaseDetailDto extends createZodDto(
  CaseViewSchema.extend({
    enterpriseName,
    workflow: z
      .looseObject({ status: z.string(), procedure: PenaltyProcedureViewSchema.optional() })
      .nullable()
      .meta({ description: "The workflow's live state (penalty cases), null for other types" }),
    tasks: z.array(TaskViewSchema),
  }),
) {}

export const TimelineEntrySchema = z.object({
  seq: z.string(),
  occurredAt: isoInstant(),
  actorId: uuid().nullable(),
  actorRole: z.string().nullable(),
  taskId: uuid().nullable(),
  action: z.string(),
  summary: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
  hash: z.string(),
});

export class TimelinePageDto extends createZodDto(pageOf(TimelineEntrySchema)) {}

export class AttachDto extends createZodDto(
  z
    .strictObject({
      kind: z.enum(['FILE', 'NOTE']),
      taskId: uuid().optional(),
      fileName: z.string().min(1).max(255).optional(),
      contentType: z.string().min(1).max(128).optional(),
      text: z.string().min(1).max(20_000).optional().meta({ description: 'NOTE text' }),
      contentBase64: z.base64().optional().meta({ description: 'FILE content, base64 (≤ 8 MiB decoded)' }),
    })
    .superRefine((body, ctx) => {
      if (body.kind === 'NOTE' && !body.text)
        ctx.addIssue({ code: 'custom', path: ['text'], message: 'a NOTE needs text' });
      if (body.kind === 'FILE' && !body.contentBase64) {
        ctx.addIssue({ code: 'custom', path: ['contentBase64'], message: 'a FILE needs contentBase64' });
      }
    }),
) {}

export const AttachmentViewSchema = z.object({
  id: uuid(),
  caseId: uuid(),
  taskId: uuid().nullable(),
  kind: z.string(),
  fileName: z.string().nullable(),
  contentType: z.string().nullable(),
  sizeBytes: z.int(),
  sha256: z.string(),
  /** null: sent by a member of the public (a complaint's photos), who has no account. */
  uploadedBy: uuid().nullable(),
  createdAt: isoInstant(),
});

export class AttachmentDto extends createZodDto(AttachmentViewSchema) {}
export class AttachmentListDto extends createZodDto(z.object({ items: z.array(AttachmentViewSchema) })) {}

export class AttachmentParams extends createZodDto(z.strictObject({ id: uuid(), attachmentId: uuid() })) {}

export const attachmentView = (a: {
  id: string;
  caseId: string;
  taskId: string | null;
  kind: string;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string | null;
  createdAt: Date;
}): z.infer<typeof AttachmentViewSchema> => ({
  id: a.id,
  caseId: a.caseId,
  taskId: a.taskId,
  kind: a.kind,
  fileName: a.fileName,
  contentType: servedContentType(a.contentType, a.kind as 'FILE' | 'NOTE'),
  sizeBytes: a.sizeBytes,
  sha256: a.sha256,
  uploadedBy: a.uploadedBy,
  createdAt: a.createdAt.toISOString(),
});
