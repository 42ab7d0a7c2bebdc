import { DomainError, ErrorCode } from '../errors';
import { lateSurcharge } from './surcharge';

const base = { fineYuan: 10_000, dueDate: '2026-03-02' };

describe('lateSurcharge (行政处罚法 Art.72, 73)', () => {
  it('is zero on or before the due date', () => {
    expect(lateSurcharge({ ...base, asOf: '2026-03-02' })).toMatchObject({
      daysCounted: 0,
      surchargeFen: 0,
      capped: false,
    });
    expect(lateSurcharge({ ...base, asOf: '2026-02-20' }).daysCounted).toBe(0);
  });

  it('charges 3% of the fine per calendar day', () => {
    expect(lateSurcharge({ ...base, asOf: '2026-03-03' })).toEqual({
      daysCounted: 1,
      suspendedDays: 0,
      surchargeFen: 30_000,
      surchargeYuan: 300,
      capped: false,
      totalFen: 1_030_000,
    });
    expect(lateSurcharge({ ...base, asOf: '2026-03-12' }).surchargeYuan).toBe(3_000);
  });

  it('caps at the fine (reached on day 34)', () => {
    expect(lateSurcharge({ ...base, asOf: '2026-04-04' })).toMatchObject({
      daysCounted: 33,
      surchargeYuan: 9_900,
      capped: false,
    });
    expect(lateSurcharge({ ...base, asOf: '2026-04-05' })).toMatchObject({
      daysCounted: 34,
      surchargeYuan: 10_000,
      capped: true,
    });
    expect(lateSurcharge({ ...base, asOf: '2027-06-01' })).toMatchObject({
      surchargeFen: 1_000_000,
      totalFen: 2_000_000,
      capped: true,
    });
  });

  it('does not accrue while 复议/诉讼 is pending', () => {
    const closed = lateSurcharge({
      ...base,
      asOf: '2026-03-31',
      suspendedRanges: [{ from: '2026-03-06', to: '2026-03-25' }],
    });
    expect(closed).toMatchObject({ daysCounted: 9, suspendedDays: 20, surchargeYuan: 2_700 });
    const open = lateSurcharge({ ...base, asOf: '2026-03-31', suspendedRanges: [{ from: '2026-03-06' }] });
    expect(open).toMatchObject({ daysCounted: 3, suspendedDays: 26, surchargeYuan: 900 });
    const before = lateSurcharge({
      ...base,
      asOf: '2026-03-05',
      suspendedRanges: [{ from: '2026-02-20', to: '2026-03-03' }],
    });
    expect(before).toMatchObject({ daysCounted: 2, suspendedDays: 1 });
    const overlapping = lateSurcharge({
      ...base,
      asOf: '2026-03-12',
      suspendedRanges: [
        { from: '2026-03-03', to: '2026-03-06' },
        { from: '2026-03-05', to: '2026-03-08' },
      ],
    });
    expect(overlapping).toMatchObject({ daysCounted: 4, suspendedDays: 6 });
  });

  it('works in integer fen without float error, rounding fractions of a fen down', () => {
    expect(lateSurcharge({ fineYuan: 33.33, dueDate: '2026-03-02', asOf: '2026-03-03' }).surchargeFen).toBe(99); // 99.99 → 99
    expect(lateSurcharge({ fineYuan: 33.33, dueDate: '2026-03-02', asOf: '2026-03-09' }).surchargeFen).toBe(699); // 699.93
    expect(lateSurcharge({ fineYuan: 0.1 + 0.2, dueDate: '2026-03-02', asOf: '2026-03-12' }).surchargeFen).toBe(9);
    expect(lateSurcharge({ fineYuan: 1_000_000.01, dueDate: '2026-03-02', asOf: '2026-03-03' }).surchargeFen).toBe(
      3_000_000,
    );
  });

  it('rejects malformed input', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as DomainError).code;
      }
      return undefined;
    };
    expect(code(() => lateSurcharge({ ...base, fineYuan: 12.345, asOf: '2026-03-05' }))).toBe(
      ErrorCode.VALIDATION_FAILED,
    );
    expect(code(() => lateSurcharge({ ...base, fineYuan: -1, asOf: '2026-03-05' }))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(code(() => lateSurcharge({ ...base, asOf: '2026-02-30' }))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(
      code(() =>
        lateSurcharge({ ...base, asOf: '2026-03-05', suspendedRanges: [{ from: '2026-03-05', to: '2026-03-04' }] }),
      ),
    ).toBe(ErrorCode.VALIDATION_FAILED);
  });
});
