import { ErrorCode } from '../errors';
import { DEFAULT_PENALTY_POLICY, PenaltyPolicy, penaltyPolicy, validatePenaltyPolicy } from './policy';
import { codeOf } from '../spec-helpers';

describe('PenaltyPolicy', () => {
  it('has the documented defaults and is frozen', () => {
    expect(DEFAULT_PENALTY_POLICY).toMatchObject({
      largeFineThresholdYuan: { INDIVIDUAL: 10_000, ORGANISATION: 30_000 },
      decisionPeriodDays: 90,
      rectificationReinspectionWorkingDays: 10,
      disclosureWorkingDays: 7,
      disclosureWithdrawalWorkingDays: 3,
      serviceWorkingDays: 7,
      paymentDays: 15,
      statementDefenceWorkingDays: 3,
      hearingRequestWorkingDays: 5,
      hearingNoticeWorkingDays: 7,
      partySubmissionGraceWorkingDays: 0,
    });
    expect(Object.isFrozen(DEFAULT_PENALTY_POLICY)).toBe(true);
    expect(validatePenaltyPolicy({ ...DEFAULT_PENALTY_POLICY })).toBeTruthy();
  });

  it('accepts jurisdiction overrides', () => {
    const p = penaltyPolicy({
      largeFineThresholdYuan: { INDIVIDUAL: 20_000, ORGANISATION: 50_000 },
      statementDefenceWorkingDays: 5,
    });
    expect(p.largeFineThresholdYuan.ORGANISATION).toBe(50_000);
    expect(p.statementDefenceWorkingDays).toBe(5);
  });

  it.each<Partial<PenaltyPolicy>>([
    { statementDefenceWorkingDays: 2 },
    { statementDefenceWorkingDays: 6 },
    { paymentDays: 10 }, // less than Art.67's 15 days
    { hearingRequestWorkingDays: 4 }, // less than Art.64's 5 working days
    { hearingNoticeWorkingDays: 6 },
    { disclosureWorkingDays: 8 }, // later than 安全生产法 Art.78 allows
    { disclosureWithdrawalWorkingDays: 4 },
    { serviceWorkingDays: 8 },
    { decisionPeriodDays: 0 },
    { decisionMaxExtensions: -1 },
    { rectificationReinspectionWorkingDays: 1.5 },
    { largeFineThresholdYuan: { INDIVIDUAL: 0, ORGANISATION: 30_000 } },
  ])('rejects %p', (override) => {
    expect(codeOf(() => penaltyPolicy(override))).toBe(ErrorCode.OUT_OF_RANGE);
  });
});
