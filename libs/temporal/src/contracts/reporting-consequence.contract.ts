import type { LinkedCaseAnswer, ReferralAnswer } from '../accident.activities';
import type { DisciplineReferralInput } from './discipline-referral.contract';
import type { PenaltyCaseInput } from './penalty-case.contract';

/**
 * The consequences of a reporting violation (条例 Art.36), as the accident workflow opens them and as the
 * API opens them once that workflow has ended: one link key per flag and subject, and one input for each
 * consequence's own workflow, so both openings find and start the same cases.
 */
export function reportingConsequencePurpose(
  flag: string,
  target: 'PRINCIPAL' | 'ENTERPRISE' | 'OFFICIAL',
  officialIndex?: number,
) {
  return target === 'OFFICIAL'
    ? `reporting-${flag}-official-${officialIndex! + 1}`
    : `reporting-${flag}-${target.toLowerCase()}`;
}

/** The penalty case against the principal or the enterprise, in the investigating department (origin ACCIDENT). */
export function violationPenaltyInput(
  linked: LinkedCaseAnswer,
  actorId: string,
  accidentCaseId: string,
): PenaltyCaseInput {
  return {
    caseId: linked.caseId,
    departmentId: linked.departmentId,
    enterpriseId: linked.enterpriseId,
    createdBy: actorId,
    handlerIds: [],
    openedAt: linked.openedAt,
    origin: { kind: 'ACCIDENT', sourceCaseId: accidentCaseId },
  };
}

/** The referral of an official to the discipline body. */
export function violationReferralInput(referral: ReferralAnswer, accidentCaseId: string): DisciplineReferralInput {
  return {
    caseId: referral.referralCaseId,
    referralId: referral.referralId,
    sourceCaseId: accidentCaseId,
    senderDepartmentId: referral.senderDepartmentId,
    receivingDepartmentId: referral.receivingDepartmentId,
    sentAt: referral.openedAt,
    ackWorkingDays: referral.ackWorkingDays,
    resultDays: referral.resultDays,
  };
}
