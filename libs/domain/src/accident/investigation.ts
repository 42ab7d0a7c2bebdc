import { ClockExtension, ClockPause, ClockResult, computeDeadline } from '../calendar/deadline';
import { LocalDate } from '../calendar/local-date';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { AccidentGrade } from './grading';

/** 条例 Art.29: report within 60 days of the accident; one approved extension of at most 60 days. */
export const INVESTIGATION_PERIOD_DAYS = 60;
export const INVESTIGATION_MAX_EXTENSION_DAYS = 60;

export interface InvestigationClockInput {
  accidentDate: LocalDate;
  /** 条例 Art.27: technical appraisal time does not count (open = appraisal still running). */
  appraisalPauses?: readonly ClockPause[];
  /** 条例 Art.29: extension approved by the investigating government. */
  extensions?: readonly ClockExtension[];
}

/** Due date for submitting the accident investigation report (条例 Art.27, 29). */
export function investigationDeadline(input: InvestigationClockInput, calendar: WorkingDayCalendar): ClockResult {
  return computeDeadline(
    {
      start: input.accidentDate, // "自事故发生之日起60日内": the accident day itself is not counted
      period: { unit: 'calendar_days', amount: INVESTIGATION_PERIOD_DAYS },
      pauses: input.appraisalPauses,
      extensions: input.extensions,
      maxExtensions: 1, // one approved extension (STATUTES.md); the text bounds the total to 60 days
      maxTotalExtension: INVESTIGATION_MAX_EXTENSION_DAYS,
    },
    calendar,
  );
}

export interface ApprovalPeriod {
  days: number;
  maxExtensionDays: number;
}

/** 条例 Art.32: 批复 within 15 days of receiving the report; 特别重大 30 days, extendable by ≤30 days. */
export function approvalDeadlineDays(grade: AccidentGrade): ApprovalPeriod {
  return grade === 'EXTRAORDINARY' ? { days: 30, maxExtensionDays: 30 } : { days: 15, maxExtensionDays: 0 };
}

/** Due date of the government's 批复 (条例 Art.32), counted from the day the report was received. */
export function approvalDeadline(
  input: { grade: AccidentGrade; reportReceivedOn: LocalDate; extensions?: readonly ClockExtension[] },
  calendar: WorkingDayCalendar,
): ClockResult {
  const { days, maxExtensionDays } = approvalDeadlineDays(input.grade);
  return computeDeadline(
    {
      start: input.reportReceivedOn,
      period: { unit: 'calendar_days', amount: days },
      extensions: input.extensions,
      maxExtensions: maxExtensionDays > 0 ? undefined : 0, // only 特别重大 may be extended; total ≤30 days
      maxTotalExtension: maxExtensionDays,
    },
    calendar,
  );
}
