import { LocalDate, fromEpochDay, toEpochDay } from '../calendar/local-date';
import { DomainError, ErrorCode } from '../errors';

/**
 * `d` plus `n` calendar months; a day that does not exist in the target month clamps to its last day
 * (2026-08-31 + 6 months = 2027-02-28). Used for the 6-month litigation period and the 3-month window
 * for applying to court.
 */
export function addMonths(d: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n) || n < 0) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Month count must be a non-negative integer', { n });
  toEpochDay(d);
  const [y, m, day] = d.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = total % 12;
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return fromEpochDay(Date.UTC(ty, tm, Math.min(day, lastDay)) / 86_400_000);
}

export interface ChallengePeriods {
  /** 行政复议法 (2023) Art.20: apply within 60 days of knowing the decision (calendar days). */
  reconsiderationEnds: LocalDate;
  /** 行政诉讼法 Art.46: sue within 6 months of knowing the decision. */
  litigationEnds: LocalDate;
  /** The later of the two: after it, a decision nobody challenged is final and enforceable. */
  bothEnd: LocalDate;
  /**
   * 行政强制法 Art.53: an agency without its own enforcement power applies to the court within 3 months
   * after the challenge periods expire.
   */
  courtApplicationEnds: LocalDate;
}

/**
 * Challenge periods counted from the day the party received the decision (start day not counted). The
 * raw dates are returned; a caller that needs "next working day" for a rest-day end applies the calendar.
 */
export function challengePeriods(servedOn: LocalDate, policy: { reconsiderationDays: number; litigationMonths: number; courtApplicationMonths: number }): ChallengePeriods {
  const reconsiderationEnds = fromEpochDay(toEpochDay(servedOn) + policy.reconsiderationDays);
  const litigationEnds = addMonths(servedOn, policy.litigationMonths);
  const bothEnd = toEpochDay(reconsiderationEnds) > toEpochDay(litigationEnds) ? reconsiderationEnds : litigationEnds;
  return { reconsiderationEnds, litigationEnds, bothEnd, courtApplicationEnds: addMonths(bothEnd, policy.courtApplicationMonths) };
}
