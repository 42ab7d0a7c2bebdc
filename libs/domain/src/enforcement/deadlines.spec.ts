import { ErrorCode } from '../errors';
import { decisionDeadline, earliestHearingDate, enforcementDeadline } from './deadlines';
import { DEFAULT_PENALTY_POLICY, penaltyPolicy } from './policy';
import { codeOf, officialCalendar } from '../spec-helpers';

const cal = officialCalendar();
describe('enforcementDeadline', () => {
  it.each([
    ['STATEMENT_DEFENCE', '2026-02-12', '2026-02-24'], // 3 working days over Spring Festival
    ['HEARING_REQUEST', '2025-09-26', '2025-10-10'], // Art.64: 5 working days over National Day
    ['SERVICE', '2025-09-26', '2025-10-13'], // Art.61: 7 working days
    ['PAYMENT', '2026-02-05', '2026-02-24'], // Art.67: 15 days, rest-day due date moves on
    ['DISCLOSURE', '2026-04-28', '2026-05-11'], // 安全生产法 Art.78: 7 working days over Labour Day
    ['DISCLOSURE_WITHDRAWAL', '2026-09-30', '2026-10-10'], // Art.48: 3 working days, make-up Saturday counts
    ['RECTIFICATION_REINSPECTION', '2026-02-10', '2026-03-02'], // UNVERIFIED default 10 working days
  ] as const)('%s from %s → %s', (clock, from, due) => {
    expect(enforcementDeadline(clock, from, cal)).toBe(due);
  });

  it('uses the jurisdiction policy', () => {
    expect(
      enforcementDeadline('STATEMENT_DEFENCE', '2026-02-12', cal, penaltyPolicy({ statementDefenceWorkingDays: 5 })),
    ).toBe('2026-02-26');
  });

  it('fails closed across the unloaded 2027', () => {
    expect(codeOf(() => enforcementDeadline('SERVICE', '2026-12-28', cal))).toBe(ErrorCode.CALENDAR_YEAR_NOT_LOADED);
  });
});

describe('earliestHearingDate (Art.64: notice 7 working days ahead)', () => {
  it('counts 7 working days after service of the notice', () => {
    expect(earliestHearingDate('2026-02-10', cal)).toBe('2026-02-26');
    expect(earliestHearingDate('2026-03-02', cal, DEFAULT_PENALTY_POLICY)).toBe('2026-03-11');
  });
});

describe('decisionDeadline (Art.60: 90 days from 立案)', () => {
  it('is 90 calendar days by default', () => {
    expect(decisionDeadline({ filedOn: '2026-01-10' }, cal)).toEqual({
      due: '2026-04-10',
      pausedDays: 0,
      extendedBy: 0,
      paused: false,
    });
  });

  it('allows policy-bounded extensions', () => {
    expect(decisionDeadline({ filedOn: '2026-01-10', extensions: [{ amount: 45 }, { amount: 45 }] }, cal).due).toBe(
      '2026-07-09',
    );
    expect(codeOf(() => decisionDeadline({ filedOn: '2026-01-10', extensions: [{ amount: 91 }] }, cal))).toBe(
      ErrorCode.OUT_OF_RANGE,
    );
    expect(
      codeOf(() =>
        decisionDeadline({ filedOn: '2026-01-10', extensions: [{ amount: 10 }, { amount: 10 }, { amount: 10 }] }, cal),
      ),
    ).toBe(ErrorCode.OUT_OF_RANGE);
    const noExtensions = penaltyPolicy({ decisionMaxExtensions: 0, decisionMaxTotalExtensionDays: 0 });
    expect(
      codeOf(() => decisionDeadline({ filedOn: '2026-01-10', extensions: [{ amount: 1 }] }, cal, noExtensions)),
    ).toBe(ErrorCode.OUT_OF_RANGE);
  });

  it('supports a sector period (legacy work-safety rule: 30 days)', () => {
    expect(decisionDeadline({ filedOn: '2026-01-10' }, cal, penaltyPolicy({ decisionPeriodDays: 30 })).due).toBe(
      '2026-02-09',
    );
  });

  it('fails closed when the due date is in 2027', () => {
    expect(codeOf(() => decisionDeadline({ filedOn: '2026-10-15' }, cal))).toBe(ErrorCode.CALENDAR_YEAR_NOT_LOADED);
  });
});
