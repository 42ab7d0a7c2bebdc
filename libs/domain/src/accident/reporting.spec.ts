import { DomainError, ErrorCode } from '../errors';
import {
  isWithinSupplementaryWindow,
  regradeMayMoveInvestigationUp,
  reportTimeliness,
  supplementaryReportWindowDays,
  upwardReportDueAt,
} from './reporting';

describe('reportTimeliness (条例 Art.9: 1 hour)', () => {
  const t0 = new Date('2026-02-16T23:10:00+08:00');

  it('is on time up to and including the 1-hour boundary', () => {
    expect(reportTimeliness(t0, new Date('2026-02-16T23:40:00+08:00'))).toEqual({
      status: 'ON_TIME',
      dueAt: new Date('2026-02-17T00:10:00+08:00'),
      lateByMs: 0,
    });
    expect(reportTimeliness(t0, new Date('2026-02-17T00:10:00+08:00')).status).toBe('ON_TIME');
  });

  it('is 迟报 one millisecond later', () => {
    const r = reportTimeliness(t0, new Date('2026-02-17T00:10:00.001+08:00'));
    expect(r.status).toBe('LATE');
    expect(r.lateByMs).toBe(1);
  });

  it('honours a policy value', () => {
    expect(reportTimeliness(t0, new Date('2026-02-17T00:40:00+08:00'), { firstReportHours: 2 }).status).toBe('ON_TIME');
    expect(() => reportTimeliness(t0, t0, { firstReportHours: 0 })).toThrow(DomainError);
  });

  it('rejects a report before the clock starts', () => {
    try {
      reportTimeliness(t0, new Date('2026-02-16T23:00:00+08:00'));
      throw new Error('no error');
    } catch (e) {
      expect((e as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
    }
    expect(() => reportTimeliness(t0, new Date('bad'))).toThrow(DomainError);
  });
});

describe('upward chain (条例 Art.11: 2 hours per level)', () => {
  it('adds 2 hours', () => {
    expect(upwardReportDueAt(new Date('2026-02-16T23:10:00+08:00'))).toEqual(new Date('2026-02-17T01:10:00+08:00'));
  });
});

describe('supplementary reports (条例 Art.13, 20)', () => {
  it('uses 7 days for road traffic and fire, 30 otherwise', () => {
    expect(supplementaryReportWindowDays('ROAD_TRAFFIC')).toBe(7);
    expect(supplementaryReportWindowDays('FIRE')).toBe(7);
    expect(supplementaryReportWindowDays('OTHER')).toBe(30);
  });

  it('counts the window from the accident day', () => {
    expect(isWithinSupplementaryWindow('2026-01-31', '2026-03-02', 'OTHER')).toBe(true); // day 30
    expect(isWithinSupplementaryWindow('2026-01-31', '2026-03-03', 'OTHER')).toBe(false);
    expect(isWithinSupplementaryWindow('2026-02-26', '2026-03-05', 'FIRE')).toBe(true); // day 7
    expect(isWithinSupplementaryWindow('2026-02-26', '2026-03-06', 'FIRE')).toBe(false);
    expect(isWithinSupplementaryWindow('2026-02-26', '2026-02-25', 'FIRE')).toBe(false);
  });

  it('lets a higher government take over only within the window and when the level changes', () => {
    const base = { occurredOn: '2026-03-01', changedOn: '2026-03-20', sector: 'OTHER' as const };
    expect(regradeMayMoveInvestigationUp({ ...base, previousGrade: 'GENERAL', newGrade: 'LARGER' })).toBe(true);
    expect(regradeMayMoveInvestigationUp({ ...base, previousGrade: 'LARGER', newGrade: 'LARGER' })).toBe(false);
    expect(regradeMayMoveInvestigationUp({ ...base, previousGrade: 'LARGER', newGrade: 'GENERAL' })).toBe(false);
    expect(
      regradeMayMoveInvestigationUp({ ...base, sector: 'ROAD_TRAFFIC', previousGrade: 'GENERAL', newGrade: 'MAJOR' }),
    ).toBe(false);
  });
});
