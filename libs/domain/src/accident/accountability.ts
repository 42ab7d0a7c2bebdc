import { ResponsiblePartyOutcome } from './four-not-let-go';

/**
 * Reads the handling outcome of a responsible party from the status of the case opened for it
 * (责任人员未处理不放过): a penalty case counts once the penalty is decided (or it ended without a
 * penalty); a criminal transfer once the transfer is answered. Anything else is still PENDING.
 */
const PENALTY_DECIDED = new Set([
  'DECIDED',
  'SERVED',
  'AWAITING_PAYMENT',
  'OVERDUE',
  'ENFORCEMENT',
  'COURT_ENFORCEMENT',
  'EXECUTED',
  'ARCHIVED',
]);
const PENALTY_NONE = new Set(['NOT_FILED', 'NOT_PENALISED', 'WITHDRAWN']);
const TRANSFER_ANSWERED = new Set([
  'POLICE_FILED',
  'RECONSIDERED_FILED',
  'RECONSIDERED_DECLINED',
  'REFERRED_TO_PROCURATORATE',
]);

export function linkedCaseOutcome(caseType: string, status: string): ResponsiblePartyOutcome {
  if (caseType === 'PENALTY') {
    if (PENALTY_DECIDED.has(status)) return 'ADMINISTRATIVE_PENALTY_DECIDED';
    if (PENALTY_NONE.has(status)) return 'NO_LIABILITY_FOUND';
    return 'PENDING';
  }
  if (caseType === 'CRIMINAL_TRANSFER') {
    if (TRANSFER_ANSWERED.has(status)) return 'TRANSFERRED_TO_JUDICIARY';
    if (status === 'NOT_TRANSFERRED') return 'NO_LIABILITY_FOUND';
    return 'PENDING';
  }
  return 'PENDING';
}

/** Outcome of a discipline referral's handling result. */
export function referralOutcome(result: string | null): ResponsiblePartyOutcome {
  if (result === null) return 'PENDING';
  if (result === 'NO_VIOLATION_FOUND') return 'NO_LIABILITY_FOUND';
  if (result === 'TRANSFERRED_FOR_PROSECUTION') return 'TRANSFERRED_TO_JUDICIARY';
  return 'DISCIPLINARY_SANCTION_DECIDED';
}
