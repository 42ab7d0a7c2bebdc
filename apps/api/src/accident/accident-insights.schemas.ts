import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { ACCIDENT_GRADES } from '@safety/domain/accident/grading';
import { PROPOSED_HANDLINGS, RECTIFICATION_STATUSES } from '@safety/domain/accident/proposals';
import { isoInstant, localDate, offsetPageOf, OffsetPageQuerySchema, pageOf, text, uuid } from '../contract/schemas';

// Statistics, near misses and the published accident reports (条例 Art.34; 安全生产法 Art.86).

const period = {
  from: isoInstant().meta({ description: 'Start (inclusive), ISO 8601 with offset' }),
  to: isoInstant().meta({ description: 'End (exclusive), ISO 8601 with offset' }),
};

export class StatisticsQueryDto extends createZodDto(
  z.strictObject({ ...period, groupBy: z.enum(['grade', 'sector', 'region']) }),
) {}

export class PeriodQueryDto extends createZodDto(z.strictObject(period)) {}

const NEAR_MISS_KINDS = ['NEAR_MISS', 'INJURY_ONLY'] as const;

export class NearMissBodyDto extends createZodDto(
  z.strictObject({
    kind: z.enum(NEAR_MISS_KINDS).meta({ description: 'A near miss (险兆事件) or an injury-only event (轻伤)' }),
    occurredAt: isoInstant(),
    place: text(300),
    sectorCode: text(48),
    causeCategory: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]{1,63}$/)
      .meta({
        example: 'UNSAFE_ACT',
        description: 'Cause category (configurable vocabulary, e.g. UNSAFE_ACT, UNSAFE_CONDITION, MANAGEMENT)',
      }),
    description: text(5000),
    minorInjuries: z
      .int()
      .min(0)
      .max(1000)
      .default(0)
      .meta({ description: '0 for a near miss, at least 1 for an injury-only event' }),
    enterpriseId: uuid().optional(),
  }),
) {}

export class NearMissListQueryDto extends createZodDto(
  OffsetPageQuerySchema.extend({
    from: isoInstant().optional().meta({ description: 'Occurred at or after' }),
    to: isoInstant().optional().meta({ description: 'Occurred before' }),
    kind: z.enum(NEAR_MISS_KINDS).optional(),
    sectorCode: z.string().max(48).optional(),
  }),
) {}

const NearMissViewSchema = z.object({
  id: uuid(),
  departmentId: uuid(),
  kind: z.enum(NEAR_MISS_KINDS),
  occurredAt: isoInstant(),
  place: z.string(),
  sectorCode: z.string(),
  causeCategory: z.string(),
  description: z.string(),
  minorInjuries: z.int(),
  enterpriseId: uuid().nullable(),
  recordedBy: uuid(),
  createdAt: isoInstant(),
});
export type NearMissView = z.infer<typeof NearMissViewSchema>;

export class NearMissDto extends createZodDto(NearMissViewSchema) {}
export class NearMissPageDto extends createZodDto(offsetPageOf(NearMissViewSchema)) {}

const change = z.object({
  accidents: z.int(),
  deaths: z.int(),
  accidentsPct: z.number().nullable().meta({ description: 'Percent change, 1 decimal; null when the base is 0' }),
  deathsPct: z.number().nullable(),
});
const previous = z.object({ accidents: z.int(), deaths: z.int() });

export class StatisticsDto extends createZodDto(
  z.object({
    from: isoInstant(),
    to: isoInstant(),
    groupBy: z.enum(['grade', 'sector', 'region']),
    previousPeriod: z
      .object({ from: isoInstant(), to: isoInstant() })
      .meta({ description: 'The preceding period of equal length' }),
    totals: z.object({
      accidents: z.int(),
      deaths: z.int(),
      largerOrAbove: z.int().meta({ description: '较大 and above' }),
      previous,
      change,
    }),
    groups: z.array(
      z.object({
        key: z.string().nullable().meta({ description: 'The grade, sector code or region id' }),
        label: z.string().nullable().meta({ description: 'The grade, sector name or region name' }),
        accidents: z.int(),
        deaths: z.int(),
        largerOrAbove: z.int(),
        previous,
        change,
      }),
    ),
  }),
) {}

const tally = z.object({ key: z.string(), events: z.int(), minorInjuries: z.int() });

export class NearMissAnalysisDto extends createZodDto(
  z.object({
    from: isoInstant(),
    to: isoInstant(),
    total: z.object({ events: z.int(), minorInjuries: z.int() }),
    bySector: z.array(tally),
    byCause: z.array(tally),
    byKind: z.array(tally),
    bySectorAndCause: z.array(
      z.object({
        sectorCode: z.string(),
        sectorName: z.string(),
        causeCategory: z.string(),
        kind: z.string(),
        events: z.int(),
        minorInjuries: z.int(),
      }),
    ),
  }),
) {}

/** A published report: natural persons' names, phones and ID numbers masked; no referred official. */
const PublicReportSchema = z.object({
  id: uuid().meta({ description: 'The accident case (an accident has no public number of its own)' }),
  occurredOn: localDate(),
  region: z.string(),
  sector: z.string(),
  enterprise: z.string().nullable(),
  place: z.string(),
  grade: z.enum(ACCIDENT_GRADES),
  gradeLabel: z.string().meta({ description: 'e.g. 较大事故 (条例 Art.3)' }),
  deaths: z.int(),
  seriousInjuries: z.int(),
  directLossYuan: z.number(),
  summary: z.string().nullable(),
  directCauses: z.string(),
  indirectCauses: z.string(),
  educationMeasures: z.string(),
  responsibleParties: z.array(
    z.object({
      kind: z.enum(['ENTERPRISE', 'ENTERPRISE_STAFF']),
      kindLabel: z.string(),
      name: z.string().meta({ description: 'A person by surname only' }),
      position: z.string().nullable(),
      responsibility: z.string(),
      proposedHandling: z.enum(PROPOSED_HANDLINGS),
      proposedHandlingLabel: z.string(),
    }),
  ),
  rectificationMeasures: z.array(
    z.object({
      seq: z.int(),
      description: z.string(),
      owner: z.string(),
      dueDate: localDate(),
      status: z.enum(RECTIFICATION_STATUSES),
      statusLabel: z.string(),
    }),
  ),
  evaluation: z
    .object({ publishedAt: isoInstant(), findings: z.string().nullable() })
    .nullable()
    .meta({ description: 'The one-year evaluation once published' }),
  approvedAt: isoInstant().nullable(),
  publishedAt: isoInstant().nullable(),
});

export class PublicReportDto extends createZodDto(PublicReportSchema) {}
export class PublicReportPageDto extends createZodDto(pageOf(PublicReportSchema)) {}
