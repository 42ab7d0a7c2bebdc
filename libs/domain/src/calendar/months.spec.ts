import { DomainError } from '../errors';
import { addMonths } from './months';

describe('addMonths', () => {
  it('adds months and clamps to the month end', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-12-01', 0)).toBe('2026-12-01');
  });
  it('rejects bad input', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow();
    expect(() => addMonths('2026-02-01', -1)).toThrow();
  });
});

describe('addMonths (evaluation windows)', () => {
  it('adds months, clamping to the month end', () => {
    expect(addMonths('2026-11-22', 10)).toBe('2027-09-22');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
    expect(() => addMonths('2026-03-15', 1.5)).toThrow(DomainError);
  });
});
