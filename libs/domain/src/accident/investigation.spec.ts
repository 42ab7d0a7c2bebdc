import { ErrorCode } from '../errors';
import { approvalDeadline, approvalDeadlineDays, investigationDeadline } from './investigation';
import { codeOf, officialCalendar } from '../spec-helpers';

const cal = officialCalendar();
describe('investigationDeadline (条例 Art.27, 29)', () => {
  it('is 60 calendar days from the accident', () => {
    expect(investigationDeadline({ accidentDate: '2026-01-10' }, cal).due).toBe('2026-03-11');
    // 2025-08-02 + 60 = 10-01 (National Day) → 10-09
    expect(investigationDeadline({ accidentDate: '2025-08-02' }, cal).due).toBe('2025-10-09');
  });

  it('excludes appraisal time and stops while appraisal runs', () => {
    const r = investigationDeadline(
      { accidentDate: '2026-01-10', appraisalPauses: [{ from: '2026-02-01', to: '2026-02-10' }] },
      cal,
    );
    expect(r).toMatchObject({ due: '2026-03-23', pausedDays: 10 });
    expect(
      investigationDeadline({ accidentDate: '2026-01-10', appraisalPauses: [{ from: '2026-02-01' }] }, cal),
    ).toMatchObject({
      due: null,
      paused: true,
    });
  });

  it('allows one extension of at most 60 days', () => {
    expect(investigationDeadline({ accidentDate: '2026-01-10', extensions: [{ amount: 60 }] }, cal).due).toBe(
      '2026-05-11',
    );
    expect(codeOf(() => investigationDeadline({ accidentDate: '2026-01-10', extensions: [{ amount: 61 }] }, cal))).toBe(
      ErrorCode.OUT_OF_RANGE,
    );
    expect(
      codeOf(() =>
        investigationDeadline({ accidentDate: '2026-01-10', extensions: [{ amount: 30 }, { amount: 30 }] }, cal),
      ),
    ).toBe(ErrorCode.OUT_OF_RANGE);
  });

  it('fails closed when the deadline needs 2027', () => {
    expect(codeOf(() => investigationDeadline({ accidentDate: '2026-11-15' }, cal))).toBe(
      ErrorCode.CALENDAR_YEAR_NOT_LOADED,
    );
  });
});

describe('approval (批复, 条例 Art.32)', () => {
  it('gives 15 days, 30 (+≤30) for 特别重大', () => {
    expect(approvalDeadlineDays('GENERAL')).toEqual({ days: 15, maxExtensionDays: 0 });
    expect(approvalDeadlineDays('LARGER')).toEqual({ days: 15, maxExtensionDays: 0 });
    expect(approvalDeadlineDays('MAJOR')).toEqual({ days: 15, maxExtensionDays: 0 });
    expect(approvalDeadlineDays('EXTRAORDINARY')).toEqual({ days: 30, maxExtensionDays: 30 });
  });

  it('computes the 批复 due date and bounds extensions', () => {
    // 2026-02-05 + 15 = 02-20 (Spring Festival) → 02-24
    expect(approvalDeadline({ grade: 'MAJOR', reportReceivedOn: '2026-02-05' }, cal).due).toBe('2026-02-24');
    expect(approvalDeadline({ grade: 'EXTRAORDINARY', reportReceivedOn: '2026-03-02' }, cal).due).toBe('2026-04-01');
    expect(
      approvalDeadline({ grade: 'EXTRAORDINARY', reportReceivedOn: '2026-03-02', extensions: [{ amount: 30 }] }, cal)
        .due,
    ).toBe('2026-05-06'); // 05-01 (holiday) → after Labour Day
    expect(
      codeOf(() =>
        approvalDeadline({ grade: 'MAJOR', reportReceivedOn: '2026-03-02', extensions: [{ amount: 1 }] }, cal),
      ),
    ).toBe(ErrorCode.OUT_OF_RANGE);
    expect(
      codeOf(() =>
        approvalDeadline({ grade: 'EXTRAORDINARY', reportReceivedOn: '2026-03-02', extensions: [{ amount: 31 }] }, cal),
      ),
    ).toBe(ErrorCode.OUT_OF_RANGE);
  });
});
