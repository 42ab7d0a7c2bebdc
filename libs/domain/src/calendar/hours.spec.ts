import { DomainError } from '../errors';
import { STATUTORY_HOUR_CLOCKS, addHours, isWithinHours } from './hours';

describe('hour clocks', () => {
  const t0 = new Date('2026-02-16T23:30:00+08:00');

  it('adds hours across local midnight and holidays (hours ignore working days)', () => {
    expect(addHours(t0, STATUTORY_HOUR_CLOCKS.ACCIDENT_FIRST_REPORT).toISOString()).toBe('2026-02-16T16:30:00.000Z');
    expect(addHours(t0, STATUTORY_HOUR_CLOCKS.ACCIDENT_UPWARD_REPORT_PER_LEVEL).toISOString()).toBe(
      '2026-02-16T17:30:00.000Z',
    );
    expect(addHours(t0, STATUTORY_HOUR_CLOCKS.CRIMINAL_TRANSFER_AFTER_APPROVAL).toISOString()).toBe(
      '2026-02-17T15:30:00.000Z',
    );
    expect(addHours(t0, 0.5).toISOString()).toBe('2026-02-16T16:00:00.000Z');
  });

  it('includes the boundary instant', () => {
    expect(isWithinHours(t0, new Date('2026-02-17T00:30:00+08:00'), 1)).toBe(true);
    expect(isWithinHours(t0, new Date('2026-02-17T00:30:00.001+08:00'), 1)).toBe(false);
  });

  it('rejects bad input', () => {
    expect(() => addHours(new Date('x'), 1)).toThrow(DomainError);
    expect(() => addHours(t0, Number.NaN)).toThrow(DomainError);
  });
});
