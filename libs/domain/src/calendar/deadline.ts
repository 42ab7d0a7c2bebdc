import { DomainError, ErrorCode } from '../errors';
import { LocalDate, fromEpochDay, toEpochDay } from './local-date';
import { WorkingDayCalendar } from './working-day-calendar';

export type PeriodUnit = 'working_days' | 'calendar_days';

export interface ClockPeriod {
  unit: PeriodUnit;
  amount: number;
}

/** Days from `from` to `to` INCLUSIVE do not count. No `to` = the clock is stopped now (open pause). */
export interface ClockPause {
  from: LocalDate;
  to?: LocalDate;
}

/** An approved extension, in the unit of the clock's period. */
export interface ClockExtension {
  amount: number;
}

export interface ClockSpec {
  /** Day of the triggering event; not counted. */
  start: LocalDate;
  period: ClockPeriod;
  pauses?: readonly ClockPause[];
  extensions?: readonly ClockExtension[];
  /** Upper bound on the sum of extensions (e.g. 条例 Art.29: ≤60 days). Unbounded when omitted. */
  maxTotalExtension?: number;
  /** Upper bound on the number of extensions (e.g. 条例 Art.29: one). Unbounded when omitted. */
  maxExtensions?: number;
}

export interface ClockResult {
  /** Last day to act; null while the clock is stopped by an open pause. */
  due: LocalDate | null;
  /** Distinct calendar days inside pauses that were skipped before the period ran out (open pause: not counted). */
  pausedDays: number;
  /** Sum of extensions, in the period's unit. */
  extendedBy: number;
  /** True when an open pause stops the clock before the period ran out. */
  paused: boolean;
}

const outOfRange = (message: string, details: Record<string, unknown>): DomainError =>
  new DomainError(ErrorCode.OUT_OF_RANGE, message, details);

/**
 * Computes a statutory clock's due date.
 * - Counting starts the day after `start` (start day not counted).
 * - Paused days do not count (e.g. 条例 Art.27: technical appraisal time is excluded from the investigation period).
 *   A pause that begins after the period already ran out has no effect.
 * - Extensions add to the period, bounded by maxTotalExtension / maxExtensions (条例 Art.29: one, ≤60 days).
 * - working_days count only working days (行政处罚法 Art.85); calendar_days count every day and a due date on a
 *   rest day moves to the next working day (民事诉讼法 Art.85).
 * Throws CALENDAR_YEAR_NOT_LOADED when a needed year has no holiday notice.
 */
export function computeDeadline(spec: ClockSpec, calendar: WorkingDayCalendar): ClockResult {
  const { period } = spec;
  if (period.unit !== 'working_days' && period.unit !== 'calendar_days') {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `Unknown period unit ${String(period.unit)}`, {
      unit: period.unit,
    });
  }
  if (!Number.isInteger(period.amount) || period.amount < 1) {
    throw outOfRange('Period amount must be a positive integer', { amount: period.amount });
  }

  const extensions = spec.extensions ?? [];
  for (const e of extensions) {
    if (!Number.isInteger(e.amount) || e.amount < 1)
      throw outOfRange('Extension must be a positive integer', { amount: e.amount });
  }
  if (spec.maxExtensions !== undefined && extensions.length > spec.maxExtensions) {
    throw outOfRange(`At most ${spec.maxExtensions} extension(s) allowed`, {
      count: extensions.length,
      max: spec.maxExtensions,
    });
  }
  const extendedBy = extensions.reduce((s, e) => s + e.amount, 0);
  if (spec.maxTotalExtension !== undefined && extendedBy > spec.maxTotalExtension) {
    throw outOfRange(`Extensions total ${extendedBy} exceeds the maximum ${spec.maxTotalExtension}`, {
      extendedBy,
      max: spec.maxTotalExtension,
    });
  }

  const startDay = toEpochDay(spec.start);
  const pauses = mergePauses(spec.pauses ?? [], startDay);
  const total = period.amount + extendedBy;

  let day = startDay;
  let counted = 0;
  let pausedDays = 0;
  let p = 0;
  while (counted < total) {
    day++;
    while (p < pauses.length && pauses[p].to < day) p++;
    const pause = pauses[p];
    if (pause && pause.from <= day) {
      if (pause.to === Infinity) return { due: null, pausedDays, extendedBy, paused: true };
      pausedDays += pause.to - day + 1;
      day = pause.to;
      continue;
    }
    if (period.unit === 'calendar_days' || calendar.isWorkingDay(fromEpochDay(day))) counted++;
  }
  const due = period.unit === 'calendar_days' ? calendar.nextWorkingDayOnOrAfter(fromEpochDay(day)) : fromEpochDay(day);
  return { due, pausedDays, extendedBy, paused: false };
}

/** Validates, clips to days after start, sorts and merges pauses into epoch-day intervals. */
function mergePauses(pauses: readonly ClockPause[], startDay: number): Array<{ from: number; to: number }> {
  const open = pauses.filter((p) => p.to === undefined);
  if (open.length > 1) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'At most one open pause is allowed', { open: open.length });
  }
  const intervals = pauses
    .map((p) => {
      const from = toEpochDay(p.from);
      const to = p.to === undefined ? Infinity : toEpochDay(p.to);
      if (to < from) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Pause ends before it starts', { ...p });
      return { from: Math.max(from, startDay + 1), to };
    })
    .filter((i) => i.to >= i.from)
    .sort((a, b) => a.from - b.from);
  const merged: Array<{ from: number; to: number }> = [];
  for (const i of intervals) {
    const last = merged[merged.length - 1];
    if (last && i.from <= last.to + 1) last.to = Math.max(last.to, i.to);
    else merged.push({ ...i });
  }
  return merged;
}
