/**
 * The activity surface workflows may call. The worker implements it with thin adapters over
 * application services (apps/worker/src/activities); workflows type their proxies with it, so
 * neither side imports the other.
 */
/** A case status change, written with the audit record of the change. */
export interface CaseStatusChange {
  caseId: string;
  status: string;
  actorId: string | null;
  action: string;
  summary: Record<string, unknown>;
}

export interface OpenTaskInput {
  taskKey: string;
  caseId: string;
  workflowId: string;
  type: string;
  title: string;
  candidateRoles: string[];
  departmentId: string;
  assigneeId?: string | null;
  /** The outcomes this task offers when they are a subset of its step's; null = all of them. */
  outcomes?: string[] | null;
  /** Set when the workflow computed the due date itself (histories before one-round-trip opening). */
  dueAt?: string | null;
  warnAt?: string | null;
  needsManualDueDate?: boolean;
  /** The statutory period to compute the due date from (fail closed: no calendar year, no date). */
  deadline?: DeadlineRequest | null;
  /** Hours before the due instant at which the task turns yellow. */
  warningLeadHours?: number;
  /** The case status the case enters as this task opens, written in the same transaction. */
  enterStatus?: CaseStatusChange | null;
  /** What the task shows about its context (document numbers, round, grounds…). */
  payload: Record<string, unknown>;
}

export interface OpenedTask {
  taskId: string;
  dueAt: string | null;
  warnAt: string | null;
  needsManualDueDate: boolean;
  missingYear: number | null;
}

export interface DeadlineRequest {
  /** Local date (YYYY-MM-DD) the period counts from; the start day itself is not counted. */
  startDate: string;
  unit: 'working_days' | 'calendar_days';
  amount: number;
}

export interface DeadlineAnswer {
  /** End of the due local day as an ISO instant, or null when the calendar year is missing (fail closed). */
  dueAt: string | null;
  dueDate: string | null;
  missingYear: number | null;
}

/** A case's handling officers with what the steps check: credential (执法证号) and roles. */
export interface CaseHandlers {
  handlerIds: string[];
  handlers: Array<{ userId: string; credentialNo: string | null; roles: string[] }>;
}

/** The case types a workflow opens for another case, and the workflow-id prefix of each. */
export const LINKED_WORKFLOW_PREFIX = {
  PENALTY: 'penalty',
  CRIMINAL_TRANSFER: 'criminal-transfer',
  DISCIPLINE_REFERRAL: 'discipline-referral',
  /** An inspection opened from a complaint's verification (投诉举报 核查). */
  INSPECTION: 'inspection',
  /** A summons (约谈) opened from an overdue supervision item (督办). */
  SUMMONS: 'summons',
} as const;

export type LinkedCaseType = keyof typeof LINKED_WORKFLOW_PREFIX;

export interface LinkedCaseRequest {
  /** Idempotency key of the opening, e.g. `<parent workflow id>:<purpose>`. */
  linkKey: string;
  caseType: LinkedCaseType;
  title: string;
  sourceCaseId: string;
  departmentId: string;
  enterpriseId: string | null;
  createdBy: string;
  handlerIds: string[];
  data?: Record<string, unknown>;
}

export interface LinkedCase {
  caseId: string;
  workflowId: string;
  openedAt: string;
}

export interface CaseActivities {
  recordCaseStatus(input: CaseStatusChange): Promise<void>;
  openTask(input: OpenTaskInput): Promise<OpenedTask>;
  completeTask(input: {
    taskKey: string;
    actorId: string;
    actorRole: string;
    outcome: string;
    result: Record<string, unknown>;
    requestId?: string;
  }): Promise<void>;
  escalateTask(input: { taskKey: string; level: 'YELLOW' | 'RED' }): Promise<void>;
  setTaskDeadline(input: {
    taskKey: string;
    dueAt: string;
    warnAt: string | null;
    actorId: string;
    reason: string;
  }): Promise<void>;
  computeDeadline(input: DeadlineRequest): Promise<DeadlineAnswer>;
  /** Opens a case linked to another, numbered by the database (one workflow-id scheme for every starter). */
  openLinkedCase(input: LinkedCaseRequest): Promise<LinkedCase>;
  /** Designates handling officers (承办人) on a case; validates them and returns the full handler list. */
  setCaseHandlers(input: {
    caseId: string;
    handlerIds: string[];
    actorId: string;
    requestId?: string;
  }): Promise<CaseHandlers>;
}
