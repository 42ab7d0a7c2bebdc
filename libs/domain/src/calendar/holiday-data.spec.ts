// Loads the seed notices the system ships with and checks them against the State Council notices.
import y2025 from '../../../../seeds/data/holiday-calendars/2025.json';
import y2026 from '../../../../seeds/data/holiday-calendars/2026.json';
import { parseHolidayYear } from './holiday-year';
import { WorkingDayCalendar } from './working-day-calendar';
import { dayOfWeek, fromEpochDay, toEpochDay } from './local-date';

describe('seeded holiday calendars', () => {
  const h2025 = parseHolidayYear(y2025);
  const h2026 = parseHolidayYear(y2026);
  const cal = new WorkingDayCalendar([h2025, h2026]);

  it('name their notices', () => {
    expect(h2025).toMatchObject({ year: 2025, noticeNumber: '国办发明电〔2024〕12号', noticeDate: '2024-11-12' });
    expect(h2026).toMatchObject({ year: 2026, noticeNumber: '国办发明电〔2025〕7号', noticeDate: '2025-11-04' });
    expect(h2025.source).toContain('国办发明电〔2024〕12号');
    expect(h2026.source).toContain('国办发明电〔2025〕7号');
  });

  it('list the 2026 make-up working days from the notice', () => {
    expect(h2026.makeupWorkdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(h2025.makeupWorkdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
  });

  it.each([
    ['2026-02-14', true], // Saturday, 调休上班
    ['2026-02-16', false], // Monday, Spring Festival
    ['2026-02-23', false], // Monday, last day of Spring Festival
    ['2026-02-24', true],
    ['2026-10-07', false],
    ['2026-10-10', true], // Saturday, 调休上班
    ['2025-10-08', false], // Wednesday, National Day + Mid-Autumn
    ['2025-09-28', true], // Sunday, 调休上班
    ['2025-10-11', true],
    ['2025-01-27', true],
    ['2025-01-28', false], // 除夕
    ['2025-02-04', false],
    ['2025-06-02', false],
  ])('%s working = %s', (d, working) => {
    expect(cal.isWorkingDay(d)).toBe(working);
  });

  it('have the expected number of working days per year (248 each)', () => {
    for (const year of [2025, 2026]) {
      let working = 0;
      for (let t = toEpochDay(`${year}-01-01`); t <= toEpochDay(`${year}-12-31`); t++) {
        if (cal.isWorkingDay(fromEpochDay(t))) working++;
      }
      expect(working).toBe(248);
    }
  });

  it('net exactly 13 lost working days per year (13 statutory holiday days, 全国年节及纪念日放假办法 2024)', () => {
    for (const y of [h2025, h2026]) {
      const weekdayHolidays = y.holidays.filter((d) => dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6).length;
      expect(weekdayHolidays - y.makeupWorkdays.length).toBe(13);
    }
  });
});
