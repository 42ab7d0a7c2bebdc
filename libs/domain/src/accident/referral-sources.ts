/**
 * Case types an officer may propose a discipline referral (线索移交) from: leads about public officials
 * found in enforcement (国务院令第310号 Art.18–19, 监察法 Art.37). An accident's officials are referred
 * through its approved report instead, and a referral is not itself a source. Complaints (a tip-off may
 * name an official) and supervision items (督办: an official who leaves a supervised task undone) are
 * sources too; new case types join by being listed here.
 */
export const REFERRAL_SOURCE_CASE_TYPES: readonly string[] = [
  'PENALTY',
  'SIMPLE_PENALTY',
  'INSPECTION',
  'COMPLAINT',
  'SUPERVISION',
];

export const mayProposeReferralFrom = (caseType: string): boolean => REFERRAL_SOURCE_CASE_TYPES.includes(caseType);

/** A proposal's status as the originating case shows it: the proposal's own, then the sent referral's. */
export type CaseReferralStatus = 'PROPOSED' | 'APPROVED' | 'REJECTED' | 'ACKNOWLEDGED' | 'ANSWERED';

export function caseReferralStatus(
  proposal: 'PROPOSED' | 'APPROVED' | 'REJECTED',
  referral: 'SENT' | 'ACKNOWLEDGED' | 'ANSWERED' | null,
): CaseReferralStatus {
  if (proposal !== 'APPROVED' || referral === null || referral === 'SENT') return proposal;
  return referral;
}
