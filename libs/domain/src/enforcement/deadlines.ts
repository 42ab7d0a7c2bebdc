import { ClockExtension, ClockPause, ClockResult, computeDeadline } from '../calendar/deadline';
import { LocalDate } from '../calendar/local-date';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { DEFAULT_PENALTY_POLICY, PenaltyPolicy } from './policy';

export type EnforcementClock =
  | 'STATEMENT_DEFENCE' // 陈述申辩, from service of the 告知书 (Art.44, 45)
  | 'HEARING_REQUEST' // from service of the 告知书 (Art.64(1))
  | 'SERVICE' // from the decision when the party was absent (Art.61)
  | 'PAYMENT' // from receipt of the decision (Art.67)
  | 'DISCLOSURE' // from the decision (安全生产法 Art.78)
  | 'DISCLOSURE_WITHDRAWAL' // from the change/revocation (Art.48)
  | 'RECTIFICATION_REINSPECTION'; // from the rectification deadline or the party's application (UNVERIFIED)

/** Last day of an enforcement-step period; 2–10 day periods are working days (行政处罚法 Art.85). */
export function enforcementDeadline(
  clock: EnforcementClock,
  from: LocalDate,
  calendar: WorkingDayCalendar,
  policy: PenaltyPolicy = DEFAULT_PENALTY_POLICY,
): LocalDate {
  switch (clock) {
    case 'STATEMENT_DEFENCE':
      return calendar.addWorkingDays(from, policy.statementDefenceWorkingDays);
    case 'HEARING_REQUEST':
      return calendar.addWorkingDays(from, policy.hearingRequestWorkingDays);
    case 'SERVICE':
      return calendar.addWorkingDays(from, policy.serviceWorkingDays);
    case 'PAYMENT': // 15 days: calendar days, rest-day due date moves on
      return calendar.addCalendarDays(from, policy.paymentDays);
    case 'DISCLOSURE':
      return calendar.addWorkingDays(from, policy.disclosureWorkingDays);
    case 'DISCLOSURE_WITHDRAWAL':
      return calendar.addWorkingDays(from, policy.disclosureWithdrawalWorkingDays);
    case 'RECTIFICATION_REINSPECTION':
      return calendar.addWorkingDays(from, policy.rectificationReinspectionWorkingDays);
  }
}

/** Art.64(2): the hearing may be held no earlier than 7 working days after the notice is served. */
export function earliestHearingDate(
  noticeServedOn: LocalDate,
  calendar: WorkingDayCalendar,
  policy: PenaltyPolicy = DEFAULT_PENALTY_POLICY,
): LocalDate {
  return calendar.addWorkingDays(noticeServedOn, policy.hearingNoticeWorkingDays);
}

/**
 * Art.60: decide within 90 calendar days of 立案 (policy: sector rule). `pauses` are only for periods a sector
 * rule excludes from the time limit; extensions are bounded by the policy.
 */
export function decisionDeadline(
  input: { filedOn: LocalDate; pauses?: readonly ClockPause[]; extensions?: readonly ClockExtension[] },
  calendar: WorkingDayCalendar,
  policy: PenaltyPolicy = DEFAULT_PENALTY_POLICY,
): ClockResult {
  return computeDeadline(
    {
      start: input.filedOn,
      period: { unit: 'calendar_days', amount: policy.decisionPeriodDays },
      pauses: input.pauses,
      extensions: input.extensions,
      maxExtensions: policy.decisionMaxExtensions,
      maxTotalExtension: policy.decisionMaxTotalExtensionDays,
    },
    calendar,
  );
}
