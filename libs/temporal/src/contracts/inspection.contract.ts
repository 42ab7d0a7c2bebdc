import { defineQuery } from '@temporalio/workflow';
import type { InspectionPolicy } from '@safety/domain/inspection/policy';
import type {
  InspectionFinding,
  InspectionOutcome,
  InspectionRecord,
  OfficerConfirmation,
} from '@safety/domain/inspection/record';
import type { JointInspection } from '@safety/domain/inspection/joint';
import type { CriminalReviewGround } from '@safety/domain/inspection/dangerous-operation';

/**
 * On-site inspection (现场检查) and hazard rectification: record → order → 复查 → close, or an
 * automatic penalty case. Workflow id `inspection-<caseId>`; case_type 'INSPECTION'.
 */
export interface InspectorRef {
  userId: string;
  /** 执法证号; the record's confirmations are checked against it (安全生产法 Art.68). */
  credentialNo: string;
  /** The officer's department (absent in inputs of inspections opened before joint inspections: the host's). */
  departmentId?: string;
}

/**
 * A partner department's share of a joint inspection (联合检查): its findings, ordered to be rectified
 * in a linked inspection case of that department, which starts at the rectification stage.
 */
export interface JointReferral {
  sourceCaseId: string;
  /** The host's record, with only this department's findings. */
  record: InspectionRecord;
  recordedOn: string;
  orderedBy: string;
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
  origin:
    { kind: 'DRAW'; drawId: string; targetId: string } | { kind: 'AD_HOC' } | { kind: 'JOINT'; sourceCaseId: string };
  openedAt: string;
  policy: InspectionPolicy;
  /** 联合检查 / 交叉检查: the mode and the partner (or visiting) departments. Absent: one department inspects. */
  joint?: JointInspection;
  /** A partner's linked case of a joint inspection: no record step, it starts at the rectification order. */
  referral?: JointReferral;
}

export type InspectionStatus =
  | 'AWAITING_RECORD'
  | 'RECTIFICATION_ORDERED'
  | 'AWAITING_REINSPECTION'
  | 'RECTIFIED'
  | 'ESCALATED_TO_PENALTY'
  | 'CLOSED';

export type InspectionResult =
  | 'NO_ISSUE'
  | 'RECTIFIED'
  | 'NOT_RECTIFIED_PENALTY'
  | 'PENALTY_PROPOSED'
  /** A joint inspection whose findings were all for partner departments: their linked cases order rectification. */
  | 'REFERRED_TO_PARTNERS';

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
  /** A joint inspection's linked cases, one per partner department with findings. */
  partnerCases?: Array<{ departmentId: string; caseId: string; workflowId: string; findings: number }>;
}

export const getInspectionStateQuery = defineQuery<InspectionState>('getInspectionState');
