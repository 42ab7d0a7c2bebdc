/**
 * Activities of the inspection area (inspection, 简易程序, criminal transfer workflows). Thin,
 * idempotent adapters in apps/worker/src/activities/inspection.activities.ts.
 */
export interface RecordCaseEventInput {
  caseId: string;
  /** Idempotency key, unique within the case (e.g. the workflow step); a retry with the same key is a no-op. */
  key: string;
  /** Audit action, e.g. RECTIFICATION_ORDERED. */
  action: string;
  actorId: string | null;
  /** Merged into cases.data. */
  patch: Record<string, unknown>;
  summary: Record<string, unknown>;
}

export interface OpenLinkedCaseInput {
  caseType: 'PENALTY' | 'CRIMINAL_TRANSFER';
  title: string;
  departmentId: string;
  enterpriseId: string | null;
  createdBy: string;
  handlerIds: string[];
  /** Deterministic workflow id of the linked case: the idempotency key of the case row. */
  workflowId: string;
  sourceCaseId: string;
  data?: Record<string, unknown>;
}

export interface InspectionActivities {
  inspectionRecordCaseEvent(input: RecordCaseEventInput): Promise<void>;
  inspectionOpenLinkedCase(input: OpenLinkedCaseInput): Promise<{ caseId: string; createdAt: string }>;
  /** Issues the 责令限期整改指令书 through DocumentService (idempotent per case). */
  inspectionIssueRectificationOrder(input: {
    caseId: string;
    issuedBy: string;
    findings: string[];
    legalBasis: string;
    deadline: string;
    note: string | null;
  }): Promise<{ documentId: string; number: string }>;
}
