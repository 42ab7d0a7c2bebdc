import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import {
  isoInstant,
  isoInstantOrNull,
  localDate,
  offsetPageOf,
  OffsetPageQuerySchema,
  pageOf,
  PageQuerySchema,
  text,
  uuid,
} from '../contract/schemas';

// ---- procedure policy and discretion benchmarks (行政处罚法 Art.34, 63) ----

export class DepartmentParams extends createZodDto(z.strictObject({ departmentId: uuid() })) {}

export class PolicyDto extends createZodDto(
  z.strictObject({
    overrides: z
      .record(z.string(), z.unknown())
      .meta({ description: 'Overrides of the procedure policy (see docs/enforcement.md); unknown keys are refused' }),
  }),
) {}

const byPartyType = z.object({ INDIVIDUAL: z.number(), ORGANISATION: z.number() });

const ProcedurePolicySchema = z
  .object({
    largeFineThresholdYuan: byPartyType.meta({
      description: 'Art.63 较大数额罚款: a larger fine gives a hearing right',
    }),
    largeConfiscationThresholdYuan: byPartyType,
    decisionPeriodDays: z.int().meta({ description: 'Art.60: decide within this many days of 立案' }),
    decisionMaxTotalExtensionDays: z.int(),
    decisionMaxExtensions: z.int(),
    rectificationReinspectionWorkingDays: z.int(),
    disclosureWorkingDays: z.int(),
    disclosureWithdrawalWorkingDays: z.int(),
    serviceWorkingDays: z.int(),
    paymentDays: z.int(),
    statementDefenceWorkingDays: z.int(),
    hearingRequestWorkingDays: z.int(),
    hearingNoticeWorkingDays: z.int(),
    partySubmissionGraceWorkingDays: z.int().meta({
      description:
        'Local rule (default 0): working days the party window stays open after its periods end, for submissions posted in time',
    }),
    reconsiderationDays: z.int(),
    litigationMonths: z.int(),
    courtApplicationMonths: z.int(),
    demandWaitWorkingDays: z.int(),
    creditRepairMinListedDays: z.int(),
    documentPrefix: z.string().nullable(),
  })
  .meta({ description: 'The policy in force: defaults ← the levels above ← the department’s own overrides' });

export class PolicyViewDto extends createZodDto(
  z.object({
    departmentId: uuid(),
    overrides: z.record(z.string(), z.unknown()),
    effective: ProcedurePolicySchema,
  }),
) {}

const yuan = () => z.number().min(0).max(1e10).multipleOf(0.01);
const FineRangeSchema = z.strictObject({ minYuan: yuan(), maxYuan: yuan() });

const BenchmarkEntrySchema = z.strictObject({
  violationType: text(64).meta({ example: 'SPL-97-3' }),
  title: z.string().max(200).optional(),
  legalBasis: text(500).meta({ description: 'The article that sets the penalty' }),
  statutoryRange: FineRangeSchema.optional(),
  ranges: z.strictObject({ LENIENT: FineRangeSchema, ORDINARY: FineRangeSchema, SEVERE: FineRangeSchema }),
});

const FineRangeViewSchema = z.object({ minYuan: z.number(), maxYuan: z.number() });
const BenchmarkEntryViewSchema = z.object({
  violationType: z.string(),
  title: z.string().optional(),
  legalBasis: z.string(),
  statutoryRange: FineRangeViewSchema.optional(),
  ranges: z.object({ LENIENT: FineRangeViewSchema, ORDINARY: FineRangeViewSchema, SEVERE: FineRangeViewSchema }),
});

const benchmarkId = () =>
  z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .meta({ example: 'JS-2026-01', description: 'Version id; a benchmark is never edited' });

/** A benchmark's version id is its own code (e.g. JS-2026-01), not a uuid. */
export class BenchmarkParams extends createZodDto(z.strictObject({ version: benchmarkId() })) {}

export class BenchmarkDto extends createZodDto(
  z.strictObject({
    id: benchmarkId(),
    departmentId: uuid(),
    jurisdiction: text(128),
    effectiveFrom: localDate(),
    source: text(1000),
    entries: z.array(BenchmarkEntrySchema).min(1).max(500),
  }),
) {}

const BenchmarkViewSchema = z.object({
  id: z.string(),
  departmentId: uuid().nullable().meta({ description: 'null: the installation default' }),
  jurisdiction: z.string(),
  effectiveFrom: localDate(),
  source: z.string(),
  entries: z.array(BenchmarkEntryViewSchema),
  createdAt: isoInstant(),
});

export class BenchmarkViewDto extends createZodDto(BenchmarkViewSchema) {}
export class BenchmarkPageDto extends createZodDto(offsetPageOf(BenchmarkViewSchema)) {}

export class ApplicableBenchmarkQueryDto extends createZodDto(
  z.strictObject({
    departmentId: uuid().optional().meta({ description: 'Default: your department' }),
    on: localDate().optional().meta({ description: 'Default: today in China' }),
  }),
) {}

// ---- 重大执法决定法制审核目录 (行政处罚法 Art.58) ----

const entryId = () =>
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,47}$/)
    .meta({ example: 'fine-organisation', description: 'Stable id of the line; the case names matched entries by it' });
const entryTitle = () => text(200).meta({ description: 'The catalogue line as published (Chinese)' });
const PARTY_TYPE = z.enum(['ORGANISATION', 'INDIVIDUAL']);

const AmountEntrySchema = z.strictObject({
  id: entryId(),
  kind: z.literal(['FINE_AT_OR_ABOVE', 'CONFISCATION_AT_OR_ABOVE']),
  partyType: PARTY_TYPE,
  amountYuan: yuan().meta({ description: 'At or above this amount (yuan, 2 decimals), like Art.63 较大数额' }),
  title: entryTitle().optional(),
});
const MeasureOrFlagEntrySchema = z.strictObject({
  id: entryId(),
  kind: z.literal(['SUSPEND_PRODUCTION', 'LICENCE_REVOCATION', 'CLOSURE', 'MAJOR_PUBLIC_INTEREST', 'COMPLEX_CASE']),
  title: entryTitle().optional(),
});
const OtherEntrySchema = z.strictObject({
  id: entryId(),
  kind: z.literal('OTHER').meta({ description: 'Matches only when the proposal names the entry' }),
  title: entryTitle(),
});

export class LegalReviewCatalogueDto extends createZodDto(
  z.strictObject({
    entries: z
      .array(z.discriminatedUnion('kind', [AmountEntrySchema, MeasureOrFlagEntrySchema, OtherEntrySchema]))
      .max(100)
      .meta({ description: 'The whole catalogue (replaces the stored one); an empty list leaves only Art.58 itself' }),
  }),
) {}

export class LegalReviewCatalogueViewDto extends createZodDto(
  z.object({
    departmentId: uuid(),
    isDefault: z.boolean().meta({ description: 'True while the department has stored none: the default catalogue' }),
    entries: z.array(
      z.object({
        id: z.string(),
        kind: z.enum([
          'FINE_AT_OR_ABOVE',
          'CONFISCATION_AT_OR_ABOVE',
          'SUSPEND_PRODUCTION',
          'LICENCE_REVOCATION',
          'CLOSURE',
          'MAJOR_PUBLIC_INTEREST',
          'COMPLEX_CASE',
          'OTHER',
        ]),
        title: z.string(),
        partyType: PARTY_TYPE.optional(),
        amountYuan: z.number().optional(),
      }),
    ),
    updatedAt: isoInstantOrNull(),
    updatedBy: uuid().nullable(),
  }),
) {}

// ---- 行政执法公示, the serious dishonesty list and 信用修复 ----

/** A published decision; its decision number is its public identifier (no internal ids in public views). */
const PublicDecisionSchema = z.object({
  department: z.string(),
  partyName: z.string(),
  creditCode: z.string().nullable(),
  decisionNumber: z.string(),
  violation: z.string(),
  legalBasis: z.string(),
  penalty: z.string(),
  fineYuan: z.number().nullable(),
  decisionDate: localDate(),
  publishedAt: isoInstant(),
});

export class PublicDecisionPageDto extends createZodDto(pageOf(PublicDecisionSchema)) {}

const PublicListingSchema = z.object({
  partyName: z.string(),
  creditCode: z.string(),
  reason: z.string(),
  decisionNumber: z.string(),
  listedOn: localDate(),
});

export class PublicListingPageDto extends createZodDto(pageOf(PublicListingSchema)) {}

const LISTING_STATUSES = ['LISTED', 'REPAIRED', 'REMOVED'] as const;
const REPAIR_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;

export class ListingQueryDto extends createZodDto(
  PageQuerySchema.extend({ status: z.enum(LISTING_STATUSES).optional() }),
) {}

const ListingSchema = PublicListingSchema.extend({
  id: uuid(),
  enterpriseId: uuid(),
  caseId: uuid(),
  departmentId: uuid(),
  status: z.enum(LISTING_STATUSES),
  removedOn: localDate().nullable(),
});

export class ListingPageDto extends createZodDto(pageOf(ListingSchema)) {}

export class RepairQueryDto extends createZodDto(
  OffsetPageQuerySchema.extend({ status: z.enum(REPAIR_STATUSES).optional() }),
) {}

export class RepairRequestDto extends createZodDto(
  z.strictObject({
    statement: text(5000),
    rectificationEvidence: text(5000).meta({
      description: 'What the enterprise corrected, with references to evidence',
    }),
  }),
) {}

export class RepairDecisionDto extends createZodDto(z.strictObject({ approve: z.boolean(), comment: text(2000) })) {}

const RepairSchema = z.object({
  id: uuid(),
  dishonestEntityId: uuid(),
  departmentId: uuid(),
  requestedBy: uuid(),
  statement: z.string(),
  rectificationEvidence: z.string(),
  status: z.enum(REPAIR_STATUSES),
  decidedBy: uuid().nullable(),
  decidedAt: isoInstantOrNull(),
  decisionComment: z.string().nullable(),
  createdAt: isoInstant(),
});

export class RepairDto extends createZodDto(RepairSchema) {}
export class RepairPageDto extends createZodDto(offsetPageOf(RepairSchema)) {}

// ---- 案卷评查 (case-file review) ----

export class SampleDto extends createZodDto(
  z.strictObject({
    size: z.int().min(1).max(200),
    seed: text(128).meta({
      description: 'Publish it: anyone can re-draw the same sample from the seed',
      example: '2026-Q4-评查',
    }),
    departmentId: uuid().optional().meta({ description: 'Default: your department' }),
    archivedFrom: localDate().optional(),
    archivedTo: localDate().optional(),
  }),
) {}

const SampleSchema = z.object({
  id: uuid(),
  departmentId: uuid(),
  seed: z.string(),
  requestedSize: z.int(),
  populationSize: z.int(),
  criteria: z.object({
    archivedFrom: localDate().nullable(),
    archivedTo: localDate().nullable(),
    departments: z.array(uuid()),
  }),
  caseIds: z.array(uuid()),
  drawnBy: uuid(),
  drawnAt: isoInstant(),
});

export class SampleViewDto extends createZodDto(SampleSchema) {}
export class SamplePageDto extends createZodDto(offsetPageOf(SampleSchema)) {}

const ScoreItemSchema = z.strictObject({
  criterion: text(200),
  score: z.int().min(0).max(100),
  maxScore: z.int().min(1).max(100),
  comment: z.string().max(2000).optional(),
});

export class ScoreDto extends createZodDto(
  z.strictObject({
    caseId: uuid(),
    score: z.int().min(0).max(100),
    findings: text(20_000),
    items: z
      .array(ScoreItemSchema)
      .max(50)
      .optional()
      .meta({ description: 'Itemised criteria: maxima add up to 100, scores to the total' }),
  }),
) {}

const ScoreSchema = z.object({
  id: uuid(),
  sampleId: uuid(),
  caseId: uuid(),
  reviewerId: uuid(),
  score: z.int(),
  items: z.array(
    z.object({ criterion: z.string(), score: z.int(), maxScore: z.int(), comment: z.string().optional() }),
  ),
  findings: z.string(),
  createdAt: isoInstant(),
});

export class ScoreViewDto extends createZodDto(ScoreSchema) {}
export class SampleDetailDto extends createZodDto(SampleSchema.extend({ scores: z.array(ScoreSchema) })) {}
