import { defineQuery } from '@temporalio/workflow';

/**
 * 行刑衔接: transfer of a suspected crime to the police (行政执法机关移送涉嫌犯罪案件的规定,
 * 国务院令第310号). Started as a child workflow by a penalty case, an inspection or an accident
 * case; workflow id `criminal-transfer-<caseId>-<seq>`.
 */
export interface CriminalTransferInput {
  /** The case row created for the transfer (case_type 'CRIMINAL_TRANSFER'). */
  caseId: string;
  /** The case the suspicion arose in (penalty, inspection or accident case). */
  sourceCaseId: string;
  sourceCaseType: 'PENALTY' | 'INSPECTION' | 'ACCIDENT';
  departmentId: string;
  proposedBy: string;
  /** Officers forming the transfer team (≥ 2, Art.5). */
  teamIds: string[];
  suspectedOffence: string;
  /** e.g. 危险作业罪 (刑法 Art.134之一) grounds found in the source case. */
  grounds: string[];
  openedAt: string;
}

export type CriminalTransferStatus =
  | 'AWAITING_HEAD_DECISION' | 'NOT_TRANSFERRED' | 'AWAITING_HANDOVER' | 'TRANSFERRED'
  | 'POLICE_FILED' | 'POLICE_DECLINED' | 'RECONSIDERATION_REQUESTED' | 'RECONSIDERED_FILED' | 'RECONSIDERED_DECLINED'
  | 'REFERRED_TO_PROCURATORATE';

export interface CriminalTransferState {
  caseId: string;
  status: CriminalTransferStatus;
  /** True when the police answer is final (filed, or declined and the reconsideration path is exhausted or waived). */
  answered: boolean;
}

export const getCriminalTransferStateQuery = defineQuery<CriminalTransferState>('getCriminalTransferState');
