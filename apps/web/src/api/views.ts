/**
 * Response bodies the console reads. The OpenAPI document describes paths, parameters and request
 * bodies today; where it also describes a response, prefer that type (openapi.d.ts).
 */
import type { JsonSchema } from '../form/schema';

export interface Me {
  id: string;
  username: string;
  roles: string[];
  departmentId: string;
  visibleDepartmentIds: string[];
  credentialNo: string | null;
  legalQualified: boolean;
}

export interface CaseSummary {
  id: string;
  caseType: string;
  referenceNo: string | null;
  title: string;
  status: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
}

export interface TaskView {
  id: string;
  taskKey: string;
  caseId: string;
  type: string;
  title: string;
  status: 'OPEN' | 'CLAIMED' | 'COMPLETED' | 'CANCELLED';
  candidateRoles: string[];
  departmentId: string;
  assigneeId: string | null;
  dueAt: string | null;
  warnAt: string | null;
  needsManualDueDate: boolean;
  escalation: 'NONE' | 'YELLOW' | 'RED';
  outcome: string | null;
  completedBy: string | null;
  completedAt: string | null;
  payload: Record<string, unknown> | null;
  createdAt: string;
  case?: CaseSummary | null;
}

export interface Label {
  zh: string;
  en: string;
}

export interface OutcomeContract {
  outcome: string;
  label: Label;
  schema: JsonSchema;
}

export interface TaskTypeContract {
  type: string;
  title: Label;
  roles: string[];
  outcomes: OutcomeContract[];
}

export interface CaseView {
  id: string;
  caseType: string;
  referenceNo: string | null;
  title: string;
  status: string;
  departmentId: string;
  enterpriseId: string | null;
  enterpriseName?: string | null;
  workflowId: string;
  /** Null for a case opened by the public (a complaint filed online). */
  createdBy: string | null;
  handlerIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface TaskDetail extends Omit<TaskView, 'case'> {
  case: CaseView;
  form?: { outcomes: OutcomeContract[] };
}

export interface CaseDetail extends CaseView {
  workflow: Record<string, unknown> | null;
  tasks: TaskView[];
}

export interface CompletionAnswer {
  taskKey: string;
  outcome: string;
  completedAt: string;
  task: TaskView;
  nextTasks?: Array<{ id: string | null; type: string; title: string }>;
}

export interface TimelineRow {
  seq: string;
  occurredAt: string;
  actorId: string | null;
  actorRole: string | null;
  taskId: string | null;
  action: string;
  summary: Record<string, unknown>;
  hash: string;
}

export interface AttachmentView {
  id: string;
  caseId: string;
  taskId: string | null;
  kind: string;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number;
  sha256: string;
  /** Null for evidence the public sent with a complaint. */
  uploadedBy: string | null;
  createdAt: string;
}

export interface DocumentView {
  id: string;
  kind: string;
  number: string;
  title?: string;
  sha256: string;
  issuedAt?: string;
  createdAt?: string;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: string | null;
  reason: string | null;
}

export interface DirectoryUser {
  id: string;
  displayName: string;
  departmentId: string;
  roles: string[];
  credentialNo: string | null;
}

export interface Department {
  id: string;
  code: string;
  name: string;
  level: string;
}

export interface DashboardRow {
  departmentId: string;
  open: number;
  dueSoon: number;
  overdue: number;
  [key: string]: unknown;
}

export interface CalendarYear {
  year: number;
  holidays: string[];
  makeupWorkdays: string[];
}
