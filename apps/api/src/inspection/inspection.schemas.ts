import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type {
  InspectionConflictEntity,
  InspectionDrawEntity,
  InspectionDrawTargetEntity,
  InspectionPlanEntity,
} from '@safety/persistence';
import { INSPECTION_PLAN_KINDS } from '@safety/domain/inspection/draw';
import {
  isoInstant,
  isoInstantOrNull,
  offsetPageOf,
  OffsetPageQuerySchema,
  pageOf,
  PageQuerySchema,
  text,
  uuid,
} from '../contract/schemas';

// 年度/专项检查计划, 双随机 draws and the 回避 list: short administrative lists, paged by offset.

const PLAN_STATUSES = ['DRAFT', 'APPROVED'] as const;
const CONFLICT_REASONS = ['KINSHIP', 'PRIOR_EMPLOYMENT', 'FINANCIAL_INTEREST', 'OTHER'] as const;
const riskGrade = z.enum(['RED', 'ORANGE', 'YELLOW', 'BLUE']);

// ---- bodies and queries ----

const frequency = z.number().min(0).max(365);

export class CreatePlanDto extends createZodDto(
  z.strictObject({
    year: z.int().min(2000).max(2100).meta({ example: 2026 }),
    kind: z.enum(INSPECTION_PLAN_KINDS),
    title: text(200).meta({ example: '2026年度双随机抽查计划' }),
    sectorCodes: z
      .array(z.string().min(1).max(48))
      .max(50)
      .optional()
      .meta({ description: 'Sectors covered; absent or empty = all the department supervises' }),
    config: z
      .strictObject({
        frequencyPerYear: z
          .strictObject({
            RED: frequency.optional(),
            ORANGE: frequency.optional(),
            YELLOW: frequency.optional(),
            BLUE: frequency.optional(),
          })
          .optional()
          .meta({
            description: 'Inspections per enterprise per year by risk grade (分类分级; 0.5 = every other year)',
          }),
        drawsPerYear: z.int().min(1).max(366).optional().meta({ example: 4 }),
        inspectorsPerTarget: z.int().min(2).max(10).optional().meta({ example: 2 }),
      })
      .optional()
      .meta({
        description: 'Sampling; what is absent takes the default (RED 4, ORANGE 2, YELLOW 1, BLUE 0.5; 4 draws; 2)',
      }),
  }),
) {}

export class ApproveDto extends createZodDto(z.strictObject({ comment: z.string().max(1000).optional() })) {}

export class DrawDto extends createZodDto(
  z.strictObject({
    seed: z
      .string()
      .regex(/^[\w.:-]{8,128}$/)
      .optional()
      .meta({
        description:
          'A seed fixed in public beforehand (e.g. at a notarised ceremony); otherwise the server draws one. 8–128 of [A-Za-z0-9_.:-].',
      }),
  }),
) {}

export class PlanListQueryDto extends createZodDto(
  OffsetPageQuerySchema.extend({
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    status: z.enum(PLAN_STATUSES).optional(),
  }),
) {}

export class DrawListQueryDto extends createZodDto(OffsetPageQuerySchema.extend({ planId: uuid().optional() })) {}

export class PublicDrawQueryDto extends createZodDto(PageQuerySchema.extend({ departmentId: uuid().optional() })) {}

export class CreateConflictDto extends createZodDto(
  z.strictObject({
    officerId: uuid(),
    enterpriseId: uuid(),
    reason: z.enum(CONFLICT_REASONS),
    note: z.string().max(500).optional(),
  }),
) {}

export class ConflictListQueryDto extends createZodDto(
  OffsetPageQuerySchema.extend({
    officerId: uuid().optional(),
    enterpriseId: uuid().optional(),
    active: z.enum(['true', 'false']).optional(),
  }),
) {}

// ---- views ----

const PlanConfigSchema = z.object({
  frequencyPerYear: z.object({ RED: z.number(), ORANGE: z.number(), YELLOW: z.number(), BLUE: z.number() }),
  drawsPerYear: z.int(),
  inspectorsPerTarget: z.int(),
});
type PlanConfig = z.infer<typeof PlanConfigSchema>;

const PlanViewSchema = z.object({
  id: uuid(),
  departmentId: uuid(),
  year: z.int(),
  kind: z.enum(INSPECTION_PLAN_KINDS),
  title: z.string(),
  sectorCodes: z.array(z.string()),
  config: PlanConfigSchema,
  status: z.enum(PLAN_STATUSES),
  createdBy: uuid(),
  approvedBy: uuid().nullable(),
  approvedAt: isoInstantOrNull(),
  createdAt: isoInstant(),
});

export class PlanDto extends createZodDto(PlanViewSchema) {}
export class PlanPageDto extends createZodDto(offsetPageOf(PlanViewSchema)) {}

export const planView = (plan: InspectionPlanEntity): z.infer<typeof PlanViewSchema> => ({
  id: plan.id,
  departmentId: plan.departmentId,
  year: plan.year,
  kind: plan.kind,
  title: plan.title,
  sectorCodes: plan.sectorCodes,
  // Stored as validated by the domain (validatePlanConfig), defaults filled in.
  config: plan.config as unknown as PlanConfig,
  status: plan.status,
  createdBy: plan.createdBy,
  approvedBy: plan.approvedBy,
  approvedAt: plan.approvedAt?.toISOString() ?? null,
  createdAt: plan.createdAt.toISOString(),
});

const ConflictViewSchema = z.object({
  id: uuid(),
  departmentId: uuid(),
  officerId: uuid(),
  enterpriseId: uuid(),
  reason: z.enum(CONFLICT_REASONS),
  note: z.string().nullable(),
  active: z.boolean(),
  createdBy: uuid(),
  createdAt: isoInstant(),
  deactivatedAt: isoInstantOrNull(),
});

export class ConflictDto extends createZodDto(ConflictViewSchema) {}
export class ConflictPageDto extends createZodDto(offsetPageOf(ConflictViewSchema)) {}

export const conflictView = (conflict: InspectionConflictEntity): z.infer<typeof ConflictViewSchema> => ({
  id: conflict.id,
  departmentId: conflict.departmentId,
  officerId: conflict.officerId,
  enterpriseId: conflict.enterpriseId,
  reason: conflict.reason,
  note: conflict.note,
  active: conflict.active,
  createdBy: conflict.createdBy,
  createdAt: conflict.createdAt.toISOString(),
  deactivatedAt: conflict.deactivatedAt?.toISOString() ?? null,
});

const quota = z.object({ poolSize: z.int(), drawn: z.int() });

const DrawViewSchema = z.object({
  id: uuid(),
  drawNo: z.string().meta({ description: 'The draw number, e.g. <department code>-双随机-2026-001' }),
  planId: uuid(),
  departmentId: uuid(),
  seed: z.string(),
  seedSource: z.enum(['SUPPLIED', 'GENERATED']).nullable(),
  algorithm: z.string().meta({ description: 'The draw algorithm and PRNG, versioned' }),
  config: PlanConfigSchema.meta({ description: "The plan's sampling at draw time" }),
  quotas: z
    .object({ RED: quota, ORANGE: quota, YELLOW: quota, BLUE: quota })
    .meta({ description: 'Per risk grade: enterprises in the pool and targets drawn' }),
  poolSizes: z.object({ enterprises: z.int(), officers: z.int(), conflicts: z.int() }),
  drawnBy: uuid(),
  drawnAt: isoInstant(),
  publishedAt: isoInstantOrNull(),
  targets: z.array(
    z.object({
      id: uuid(),
      position: z.int(),
      enterpriseId: uuid(),
      riskGrade,
      inspectorIds: z.array(uuid()),
      inspectionCaseId: uuid().nullable().meta({ description: 'The inspection opened for the target, once opened' }),
    }),
  ),
});
type DrawView = z.infer<typeof DrawViewSchema>;

export class DrawViewDto extends createZodDto(DrawViewSchema) {}
export class DrawPageDto extends createZodDto(offsetPageOf(DrawViewSchema)) {}

export const drawView = (draw: InspectionDrawEntity, targets: InspectionDrawTargetEntity[]): DrawView => {
  const pool = draw.pool as {
    enterprises?: unknown[];
    officers?: unknown[];
    conflicts?: unknown[];
    seedSource?: string;
  };
  return {
    id: draw.id,
    drawNo: draw.drawNo,
    planId: draw.planId,
    departmentId: draw.departmentId,
    seed: draw.seed,
    seedSource: (pool.seedSource ?? null) as DrawView['seedSource'],
    algorithm: draw.algorithm,
    config: draw.config as unknown as PlanConfig,
    quotas: draw.quotas as unknown as DrawView['quotas'],
    poolSizes: {
      enterprises: pool.enterprises?.length ?? 0,
      officers: pool.officers?.length ?? 0,
      conflicts: pool.conflicts?.length ?? 0,
    },
    drawnBy: draw.drawnBy,
    drawnAt: draw.drawnAt.toISOString(),
    publishedAt: draw.publishedAt?.toISOString() ?? null,
    targets: targets.map((target) => ({
      id: target.id,
      position: target.position,
      enterpriseId: target.enterpriseId,
      riskGrade: target.riskGrade,
      inspectorIds: target.inspectorIds,
      inspectionCaseId: target.inspectionCaseId,
    })),
  };
};

export class DrawVerificationDto extends createZodDto(
  z.object({
    reproducible: z
      .boolean()
      .meta({ description: 'The recomputed draw equals the stored one, with the same algorithm' }),
    mismatchedPositions: z.array(z.int()),
    algorithm: z.string(),
    recomputedTargets: z.array(
      z.object({ position: z.int(), enterpriseId: uuid(), riskGrade, inspectorIds: z.array(uuid()) }),
    ),
  }),
) {}

/** 双随机一公开: what the public sees of a draw (no officer ids, names masked). */
const PublicDrawSchema = z.object({
  drawNo: z.string().meta({ description: 'The public number of the draw' }),
  department: z.string().nullable(),
  plan: z
    .object({ title: z.string(), kind: z.enum(INSPECTION_PLAN_KINDS), kindLabel: z.string(), year: z.int() })
    .nullable(),
  drawnAt: isoInstant(),
  publishedAt: isoInstantOrNull(),
  seed: z.string().meta({ description: 'With the algorithm, anyone can recompute the draw' }),
  algorithm: z.string(),
  targets: z.array(
    z.object({
      position: z.int(),
      enterpriseName: z.string().nullable(),
      creditCode: z.string().nullable(),
      inspectorCount: z.int(),
      inspectors: z.array(z.string()).meta({ description: "Inspectors' names masked: the first character, then *" }),
    }),
  ),
});

export class PublicDrawPageDto extends createZodDto(pageOf(PublicDrawSchema)) {}
