import { amountOwed } from './amount-owed';

const base = { fineYuan: 10_000, dueDate: '2026-03-16', challenges: [] };

describe('amountOwed (行政处罚法 Art.67, 72, 73)', () => {
  it('owes the fine alone up to the due date', () => {
    expect(amountOwed({ ...base, payments: [], asOf: '2026-03-16' })).toMatchObject({
      fineFen: 1_000_000,
      surchargeFen: 0,
      owedFen: 1_000_000,
      outstandingFen: 1_000_000,
      settledOn: null,
    });
  });

  it('adds 3% a day after the due date, capped at the fine', () => {
    expect(amountOwed({ ...base, payments: [], asOf: '2026-03-21' })).toMatchObject({
      surchargeDays: 5,
      surchargeFen: 150_000,
      outstandingFen: 1_150_000,
    });
    expect(amountOwed({ ...base, payments: [], asOf: '2026-06-30' })).toMatchObject({
      surchargeFen: 1_000_000,
      capped: true,
    });
  });

  it('stops the accrual on the day everything owed by then was paid', () => {
    const owed = amountOwed({
      ...base,
      payments: [
        { amountYuan: 10_000, paidOn: '2026-03-18' },
        { amountYuan: 900, paidOn: '2026-03-19' },
      ],
      asOf: '2026-04-30',
    });
    expect(owed).toMatchObject({ settledOn: '2026-03-19', surchargeFen: 90_000, outstandingFen: 0 });
  });

  it('counts only payments made by the day, whatever order they were recorded in', () => {
    const payments = [
      { amountYuan: 10_000, paidOn: '2026-03-26' },
      // Recorded later with an earlier receipt date: as of the 21st only this one was paid.
      { amountYuan: 1_500, paidOn: '2026-03-21' },
    ];
    expect(amountOwed({ ...base, payments, asOf: '2026-03-21' })).toMatchObject({
      paidFen: 150_000,
      outstandingFen: 1_000_000,
      settledOn: null,
    });
    // By the 26th the surcharge had grown to 30%: 11,500 paid of 13,000 owed.
    expect(amountOwed({ ...base, payments, asOf: '2026-03-30' })).toMatchObject({
      paidFen: 1_150_000,
      settledOn: null,
      outstandingFen: 1_300_000 + 30_000 * 4 - 1_150_000,
    });
  });

  it('does not accrue while a reconsideration is pending', () => {
    const owed = amountOwed({
      ...base,
      payments: [],
      challenges: [{ filedOn: '2026-03-18', endedOn: '2026-04-30' }],
      asOf: '2026-05-01',
    });
    // 17 March and 1 May accrue; 18 March to 30 April (the end day included) do not.
    expect(owed).toMatchObject({ surchargeDays: 2, suspendedDays: 44 });
  });

  it('owes nothing extra before the decision is served (no due date yet)', () => {
    expect(amountOwed({ ...base, dueDate: null, payments: [], asOf: '2027-01-01' })).toMatchObject({
      surchargeFen: 0,
      outstandingFen: 1_000_000,
    });
  });
});
