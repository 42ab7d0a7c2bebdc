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

export const DisciplineReferralTaskType = {
  ACKNOWLEDGE: DisciplineReferralSteps.ACKNOWLEDGE.type,
  RESULT: DisciplineReferralSteps.RESULT.type,
} as const;

export const getDisciplineReferralStateQuery = defineQuery<DisciplineReferralState>('getDisciplineReferralState');
