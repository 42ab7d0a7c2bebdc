import { defineQuery } from '@temporalio/workflow';
import { DisciplineReferralSteps } from '../steps/discipline-referral.steps';
import type { OutcomeOf } from '../steps/step-definition';

/**
 * 线索移交: a lead about a public official's misconduct handed to the discipline inspection /
 * supervision body (纪委监委; 国务院令第310号 Art.18–19, 监察法 Art.37). Started as a child workflow
 * (by the accident workflow on 批复); workflow id `discipline-referral-<sourceCaseId>-<partySeq>`.
 */
export interface DisciplineReferralInput {
  /** The case row of the referral (case_type 'DISCIPLINE_REFERRAL', in the receiving body's department). */
  caseId: string;
  referralId: string;
  sourceCaseId: string;
  senderDepartmentId: string;
  receivingDepartmentId: string;
  sentAt: string;
  /** Working days to acknowledge receipt (UNVERIFIED, default 5). */
  ackWorkingDays: number;
  /** Calendar days from acknowledgement to the handling result (UNVERIFIED, default 90). */
  resultDays: number;
}

/** The handling results the body reports (the outcomes of its result step). */
export type ReferralOutcome = OutcomeOf<typeof DisciplineReferralSteps.RESULT>;
export const REFERRAL_OUTCOMES = Object.keys(DisciplineReferralSteps.RESULT.outcomes) as ReferralOutcome[];

export interface DisciplineReferralState {
  referralId: string;
  status: 'AWAITING_ACK' | 'ACKNOWLEDGED' | 'ANSWERED';
  outcome: ReferralOutcome | null;
}

/**
 * A referral proposed from any case (a penalty case, an inspection…): the head of the case's
 * department approves it, and the approved lead goes out through `disciplineReferralWorkflow`, started
 * as a child. Workflow id `discipline-referral-proposal-<proposalId>`.
 */
export interface CaseReferralProposalInput {
  proposalId: string;
  sourceCaseId: string;
  senderDepartmentId: string;
  proposedBy: string;
  proposedAt: string;
  /** Working days the head has to decide (UNVERIFIED policy value, default 5). */
  approvalWorkingDays: number;
}

export interface CaseReferralProposalState {
  proposalId: string;
  status: 'AWAITING_APPROVAL' | 'APPROVED' | 'REJECTED';
  referralId: string | null;
}

export const caseReferralProposalWorkflowId = (proposalId: string) => `discipline-referral-proposal-${proposalId}`;

export const DisciplineReferralTaskType = {
  APPROVAL: DisciplineReferralSteps.APPROVAL.type,
  ACKNOWLEDGE: DisciplineReferralSteps.ACKNOWLEDGE.type,
  RESULT: DisciplineReferralSteps.RESULT.type,
} as const;

export const getDisciplineReferralStateQuery = defineQuery<DisciplineReferralState>('getDisciplineReferralState');
