import { ErrorCode } from '../errors';
import { errorOf } from '../spec-helpers';
import {
  INDUSTRY_MINING_COMMERCE_SECTORS,
  MEASURE_DEFINITIONS,
  MEASURES,
  measure,
  roundTo,
  sectorScope,
  SectorTally,
} from './measures';
import { assessYear, IndicatorTarget, pathValue, periodChange, targetThreshold, validateTarget } from './targets';

const decrease = (pct: number, baselineValue: number, extra: Partial<IndicatorTarget> = {}): IndicatorTarget => ({
  kind: 'DECREASE_MORE_THAN',
  value: pct,
  baselineYear: 2020,
  baselineValue,
  targetYear: 2025,
  ...extra,
});
const ceiling = (value: number, baselineValue: number): IndicatorTarget => ({
  kind: 'CEILING',
  value,
  baselineYear: 2020,
  baselineValue,
  targetYear: 2025,
});

describe('rounding', () => {
  it.each([
    [0.0005, 3, 0.001],
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [0.96, 3, 0.96],
    [0.9599969, 3, 0.96],
    [0.9594, 3, 0.959],
    [12.5, 0, 13],
    [-1.25, 1, -1.3],
    [7, 4, 7],
  ])('roundTo(%p, %p) = %p (half away from zero on the decimal digits)', (v, d, out) => {
    expect(roundTo(v, d)).toBe(out);
  });
});

describe('measures', () => {
  const tallies: SectorTally[] = [
    { sectorCode: 'HAZARDOUS_CHEMICALS', accidents: 2, deaths: 3, largerOrAbove: 1 },
    { sectorCode: 'ROAD_TRANSPORT', accidents: 5, deaths: 4, largerOrAbove: 0 },
    { sectorCode: 'FIRE', accidents: 1, deaths: 1, largerOrAbove: 0 },
  ];

  it('every measure has a label, unit and a denominator scale of at least 1', () => {
    for (const m of MEASURES) {
      expect(MEASURE_DEFINITIONS[m].label).toMatch(/\S/);
      expect(MEASURE_DEFINITIONS[m].denominatorScale).toBeGreaterThanOrEqual(1);
    }
  });

  it('counts accidents and deaths of every sector when the indicator names none', () => {
    expect(measure('ACCIDENT_COUNT', tallies, null, {})).toEqual({ numerator: 8, denominator: null, value: 8 });
    expect(measure('DEATHS', tallies, null, {})).toEqual({ numerator: 8, denominator: null, value: 8 });
    expect(measure('DEATHS', [], null, {}).value).toBe(0);
    expect(measure('LARGER_OR_ABOVE_ACCIDENTS', tallies, null, {}).value).toBe(1);
    expect(measure('LARGER_OR_ABOVE_ACCIDENTS', tallies, ['FIRE'], {}).value).toBe(0);
  });

  it('counts only the sectors an indicator names', () => {
    expect(measure('ACCIDENT_COUNT', tallies, ['ROAD_TRANSPORT', 'FIRE'], {}).value).toBe(6);
  });

  it('divides deaths by GDP in 亿元', () => {
    expect(measure('DEATHS_PER_100M_YUAN_GDP', tallies, null, { GDP: 12_000 })).toEqual({
      numerator: 8,
      denominator: 12_000,
      value: 0.0007,
    });
  });

  it('counts 工矿商贸 deaths per 100 000 employees, leaving road traffic and fire out by default', () => {
    expect(sectorScope('DEATHS_PER_100K_IMC_EMPLOYEES', null)).toBe(INDUSTRY_MINING_COMMERCE_SECTORS);
    expect(INDUSTRY_MINING_COMMERCE_SECTORS).not.toContain('ROAD_TRANSPORT');
    expect(INDUSTRY_MINING_COMMERCE_SECTORS).not.toContain('FIRE');
    expect(measure('DEATHS_PER_100K_IMC_EMPLOYEES', tallies, null, { IMC_EMPLOYEES: 300_000 })).toEqual({
      numerator: 3,
      denominator: 300_000,
      value: 1,
    });
    // An indicator's own sectors replace the default.
    expect(measure('DEATHS_PER_100K_IMC_EMPLOYEES', tallies, ['FIRE'], { IMC_EMPLOYEES: 100_000 }).value).toBe(1);
  });

  it('counts road transport deaths per 10 000 vehicles, to 2 decimals', () => {
    expect(measure('DEATHS_PER_10K_VEHICLES', tallies, null, { REGISTERED_VEHICLES: 3_000_000 }).value).toBe(0.01);
    expect(measure('DEATHS_PER_10K_VEHICLES', tallies, null, { REGISTERED_VEHICLES: 30_000 }).value).toBe(1.33);
  });

  it('has no value when the denominator is missing or 0, but still the numerator', () => {
    expect(measure('DEATHS_PER_100M_YUAN_GDP', tallies, null, {})).toEqual({
      numerator: 8,
      denominator: null,
      value: null,
    });
    expect(measure('DEATHS_PER_100M_YUAN_GDP', tallies, null, { GDP: 0 }).value).toBeNull();
  });

  it('publishes a rate rounded to its decimals (the value the verdict compares)', () => {
    // 3 / 3.125 = 0.96 exactly; 3 / 3.12501 = 0.959996…, published as 0.960.
    expect(measure('DEATHS_PER_100K_IMC_EMPLOYEES', tallies, null, { IMC_EMPLOYEES: 312_500 }).value).toBe(0.96);
    expect(measure('DEATHS_PER_100K_IMC_EMPLOYEES', tallies, null, { IMC_EMPLOYEES: 312_501 }).value).toBe(0.96);
    expect(measure('DEATHS_PER_100K_IMC_EMPLOYEES', tallies, null, { IMC_EMPLOYEES: 312_900 }).value).toBe(0.959);
  });
});

describe('target validation', () => {
  it.each([
    [{ ...decrease(15, 100), targetYear: 2020 }, 'targetYear'],
    [{ ...decrease(15, 100), targetYear: 2019 }, 'targetYear'],
    [{ ...decrease(15, 100), targetYear: 2025.5 }, 'targetYear'],
    [decrease(0, 100), 'targetValue'],
    [decrease(100, 100), 'targetValue'],
    [decrease(-5, 100), 'targetValue'],
    [decrease(15, -1), 'baselineValue'],
    [ceiling(-1, 5), 'targetValue'],
  ])('rejects %p at %s with RULE_VIOLATION', (t, path) => {
    const e = errorOf(() => validateTarget(t));
    expect(e.code).toBe(ErrorCode.RULE_VIOLATION);
    expect(e.details).toMatchObject({ fields: [{ path }] });
  });

  it('accepts sound targets', () => {
    expect(() => validateTarget(decrease(15, 100))).not.toThrow();
    expect(() => validateTarget(decrease(99.9, 0))).not.toThrow();
    expect(() => validateTarget(ceiling(0, 0))).not.toThrow();
  });
});

describe('target year: 下降X%以上 is strict', () => {
  const t = decrease(15, 20);

  it('the threshold is baseline × (1 − X/100)', () => {
    expect(targetThreshold(t)).toBe(17);
    expect(targetThreshold(decrease(35, 0.02))).toBeCloseTo(0.013, 12);
  });

  it.each([
    [16, 'ACHIEVED', 20],
    [16.99, 'ACHIEVED', 15.1],
    [17, 'NOT_ACHIEVED', 15],
    [17.02, 'NOT_ACHIEVED', 14.9],
    [18, 'NOT_ACHIEVED', 10],
    [20, 'NOT_ACHIEVED', 0],
    [25, 'NOT_ACHIEVED', -25],
    [0, 'ACHIEVED', 100],
  ])('a value of %p against a baseline of 20 (−15%% needed) is %s (change %p%%)', (value, verdict, change) => {
    const a = assessYear(t, 2025, value);
    expect(a.verdict).toBe(verdict);
    expect(a.benchmark).toBe(17);
    expect(a.changeFromBaselinePct).toBe(change);
  });

  it('exactly X% in binary floating point is still not "more than X%"', () => {
    // 0.02 × 0.65 = 0.013000000000000001 in doubles; 0.013 is equal to it, not below.
    expect(assessYear(decrease(35, 0.02), 2025, 0.013).verdict).toBe('NOT_ACHIEVED');
    expect(assessYear(decrease(35, 0.02), 2025, 0.0129).verdict).toBe('ACHIEVED');
    expect(assessYear(decrease(20, 1.2), 2025, 0.96).verdict).toBe('NOT_ACHIEVED');
    expect(assessYear(decrease(20, 1.2), 2025, 0.959).verdict).toBe('ACHIEVED');
  });

  it('the displayed percentage never decides: 14.96% shows as 15.0 and is not achieved, 15.04% is', () => {
    const big = decrease(15, 1000);
    const short = assessYear(big, 2025, 850.4);
    expect(short).toMatchObject({ verdict: 'NOT_ACHIEVED', changeFromBaselinePct: 15 });
    const over = assessYear(big, 2025, 849.6);
    expect(over).toMatchObject({ verdict: 'ACHIEVED', changeFromBaselinePct: 15 });
  });

  it('a zero baseline cannot fall by more than X%: 0 is not strictly below 0', () => {
    expect(assessYear(decrease(15, 0), 2025, 0)).toMatchObject({
      verdict: 'NOT_ACHIEVED',
      changeFromBaselinePct: null,
      progressPct: null,
    });
  });
});

describe('target year: a ceiling includes its value', () => {
  it.each([
    [2.9, 'ACHIEVED'],
    [3, 'ACHIEVED'],
    [3.0000000001, 'ACHIEVED'],
    [3.001, 'NOT_ACHIEVED'],
  ])('%p against 控制在3以内 is %s', (value, verdict) => {
    expect(assessYear(ceiling(3, 4), 2025, value).verdict).toBe(verdict);
  });
});

describe('intermediate years: the linear path from baseline to target', () => {
  const t = decrease(15, 100); // threshold 85 in 2025: the path falls 3 a year.

  it.each([
    [2021, 97],
    [2022, 94],
    [2023, 91],
    [2024, 88],
    [2025, 85],
  ])('the path in %p is %p', (year, value) => {
    expect(pathValue(t, year)).toBeCloseTo(value, 9);
  });

  it.each([
    [2021, 96, 'ON_TRACK'],
    [2021, 97, 'ON_TRACK'],
    [2021, 97.5, 'OFF_TRACK'],
    [2023, 91, 'ON_TRACK'],
    [2023, 92, 'OFF_TRACK'],
    [2024, 80, 'ON_TRACK'],
    [2024, 100, 'OFF_TRACK'],
  ])('in %p a value of %p is %s (equal to the path is on track)', (year, value, verdict) => {
    const a = assessYear(t, year, value);
    expect(a.verdict).toBe(verdict);
    expect(a.benchmark).toBeCloseTo(pathValue(t, year), 9);
  });

  it('progress is the share of the way to the threshold covered', () => {
    expect(assessYear(t, 2023, 91).progressPct).toBe(60);
    expect(assessYear(t, 2025, 85).progressPct).toBe(100);
    expect(assessYear(t, 2025, 80).progressPct).toBe(133.3);
    expect(assessYear(t, 2022, 103).progressPct).toBe(-20);
  });

  it('a ceiling the baseline already meets is the path of every year', () => {
    const c = ceiling(10, 6);
    expect(pathValue(c, 2022)).toBe(10);
    expect(assessYear(c, 2022, 9).verdict).toBe('ON_TRACK');
    expect(assessYear(c, 2022, 10).verdict).toBe('ON_TRACK');
    expect(assessYear(c, 2022, 11).verdict).toBe('OFF_TRACK');
  });

  it('a ceiling above which the baseline lies is approached linearly', () => {
    const c = ceiling(5, 10);
    expect(pathValue(c, 2022)).toBe(8);
    expect(assessYear(c, 2022, 8).verdict).toBe('ON_TRACK');
    expect(assessYear(c, 2022, 8.5).verdict).toBe('OFF_TRACK');
  });
});

describe('years outside the plan and missing denominators', () => {
  const t = decrease(15, 100);

  it.each([2018, 2019, 2020, 2026, 2030])('%p is not rated', (year) => {
    expect(assessYear(t, year, 50)).toMatchObject({ verdict: 'NOT_RATED', benchmark: null, changeFromBaselinePct: 50 });
  });

  it('a rated year without a value has no data', () => {
    expect(assessYear(t, 2023, null)).toEqual({
      verdict: 'NO_DATA',
      benchmark: null,
      changeFromBaselinePct: null,
      progressPct: null,
    });
    expect(assessYear(t, 2025, null).verdict).toBe('NO_DATA');
  });
});

describe('period-over-period change', () => {
  it('is the difference and percentage against the year before', () => {
    expect(periodChange(2025, 8, 10, 0)).toEqual({ previousYear: 2024, previousValue: 10, change: -2, changePct: -20 });
    expect(periodChange(2025, 0.0102, 0.0101, 4)).toEqual({
      previousYear: 2024,
      previousValue: 0.0101,
      change: 0.0001,
      changePct: 1,
    });
  });

  it('has no percentage from 0 and nothing when a value is missing', () => {
    expect(periodChange(2025, 3, 0, 0)).toEqual({ previousYear: 2024, previousValue: 0, change: 3, changePct: null });
    expect(periodChange(2025, null, 4, 0)).toEqual({
      previousYear: 2024,
      previousValue: 4,
      change: null,
      changePct: null,
    });
    expect(periodChange(2025, 4, null, 0).change).toBeNull();
  });
});
