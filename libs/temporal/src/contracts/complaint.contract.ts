import { defineQuery } from '@temporalio/workflow';
import type { ComplaintPolicy } from '@safety/domain/complaint/policy';
import { ComplaintSteps } from '../steps/complaint.steps';

/**
 * 投诉举报 (12350): one workflow per complaint, id `complaint-<caseId>`, started when the complaint
 * is received (online by the public, or registered by an officer).
 */
export interface ComplaintCaseInput {
  caseId: string;
  complaintId: string;
  departmentId: string;
  /** When the complaint reached the department (the acceptance period counts from its local date). */
  receivedAt: string;
  /** The directory enterprise the complaint is about, when matched (an inspection needs it). */
  enterpriseId?: string | null;
  /** The receiving department's policy when the complaint arrived (periods, tiers). */
  policy: ComplaintPolicy;
}

export type ComplaintStatus =
  | 'RECEIVED'
  | 'ACCEPTED'
  | 'UNDER_INSPECTION'
  | 'NOT_ACCEPTED'
  | 'MERGED'
  | 'VERIFIED'
  | 'HANDLED'
  | 'ANSWERED'
  | 'REWARD_PROPOSED'
  | 'REWARD_APPROVED'
  | 'CLOSED';

export interface ComplaintState {
  complaintId: string;
  status: ComplaintStatus;
  departmentId: string;
  /** Departments the complaint was transferred from, in order. */
  transfers: Array<{ from: string; to: string; at: string }>;
  verifiedTrue: boolean | null;
  /** The inspection opened from 核查, which the complaint follows until it ends. */
  inspection: { caseId: string; workflowId: string; result: string | null } | null;
  /** The penalty case opened when 核查 verified it true (立案查处); it runs on its own. */
  penaltyCase?: { caseId: string; workflowId: string } | null;
  history: Array<{ at: string; status: ComplaintStatus; by: string | null }>;
}

/** An officer who may inspect for the complaint: a credentialed officer of its department, no conflict with the enterprise. */
export interface ComplaintInspector {
  userId: string;
  credentialNo: string;
}

/** What an acceptance review may choose among: the departments to transfer to, the open complaints to merge into. */
export interface ComplaintAcceptanceOptions {
  transferTargets: string[];
  mergeTargets: string[];
}

/** A transfer answered by the receiving department's activity: its own policy then applies. */
export interface ComplaintTransferAnswer {
  departmentId: string;
  policy: ComplaintPolicy;
}

export const ComplaintTaskType = Object.fromEntries(
  Object.entries(ComplaintSteps).map(([key, step]) => [key, step.type]),
) as { [Key in keyof typeof ComplaintSteps]: (typeof ComplaintSteps)[Key]['type'] };

export const getComplaintStateQuery = defineQuery<ComplaintState>('getComplaintState');
