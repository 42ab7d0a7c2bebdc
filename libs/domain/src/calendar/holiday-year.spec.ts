import { DomainError, ErrorCode } from '../errors';
import { HolidayYear, parseHolidayYear, validateHolidayYear } from './holiday-year';

const base = (): HolidayYear => ({
  year: 2026,
  noticeNumber: 'TEST',
  noticeDate: '2025-11-04',
  source: 'test',
  holidays: ['2026-01-01', '2026-01-02', '2026-01-03'],
  makeupWorkdays: ['2026-01-04'],
});

const codeOf = (fn: () => unknown): ErrorCode | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : undefined;
  }
  return undefined;
};

describe('validateHolidayYear', () => {
  it('accepts a consistent year', () => {
    expect(validateHolidayYear(base())).toEqual(base());
  });

  it.each<[string, (y: HolidayYear) => void]>([
    ['a holiday outside the year', (y) => y.holidays.push('2027-01-01')],
    ['a make-up day outside the year', (y) => y.makeupWorkdays.push('2025-12-28')],
    ['a date in both lists', (y) => y.makeupWorkdays.push('2026-01-03')],
    ['a make-up day on a weekday', (y) => y.makeupWorkdays.push('2026-01-05')],
    ['an impossible date', (y) => y.holidays.push('2026-02-29')],
    ['a duplicate holiday', (y) => y.holidays.push('2026-01-01')],
    ['an empty holiday list', (y) => (y.holidays = [])],
    ['a missing notice number', (y) => (y.noticeNumber = ' ')],
    ['a missing source', (y) => (y.source = '')],
    ['a bad notice date', (y) => (y.noticeDate = '2025-11-31')],
    ['a non-integer year', (y) => (y.year = 2026.5)],
  ])('rejects %s with INVALID_CALENDAR', (_label, mutate) => {
    const y = base();
    mutate(y);
    expect(codeOf(() => validateHolidayYear(y))).toBe(ErrorCode.INVALID_CALENDAR);
  });

  it('parses untyped JSON and rejects wrong shapes', () => {
    expect(parseHolidayYear(JSON.parse(JSON.stringify(base())))).toEqual(base());
    expect(codeOf(() => parseHolidayYear(null))).toBe(ErrorCode.INVALID_CALENDAR);
    expect(codeOf(() => parseHolidayYear({ ...base(), holidays: [20260101] }))).toBe(ErrorCode.INVALID_CALENDAR);
    expect(codeOf(() => parseHolidayYear([base()]))).toBe(ErrorCode.INVALID_CALENDAR);
  });
});
