import { DomainError, ErrorCode } from '../errors';
import { DEFAULT_PENALTY_POLICY } from '../enforcement/policy';

/** Field-inspection values: statutory limits cited per field; UNVERIFIED ones are agency practice to confirm. */
export interface InspectionPolicy {
  /** 复查 after the 责令限期整改 deadline — UNVERIFIED, default 10 working days (shared with the penalty policy). */
  reinspectionWorkingDays: number;
  /** 挂牌督办: complete the listed hazard's removal within N calendar days of listing — UNVERIFIED provincial practice, default 60. */
  supervisedListingDays: number;
  /** 行政强制法 Art.25: 查封/扣押 lasts at most 30 days. */
  seizureMaxDays: number;
  /** 行政强制法 Art.25: one extension of at most 30 days, with the agency head's approval. */
  seizureExtensionMaxDays: number;
  /** Criminal-transfer review prompted by a 危险作业罪 finding — no statutory period; UNVERIFIED default 3 working days. */
  criminalReviewWorkingDays: number;
}

export const DEFAULT_INSPECTION_POLICY: Readonly<InspectionPolicy> = Object.freeze({
  reinspectionWorkingDays: DEFAULT_PENALTY_POLICY.rectificationReinspectionWorkingDays,
  supervisedListingDays: 60,
  seizureMaxDays: 30,
  seizureExtensionMaxDays: 30,
  criminalReviewWorkingDays: 3,
});

const int = (p: object, field: string, min: number, max: number): void => {
  const v = (p as Record<string, unknown>)[field];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new DomainError(ErrorCode.OUT_OF_RANGE, `policy ${field} must be an integer in [${min}, ${max}]`, {
      field,
      value: v,
    });
  }
};

export function inspectionPolicy(overrides: Partial<InspectionPolicy> = {}): InspectionPolicy {
  const p = { ...DEFAULT_INSPECTION_POLICY, ...overrides };
  int(p, 'reinspectionWorkingDays', 1, 30);
  int(p, 'supervisedListingDays', 1, 365);
  int(p, 'seizureMaxDays', 1, 30); // Art.25: never longer than 30
  int(p, 'seizureExtensionMaxDays', 0, 30); // Art.25: never longer than 30
  int(p, 'criminalReviewWorkingDays', 1, 10);
  return p;
}

/**
 * 行刑衔接 periods (国务院令第310号, 行政执法机关移送涉嫌犯罪案件的规定, 2020 rev.).
 *
 * Which days: the regulation says "3日" and has no counting rule of its own. 行政处罚法 Art.85
 * (2–10 day periods are working days) governs periods *of that law*; the transfer rules are a
 * separate State Council regulation, so we do not borrow Art.85. Read as natural (calendar) days,
 * the agency's own duties (head decides, request reconsideration, suggest procuratorate
 * supervision) are never later than under a working-day reading, so calendar days are the safe
 * default for the agency; the police's periods are only tracked (a late answer escalates to the
 * team for follow-up). The start day is not counted and a due date on a rest day moves to the next
 * working day (the general rule, 民事诉讼法 Art.85). A jurisdiction that reads the regulation as
 * working days switches `dayUnit`.
 */
export interface CriminalTransferPolicy {
  dayUnit: 'calendar_days' | 'working_days';
  /** Art.5: the head approves or refuses the transfer within 3 days of the team's report. */
  headDecisionDays: number;
  /** Art.5: hand the case over within 24 hours of approval (an hours clock, not days). */
  handoverHours: number;
  /** Art.8: the police decide whether to file within 3 days of receiving the case. */
  policeDecisionDays: number;
  /** Art.9: the agency may request reconsideration within 3 days of the 不予立案通知书. */
  reconsiderationRequestDays: number;
  /** Art.9: the police answer the reconsideration within 3 days. */
  reconsiderationAnswerDays: number;
  /** Art.9: if still declined, suggest procuratorate supervision within 3 days of the reconsideration answer. */
  procuratorateSuggestionDays: number;
}

export const DEFAULT_CRIMINAL_TRANSFER_POLICY: Readonly<CriminalTransferPolicy> = Object.freeze({
  dayUnit: 'calendar_days',
  headDecisionDays: 3,
  handoverHours: 24,
  policeDecisionDays: 3,
  reconsiderationRequestDays: 3,
  reconsiderationAnswerDays: 3,
  procuratorateSuggestionDays: 3,
});

export function criminalTransferPolicy(overrides: Partial<CriminalTransferPolicy> = {}): CriminalTransferPolicy {
  const p = { ...DEFAULT_CRIMINAL_TRANSFER_POLICY, ...overrides };
  if (p.dayUnit !== 'calendar_days' && p.dayUnit !== 'working_days') {
    throw new DomainError(ErrorCode.OUT_OF_RANGE, 'policy dayUnit must be calendar_days or working_days', {
      value: p.dayUnit,
    });
  }
  // The agency's own periods may only be shortened; the police's are tracked as given.
  int(p, 'headDecisionDays', 1, 3);
  int(p, 'handoverHours', 1, 24);
  int(p, 'policeDecisionDays', 1, 30);
  int(p, 'reconsiderationRequestDays', 1, 3);
  int(p, 'reconsiderationAnswerDays', 1, 30);
  int(p, 'procuratorateSuggestionDays', 1, 3);
  return p;
}

/** 简易程序 values (行政处罚法 Art.51, 52, 68, 71). */
export interface SimplePenaltyPolicy {
  /** Art.52: the on-the-spot decision is filed with the agency (备案). The law sets no period; the legacy
   * work-safety rule (安全生产违法行为行政处罚办法) said 5 days — UNVERIFIED, default 5 working days. */
  filingWorkingDays: number;
  /** Art.68(1): cash may be collected on the spot only for fines up to 100 yuan. */
  cashOnSpotMaxYuan: number;
  /** Art.71: cash collected on the spot is handed in to the agency within 2 (working) days (Art.85). */
  cashHandInWorkingDays: number;
}

export const DEFAULT_SIMPLE_PENALTY_POLICY: Readonly<SimplePenaltyPolicy> = Object.freeze({
  filingWorkingDays: 5,
  cashOnSpotMaxYuan: 100,
  cashHandInWorkingDays: 2,
});

export function simplePenaltyPolicy(overrides: Partial<SimplePenaltyPolicy> = {}): SimplePenaltyPolicy {
  const p = { ...DEFAULT_SIMPLE_PENALTY_POLICY, ...overrides };
  int(p, 'filingWorkingDays', 1, 10);
  int(p, 'cashOnSpotMaxYuan', 0, 100); // Art.68: never above 100
  int(p, 'cashHandInWorkingDays', 1, 2); // Art.71: never above 2
  return p;
}
