/**
 * China time and the statutory clock, pure. Every instant the console shows is converted to
 * Asia/Shanghai (UTC+8 all year: China has no daylight saving time), whatever the browser's zone.
 * Remaining working days are counted on the official holiday calendar the API publishes
 * (GET /calendar/years/{year}): weekends and holidays are off, 调休 make-up days are working days.
 */

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** YYYY-MM-DD of an instant in China. */
export const chinaDate = (instant: Date): string =>
  new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/** YYYY-MM-DD HH:mm of an instant in China. */
export const chinaDateTime = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Date(date.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
};

export interface CalendarYear {
  year: number;
  holidays: string[];
  makeupWorkdays: string[];
}

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * Whether a China local date is a working day; `undefined` when its year's calendar is not loaded
 * (the clock then says it cannot count rather than guessing).
 */
export function isWorkingDay(date: string, years: Map<number, CalendarYear>): boolean | undefined {
  const year = years.get(Number(date.slice(0, 4)));
  if (!year) return undefined;
  if (year.makeupWorkdays.includes(date)) return true;
  if (year.holidays.includes(date)) return false;
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

export type ClockState =
  | { state: 'none' }
  | { state: 'remaining'; workingDays: number; calendarDays: number; dueDate: string }
  | { state: 'dueToday'; dueDate: string }
  | { state: 'overdue'; days: number; dueDate: string }
  | { state: 'uncounted'; dueDate: string };

/**
 * The clock of a deadline as the statute counts it: working days left after today up to and
 * including the due date (行政处罚法 Art.85 counts working days), or calendar days overdue.
 */
export function statutoryClock(
  dueAt: string | null | undefined,
  now: Date,
  years: Map<number, CalendarYear>,
): ClockState {
  if (!dueAt) return { state: 'none' };
  const due = new Date(dueAt);
  const dueDate = chinaDate(due);
  const today = chinaDate(now);
  if (due.getTime() < now.getTime()) {
    const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / DAY_MS);
    return { state: 'overdue', days: Math.max(days, 1), dueDate };
  }
  if (dueDate === today) return { state: 'dueToday', dueDate };
  let workingDays = 0;
  let calendarDays = 0;
  for (let date = addDays(today, 1); date <= dueDate; date = addDays(date, 1)) {
    calendarDays++;
    const working = isWorkingDay(date, years);
    if (working === undefined) return { state: 'uncounted', dueDate };
    if (working) workingDays++;
  }
  return { state: 'remaining', workingDays, calendarDays, dueDate };
}

/** The years a clock from now to the due date needs. */
export function yearsSpanned(dueAt: string | null | undefined, now: Date): number[] {
  if (!dueAt) return [];
  const from = Number(chinaDate(now).slice(0, 4));
  const to = Number(chinaDate(new Date(dueAt)).slice(0, 4));
  const years: number[] = [];
  for (let year = Math.min(from, to); year <= Math.max(from, to); year++) years.push(year);
  return years;
}

export type HoursClockState =
  | { state: 'none' }
  | { state: 'remaining'; hours: number; minutes: number }
  | { state: 'overdue'; hours: number; minutes: number };

/**
 * A clock that runs in hours on the wall clock (条例 Art.11: each level reports up within 2 hours): the hours and
 * minutes left, or how long it is overdue, rounded up to the minute.
 */
export function hoursClock(dueAt: string | null | undefined, now: Date): HoursClockState {
  if (!dueAt) return { state: 'none' };
  const diff = Date.parse(dueAt) - now.getTime();
  const total = Math.ceil(Math.abs(diff) / 60_000);
  const parts = { hours: Math.floor(total / 60), minutes: total % 60 };
  return diff >= 0 ? { state: 'remaining', ...parts } : { state: 'overdue', ...parts };
}
