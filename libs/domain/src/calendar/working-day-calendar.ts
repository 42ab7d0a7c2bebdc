import { DomainError, ErrorCode } from '../errors';
import { HolidayYear, validateHolidayYear } from './holiday-year';
import { LocalDate, dayOfWeek, fromEpochDay, toEpochDay, yearOf } from './local-date';

interface LoadedYear {
  readonly meta: HolidayYear;
  readonly holidays: ReadonlySet<LocalDate>;
  readonly makeup: ReadonlySet<LocalDate>;
}

const positiveInt = (n: number, what: string): void => {
  if (!Number.isInteger(n) || n < 1)
    throw new DomainError(ErrorCode.OUT_OF_RANGE, `${what} must be a positive integer`, { n });
};

/**
 * Working-day calendar built from State Council holiday notices. FAILS CLOSED: any date in a year without a
 * loaded notice throws CALENDAR_YEAR_NOT_LOADED — weekdays are never assumed to be working days.
 */
export class WorkingDayCalendar {
  private readonly years = new Map<number, LoadedYear>();

  constructor(years: readonly HolidayYear[]) {
    for (const y of years) {
      validateHolidayYear(y);
      if (this.years.has(y.year)) {
        throw new DomainError(ErrorCode.INVALID_CALENDAR, `Holiday year ${y.year} loaded twice`, { year: y.year });
      }
      this.years.set(y.year, { meta: y, holidays: new Set(y.holidays), makeup: new Set(y.makeupWorkdays) });
    }
  }

  loadedYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  /** The notice data behind a year (for showing the source next to a computed deadline). */
  yearSource(year: number): HolidayYear | undefined {
    return this.years.get(year)?.meta;
  }

  private loaded(d: LocalDate): LoadedYear {
    const year = yearOf(d);
    const y = this.years.get(year);
    if (!y) {
      throw new DomainError(
        ErrorCode.CALENDAR_YEAR_NOT_LOADED,
        `No holiday notice loaded for ${year}; the deadline cannot be computed and must be set manually`,
        { year, date: d },
      );
    }
    return y;
  }

  /** Mon–Fri work unless declared holidays; Sat/Sun rest unless 调休 make-up working days. */
  isWorkingDay(d: LocalDate): boolean {
    const y = this.loaded(d);
    if (y.holidays.has(d)) return false;
    if (y.makeup.has(d)) return true;
    const dow = dayOfWeek(d);
    return dow !== 0 && dow !== 6;
  }

  /** `d` itself when it is a working day, else the next working day. */
  nextWorkingDayOnOrAfter(d: LocalDate): LocalDate {
    let day = toEpochDay(d);
    while (!this.isWorkingDay(fromEpochDay(day))) day++;
    return fromEpochDay(day);
  }

  /**
   * The n-th working day after `start` (start day not counted).
   * 行政处罚法 Art.85 / 行政强制法 Art.69: periods of 2/3/5/7/10 days ("…日以内") are working days.
   */
  addWorkingDays(start: LocalDate, n: number): LocalDate {
    positiveInt(n, 'Working-day count');
    let day = toEpochDay(start);
    for (let counted = 0; counted < n;) {
      day++;
      if (this.isWorkingDay(fromEpochDay(day))) counted++;
    }
    return fromEpochDay(day);
  }

  /**
   * Calendar-day period: start day not counted; a deadline landing on a rest day moves to the next working day
   * (民事诉讼法 Art.85, applied to administrative periods of 15/30/60/90 days).
   */
  addCalendarDays(start: LocalDate, n: number): LocalDate {
    positiveInt(n, 'Calendar-day count');
    return this.nextWorkingDayOnOrAfter(fromEpochDay(toEpochDay(start) + n));
  }

  /**
   * Working days d with a < d <= b (same convention as addWorkingDays, so
   * workingDaysBetween(a, addWorkingDays(a, n)) === n). Negative when b is before a.
   */
  workingDaysBetween(a: LocalDate, b: LocalDate): number {
    const from = toEpochDay(a);
    const to = toEpochDay(b);
    if (to < from) return -this.workingDaysBetween(b, a);
    let count = 0;
    for (let day = from + 1; day <= to; day++) if (this.isWorkingDay(fromEpochDay(day))) count++;
    return count;
  }
}
