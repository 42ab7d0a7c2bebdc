import { continuingDailyFine } from './continuing-fine';
import { codeOf } from '../spec-helpers';

describe('continuing daily fine (安全生产法 Art.112)', () => {
  it('counts every calendar day from the day after the order, at the original amount', () => {
    expect(continuingDailyFine({ originalFineYuan: 20_000, orderDate: '2026-09-28', until: '2026-10-08' })).toEqual({
      from: '2026-09-29',
      until: '2026-10-08',
      days: 10,
      perDayYuan: 20_000,
      amountYuan: 200_000,
    }); // across National Day: calendar days
  });
  it('is nothing on the order day itself or before', () => {
    expect(
      continuingDailyFine({ originalFineYuan: 5_000, orderDate: '2026-03-02', until: '2026-03-02' }).amountYuan,
    ).toBe(0);
    expect(continuingDailyFine({ originalFineYuan: 5_000, orderDate: '2026-03-02', until: '2026-03-01' }).days).toBe(0);
  });
  it('keeps fen exact', () => {
    expect(
      continuingDailyFine({ originalFineYuan: 333.33, orderDate: '2026-01-30', until: '2026-02-02' }).amountYuan,
    ).toBe(999.99);
  });
  it('needs an original fine and valid dates', () => {
    expect(
      codeOf(() => continuingDailyFine({ originalFineYuan: 0, orderDate: '2026-01-01', until: '2026-01-05' })),
    ).toBe('RULE_VIOLATION');
    expect(
      codeOf(() => continuingDailyFine({ originalFineYuan: 10, orderDate: '2026-13-01', until: '2026-01-05' })),
    ).toBe('VALIDATION_FAILED');
  });
});
