import { DomainError, ErrorCode } from '../errors';

/** 一般 / 较大 / 重大 / 特别重大 (生产安全事故报告和调查处理条例 Art.3). */
export type AccidentGrade = 'GENERAL' | 'LARGER' | 'MAJOR' | 'EXTRAORDINARY';

export const ACCIDENT_GRADES: readonly AccidentGrade[] = ['GENERAL', 'LARGER', 'MAJOR', 'EXTRAORDINARY'];

export const ACCIDENT_GRADE_LABELS: Readonly<Record<AccidentGrade, string>> = {
  GENERAL: '一般事故',
  LARGER: '较大事故',
  MAJOR: '重大事故',
  EXTRAORDINARY: '特别重大事故',
};

export interface AccidentFigures {
  deaths: number;
  /** Serious injuries including acute industrial poisoning (条例 Art.3). */
  seriousInjuries: number;
  directLossYuan: number;
}

/** Lower bounds of each grade ("以上" includes the figure); below LARGER's bounds is GENERAL. */
const THRESHOLDS: ReadonlyArray<{
  grade: AccidentGrade;
  deaths: number;
  seriousInjuries: number;
  directLossYuan: number;
}> = [
  { grade: 'EXTRAORDINARY', deaths: 30, seriousInjuries: 100, directLossYuan: 100_000_000 },
  { grade: 'MAJOR', deaths: 10, seriousInjuries: 50, directLossYuan: 50_000_000 },
  { grade: 'LARGER', deaths: 3, seriousInjuries: 10, directLossYuan: 10_000_000 },
];

/**
 * 条例 Art.3: any one criterion triggers a grade; the highest triggered grade wins.
 * "以上" includes the figure, "以下" excludes it (Art.3 last paragraph), so e.g. 3 deaths is 较大, 2 is 一般.
 */
export function gradeAccident(f: AccidentFigures): AccidentGrade {
  for (const [k, v] of Object.entries({ deaths: f.deaths, seriousInjuries: f.seriousInjuries })) {
    if (!Number.isInteger(v) || v < 0)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `${k} must be a non-negative integer`, { [k]: v });
  }
  if (!Number.isFinite(f.directLossYuan) || f.directLossYuan < 0) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'directLossYuan must be a non-negative amount', {
      directLossYuan: f.directLossYuan,
    });
  }
  const hit = THRESHOLDS.find(
    (t) => f.deaths >= t.deaths || f.seriousInjuries >= t.seriousInjuries || f.directLossYuan >= t.directLossYuan,
  );
  return hit ? hit.grade : 'GENERAL';
}

/** Positive when `a` is a higher grade than `b`. */
export function compareGrades(a: AccidentGrade, b: AccidentGrade): number {
  return ACCIDENT_GRADES.indexOf(a) - ACCIDENT_GRADES.indexOf(b);
}

export type InvestigatingLevel = 'COUNTY' | 'CITY' | 'PROVINCE' | 'STATE_COUNCIL';

const INVESTIGATING: Readonly<Record<AccidentGrade, InvestigatingLevel>> = {
  GENERAL: 'COUNTY',
  LARGER: 'CITY', // 设区的市
  MAJOR: 'PROVINCE',
  EXTRAORDINARY: 'STATE_COUNCIL',
};

/** 条例 Art.19: who organises the investigation (a higher government may take over, Art.20). */
export function investigatingLevel(grade: AccidentGrade): InvestigatingLevel {
  return INVESTIGATING[grade];
}

export type ReportingCeiling = 'STATE' | 'PROVINCE' | 'CITY';

/** 条例 Art.10: how far up the accident is reported level by level (国务院/省级/设区的市级 work-safety departments). */
export function upwardReportCeiling(grade: AccidentGrade): ReportingCeiling {
  return grade === 'EXTRAORDINARY' || grade === 'MAJOR' ? 'STATE' : grade === 'LARGER' ? 'PROVINCE' : 'CITY';
}
