import { DomainError, ErrorCode } from '../errors';
import { compareLocalDates, LocalDate, plusDays } from '../calendar/local-date';
import { InspectionPolicy } from './policy';

export type HazardLevel = 'GENERAL' | 'MAJOR'; // 一般事故隐患 / 重大事故隐患

export type InspectionOutcome = 'NO_ISSUE' | 'RECTIFY' | 'IMMEDIATE_MEASURES' | 'PROPOSE_PENALTY';

export interface InspectionFinding {
  description: string;
  hazardLevel: HazardLevel;
  /** The provision breached (e.g. 《安全生产法》第四十一条). */
  legalBasis: string;
  /** Ids of evidence uploaded with POST /cases/:id/attachments. */
  evidenceAttachmentIds: string[];
  /** Structured conduct codes, e.g. the 刑法 Art.134之一 conducts (dangerous-operation.ts). */
  violationCodes: string[];
  /**
   * 联合检查: the department competent for the finding (the host, or a partner of the joint
   * inspection). Absent: the host department.
   */
  competentDepartmentId?: string;
}

export interface OfficerConfirmation {
  officerId: string;
  credentialNo: string;
}

export interface InspectionRecord {
  confirmations: OfficerConfirmation[];
  findings: InspectionFinding[];
  /** 责令限期整改: last local day for rectification. */
  rectificationDeadline: LocalDate | null;
  measures: {
    /** 责令暂时停产停业 / 停止使用 (安全生产法 Art.65(3)) — only for a 重大事故隐患. */
    suspension: boolean;
    /** 查封/扣押 (行政强制法 Art.25): what is sealed or seized and for how many days (≤ 30). */
    seizure: { items: string; days: number } | null;
  };
  /** Put the 重大事故隐患 under 挂牌督办. */
  supervisedListing: boolean;
  penaltyReason: string | null;
}

type Team = ReadonlyArray<{ userId: string; credentialNo: string }>;

const broken = (message: string, details?: Record<string, unknown>): never => {
  throw new DomainError(ErrorCode.RULE_VIOLATION, message, details);
};

export const hasMajorHazard = (findings: ReadonlyArray<{ hazardLevel: HazardLevel }>): boolean =>
  findings.some((finding) => finding.hazardLevel === 'MAJOR');

/**
 * 安全生产法 Art.68: inspection findings are recorded in writing and signed by the inspectors;
 * 行政处罚法 Art.42: at least two credentialed officers. The record carries each signing officer's
 * 执法证号, checked against the inspection team; the officer submitting it is one of them.
 */
export function assertConfirmations(confirmations: readonly OfficerConfirmation[], team: Team, actorId: string): void {
  const ids = new Set(confirmations.map((confirmation) => confirmation.officerId));
  if (ids.size < 2 || ids.size !== confirmations.length) {
    broken(
      'the record must be confirmed (signed) by at least two distinct inspecting officers (安全生产法 Art.68, 行政处罚法 Art.42)',
    );
  }
  for (const confirmation of confirmations) {
    const member = team.find((officer) => officer.userId === confirmation.officerId);
    if (!member) broken(`officer ${confirmation.officerId} is not on this inspection team`);
    else if (member.credentialNo !== confirmation.credentialNo.trim()) {
      broken(`the credential number given for officer ${confirmation.officerId} does not match their 执法证`);
    }
  }
  if (!ids.has(actorId)) broken('the officer completing the record must be one of the confirming officers');
}

/**
 * The on-site record's rules beyond its shape: the order's deadline against today, and the measures
 * the statutes reserve for a 重大事故隐患. Throws RULE_VIOLATION naming the rule.
 */
export function assertInspectionRecord(
  outcome: InspectionOutcome,
  record: InspectionRecord,
  context: { today: LocalDate; policy: InspectionPolicy },
): void {
  const major = hasMajorHazard(record.findings);
  if (outcome === 'RECTIFY' || outcome === 'IMMEDIATE_MEASURES') {
    const deadline = record.rectificationDeadline!;
    if (compareLocalDates(deadline, context.today) <= 0) broken('the rectification deadline must be after today');
    if (compareLocalDates(deadline, plusDays(context.today, 366)) > 0) {
      broken('the rectification deadline may be at most one year ahead');
    }
  }
  // 安全生产法 Art.65(3): temporary suspension is the measure for a 重大事故隐患.
  if (record.measures.suspension && !major) {
    broken('停产停业整顿 requires a 重大事故隐患 finding (安全生产法 Art.65)');
  }
  // 行政强制法 Art.25: 查封、扣押的期限不得超过三十日 (a jurisdiction's policy may set less).
  const seizure = record.measures.seizure;
  if (seizure && seizure.days > context.policy.seizureMaxDays) {
    broken(`查封/扣押 may last at most ${context.policy.seizureMaxDays} days (行政强制法 Art.25)`);
  }
  if (record.supervisedListing && !major) broken('挂牌督办 applies to a 重大事故隐患 finding');
}

/** 复查: `refusedStopOrder` records work going on under a stop order, so one must have been issued. */
export function assertReinspection(refusedStopOrder: boolean, context: { suspensionOrdered: boolean }): void {
  if (refusedStopOrder && !context.suspensionOrdered) {
    broken('no stop (停产停业) order was issued in this inspection');
  }
}

/** 行政强制法 Art.25: one extension, at most 30 days, approved by the head. */
export function assertSeizureExtension(days: number, context: { alreadyExtended: boolean; policy: InspectionPolicy }) {
  if (context.alreadyExtended) broken('查封/扣押 may be extended only once (行政强制法 Art.25)');
  if (days > context.policy.seizureExtensionMaxDays) {
    broken(`an extension may be at most ${context.policy.seizureExtensionMaxDays} days (行政强制法 Art.25)`);
  }
}
