import { addHours } from '../calendar/hours';
import { LocalDate, diffDays } from '../calendar/local-date';
import { DomainError, ErrorCode } from '../errors';
import { AccidentGrade, compareGrades, investigatingLevel } from './grading';

/**
 * 条例 Art.46: the regulation is in force from 1 June 2007 (China time); an accident before that falls
 * under the rules it repealed and is not a case of this system.
 */
export const REGULATION_IN_FORCE_FROM = new Date('2007-06-01T00:00:00+08:00');
/** Clock skew tolerated between a client's "now" and ours. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * An accident-related instant must lie between the regulation's entry into force and now (plus skew):
 * an accident "in 1970" or next week is a typing error, not a case. Names the field in the error.
 */
export function assertPlausibleAccidentInstant(field: string, at: Date, now: Date): void {
  const problem = Number.isNaN(at.getTime())
    ? `${field} is not a valid instant`
    : at.getTime() < REGULATION_IN_FORCE_FROM.getTime()
      ? `${field} is before 2007-06-01, when 国务院令第493号 took effect (Art.46)`
      : at.getTime() > now.getTime() + CLOCK_SKEW_MS
        ? `${field} is in the future`
        : null;
  if (problem)
    throw new DomainError(ErrorCode.VALIDATION_FAILED, problem, { fields: [{ path: field, message: problem }] });
}

export interface ReportTimelinessPolicy {
  /** 条例 Art.9: 1 hour. */
  firstReportHours: number;
}

export const DEFAULT_REPORT_TIMELINESS_POLICY: Readonly<ReportTimelinessPolicy> = { firstReportHours: 1 };

export interface ReportTimeliness {
  status: 'ON_TIME' | 'LATE'; // LATE = 迟报 (条例 Art.4, 35, 36)
  dueAt: Date;
  /** 0 when on time. */
  lateByMs: number;
}

/**
 * 条例 Art.9: the unit head reports within 1 hour of receiving the on-site report. Pass as `clockStartsAt` the
 * instant the unit head was told (or the accident time where that is not recorded — the stricter reading).
 * Reporting exactly at the boundary is on time. 漏报/谎报/瞒报 are separate findings, not timeliness.
 */
export function reportTimeliness(
  clockStartsAt: Date,
  reportedAt: Date,
  policy: ReportTimelinessPolicy = DEFAULT_REPORT_TIMELINESS_POLICY,
): ReportTimeliness {
  if (!(policy.firstReportHours > 0)) {
    throw new DomainError(ErrorCode.OUT_OF_RANGE, 'firstReportHours must be positive', { ...policy });
  }
  const dueAt = addHours(clockStartsAt, policy.firstReportHours); // also validates clockStartsAt
  if (Number.isNaN(reportedAt instanceof Date ? reportedAt.getTime() : NaN)) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'reportedAt is not a valid instant', {
      reportedAt: String(reportedAt),
    });
  }
  if (reportedAt.getTime() < clockStartsAt.getTime()) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Report time is before the accident', {
      clockStartsAt: clockStartsAt.toISOString(),
      reportedAt: reportedAt.toISOString(),
    });
  }
  const lateByMs = Math.max(0, reportedAt.getTime() - dueAt.getTime());
  return { status: lateByMs > 0 ? 'LATE' : 'ON_TIME', dueAt, lateByMs };
}

/** 条例 Art.11: each level forwards the report within 2 hours of receiving it. */
export function upwardReportDueAt(receivedAt: Date): Date {
  return addHours(receivedAt, 2);
}

/** Sector classes that matter for 条例 Art.13/20 (map configurable sectors onto these). */
export type AccidentSectorClass = 'ROAD_TRAFFIC' | 'FIRE' | 'OTHER';

/** 条例 Art.13: casualty changes within 30 days are reported again; road traffic and fire: 7 days. */
export function supplementaryReportWindowDays(sector: AccidentSectorClass): number {
  return sector === 'ROAD_TRAFFIC' || sector === 'FIRE' ? 7 : 30;
}

/** 条例 Art.13 "自事故发生之日起N日内" (start day not counted; a window, so no rest-day roll-over). */
export function isWithinSupplementaryWindow(
  occurredOn: LocalDate,
  changedOn: LocalDate,
  sector: AccidentSectorClass,
): boolean {
  const d = diffDays(occurredOn, changedOn);
  return d >= 0 && d <= supplementaryReportWindowDays(sector);
}

/**
 * 条例 Art.20: when casualty changes within the Art.13 window raise the grade so that a higher government is
 * responsible, the higher government may organise its own investigation.
 */
export function regradeMayMoveInvestigationUp(input: {
  occurredOn: LocalDate;
  changedOn: LocalDate;
  sector: AccidentSectorClass;
  previousGrade: AccidentGrade;
  newGrade: AccidentGrade;
}): boolean {
  return (
    isWithinSupplementaryWindow(input.occurredOn, input.changedOn, input.sector) &&
    compareGrades(input.newGrade, input.previousGrade) > 0 &&
    investigatingLevel(input.newGrade) !== investigatingLevel(input.previousGrade)
  );
}
