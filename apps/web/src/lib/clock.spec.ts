import {
  chinaDate,
  chinaDateTime,
  hoursClock,
  isWorkingDay,
  statutoryClock,
  yearsSpanned,
  type CalendarYear,
} from './clock';

/** Shaped like the 2026 notice around National Day: 1–7 October off, Sunday 27 September and Saturday 10 October worked. */
const year2026: CalendarYear = {
  year: 2026,
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeupWorkdays: ['2026-09-27', '2026-10-10'],
};
const years = new Map([[2026, year2026]]);

describe('China time', () => {
  it('shows instants in China time whatever the zone they were written in', () => {
    expect(chinaDateTime('2026-03-01T16:30:00Z')).toBe('2026-03-02 00:30');
    expect(chinaDateTime('2026-03-02T08:00:00+08:00')).toBe('2026-03-02 08:00');
    expect(chinaDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(chinaDateTime(null)).toBe('—');
  });
});

describe('working days on the official calendar', () => {
  it('treats weekends and holidays as off and 调休 make-up days as working days', () => {
    expect(isWorkingDay('2026-09-25', years)).toBe(true); // Friday
    expect(isWorkingDay('2026-09-26', years)).toBe(false); // Saturday
    expect(isWorkingDay('2026-09-27', years)).toBe(true); // Sunday, made up
    expect(isWorkingDay('2026-10-05', years)).toBe(false); // Monday, holiday
    expect(isWorkingDay('2026-10-10', years)).toBe(true); // Saturday, made up
    expect(isWorkingDay('2027-01-04', years)).toBeUndefined(); // year not loaded
  });
});

describe('statutoryClock', () => {
  const now = new Date('2026-09-30T02:00:00Z'); // Wednesday 30 September, 10:00 in China

  it('counts the working days left after today, skipping the National Day holiday', () => {
    // 1–7 Oct off, 8 (Thu), 9 (Fri), 10 (Sat, made up) worked, 11 Sunday, 12 Monday.
    const clock = statutoryClock('2026-10-12T15:59:59Z', now, years);
    expect(clock).toEqual({ state: 'remaining', workingDays: 4, calendarDays: 12, dueDate: '2026-10-12' });
  });

  it('says due today, and counts overdue days in calendar days', () => {
    expect(statutoryClock('2026-09-30T15:59:59Z', now, years)).toEqual({ state: 'dueToday', dueDate: '2026-09-30' });
    expect(statutoryClock('2026-09-27T15:59:59Z', now, years)).toEqual({
      state: 'overdue',
      days: 3,
      dueDate: '2026-09-27',
    });
    // Passed earlier today: one day overdue, never zero.
    expect(statutoryClock('2026-09-30T01:00:00Z', now, years)).toEqual({
      state: 'overdue',
      days: 1,
      dueDate: '2026-09-30',
    });
  });

  it('refuses to guess across a year whose calendar is not loaded', () => {
    expect(statutoryClock('2027-01-05T15:59:59Z', now, years)).toEqual({ state: 'uncounted', dueDate: '2027-01-05' });
    expect(yearsSpanned('2027-01-05T15:59:59Z', now)).toEqual([2026, 2027]);
    expect(statutoryClock(null, now, years)).toEqual({ state: 'none' });
  });
});

describe('hoursClock', () => {
  const now = new Date('2026-09-30T02:00:00Z');

  it('counts the hours and minutes left on the wall clock, and how long it is overdue', () => {
    expect(hoursClock('2026-09-30T03:30:00Z', now)).toEqual({ state: 'remaining', hours: 1, minutes: 30 });
    expect(hoursClock('2026-09-30T02:00:30Z', now)).toEqual({ state: 'remaining', hours: 0, minutes: 1 });
    expect(hoursClock('2026-09-30T00:45:00Z', now)).toEqual({ state: 'overdue', hours: 1, minutes: 15 });
    expect(hoursClock(null, now)).toEqual({ state: 'none' });
  });
});
