import { defineQuery } from '@temporalio/workflow';

/** Input of penaltyCaseWorkflow (行政处罚一般程序). One object, so fields can be added without breaking running workflows. */
export interface PenaltyCaseInput {
  caseId: string;
  departmentId: string;
  enterpriseId: string | null;
  createdBy: string;
  /** Officers handling the case; the filing approver and legal reviewer may not be among them. */
  handlerIds: string[];
  /** Instant the case was opened (ISO); statutory clocks count from its local date. */
  openedAt: string;
  /** Where the case came from; an automatic case (unrectified hazard, accident accountability) links back to its source. */
  origin?: { kind: 'MANUAL' | 'INSPECTION' | 'ACCIDENT'; sourceCaseId: string | null };
  /** Policy: working days for the filing approval (UNVERIFIED legacy 5-day rule; configurable). */
  filingApprovalWorkingDays?: number;
}

export type PenaltyCaseStatus = 'PENDING_FILING' | 'FILED' | 'NOT_FILED';

export interface PenaltyCaseState {
  caseId: string;
  status: PenaltyCaseStatus;
  history: Array<{ at: string; status: PenaltyCaseStatus; by: string | null }>;
}

export const getPenaltyCaseStateQuery = defineQuery<PenaltyCaseState>('getPenaltyCaseState');
