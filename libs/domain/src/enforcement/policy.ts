import { DomainError, ErrorCode } from '../errors';

export type PartyType = 'INDIVIDUAL' | 'ORGANISATION';

/**
 * Per-jurisdiction values for the penalty procedure. Statutory values may only be changed in the party's favour
 * (validatePenaltyPolicy enforces that); UNVERIFIED values are defaults pending the provincial/sector rule.
 */
export interface PenaltyPolicy {
  /** 行政处罚法 Art.63 较大数额罚款 (hearing right) — set by province; UNVERIFIED default 10,000 / 30,000 yuan. */
  largeFineThresholdYuan: Record<PartyType, number>;
  /** Art.63 没收较大数额违法所得/较大价值非法财物 — UNVERIFIED, defaults to the fine thresholds. */
  largeConfiscationThresholdYuan: Record<PartyType, number>;
  /** Art.60: decide within 90 calendar days of 立案 unless a sector rule says otherwise. */
  decisionPeriodDays: number;
  /** UNVERIFIED: sector-rule extensions (legacy work-safety rule: up to 180 days in total). Default 90 → 180 total. */
  decisionMaxTotalExtensionDays: number;
  /** UNVERIFIED: number of extensions (legacy: agency head, then the level above). Default 2. */
  decisionMaxExtensions: number;
  /** 复查 after a 责令限期整改 deadline — UNVERIFIED, default 10 working days. */
  rectificationReinspectionWorkingDays: number;
  /** 安全生产法 Art.78 (and 国办发〔2018〕118号): publish penalty decisions within 7 working days. */
  disclosureWorkingDays: number;
  /** 行政处罚法 Art.48: withdraw a changed/revoked published decision within 3 working days. */
  disclosureWithdrawalWorkingDays: number;
  /** Art.61: serve within 7 working days when the party is absent. */
  serviceWorkingDays: number;
  /** Art.67: pay within 15 days of receipt. */
  paymentDays: number;
  /** Art.44/45 陈述申辩 window — not fixed by law; default 3 working days, configurable 3–5. */
  statementDefenceWorkingDays: number;
  /** Art.64(1): the party requests a hearing within 5 working days of the notice. */
  hearingRequestWorkingDays: number;
  /** Art.64(2): the hearing notice goes out 7 working days before the hearing. */
  hearingNoticeWorkingDays: number;
  /**
   * Local rule: working days the party window stays open after the statement and hearing-request periods end, for
   * submissions posted within them that arrive later (期间不包括在途时间); they are judged by their received-on day.
   * Default 0: the window closes with the periods.
   */
  partySubmissionGraceWorkingDays: number;
}

export const DEFAULT_PENALTY_POLICY: Readonly<PenaltyPolicy> = Object.freeze({
  largeFineThresholdYuan: Object.freeze({ INDIVIDUAL: 10_000, ORGANISATION: 30_000 }),
  largeConfiscationThresholdYuan: Object.freeze({ INDIVIDUAL: 10_000, ORGANISATION: 30_000 }),
  decisionPeriodDays: 90,
  decisionMaxTotalExtensionDays: 90,
  decisionMaxExtensions: 2,
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

/** Merges overrides onto the defaults and validates the result. */
export function penaltyPolicy(overrides: Partial<PenaltyPolicy> = {}): PenaltyPolicy {
  return validatePenaltyPolicy({ ...DEFAULT_PENALTY_POLICY, ...overrides });
}

/** Throws OUT_OF_RANGE when a value is malformed or less favourable to the party than the statute. */
export function validatePenaltyPolicy(p: PenaltyPolicy): PenaltyPolicy {
  const fail = (field: string, rule: string): never => {
    throw new DomainError(ErrorCode.OUT_OF_RANGE, `Penalty policy ${field} ${rule}`, {
      field,
      value: (p as unknown as Record<string, unknown>)[field],
    });
  };
  const int = (field: keyof PenaltyPolicy, min: number, max = Number.MAX_SAFE_INTEGER): void => {
    const v = p[field] as number;
    if (!Number.isInteger(v) || v < min || v > max) fail(field, `must be an integer in [${min}, ${max}]`);
  };
  for (const field of ['largeFineThresholdYuan', 'largeConfiscationThresholdYuan'] as const) {
    for (const party of ['INDIVIDUAL', 'ORGANISATION'] as const) {
      const v = p[field]?.[party];
      if (!(typeof v === 'number' && Number.isFinite(v) && v > 0)) fail(field, `${party} must be a positive amount`);
    }
  }
  int('decisionPeriodDays', 1);
  int('decisionMaxTotalExtensionDays', 0);
  int('decisionMaxExtensions', 0);
  int('rectificationReinspectionWorkingDays', 1);
  int('disclosureWorkingDays', 1, 7); // 安全生产法 Art.78: at most 7
  int('disclosureWithdrawalWorkingDays', 1, 3); // 行政处罚法 Art.48: at most 3
  int('serviceWorkingDays', 1, 7); // Art.61: at most 7
  int('paymentDays', 15); // Art.67: the party has at least 15 days
  int('statementDefenceWorkingDays', 3, 5);
  int('hearingRequestWorkingDays', 5); // Art.64(1): at least 5
  int('hearingNoticeWorkingDays', 7); // Art.64(2): at least 7
  int('partySubmissionGraceWorkingDays', 0, 15);
  return p;
}
