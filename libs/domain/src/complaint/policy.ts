import { DomainError, ErrorCode } from '../errors';

/** What a verified complaint proved, the basis of the reward tier. */
export const VERIFIED_GRADES = ['GENERAL_HAZARD', 'MAJOR_HAZARD', 'ILLEGAL_OPERATION'] as const;
export type VerifiedGrade = (typeof VERIFIED_GRADES)[number];

/** One reward tier: the amounts a proposal may name for a verified grade, in yuan (both ends included). */
export interface RewardTier {
  minYuan: number;
  maxYuan: number;
}

/**
 * Per-department values of complaint handling (投诉举报, 12350). No statute fixes these periods or
 * amounts: every value is a DEFAULT a department may override (stored as overrides, inherited down
 * the department chain like the penalty policy).
 */
export interface ComplaintPolicy {
  /** DEFAULT 5 working days from receipt to the acceptance decision (受理审查). */
  acceptanceWorkingDays: number;
  /** DEFAULT 30 calendar days from acceptance to the verification finding (核查). */
  verificationDays: number;
  /** DEFAULT 15 working days from the handling result to the feedback to the informant (反馈). */
  feedbackWorkingDays: number;
  /** DEFAULT 48 hours before a due instant at which the task turns yellow. */
  warningLeadHours: number;
  /** DEFAULT reward tiers per verified grade (奖励); amounts in yuan. */
  rewardTiers: Record<VerifiedGrade, RewardTier>;
}

export const DEFAULT_COMPLAINT_POLICY: Readonly<ComplaintPolicy> = Object.freeze({
  acceptanceWorkingDays: 5,
  verificationDays: 30,
  feedbackWorkingDays: 15,
  warningLeadHours: 48,
  rewardTiers: Object.freeze({
    GENERAL_HAZARD: Object.freeze({ minYuan: 200, maxYuan: 3_000 }),
    MAJOR_HAZARD: Object.freeze({ minYuan: 3_000, maxYuan: 300_000 }),
    ILLEGAL_OPERATION: Object.freeze({ minYuan: 1_000, maxYuan: 100_000 }),
  }),
});

/** The fields a department may override. */
export const COMPLAINT_POLICY_FIELDS = Object.keys(DEFAULT_COMPLAINT_POLICY) as Array<keyof ComplaintPolicy>;

/** Merges overrides (outermost first) onto the defaults and validates the result. */
export function complaintPolicy(...overrides: Array<Partial<ComplaintPolicy>>): ComplaintPolicy {
  for (const layer of overrides) {
    for (const field of Object.keys(layer)) {
      if (!COMPLAINT_POLICY_FIELDS.includes(field as keyof ComplaintPolicy))
        throw new DomainError(ErrorCode.VALIDATION_FAILED, `Unknown complaint policy field ${field}`, {
          fields: [{ path: `overrides.${field}`, message: 'not a complaint policy field' }],
        });
    }
  }
  const merged: ComplaintPolicy = {
    ...DEFAULT_COMPLAINT_POLICY,
    rewardTiers: { ...DEFAULT_COMPLAINT_POLICY.rewardTiers },
  };
  for (const layer of overrides) {
    const { rewardTiers, ...rest } = layer;
    Object.assign(merged, rest);
    if (rewardTiers) merged.rewardTiers = { ...merged.rewardTiers, ...rewardTiers };
  }
  return validateComplaintPolicy(merged);
}

/** Throws OUT_OF_RANGE naming the first malformed value. */
export function validateComplaintPolicy(policy: ComplaintPolicy): ComplaintPolicy {
  const fail = (field: string, rule: string): never => {
    throw new DomainError(ErrorCode.OUT_OF_RANGE, `Complaint policy ${field} ${rule}`, { field });
  };
  const int = (field: Exclude<keyof ComplaintPolicy, 'rewardTiers'>, min: number, max: number): void => {
    const value = policy[field];
    if (!Number.isInteger(value) || value < min || value > max) fail(field, `must be an integer in [${min}, ${max}]`);
  };
  int('acceptanceWorkingDays', 1, 60);
  int('verificationDays', 1, 365);
  int('feedbackWorkingDays', 1, 120);
  int('warningLeadHours', 0, 24 * 30);
  for (const grade of VERIFIED_GRADES) {
    const tier = policy.rewardTiers?.[grade];
    const isAmount = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
    if (!tier || !isAmount(tier.minYuan) || !isAmount(tier.maxYuan) || tier.minYuan > tier.maxYuan)
      fail(`rewardTiers.${grade}`, 'must be { minYuan, maxYuan } with 0 ≤ minYuan ≤ maxYuan');
  }
  return policy;
}

/** A proposed reward must fall inside the tier of the verified grade; the problem in words, else null. */
export function rewardProblem(policy: ComplaintPolicy, grade: VerifiedGrade, amountYuan: number): string | null {
  const tier = policy.rewardTiers[grade];
  if (amountYuan < tier.minYuan || amountYuan > tier.maxYuan)
    return `a reward for ${grade} must be between ${tier.minYuan} and ${tier.maxYuan} yuan`;
  return null;
}
