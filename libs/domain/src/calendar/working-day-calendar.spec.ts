import y2025 from '../../../../seeds/data/holiday-calendars/2025.json';
import y2026 from '../../../../seeds/data/holiday-calendars/2026.json';
import { ErrorCode } from '../errors';
import { parseHolidayYear } from './holiday-year';
import { WorkingDayCalendar } from './working-day-calendar';
import { errorOf, officialCalendar } from '../spec-helpers';

const cal = officialCalendar();

describe('WorkingDayCalendar', () => {
  describe('construction', () => {
    it('lists loaded years and their sources', () => {
      expect(cal.loadedYears()).toEqual([2025, 2026]);
      expect(cal.hasYear(2027)).toBe(false);
      expect(cal.yearSource(2026)?.noticeNumber).toBe('国办发明电〔2025〕7号');
    });

    it('rejects the same year twice and invalid data', () => {
      const y = parseHolidayYear(y2026);
      expect(errorOf(() => new WorkingDayCalendar([y, y])).code).toBe(ErrorCode.INVALID_CALENDAR);
      expect(errorOf(() => new WorkingDayCalendar([{ ...y, makeupWorkdays: ['2026-01-05'] }])).code).toBe(
        ErrorCode.INVALID_CALENDAR,
      );
    });
  });

  describe('isWorkingDay', () => {
    it.each([
      ['2026-03-02', true], // ordinary Monday
      ['2026-03-07', false], // ordinary Saturday
      ['2026-03-08', false], // ordinary Sunday
      ['2026-01-04', true], // Sunday, 调休上班 after New Year
      ['2026-01-01', false],
      ['2026-04-06', false], // Monday, Qingming
      ['2026-05-09', true], // Saturday, 调休上班
      ['2026-09-20', true], // Sunday, 调休上班
      ['2025-01-01', false],
      ['2025-01-26', true], // Sunday, 调休上班
      ['2025-02-08', true], // Saturday, 调休上班
      ['2025-04-27', true],
    ])('%s → %s', (d, expected) => {
      expect(cal.isWorkingDay(d)).toBe(expected);
    });

    it('fails closed for years without a notice', () => {
      const e = errorOf(() => cal.isWorkingDay('2027-01-04'));
      expect(e.code).toBe(ErrorCode.CALENDAR_YEAR_NOT_LOADED);
      expect(e.details).toMatchObject({ year: 2027 });
      expect(errorOf(() => cal.isWorkingDay('2024-12-31')).details).toMatchObject({ year: 2024 });
    });

    it('rejects malformed dates', () => {
      expect(errorOf(() => cal.isWorkingDay('2026-02-29')).code).toBe(ErrorCode.VALIDATION_FAILED);
    });
  });

  describe('addWorkingDays (行政处罚法 Art.85)', () => {
    it.each([
      // Spring Festival 2026: 02-14 (Sat) works, 02-15..23 rest
      ['2026-02-12', 1, '2026-02-13'],
      ['2026-02-12', 2, '2026-02-14'],
      ['2026-02-12', 3, '2026-02-24'],
      ['2026-02-13', 7, '2026-03-02'], // 14, 24, 25, 26, 27, 28 (Sat works), 03-02
      // Spring Festival 2025: 01-26 (Sun) works, 01-28..02-04 rest, 02-08 (Sat) works
      ['2025-01-24', 1, '2025-01-26'],
      ['2025-01-24', 2, '2025-01-27'],
      ['2025-01-24', 3, '2025-02-05'],
      ['2025-02-05', 3, '2025-02-08'],
      // National Day 2025: 09-28 (Sun) works, 10-01..08 rest, 10-11 (Sat) works
      ['2025-09-26', 1, '2025-09-28'],
      ['2025-09-26', 4, '2025-10-09'],
      ['2025-09-26', 6, '2025-10-11'],
      ['2025-09-26', 7, '2025-10-13'],
      // National Day 2026: 09-20 (Sun) and 10-10 (Sat) work
      ['2026-09-18', 1, '2026-09-20'],
      ['2026-09-30', 3, '2026-10-10'],
      // Labour Day and month ends
      ['2026-04-30', 1, '2026-05-06'],
      ['2026-04-30', 4, '2026-05-09'],
      ['2026-04-30', 5, '2026-05-11'],
      ['2026-02-27', 1, '2026-02-28'],
      ['2026-02-27', 2, '2026-03-02'],
      ['2026-03-31', 1, '2026-04-01'],
      // start on a rest day: the start is never counted
      ['2026-02-15', 1, '2026-02-24'],
      ['2026-03-07', 1, '2026-03-09'],
      // year end 2025 → 2026 (both loaded): 12-31, 01-04 (Sun works), 01-05
      ['2025-12-30', 3, '2026-01-05'],
      ['2026-12-28', 3, '2026-12-31'],
    ])('%s + %i working days = %s', (start, n, due) => {
      expect(cal.addWorkingDays(start, n)).toBe(due);
    });

    it('throws at the 2026 → 2027 boundary when 2027 is not loaded', () => {
      const e = errorOf(() => cal.addWorkingDays('2026-12-28', 4));
      expect(e.code).toBe(ErrorCode.CALENDAR_YEAR_NOT_LOADED);
      expect(e.details).toMatchObject({ year: 2027 });
    });

    it('does not need the start year when no day in it is examined', () => {
      expect(cal.addWorkingDays('2024-12-31', 1)).toBe('2025-01-02');
    });

    it.each([0, -1, 1.5, Number.NaN])('rejects count %p', (n) => {
      expect(errorOf(() => cal.addWorkingDays('2026-03-02', n)).code).toBe(ErrorCode.OUT_OF_RANGE);
    });
  });

  describe('addCalendarDays (start not counted; rest-day due moves on, 民事诉讼法 Art.85)', () => {
    it.each([
      ['2026-03-02', 15, '2026-03-17'], // lands on a working Tuesday
      ['2026-02-05', 15, '2026-02-24'], // lands on 02-20 (Spring Festival) → 02-24
      ['2026-01-30', 15, '2026-02-14'], // lands on a make-up Saturday: stays
      ['2026-02-13', 15, '2026-02-28'], // make-up Saturday at month end: stays
      ['2026-02-14', 15, '2026-03-02'], // 03-01 Sunday → Monday (Feb 2026 has 28 days)
      ['2025-01-30', 30, '2025-03-03'], // 03-01 Saturday → Monday (Feb 2025 has 28 days)
      ['2025-09-16', 15, '2025-10-09'], // lands on 10-01 → after the 8-day holiday
      ['2025-09-13', 15, '2025-09-28'], // make-up Sunday: stays
      ['2025-12-17', 15, '2026-01-04'], // 01-01 holiday → 01-04 make-up Sunday
      ['2025-12-02', 30, '2026-01-04'],
      ['2026-12-12', 15, '2026-12-28'], // Sunday 12-27 → Monday
      ['2026-12-16', 15, '2026-12-31'],
      ['2024-12-20', 15, '2025-01-06'], // start year not loaded, but never examined
    ])('%s + %i days = %s', (start, n, due) => {
      expect(cal.addCalendarDays(start, n)).toBe(due);
    });

    it('throws when the due date falls in an unloaded year', () => {
      expect(errorOf(() => cal.addCalendarDays('2026-12-17', 15)).details).toMatchObject({ year: 2027 });
      expect(errorOf(() => cal.addCalendarDays('2026-12-20', 15)).code).toBe(ErrorCode.CALENDAR_YEAR_NOT_LOADED);
    });

    it('throws when rolling forward from a rest day on 12-31 would need the next year', () => {
      const only2025 = new WorkingDayCalendar([parseHolidayYear(y2025)]);
      // 2025-12-27 is a Saturday → 2025-12-29 Monday, fine; 2025-12-31 Wednesday, fine
      expect(only2025.addCalendarDays('2025-12-12', 15)).toBe('2025-12-29');
      expect(only2025.addCalendarDays('2025-12-16', 15)).toBe('2025-12-31');
      expect(errorOf(() => only2025.addCalendarDays('2025-12-17', 15)).details).toMatchObject({ year: 2026 });
    });
  });

  describe('workingDaysBetween', () => {
    it('counts working days in (a, b]', () => {
      expect(cal.workingDaysBetween('2026-02-12', '2026-02-24')).toBe(3);
      expect(cal.workingDaysBetween('2026-02-24', '2026-02-12')).toBe(-3);
      expect(cal.workingDaysBetween('2026-02-15', '2026-02-23')).toBe(0);
      expect(cal.workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
      expect(cal.workingDaysBetween('2025-12-30', '2026-01-05')).toBe(3);
      expect(cal.workingDaysBetween('2024-12-31', '2026-12-31')).toBe(496);
    });

    it('is the inverse of addWorkingDays', () => {
      for (const start of ['2025-01-20', '2025-09-25', '2026-02-10', '2026-04-28', '2026-09-17', '2026-12-01']) {
        for (const n of [1, 2, 3, 5, 7, 10]) {
          expect(cal.workingDaysBetween(start, cal.addWorkingDays(start, n))).toBe(n);
        }
      }
    });

    it('fails closed across an unloaded year', () => {
      expect(errorOf(() => cal.workingDaysBetween('2026-12-30', '2027-01-05')).code).toBe(
        ErrorCode.CALENDAR_YEAR_NOT_LOADED,
      );
    });
  });
});
