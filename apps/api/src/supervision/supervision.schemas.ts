import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import {
  MAX_CO_RESPONSIBLE,
  MAX_MILESTONES,
  REPORTING_FREQUENCIES,
  SUMMONS_TARGET_KINDS,
  SUPERVISION_BASIS_KINDS,
} from '@safety/domain/supervision';
import { isoInstant, isoInstantOrNull, localDate, pageOf, PageQuerySchema, text, uuid } from '../contract/schemas';

const ITEM_STATUSES = ['IN_PROGRESS', 'COMPLETION_PROPOSED', 'CLOSED'] as const;
const SUMMONS_STATUSES = ['SCHEDULED', 'RECTIFYING', 'CLOSED'] as const;

export class CreateSupervisionItemDto extends createZodDto(
  z.strictObject({
    title: text(300).meta({ description: 'The task supervised (督办事项)' }),
    description: text(10_000).meta({ description: 'What is to be delivered' }),
    basis: z
      .strictObject({
        kind: z.enum(SUPERVISION_BASIS_KINDS),
        reference: text(500).meta({ description: 'The plan task, accident, hazard or complaint it rests on' }),
        caseId: uuid().optional().meta({ description: 'The case it rests on, when there is one (must be visible)' }),
      })
      .meta({ description: 'What the item rests on' }),
    leadDepartmentId: uuid().meta({ description: '牵头单位 (lead department)' }),
    coResponsibleDepartmentIds: z
      .array(uuid())
      .max(MAX_CO_RESPONSIBLE)
      .meta({ description: '责任单位 (co-responsible departments, 按职责分工负责)' }),
    deadline: localDate().meta({ description: 'Local date by which it is to be done (after today)' }),
    milestones: z
      .array(z.strictObject({ title: text(300), dueDate: localDate() }))
      .max(MAX_MILESTONES)
      .meta({ description: 'Dated deliverables in order, due after today and by the deadline' }),
    reportingFrequency: z.enum(REPORTING_FREQUENCIES).meta({
      description: 'How often every responsible department reports (period lengths: the issuer’s policy)',
    }),
  }),
) {}

export class SupervisionReceiptDto extends createZodDto(z.object({ id: uuid(), caseId: uuid() })) {}

const MilestoneSchema = z.object({
  index: z.int(),
  title: z.string(),
  dueDate: localDate(),
  outcome: z.enum(['MET', 'SUMMONED']).nullable(),
  checkedAt: isoInstantOrNull(),
  summonsCaseId: uuid().nullable().meta({ description: 'The summons opened from this overdue milestone' }),
});

export const SupervisionItemViewSchema = z.object({
  id: uuid(),
  caseId: uuid(),
  title: z.string(),
  description: z.string(),
  basis: z.object({ kind: z.enum(SUPERVISION_BASIS_KINDS), reference: z.string(), caseId: uuid().nullable() }),
  issuerDepartmentId: uuid(),
  leadDepartmentId: uuid(),
  coResponsibleDepartmentIds: z.array(uuid()),
  startDate: localDate(),
  deadline: localDate(),
  reportingFrequency: z.enum(REPORTING_FREQUENCIES),
  status: z.enum(ITEM_STATUSES),
  milestones: z.array(MilestoneSchema),
  closedAt: isoInstantOrNull(),
  createdAt: isoInstant(),
});

export class SupervisionItemPageDto extends createZodDto(pageOf(SupervisionItemViewSchema)) {}

export class SupervisionItemDetailDto extends createZodDto(
  SupervisionItemViewSchema.extend({
    reports: z.array(
      z.object({
        departmentId: uuid(),
        period: z.int(),
        progress: z.string(),
        percentComplete: z.int(),
        onTime: z.boolean(),
        reportedAt: isoInstant(),
      }),
    ),
    completion: z.array(
      z.object({
        round: z.int(),
        stage: z.enum(['PROPOSED', 'RETURNED', 'ACCEPTED']),
        note: z.string().nullable(),
        at: isoInstant(),
      }),
    ),
  }),
) {}

export class SupervisionListQueryDto extends createZodDto(
  PageQuerySchema.extend({ status: z.enum(ITEM_STATUSES).optional() }),
) {}

export class SupervisionEvidenceDto extends createZodDto(
  z.strictObject({
    fileName: z.string().min(1).max(255).optional(),
    contentType: z.string().min(1).max(128).optional(),
    contentBase64: z.base64().max(11_200_000).meta({ description: 'The file, base64 (≤ 8 MiB decoded)' }),
  }),
) {}

export class SupervisionPolicyParams extends createZodDto(z.strictObject({ departmentId: uuid() })) {}

export class SupervisionPolicyBodyDto extends createZodDto(
  z.strictObject({
    overrides: z
      .record(z.string(), z.unknown())
      .meta({ description: 'Overrides of the supervision policy (docs/supervision.md); unknown keys are refused' }),
  }),
) {}

const period = z.object({ unit: z.enum(['working_days', 'calendar_days']), amount: z.int() });

export class SupervisionPolicyDto extends createZodDto(
  z.object({
    departmentId: uuid(),
    overrides: z.record(z.string(), z.unknown()),
    effective: z.object({
      reportPeriods: z.object({ WEEKLY: period, MONTHLY: period, QUARTERLY: period }),
      acceptanceWorkingDays: z.int(),
      minutesWorkingDays: z.int(),
      verificationWorkingDays: z.int(),
      publishSummonses: z.boolean(),
      publicationWorkingDays: z.int(),
      warningLeadHours: z.int(),
    }),
  }),
) {}

const person = z.strictObject({ name: text(100), position: text(200) });

export class CreateSummonsDto extends createZodDto(
  z.strictObject({
    targetKind: z.enum(SUMMONS_TARGET_KINDS),
    targetName: text(200).meta({ description: 'The enterprise, government or department summoned' }),
    principalName: text(100).meta({ description: 'Its principal or leader summoned (masked for other readers)' }),
    reason: text(5000),
    basis: text(2000),
    scheduledOn: localDate().meta({ description: 'Today or later' }),
    attendees: z.array(person).min(1).max(30),
  }),
) {}

export class SummonsReceiptDto extends createZodDto(z.object({ id: uuid(), caseId: uuid() })) {}

const PersonView = z.object({ name: z.string(), position: z.string() });

export const SummonsViewSchema = z.object({
  id: uuid(),
  caseId: uuid(),
  departmentId: uuid(),
  supervisionItemId: uuid().nullable(),
  milestoneIndex: z.int().nullable(),
  targetKind: z.enum(SUMMONS_TARGET_KINDS),
  targetName: z.string(),
  principalName: z.string().meta({ description: 'Masked (张**) except for the department that summoned' }),
  reason: z.string(),
  basis: z.string(),
  scheduledOn: localDate(),
  heldOn: localDate().nullable(),
  status: z.enum(SUMMONS_STATUSES),
  publication: z
    .object({ publishedOn: localDate(), channel: z.string(), summary: z.string() })
    .nullable()
    .meta({ description: 'Where and when the record was published (约谈情况公开)' }),
  closedAt: isoInstantOrNull(),
  createdAt: isoInstant(),
});

export class SummonsPageDto extends createZodDto(pageOf(SummonsViewSchema)) {}

export class SummonsDetailDto extends createZodDto(
  SummonsViewSchema.extend({
    attendees: z.array(PersonView),
    attendeesPresent: z.array(PersonView).nullable(),
    minutes: z.string().nullable(),
    commitments: z.array(
      z.object({
        index: z.int(),
        content: z.string(),
        responsible: z.string(),
        deadline: localDate(),
        status: z.enum(['OPEN', 'VERIFIED']),
        rounds: z.int().meta({ description: 'Verifications so far' }),
        verifiedAt: isoInstantOrNull(),
      }),
    ),
  }),
) {}

export class SummonsListQueryDto extends createZodDto(
  PageQuerySchema.extend({ status: z.enum(SUMMONS_STATUSES).optional() }),
) {}

export class PublicSummonsQueryDto extends createZodDto(
  PageQuerySchema.extend({ departmentId: uuid().optional().meta({ description: 'Of one summoning department' }) }),
) {}

/** A published summons record as the public reads it: no ids of the case machinery, people's names masked. */
export class PublicSummonsPageDto extends createZodDto(
  pageOf(
    z.object({
      department: z.string().nullable().meta({ description: 'The department that summoned' }),
      targetKind: z.enum(SUMMONS_TARGET_KINDS),
      targetKindLabel: z.string(),
      targetName: z.string().meta({ description: 'The enterprise, government or department summoned' }),
      principalName: z.string().meta({ description: 'The person summoned, masked (张**)' }),
      reason: z.string(),
      basis: z.string(),
      heldOn: localDate().nullable(),
      publishedOn: localDate(),
      channel: z.string(),
      channelLabel: z.string(),
      summary: z.string().meta({ description: 'What the department published' }),
      commitments: z.array(
        z.object({
          content: z.string(),
          deadline: localDate(),
          status: z.enum(['OPEN', 'VERIFIED']),
          statusLabel: z.string(),
        }),
      ),
    }),
  ),
) {}
