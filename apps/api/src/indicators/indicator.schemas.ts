import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import {
  DENOMINATOR_KINDS,
  INDICATOR_NATURES,
  MEASURES,
  PUBLISHED_VERDICTS,
  TARGET_KINDS,
  VERDICTS,
} from '@safety/domain/indicators';
import { isoInstant, localDate, text, uuid } from '../contract/schemas';

// Plan indicators (规划指标) against their targets: see docs/indicators.md.

const year = () => z.coerce.number().int().min(2000).max(2100);
const amount = () => z.number().finite().min(0).max(1e12);

export class IndicatorReportQueryDto extends createZodDto(
  z.strictObject({
    planId: uuid().optional().meta({ description: 'One plan only' }),
    regionId: uuid().optional().meta({ description: 'The plans of one region of your jurisdiction' }),
    year: year().optional().meta({ description: 'One year of the period only' }),
  }),
) {}

const IndicatorBodySchema = z.strictObject({
  name: text(200).meta({ example: '工矿商贸就业人员十万人生产安全事故死亡率' }),
  definition: text(2000).meta({ description: 'What the plan counts (指标解释)' }),
  measure: z.enum(MEASURES).meta({ description: 'What is computed from the accident records and denominators' }),
  unit: text(40).optional().meta({ description: "Defaults to the measure's unit" }),
  sectorCodes: z
    .array(z.string().min(1).max(48))
    .max(30)
    .nullable()
    .optional()
    .meta({ description: "Sectors counted; default: the measure's (all, 工矿商贸, or road transport)" }),
  baselineYear: z.int().min(2000).max(2100),
  baselineValue: amount(),
  targetKind: z.enum(TARGET_KINDS).meta({
    description: 'DECREASE_MORE_THAN: 下降X%以上 (strictly more than X% below the baseline); CEILING: 控制在Y以内',
  }),
  targetValue: amount().meta({ description: 'X (percent) or Y (in the unit)' }),
  targetYear: z.int().min(2000).max(2100),
  nature: z.enum(INDICATOR_NATURES).meta({ description: 'BINDING 约束性 or INDICATIVE 预期性' }),
  leadDepartment: text(200).meta({ description: '牵头单位', example: '市应急管理局' }),
});

export class IndicatorBodyDto extends createZodDto(IndicatorBodySchema) {}

export class IndicatorPlanBodyDto extends createZodDto(
  z.strictObject({
    code: z
      .string()
      .regex(/^[A-Z0-9][A-Z0-9_-]{1,63}$/)
      .meta({ example: 'WUXI-14FYP-SAFETY' }),
    title: text(200),
    issuer: text(200).meta({ example: '无锡市人民政府办公室' }),
    regionId: uuid(),
    periodStartYear: z.int().min(2000).max(2100),
    periodEndYear: z.int().min(2000).max(2100),
    source: text(1000).nullable().optional().meta({ description: 'Where the plan is published' }),
    indicators: z.array(IndicatorBodySchema).max(50).default([]),
  }),
) {}

export class IndicatorPlanIdParams extends createZodDto(z.strictObject({ id: uuid() })) {}

export class IndicatorIdParams extends createZodDto(z.strictObject({ id: uuid(), indicatorId: uuid() })) {}

const revisionReason = text(500).meta({
  description: 'Why the entry changes (a correction, or the target adjusted at the mid-term review); audited',
  example: '中期评估调整目标',
});

export class IndicatorRevisionBodyDto extends createZodDto(IndicatorBodySchema.extend({ reason: revisionReason })) {}

export class IndicatorPlanRevisionBodyDto extends createZodDto(
  z.strictObject({
    title: text(200).optional(),
    issuer: text(200).optional(),
    source: text(1000).nullable().optional(),
    reason: revisionReason,
  }),
) {}

export class DenominatorParams extends createZodDto(z.strictObject({ regionId: uuid(), year: year() })) {}

const denominatorValues = z
  .strictObject({
    GDP: z.number().finite().positive().max(1e9).optional().meta({ description: '地区生产总值, 亿元' }),
    IMC_EMPLOYEES: z.int().positive().max(1e9).optional().meta({ description: '工矿商贸就业人员, persons' }),
    REGISTERED_VEHICLES: z.int().positive().max(1e10).optional().meta({ description: '机动车保有量, vehicles' }),
  })
  .meta({ description: 'The kinds given replace those of the region and year; kinds left out are removed' });

export class DenominatorsBodyDto extends createZodDto(
  z.strictObject({ values: denominatorValues, source: text(500).meta({ example: '无锡市统计年鉴2025' }) }),
) {}

export class DenominatorsDto extends createZodDto(
  z.object({
    regionId: uuid(),
    year: z.int(),
    values: z.object({
      GDP: z.number().optional(),
      IMC_EMPLOYEES: z.number().optional(),
      REGISTERED_VEHICLES: z.number().optional(),
    }),
    source: z.string().nullable(),
    updatedAt: isoInstant().nullable(),
  }),
) {}

const IndicatorViewSchema = z.object({
  id: uuid(),
  planId: uuid(),
  seq: z.int(),
  name: z.string(),
  definition: z.string(),
  measure: z.enum(MEASURES),
  unit: z.string(),
  sectorCodes: z.array(z.string()).nullable(),
  baselineYear: z.int(),
  baselineValue: z.number(),
  targetKind: z.enum(TARGET_KINDS),
  targetValue: z.number(),
  targetYear: z.int(),
  nature: z.enum(INDICATOR_NATURES),
  leadDepartment: z.string(),
});
export class IndicatorDto extends createZodDto(IndicatorViewSchema) {}

export class IndicatorPlanDto extends createZodDto(
  z.object({
    id: uuid(),
    code: z.string(),
    title: z.string(),
    issuer: z.string(),
    regionId: uuid(),
    periodStartYear: z.int(),
    periodEndYear: z.int(),
    source: z.string().nullable(),
    indicators: z.array(IndicatorViewSchema),
  }),
) {}

const publishedFields = {
  value: amount().meta({ description: "The value as published, in the indicator's unit", example: 1.52 }),
  verdict: z.enum(PUBLISHED_VERDICTS).meta({
    description:
      'The verdict as published: ACHIEVED 已完成, NOT_ACHIEVED 未完成, ON_TRACK 进度正常, OFF_TRACK 进度滞后',
  }),
  source: text(500).meta({
    description: 'The document that published it (title and number, or where)',
    example: '无锡市“十四五”安全生产规划中期评估报告',
  }),
  publishedOn: localDate().meta({ description: 'The day it was published (China date); not before the year began' }),
};

export class PublishedResultBodyDto extends createZodDto(
  z.strictObject({
    regionId: uuid().meta({ description: "The plan's region" }),
    year: z.int().min(2000).max(2100),
    ...publishedFields,
  }),
) {}

export class PublishedResultRevisionBodyDto extends createZodDto(
  z.strictObject({
    ...publishedFields,
    reason: text(500).meta({ description: 'Why the record changes (audited)', example: '按正式公布的评估报告更正' }),
  }),
) {}

export class PublishedResultParams extends createZodDto(
  z.strictObject({ id: uuid(), indicatorId: uuid(), regionId: uuid(), year: year() }),
) {}

/** A published result as recorded (also in the report, beside the computed value). */
const publishedView = {
  value: z.number(),
  verdict: z.enum(PUBLISHED_VERDICTS),
  verdictLabel: z.string(),
  source: z.string(),
  publishedOn: localDate(),
  revisionReason: z.string().nullable().meta({ description: 'The reason of the last revision' }),
};

export class PublishedResultDto extends createZodDto(
  z.object({
    planId: uuid(),
    indicatorId: uuid(),
    regionId: uuid(),
    year: z.int(),
    ...publishedView,
    recordedAt: isoInstant(),
    updatedAt: isoInstant(),
  }),
) {}

const PublishedInReportSchema = z
  .object({
    ...publishedView,
    difference: z.number().nullable().meta({ description: 'Published minus computed; null without a computed value' }),
    tolerance: z.number().meta({ description: "Half a unit of the measure's last decimal (counts: must be equal)" }),
    valueDiffers: z.boolean().nullable().meta({ description: 'null when no value is computed (缺少基数)' }),
    verdictDiffers: z
      .boolean()
      .nullable()
      .meta({ description: 'null when the computed verdict is 缺少基数 or 不评价' }),
    discrepancy: z.boolean().meta({ description: 'The published value or verdict differs from the computed one' }),
  })
  .nullable()
  .meta({ description: "The result the agencies published for the plan's region and year, compared; null if none" });

const YearSchema = z.object({
  year: z.int(),
  numerator: z.int().meta({ description: 'Accidents or deaths counted in the sectors of the indicator' }),
  denominator: z.number().nullable().meta({ description: 'The denominator as entered; null for counts or if missing' }),
  value: z
    .number()
    .nullable()
    .meta({ description: "Published value (the measure's decimals); null without denominator" }),
  verdict: z.enum(VERDICTS),
  verdictLabel: z.string().meta({ example: '未完成' }),
  benchmark: z
    .number()
    .nullable()
    .meta({ description: 'The path value (intermediate years) or the threshold (target year)' }),
  changeFromBaselinePct: z.number().nullable().meta({ description: 'Fall from the baseline in percent, 1 decimal' }),
  progressPct: z.number().nullable().meta({ description: 'Share of the way from baseline to threshold, percent' }),
  previousYear: z.object({
    previousYear: z.int(),
    previousValue: z.number().nullable(),
    change: z.number().nullable(),
    changePct: z.number().nullable(),
  }),
  published: PublishedInReportSchema,
  bySector: z.array(
    z.object({
      sectorCode: z.string(),
      sectorName: z.string(),
      accidents: z.int(),
      deaths: z.int(),
      largerOrAbove: z.int().meta({ description: '较大及以上' }),
    }),
  ),
});

export class IndicatorReportDto extends createZodDto(
  z.object({
    plans: z.array(
      z.object({
        id: uuid(),
        code: z.string(),
        title: z.string(),
        issuer: z.string(),
        regionId: uuid(),
        regionName: z.string().nullable(),
        periodStartYear: z.int(),
        periodEndYear: z.int(),
        source: z.string().nullable(),
        indicators: z.array(
          z.object({
            id: uuid(),
            seq: z.int(),
            name: z.string(),
            definition: z.string(),
            measure: z.enum(MEASURES),
            measureLabel: z.string(),
            unit: z.string(),
            decimals: z.int(),
            sectorCodes: z.array(z.string()).nullable().meta({ description: 'Sectors counted; null = all' }),
            denominatorKind: z.enum(DENOMINATOR_KINDS).nullable(),
            nature: z.enum(INDICATOR_NATURES),
            natureLabel: z.string(),
            leadDepartment: z.string(),
            baseline: z.object({ year: z.int(), value: z.number() }),
            target: z.object({
              kind: z.enum(TARGET_KINDS),
              value: z.number(),
              year: z.int(),
              threshold: z
                .number()
                .meta({ description: 'The value the target year must stay below (or at, for a ceiling)' }),
            }),
            years: z.array(YearSchema),
          }),
        ),
      }),
    ),
  }),
) {}
