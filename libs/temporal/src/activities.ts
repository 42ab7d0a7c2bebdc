/**
 * The activity surface workflows may call. The worker implements it with thin adapters over
 * application services (apps/worker/src/activities); workflows type their proxies with it, so
 * neither side imports the other.
 */
export interface OpenTaskInput {
  taskKey: string;
  caseId: string;
  workflowId: string;
  type: string;
  title: string;
  candidateRoles: string[];
  departmentId: string;
  assigneeId?: string | null;
  dueAt: string | null;
  warnAt: string | null;
  needsManualDueDate: boolean;
  payload: Record<string, unknown>;
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

export interface CaseActivities {
  recordCaseStatus(input: {
    caseId: string;
    status: string;
    actorId: string | null;
    action: string;
    summary: Record<string, unknown>;
  }): Promise<void>;
  openTask(input: OpenTaskInput): Promise<{ taskId: string }>;
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
  /** Designates handling officers (承办人) on a case; validates them and returns the full handler list. */
  setCaseHandlers(input: {
    caseId: string;
    handlerIds: string[];
    actorId: string;
    requestId?: string;
  }): Promise<CaseHandlers>;
}
