import { defineQuery } from '@temporalio/workflow';
import type { InspectionPolicy } from '@safety/domain/inspection/policy';
import type { InspectionFinding, InspectionOutcome, OfficerConfirmation } from '@safety/domain/inspection/record';
import type { CriminalReviewGround } from '@safety/domain/inspection/dangerous-operation';

/**
 * On-site inspection (现场检查) and hazard rectification: record → order → 复查 → close, or an
 * automatic penalty case. Workflow id `inspection-<caseId>`; case_type 'INSPECTION'.
 */
export interface InspectorRef {
  userId: string;
  /** 执法证号; the record's confirmations are checked against it (安全生产法 Art.68). */
  credentialNo: string;
}

export interface InspectionInput {
  caseId: string;
  departmentId: string;
  enterpriseId: string;
  createdBy: string;
  /** ≥ 2 credentialed officers of the department. */
  inspectors: InspectorRef[];
  /** 四不两直: unannounced, no escort. */
  unannounced: boolean;
  origin: { kind: 'DRAW'; drawId: string; targetId: string } | { kind: 'AD_HOC' };
  openedAt: string;
  policy: InspectionPolicy;
}

export type InspectionStatus =
  | 'AWAITING_RECORD'
  | 'RECTIFICATION_ORDERED'
  | 'AWAITING_REINSPECTION'
  | 'RECTIFIED'
  | 'ESCALATED_TO_PENALTY'
  | 'CLOSED';

export type InspectionResult = 'NO_ISSUE' | 'RECTIFIED' | 'NOT_RECTIFIED_PENALTY' | 'PENALTY_PROPOSED';

export interface InspectionState {
  caseId: string;
  status: InspectionStatus;
  result: InspectionResult | null;
  unannounced: boolean;
  outcome: InspectionOutcome | null;
  findings: InspectionFinding[];
  confirmations: OfficerConfirmation[];
  rectificationDeadline: string | null;
  suspensionOrdered: boolean;
  seizure: null | {
    items: string;
    startedOn: string;
    expiresOn: string | null;
    extended: boolean;
    overdue: boolean;
    status: 'ACTIVE' | 'EXTENSION_REQUESTED' | 'RELEASED' | 'DISPOSED';
  };
  listing: null | { listedOn: string; dueOn: string | null; status: 'LISTED' | 'LIFT_REQUESTED' | 'LIFTED' };
  penalty: null | { caseId: string; workflowId: string; continuingDailyFineFrom: string | null };
  criminalReviews: Array<{
    step: string;
    grounds: CriminalReviewGround[];
    decision: 'PENDING' | 'PROPOSE_TRANSFER' | 'NO_TRANSFER';
    transferCaseId: string | null;
  }>;
  history: Array<{ at: string; status: InspectionStatus; by: string | null }>;
}

export const getInspectionStateQuery = defineQuery<InspectionState>('getInspectionState');
