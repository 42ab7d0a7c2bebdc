import { DataSource } from 'typeorm';
import type { DenominatorKind, IndicatorNature, Measure, TargetKind } from '@safety/domain/indicators';
import { MEASURE_DEFINITIONS } from '@safety/domain/indicators';

export interface SeedIndicator {
  seq: number;
  name: string;
  definition: string;
  measure: Measure;
  baselineYear: number;
  /** DEMO: the baseline values below are illustrative, not the published 2020 figures. */
  baselineValue: number;
  targetKind: TargetKind;
  targetValue: number;
  targetYear: number;
  nature: IndicatorNature;
  leadDepartment: string;
}

/**
 * 无锡市“十四五”安全生产规划 (2021–2025), its indicator table: the four indicators and their targets
 * (下降15%以上, 15%以上, 35%以上, 20%以上 against 2020) are the plan's; the 2020 baseline values, the
 * 预期性 label of the first three and the lead department are DEMO data (docs/indicators.md).
 */
export const WUXI_14TH_PLAN = {
  code: 'WUXI-14FYP-SAFETY',
  title: '无锡市“十四五”安全生产规划',
  issuer: '无锡市人民政府',
  periodStartYear: 2021,
  periodEndYear: 2025,
  source: '无锡市“十四五”安全生产规划, 主要指标表 (baseline values in this installation are demo data)',
  indicators: [
    {
      seq: 1,
      name: '生产安全事故起数',
      definition: '全市行政区域内发生的生产安全事故起数, 2025年较2020年下降15%以上',
      measure: 'ACCIDENT_COUNT',
      baselineYear: 2020,
      baselineValue: 180,
      targetKind: 'DECREASE_MORE_THAN',
      targetValue: 15,
      targetYear: 2025,
      nature: 'INDICATIVE',
      leadDepartment: '市应急管理局',
    },
    {
      seq: 2,
      name: '生产安全事故死亡人数',
      definition: '全市行政区域内生产安全事故死亡人数, 2025年较2020年下降15%以上',
      measure: 'DEATHS',
      baselineYear: 2020,
      baselineValue: 160,
      targetKind: 'DECREASE_MORE_THAN',
      targetValue: 15,
      targetYear: 2025,
      nature: 'INDICATIVE',
      leadDepartment: '市应急管理局',
    },
    {
      seq: 3,
      name: '亿元GDP生产安全事故死亡率',
      definition: '生产安全事故死亡人数 / 地区生产总值(亿元), 2025年较2020年下降35%以上',
      measure: 'DEATHS_PER_100M_YUAN_GDP',
      baselineYear: 2020,
      baselineValue: 0.0129,
      targetKind: 'DECREASE_MORE_THAN',
      targetValue: 35,
      targetYear: 2025,
      nature: 'INDICATIVE',
      leadDepartment: '市应急管理局',
    },
    {
      seq: 4,
      name: '工矿商贸就业人员十万人生产安全事故死亡率',
      definition: '工矿商贸领域生产安全事故死亡人数 / 工矿商贸就业人员(十万人), 2025年较2020年下降20%以上',
      measure: 'DEATHS_PER_100K_IMC_EMPLOYEES',
      baselineYear: 2020,
      baselineValue: 1.45,
      targetKind: 'DECREASE_MORE_THAN',
      targetValue: 20,
      targetYear: 2025,
      nature: 'BINDING',
      leadDepartment: '市应急管理局',
    },
  ] satisfies SeedIndicator[],
};

/** DEMO denominators of Wuxi, 2020–2025: round illustrative figures, not statistics-bureau data. */
export const WUXI_DEMO_DENOMINATORS: Array<[year: number, values: Record<DenominatorKind, number>]> = [
  [2020, { GDP: 12_400, IMC_EMPLOYEES: 3_000_000, REGISTERED_VEHICLES: 2_300_000 }],
  [2021, { GDP: 14_000, IMC_EMPLOYEES: 3_050_000, REGISTERED_VEHICLES: 2_400_000 }],
  [2022, { GDP: 14_800, IMC_EMPLOYEES: 3_080_000, REGISTERED_VEHICLES: 2_500_000 }],
  [2023, { GDP: 15_500, IMC_EMPLOYEES: 3_100_000, REGISTERED_VEHICLES: 2_600_000 }],
  [2024, { GDP: 16_300, IMC_EMPLOYEES: 3_120_000, REGISTERED_VEHICLES: 2_700_000 }],
  [2025, { GDP: 17_000, IMC_EMPLOYEES: 3_150_000, REGISTERED_VEHICLES: 2_800_000 }],
];
export const DEMO_DENOMINATOR_SOURCE = 'DEMO data (illustrative, not statistics-bureau figures)';

/**
 * The Wuxi plan's indicator table for a region, and with `demoDenominators` the demo denominators.
 * Idempotent: the plan and its rows are keyed by code and seq; denominators are only inserted, never
 * overwritten (an administrator's figures survive a re-seed). Answers the plan id.
 */
export async function seedWuxiPlan(
  ds: DataSource,
  regionId: string,
  opts: { demoDenominators: boolean },
): Promise<string> {
  const p = WUXI_14TH_PLAN;
  const rows: Array<{ id: string }> = await ds.query(
    `INSERT INTO indicator_plans (code, title, issuer, region_id, period_start_year, period_end_year, source)
     VALUES ($1,$2,$3,$4,$5,$6,$7)
     ON CONFLICT (code) DO UPDATE SET title = EXCLUDED.title, issuer = EXCLUDED.issuer, source = EXCLUDED.source
     RETURNING id`,
    [p.code, p.title, p.issuer, regionId, p.periodStartYear, p.periodEndYear, p.source],
  );
  const planId = rows[0].id;
  for (const i of p.indicators) {
    await ds.query(
      `INSERT INTO plan_indicators (plan_id, seq, name, definition, measure, unit, baseline_year, baseline_value,
                                    target_kind, target_value, target_year, nature, lead_department)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)
       ON CONFLICT (plan_id, seq) DO UPDATE SET name = EXCLUDED.name, definition = EXCLUDED.definition`,
      [
        planId,
        i.seq,
        i.name,
        i.definition,
        i.measure,
        MEASURE_DEFINITIONS[i.measure].unit,
        i.baselineYear,
        i.baselineValue,
        i.targetKind,
        i.targetValue,
        i.targetYear,
        i.nature,
        i.leadDepartment,
      ],
    );
  }
  if (opts.demoDenominators) {
    for (const [year, values] of WUXI_DEMO_DENOMINATORS)
      for (const [kind, value] of Object.entries(values))
        await ds.query(
          `INSERT INTO indicator_denominators (region_id, year, kind, value, source) VALUES ($1,$2,$3,$4,$5)
           ON CONFLICT (region_id, year, kind) DO NOTHING`,
          [regionId, year, kind, value, DEMO_DENOMINATOR_SOURCE],
        );
  }
  return planId;
}
