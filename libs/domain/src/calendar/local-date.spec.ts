import { DomainError, ErrorCode } from '../errors';
import {
  compareLocalDates,
  dayOfWeek,
  diffDays,
  endOfLocalDay,
  isLocalDate,
  isOnOrBeforeLocalDate,
  plusDays,
  startOfLocalDay,
  toEpochDay,
  toLocalDate,
  yearOf,
} from './local-date';

describe('local dates (Asia/Shanghai, UTC+8)', () => {
  it('maps instants to the China local date by +8h', () => {
    expect(toLocalDate(new Date('2025-12-31T15:59:59.999Z'))).toBe('2025-12-31');
    expect(toLocalDate(new Date('2025-12-31T16:00:00.000Z'))).toBe('2026-01-01');
    expect(toLocalDate(new Date('2026-02-14T00:00:00+08:00'))).toBe('2026-02-14');
  });

  it('gives the start and the exclusive end of a local day', () => {
    expect(startOfLocalDay('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(endOfLocalDay('2026-01-01').toISOString()).toBe('2026-01-01T16:00:00.000Z');
    expect(endOfLocalDay('2026-02-28').toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });

  it('treats the last millisecond of the due day as in time and midnight after as late', () => {
    expect(isOnOrBeforeLocalDate(new Date('2026-03-02T23:59:59.999+08:00'), '2026-03-02')).toBe(true);
    expect(isOnOrBeforeLocalDate(new Date('2026-03-03T00:00:00+08:00'), '2026-03-02')).toBe(false);
  });

  it('validates dates strictly (no Feb 29 in 2025/2026, no month 13)', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2024-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2025-02-29', '2026-13-01', '2026-1-1', '0026-01-01', '', 20260101]) {
      expect(isLocalDate(bad)).toBe(false);
    }
    expect(() => toEpochDay('2026-02-30')).toThrow(DomainError);
    try {
      toEpochDay('nope');
    } catch (e) {
      expect((e as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
    }
  });

  it('rejects invalid instants', () => {
    expect(() => toLocalDate(new Date('garbage'))).toThrow(DomainError);
  });

  it('does plain calendar arithmetic across month and year ends', () => {
    expect(plusDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(plusDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(plusDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(diffDays('2025-12-25', '2026-01-04')).toBe(10);
    expect(compareLocalDates('2026-01-01', '2025-12-31')).toBe(1);
    expect(compareLocalDates('2026-01-01', '2026-01-01')).toBe(0);
    expect(yearOf('2027-01-01')).toBe(2027);
  });

  it('knows the weekday (0 = Sunday)', () => {
    expect(dayOfWeek('2026-02-14')).toBe(6);
    expect(dayOfWeek('2025-09-28')).toBe(0);
    expect(dayOfWeek('2026-02-16')).toBe(1);
    expect(dayOfWeek('1970-01-01')).toBe(4);
  });
});
