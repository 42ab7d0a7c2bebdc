import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { TaskActor } from './human-task.contract';
import type { AccidentPolicy, ACCIDENT_WORKFLOW_POLICY_KEYS } from '@safety/domain/accident/policy';

/**
 * 生产安全事故调查处理 (生产安全事故报告和调查处理条例, 国务院令第493号): one workflow per accident
 * case, workflow id `accident-<caseId>`, case_type 'ACCIDENT'.
 */

/** Policy values copied into the workflow when the case opens, so a later policy change never alters a running clock. */
export type AccidentWorkflowPolicy = Pick<AccidentPolicy, (typeof ACCIDENT_WORKFLOW_POLICY_KEYS)[number]>;

export interface AccidentCaseInput {
  caseId: string;
  /** The investigating department (条例 Art.19) at the time the case opened; 补报 may move it up (Art.20). */
  departmentId: string;
  reportingDepartmentId: string;
  createdBy: string;
  /** Instant of the accident (ISO); the 60-day clock counts from its local date (条例 Art.29). */
  occurredAt: string;
  grade: 'GENERAL' | 'LARGER' | 'MAJOR' | 'EXTRAORDINARY';
  policy: AccidentWorkflowPolicy;
}

export type AccidentStatus =
  'TEAM_FORMATION' | 'INVESTIGATING' | 'AWAITING_APPROVAL' | 'IMPLEMENTING' | 'CLOSED' | 'REOPENED';

export interface AccidentClockView {
  /** Last day for the investigation report; null while an appraisal stops the clock or the calendar year is missing. */
  dueDate: string | null;
  dueAt: string | null;
  paused: boolean;
  pausedDays: number;
  extensionDays: number;
  appraisals: Array<{ from: string; to: string | null }>;
  needsManualDueDate: boolean;
  escalation: 'NONE' | 'YELLOW' | 'RED';
}

export interface AccidentState {
  caseId: string;
  status: AccidentStatus;
  grade: AccidentCaseInput['grade'];
  departmentId: string;
  teamLeadId: string | null;
  reportVersion: number;
  reportSubmitted: boolean;
  approvedAt: string | null;
  clock: AccidentClockView;
  listing: {
    noticeNo: string;
    listedOn: string;
    deadlineDays: number;
    completedAt: string | null;
    progressReports: number;
  } | null;
  evaluation: { opensAt: string | null; openedAt: string | null; completedAt: string | null };
  closedAt: string | null;
  history: Array<{ at: string; status: AccidentStatus; by: string | null }>;
}

export interface ReviseCasualtiesInput {
  actor: TaskActor;
  /** Idempotency key chosen by the API (one per 补报). */
  revisionKey: string;
  deaths: number;
  seriousInjuries: number;
  directLossYuan: number;
  /** Instant the 补报 was received (ISO). */
  reportedAt: string;
}

export interface ReviseCasualtiesResult {
  previousGrade: AccidentCaseInput['grade'];
  grade: AccidentCaseInput['grade'];
  investigatingLevel: string;
  departmentId: string;
  movedUp: boolean;
}

export interface ExtendInvestigationInput {
  actor: TaskActor;
  /** 条例 Art.29: one extension of at most 60 days. */
  days: number;
  reason: string;
}

export interface AppraisalInput {
  actor: TaskActor;
  action: 'START' | 'END';
  /** Local date the appraisal started/ended; today (workflow time) when omitted. */
  on?: string;
  reason: string;
}

export interface SuperviseListingInput {
  actor: TaskActor;
  noticeNo: string;
  /** Calendar days to complete the listed items; the policy default (UNVERIFIED 60) when omitted. */
  deadlineDays?: number;
}

export interface CloseAccidentInput {
  actor: TaskActor;
  comment?: string;
  requestId?: string;
}

export const reviseCasualtiesUpdate = defineUpdate<ReviseCasualtiesResult, [ReviseCasualtiesInput]>('reviseCasualties');
export const extendInvestigationUpdate = defineUpdate<AccidentClockView, [ExtendInvestigationInput]>(
  'extendInvestigation',
);
export const appraisalUpdate = defineUpdate<AccidentClockView, [AppraisalInput]>('appraisal');
export const superviseListingUpdate = defineUpdate<NonNullable<AccidentState['listing']>, [SuperviseListingInput]>(
  'superviseListing',
);
export const closeAccidentUpdate = defineUpdate<{ status: AccidentStatus; closedAt: string }, [CloseAccidentInput]>(
  'closeAccident',
);
export const getAccidentStateQuery = defineQuery<AccidentState>('getAccidentState');

/** Task types the accident workflow opens (the API finds open steps by type). */
export const AccidentTaskType = {
  TEAM_FORMATION: 'ACCIDENT_TEAM_FORMATION',
  MEMBER_FINDINGS: 'ACCIDENT_MEMBER_FINDINGS',
  INVESTIGATION_REPORT: 'ACCIDENT_INVESTIGATION_REPORT',
  REPORT_APPROVAL: 'ACCIDENT_REPORT_APPROVAL',
  ACCOUNTABILITY_OUTCOME: 'ACCIDENT_ACCOUNTABILITY_OUTCOME',
  RECTIFICATION_EVIDENCE: 'ACCIDENT_RECTIFICATION_EVIDENCE',
  RECTIFICATION_VERIFICATION: 'ACCIDENT_RECTIFICATION_VERIFICATION',
  ONE_YEAR_EVALUATION: 'ACCIDENT_ONE_YEAR_EVALUATION',
  SUPERVISED_LISTING: 'ACCIDENT_SUPERVISED_LISTING',
  SUPERVISED_LISTING_PROGRESS: 'ACCIDENT_SUPERVISED_LISTING_PROGRESS',
} as const;
