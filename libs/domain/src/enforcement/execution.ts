import { fromEpochDay, LocalDate, toEpochDay } from '../calendar/local-date';
import { addMonths } from '../calendar/months';

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
export function challengePeriods(
  servedOn: LocalDate,
  policy: { reconsiderationDays: number; litigationMonths: number; courtApplicationMonths: number },
): ChallengePeriods {
  const reconsiderationEnds = fromEpochDay(toEpochDay(servedOn) + policy.reconsiderationDays);
  const litigationEnds = addMonths(servedOn, policy.litigationMonths);
  const bothEnd = toEpochDay(reconsiderationEnds) > toEpochDay(litigationEnds) ? reconsiderationEnds : litigationEnds;
  return {
    reconsiderationEnds,
    litigationEnds,
    bothEnd,
    courtApplicationEnds: addMonths(bothEnd, policy.courtApplicationMonths),
  };
}
