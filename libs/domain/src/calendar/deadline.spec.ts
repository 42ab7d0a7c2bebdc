import { ErrorCode } from '../errors';
import { ClockSpec, computeDeadline } from './deadline';
import { errorOf, officialCalendar } from '../spec-helpers';

const cal = officialCalendar();
const sixty = (extra: Partial<ClockSpec> = {}): ClockSpec => ({
  start: '2026-01-10',
  period: { unit: 'calendar_days', amount: 60 },
  maxTotalExtension: 60,
  maxExtensions: 1,
  ...extra,
});

describe('computeDeadline', () => {
  it('counts a plain calendar-day clock', () => {
    expect(computeDeadline(sixty(), cal)).toEqual({ due: '2026-03-11', pausedDays: 0, extendedBy: 0, paused: false });
  });

  it('moves a calendar-day due date off a holiday', () => {
    const r = computeDeadline({ start: '2026-02-05', period: { unit: 'calendar_days', amount: 15 } }, cal);
    expect(r.due).toBe('2026-02-24');
  });

  it('counts a working-day clock through Spring Festival', () => {
    const r = computeDeadline({ start: '2026-02-12', period: { unit: 'working_days', amount: 3 } }, cal);
    expect(r.due).toBe('2026-02-24');
  });

  describe('pauses (条例 Art.27: appraisal time is not counted)', () => {
    it('adds the paused days (inclusive range) and rolls off a weekend', () => {
      // 60 + 10 days → 2026-03-21 (Saturday) → Monday 03-23
      const r = computeDeadline(sixty({ pauses: [{ from: '2026-02-01', to: '2026-02-10' }] }), cal);
      expect(r).toEqual({ due: '2026-03-23', pausedDays: 10, extendedBy: 0, paused: false });
    });

    it('merges overlapping pauses', () => {
      const r = computeDeadline(
        sixty({
          pauses: [
            { from: '2026-02-05', to: '2026-02-12' },
            { from: '2026-02-01', to: '2026-02-10' },
          ],
        }),
        cal,
      );
      expect(r).toMatchObject({ due: '2026-03-23', pausedDays: 12 });
    });

    it('clips a pause that began before the start day, ignores one wholly before it', () => {
      expect(computeDeadline(sixty({ pauses: [{ from: '2026-01-05', to: '2026-01-12' }] }), cal)).toMatchObject({
        due: '2026-03-13',
        pausedDays: 2,
      });
      expect(computeDeadline(sixty({ pauses: [{ from: '2026-01-01', to: '2026-01-10' }] }), cal)).toMatchObject({
        due: '2026-03-11',
        pausedDays: 0,
      });
    });

    it('stops the clock on an open pause (due = null)', () => {
      const r = computeDeadline(
        sixty({ pauses: [{ from: '2026-01-20', to: '2026-01-21' }, { from: '2026-02-01' }] }),
        cal,
      );
      expect(r).toEqual({ due: null, pausedDays: 2, extendedBy: 0, paused: true });
    });

    it('does not need later calendar years while paused', () => {
      const r = computeDeadline(
        { start: '2026-11-10', period: { unit: 'calendar_days', amount: 60 }, pauses: [{ from: '2026-12-01' }] },
        cal,
      );
      expect(r).toMatchObject({ due: null, paused: true });
    });

    it('ignores a pause that begins after the period already ran out', () => {
      expect(computeDeadline(sixty({ pauses: [{ from: '2026-04-01' }] }), cal)).toEqual({
        due: '2026-03-11',
        pausedDays: 0,
        extendedBy: 0,
        paused: false,
      });
      expect(computeDeadline(sixty({ pauses: [{ from: '2026-03-12', to: '2026-03-20' }] }), cal).due).toBe(
        '2026-03-11',
      );
    });

    it('skips paused days in a working-day clock', () => {
      const spec: ClockSpec = { start: '2026-02-12', period: { unit: 'working_days', amount: 5 } };
      expect(computeDeadline(spec, cal).due).toBe('2026-02-26');
      expect(computeDeadline({ ...spec, pauses: [{ from: '2026-02-13', to: '2026-02-13' }] }, cal)).toMatchObject({
        due: '2026-02-27',
        pausedDays: 1,
      });
    });

    it('rejects a pause ending before it starts and two open pauses', () => {
      expect(
        errorOf(() => computeDeadline(sixty({ pauses: [{ from: '2026-02-10', to: '2026-02-01' }] }), cal)).code,
      ).toBe(ErrorCode.VALIDATION_FAILED);
      expect(
        errorOf(() => computeDeadline(sixty({ pauses: [{ from: '2026-02-10' }, { from: '2026-02-20' }] }), cal)).code,
      ).toBe(ErrorCode.VALIDATION_FAILED);
    });
  });

  describe('extensions (条例 Art.29: one extension of ≤60 days)', () => {
    it('adds the extension to the period', () => {
      // 120 days → 2026-05-10 (Sunday, not a make-up day) → Monday 05-11
      expect(computeDeadline(sixty({ extensions: [{ amount: 60 }] }), cal)).toEqual({
        due: '2026-05-11',
        pausedDays: 0,
        extendedBy: 60,
        paused: false,
      });
    });

    it('combines extension and pause', () => {
      const r = computeDeadline(
        sixty({ extensions: [{ amount: 30 }], pauses: [{ from: '2026-02-01', to: '2026-02-10' }] }),
        cal,
      );
      // 100 counted days → 2026-04-20 (Mon), start 01-10 + 90 = 04-10, + 10 paused
      expect(r).toMatchObject({ due: '2026-04-20', pausedDays: 10, extendedBy: 30 });
    });

    it('throws OUT_OF_RANGE beyond the maximum total or count', () => {
      const tooLong = errorOf(() => computeDeadline(sixty({ extensions: [{ amount: 61 }] }), cal));
      expect(tooLong.code).toBe(ErrorCode.OUT_OF_RANGE);
      expect(tooLong.details).toMatchObject({ extendedBy: 61, max: 60 });
      expect(errorOf(() => computeDeadline(sixty({ extensions: [{ amount: 20 }, { amount: 20 }] }), cal)).code).toBe(
        ErrorCode.OUT_OF_RANGE,
      );
      expect(errorOf(() => computeDeadline(sixty({ extensions: [{ amount: 0 }] }), cal)).code).toBe(
        ErrorCode.OUT_OF_RANGE,
      );
    });

    it('allows several extensions when no count bound is set', () => {
      const r = computeDeadline(sixty({ maxExtensions: undefined, extensions: [{ amount: 30 }, { amount: 30 }] }), cal);
      expect(r).toMatchObject({ due: '2026-05-11', extendedBy: 60 });
    });
  });

  describe('year ends', () => {
    it('works from 2025 into 2026', () => {
      expect(computeDeadline({ start: '2025-12-02', period: { unit: 'calendar_days', amount: 30 } }, cal).due).toBe(
        '2026-01-04',
      );
      expect(computeDeadline({ start: '2025-12-29', period: { unit: 'working_days', amount: 5 } }, cal).due).toBe(
        '2026-01-06', // 12-30, 12-31, 01-04 (Sun works), 01-05, 01-06
      );
    });

    it('throws from 2026 into the unloaded 2027', () => {
      const e = errorOf(() =>
        computeDeadline({ start: '2026-11-10', period: { unit: 'calendar_days', amount: 60 } }, cal),
      );
      expect(e.code).toBe(ErrorCode.CALENDAR_YEAR_NOT_LOADED);
      expect(e.details).toMatchObject({ year: 2027 });
      expect(
        errorOf(() => computeDeadline({ start: '2026-12-28', period: { unit: 'working_days', amount: 5 } }, cal))
          .details,
      ).toMatchObject({ year: 2027 });
    });

    it('throws when a pause pushes a 2026 deadline into 2027', () => {
      const spec: ClockSpec = { start: '2026-10-15', period: { unit: 'calendar_days', amount: 60 } };
      expect(computeDeadline(spec, cal).due).toBe('2026-12-14');
      expect(
        errorOf(() => computeDeadline({ ...spec, pauses: [{ from: '2026-11-01', to: '2026-11-30' }] }, cal)).code,
      ).toBe(ErrorCode.CALENDAR_YEAR_NOT_LOADED);
    });
  });

  it('validates the period', () => {
    expect(
      errorOf(() => computeDeadline({ start: '2026-01-10', period: { unit: 'calendar_days', amount: 0 } }, cal)).code,
    ).toBe(ErrorCode.OUT_OF_RANGE);
    expect(
      errorOf(() =>
        computeDeadline({ start: '2026-01-10', period: { unit: 'weeks' as 'calendar_days', amount: 1 } }, cal),
      ).code,
    ).toBe(ErrorCode.VALIDATION_FAILED);
  });
});
