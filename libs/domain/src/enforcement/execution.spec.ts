import { addMonths, challengePeriods } from './execution';

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

describe('challengePeriods', () => {
  it('takes the later of 60 days and 6 months, then 3 months for the court', () => {
    const p = challengePeriods('2026-11-25', { reconsiderationDays: 60, litigationMonths: 6, courtApplicationMonths: 3 });
    expect(p.reconsiderationEnds).toBe('2027-01-24');
    expect(p.litigationEnds).toBe('2027-05-25');
    expect(p.bothEnd).toBe('2027-05-25');
    expect(p.courtApplicationEnds).toBe('2027-08-25');
  });
});
