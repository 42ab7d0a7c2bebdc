import { defineQuery } from '@temporalio/workflow';
import type { CriminalTransferPolicy } from '@safety/domain/inspection/policy';

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
  /**
   * When the case row was created (the API's/database's clock). The workflow counts its periods on
   * Temporal's clock (its start for the head's decision), so it keeps this only for histories
   * recorded before that.
   */
  openedAt: string;
  /** 国务院令第310号 periods and their kind of days (libs/domain/src/inspection/policy.ts); defaults when absent. */
  policy?: CriminalTransferPolicy;
  /** 执法证号 of the team members, when known (shown on the transfer documents). */
  teamCredentials?: Record<string, string>;
}

export type CriminalTransferStatus =
  | 'AWAITING_HEAD_DECISION'
  | 'NOT_TRANSFERRED'
  | 'AWAITING_HANDOVER'
  | 'TRANSFERRED'
  | 'POLICE_FILED'
  | 'POLICE_DECLINED'
  | 'RECONSIDERATION_REQUESTED'
  | 'RECONSIDERED_FILED'
  | 'RECONSIDERED_DECLINED'
  | 'REFERRED_TO_PROCURATORATE';

export interface CriminalTransferState {
  caseId: string;
  status: CriminalTransferStatus;
  /** True when the police answer is final (filed, or declined and the reconsideration path is exhausted or waived). */
  answered: boolean;
  /** Who approved/refused the transfer and when. */
  headDecision?: { by: string; at: string; outcome: 'APPROVE' | 'REJECT'; comment: string | null } | null;
  /** Instant by which the case must be handed over (approval + 24 h, Art.5). */
  handoverDueAt?: string | null;
  handover?: { at: string; by: string; policeAgency: string; receiptNo: string | null } | null;
  /** The police decisions as entered by the officer. */
  policeAnswers?: Array<{
    stage: 'INITIAL' | 'RECONSIDERATION';
    answer: 'FILED' | 'DECLINED';
    at: string;
    by: string;
    documentNo: string | null;
    reason: string | null;
  }>;
  procuratorate?: { at: string; by: string; referred: boolean; note: string | null } | null;
  history?: Array<{ at: string; status: CriminalTransferStatus; by: string | null }>;
}

export const getCriminalTransferStateQuery = defineQuery<CriminalTransferState>('getCriminalTransferState');
