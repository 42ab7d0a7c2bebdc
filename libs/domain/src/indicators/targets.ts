import { DomainError, ErrorCode } from '../errors';
import { roundTo } from './measures';

/**
 * Targets of a plan indicator and the verdict for a year.
 *
 * - DECREASE_MORE_THAN: "下降X%以上" — the value of the target year must be STRICTLY below
 *   baseline × (1 − X/100): a fall of exactly X% is not "more than X%".
 * - CEILING: "控制在Y以内" — the value must not exceed Y (Y itself complies).
 *
 * The value compared is the published one (rounded to the measure's decimals); percentages shown are
 * rounded to one decimal for display only and never decide a verdict. Comparisons allow for binary
 * floating point: two numbers within 1e-9 (relative) are equal, so 17 against 20 × 0.85 is "equal", not
 * "below".
 */
export const TARGET_KINDS = ['DECREASE_MORE_THAN', 'CEILING'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** 约束性 (binding) or 预期性 (indicative): a label of the plan; the verdict rule is the same. */
export const INDICATOR_NATURES = ['BINDING', 'INDICATIVE'] as const;
export type IndicatorNature = (typeof INDICATOR_NATURES)[number];
export const INDICATOR_NATURE_LABELS: Readonly<Record<IndicatorNature, string>> = Object.freeze({
  BINDING: '约束性',
  INDICATIVE: '预期性',
});

/**
 * - NOT_RATED: the baseline year, a year before it, or a year after the target year.
 * - NO_DATA: a rate whose denominator is not entered for the year.
 * - ON_TRACK / OFF_TRACK: a year between baseline and target year, against the linear path.
 * - ACHIEVED / NOT_ACHIEVED (未完成): the target year, against the target itself.
 */
export const VERDICTS = ['NOT_RATED', 'NO_DATA', 'ON_TRACK', 'OFF_TRACK', 'ACHIEVED', 'NOT_ACHIEVED'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = Object.freeze({
  NOT_RATED: '不评价',
  NO_DATA: '缺少基数',
  ON_TRACK: '进度正常',
  OFF_TRACK: '进度滞后',
  ACHIEVED: '已完成',
  NOT_ACHIEVED: '未完成',
});

export interface IndicatorTarget {
  kind: TargetKind;
  /** The percentage X of DECREASE_MORE_THAN (0 < X < 100), or the ceiling Y of CEILING (≥ 0). */
  value: number;
  baselineYear: number;
  baselineValue: number;
  targetYear: number;
}

const EPSILON = 1e-9;
const same = (a: number, b: number) => Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
const below = (a: number, b: number) => a < b && !same(a, b);
const atMost = (a: number, b: number) => a < b || same(a, b);

/** Rejects a target that cannot be rated (thrown as 422 RULE_VIOLATION with the field). */
export function validateTarget(t: IndicatorTarget): void {
  const fail = (path: string, message: string): never => {
    throw new DomainError(ErrorCode.RULE_VIOLATION, message, { fields: [{ path, message }] });
  };
  if (!Number.isInteger(t.baselineYear) || !Number.isInteger(t.targetYear))
    fail('targetYear', 'years are whole numbers');
  if (t.targetYear <= t.baselineYear) fail('targetYear', 'the target year must come after the baseline year');
  if (!(t.baselineValue >= 0)) fail('baselineValue', 'the baseline value must be 0 or more');
  if (t.kind === 'DECREASE_MORE_THAN' && !(t.value > 0 && t.value < 100))
    fail('targetValue', 'a decrease is a percentage between 0 and 100 (exclusive)');
  if (t.kind === 'CEILING' && !(t.value >= 0)) fail('targetValue', 'a ceiling must be 0 or more');
}

/** The value the target year must stay (strictly, for a decrease) below or at. */
export function targetThreshold(t: IndicatorTarget): number {
  return t.kind === 'CEILING' ? t.value : (t.baselineValue * (100 - t.value)) / 100;
}

/**
 * The on-track line for a year between baseline and target year: linear from the baseline value in the
 * baseline year to the threshold in the target year. For a ceiling the baseline already meets, the path
 * is the ceiling itself (a region below it may stay anywhere below it). Equal to the path is on track.
 */
export function pathValue(t: IndicatorTarget, year: number): number {
  const threshold = targetThreshold(t);
  if (t.kind === 'CEILING' && t.baselineValue <= threshold) return threshold;
  const share = (year - t.baselineYear) / (t.targetYear - t.baselineYear);
  return t.baselineValue + (threshold - t.baselineValue) * share;
}

export interface YearAssessment {
  verdict: Verdict;
  /** What the value was compared with: the path (intermediate years) or the threshold (target year). */
  benchmark: number | null;
  /** (baseline − value) / baseline in percent, 1 decimal; null when the baseline is 0 or no value. */
  changeFromBaselinePct: number | null;
  /**
   * Share of the way from the baseline to the threshold covered, in percent (1 decimal, may exceed 100 or
   * be negative); null when the target asks for no change from the baseline.
   */
  progressPct: number | null;
}

/** The verdict for one year's published value (null when it cannot be computed for lack of a denominator). */
export function assessYear(t: IndicatorTarget, year: number, value: number | null): YearAssessment {
  const threshold = targetThreshold(t);
  const changeFromBaselinePct =
    value === null || t.baselineValue === 0 ? null : roundTo(((t.baselineValue - value) / t.baselineValue) * 100, 1);
  const span = t.baselineValue - threshold;
  const progressPct = value === null || same(span, 0) ? null : roundTo(((t.baselineValue - value) / span) * 100, 1);
  const rated = year > t.baselineYear && year <= t.targetYear;
  if (!rated) return { verdict: 'NOT_RATED', benchmark: null, changeFromBaselinePct, progressPct };
  if (value === null) return { verdict: 'NO_DATA', benchmark: null, changeFromBaselinePct, progressPct };
  if (year === t.targetYear) {
    const met = t.kind === 'CEILING' ? atMost(value, threshold) : below(value, threshold);
    return { verdict: met ? 'ACHIEVED' : 'NOT_ACHIEVED', benchmark: threshold, changeFromBaselinePct, progressPct };
  }
  const path = pathValue(t, year);
  return {
    verdict: atMost(value, path) ? 'ON_TRACK' : 'OFF_TRACK',
    benchmark: path,
    changeFromBaselinePct,
    progressPct,
  };
}

export interface PeriodChange {
  previousYear: number;
  previousValue: number | null;
  change: number | null;
  /** Percent, 1 decimal; null when either value is missing or the previous is 0. */
  changePct: number | null;
}

/** The change against the year before (period-over-period, 同比). */
export function periodChange(
  year: number,
  value: number | null,
  previous: number | null,
  decimals: number,
): PeriodChange {
  const change = value === null || previous === null ? null : roundTo(value - previous, decimals);
  const changePct =
    value === null || previous === null || previous === 0 ? null : roundTo(((value - previous) / previous) * 100, 1);
  return { previousYear: year - 1, previousValue: previous, change, changePct };
}
