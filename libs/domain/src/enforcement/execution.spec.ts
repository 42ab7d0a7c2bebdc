import { challengePeriods } from './execution';

describe('challengePeriods', () => {
  it('takes the later of 60 days and 6 months, then 3 months for the court', () => {
    const p = challengePeriods('2026-11-25', {
      reconsiderationDays: 60,
      litigationMonths: 6,
      courtApplicationMonths: 3,
    });
    expect(p.reconsiderationEnds).toBe('2027-01-24');
    expect(p.litigationEnds).toBe('2027-05-25');
    expect(p.bothEnd).toBe('2027-05-25');
    expect(p.courtApplicationEnds).toBe('2027-08-25');
  });
});
