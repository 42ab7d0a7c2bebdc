import { DomainError, ErrorCode } from '../errors';
import { LocalDate, dayOfWeek, isLocalDate, yearOf } from './local-date';

/**
 * One year of the State Council's holiday notice (国务院办公厅关于XXXX年部分节假日安排的通知).
 * Working days follow this notice including 调休 (行政处罚法 Art.85: 工作日 excludes statutory holidays).
 */
export interface HolidayYear {
  year: number;
  /** e.g. 国办发明电〔2024〕12号 */
  noticeNumber: string;
  noticeDate: LocalDate;
  /** Where the data comes from (notice title and URL), so an administrator can audit it. */
  source: string;
  /** Every declared rest day of the holiday periods, whether it falls on a weekday or a weekend. */
  holidays: LocalDate[];
  /** 调休上班: Saturdays/Sundays declared working days. */
  makeupWorkdays: LocalDate[];
}

const bad = (year: unknown, message: string, extra: Record<string, unknown> = {}): DomainError =>
  new DomainError(ErrorCode.INVALID_CALENDAR, `Holiday year ${String(year)}: ${message}`, { year, ...extra });

/** Checks a HolidayYear's internal consistency; throws INVALID_CALENDAR. Returns the input for chaining. */
export function validateHolidayYear(y: HolidayYear): HolidayYear {
  if (!y || typeof y !== 'object') throw bad(undefined, 'not an object');
  const { year } = y;
  if (!Number.isInteger(year) || year < 1949 || year > 9999) throw bad(year, 'year must be an integer year');
  if (typeof y.noticeNumber !== 'string' || !y.noticeNumber.trim()) throw bad(year, 'noticeNumber is required');
  if (typeof y.source !== 'string' || !y.source.trim()) throw bad(year, 'source is required');
  if (!isLocalDate(y.noticeDate)) throw bad(year, 'noticeDate must be a YYYY-MM-DD date', { noticeDate: y.noticeDate });
  if (!Array.isArray(y.holidays) || y.holidays.length === 0) throw bad(year, 'holidays must be a non-empty list');
  if (!Array.isArray(y.makeupWorkdays)) throw bad(year, 'makeupWorkdays must be a list');

  const check = (list: LocalDate[], field: string): Set<LocalDate> => {
    const seen = new Set<LocalDate>();
    for (const d of list) {
      if (!isLocalDate(d)) throw bad(year, `${field} contains an invalid date`, { date: d });
      if (yearOf(d) !== year) throw bad(year, `${field} contains a date outside the year`, { date: d });
      if (seen.has(d)) throw bad(year, `${field} lists a date twice`, { date: d });
      seen.add(d);
    }
    return seen;
  };
  const holidays = check(y.holidays, 'holidays');
  for (const d of check(y.makeupWorkdays, 'makeupWorkdays')) {
    if (holidays.has(d)) throw bad(year, 'a date is both a holiday and a make-up working day', { date: d });
    const dow = dayOfWeek(d);
    if (dow !== 0 && dow !== 6) throw bad(year, 'a make-up working day must be a Saturday or Sunday', { date: d });
  }
  return y;
}

/**
 * Narrows untyped JSON (e.g. `import data from 'seeds/data/holiday-calendars/2026.json'`, or an admin upload)
 * to a validated HolidayYear. Throws INVALID_CALENDAR.
 */
export function parseHolidayYear(json: unknown): HolidayYear {
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw bad(undefined, 'not an object');
  const o = json as Record<string, unknown>;
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (!strings(o.holidays) || !strings(o.makeupWorkdays))
    throw bad(o.year, 'holidays/makeupWorkdays must be string lists');
  return validateHolidayYear({
    year: o.year as number,
    noticeNumber: o.noticeNumber as string,
    noticeDate: o.noticeDate as string,
    source: o.source as string,
    holidays: [...o.holidays],
    makeupWorkdays: [...o.makeupWorkdays],
  });
}
