import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { z } from 'zod';
import type { TaskActor } from './human-task.contract';
import type { AccidentPolicy, ACCIDENT_WORKFLOW_POLICY_KEYS } from '@safety/domain/accident/policy';
import { AccidentSteps } from '../steps/accident.steps';
import { attachments, choice, form, instant, integer, list, localDate, money, text } from '../steps/fields';

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
  /** The enterprise where the accident happened (the subject of a reporting violation's penalty); absent on older cases. */
  enterpriseId?: string | null;
  /** 迟报 (computed) and the flags recorded at intake, whose consequences open at once (条例 Art.36); absent on older cases. */
  reportingFlags?: ReportingViolation[];
}

/** 迟报 / 漏报 / 谎报 / 瞒报 (条例 Art.36). */
export type ReportingViolation = 'LATE' | 'OMITTED' | 'FALSE_REPORT' | 'CONCEALED';

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

// ---- non-task actions (Updates sent by apps/api/src/accident): bodies declared once, here ----

/** The largest direct economic loss accepted, in yuan. */
const MAX_LOSS_YUAN = 1e13;

const casualtyFields = {
  deaths: integer(['死亡人数', 'Deaths'], { min: 0, max: 100_000 }),
  seriousInjuries: integer(['重伤人数（含急性工业中毒）', 'Serious injuries (incl. acute poisoning)'], {
    min: 0,
    max: 100_000,
  }),
};

/**
 * When the agency received the 补报 (the fax, the document's receipt, the postmark) and the receipt itself: the
 * Art.13 window and the regrade's upward-report clocks count from it, not from the day an officer enters it.
 * Omitted, it was received when entered; an earlier day needs the receipt (bounded: not in the future, not before
 * the accident).
 */
const receipt = {
  receivedOn: localDate([
    '收到日期（传真、文件签收或邮戳）',
    'Received on (fax, signed receipt or postmark)',
  ]).optional(),
  receiptAttachmentIds: attachments(['收件凭证', 'Receipt (fax, signed receipt, envelope)'], 10).optional(),
};
/** 补报 (条例 Art.13): the corrected casualty figures; the loss stays as recorded when absent. */
export const CasualtyRevisionSchema = form({
  ...casualtyFields,
  directLossYuan: money(['直接经济损失（元）', 'Direct economic loss (yuan)'], MAX_LOSS_YUAN).optional(),
  ...receipt,
});
/** The 补报 as the workflow receives it: the loss filled in, the API's idempotency key and entry instant. */
export const CasualtyRevisionMessageSchema = form({
  ...casualtyFields,
  directLossYuan: money(['直接经济损失（元）', 'Direct economic loss (yuan)'], MAX_LOSS_YUAN),
  revisionKey: text(['补报编号', 'Revision key'], 64),
  reportedAt: instant(['录入时间', 'Entered at']),
  ...receipt,
});
/** 条例 Art.27: a technical appraisal starts or ends (the investigation clock stops meanwhile). */
export const AppraisalSchema = form({
  on: localDate(['日期（缺省为当日）', 'Date (today when absent)']).optional(),
  reason: text(['事由', 'Reason'], 1000),
});
/** 条例 Art.29: the one extension of the investigation period, at most 60 days. */
export const ExtensionSchema = form({
  days: integer(['延长天数', 'Days'], { min: 1, max: 60 }),
  reason: text(['延期理由', 'Reason'], 1000),
});
/** 挂牌督办 by a higher 安委会: the notice and the days to complete the listed items. */
export const SupervisedListingSchema = form({
  noticeNo: text(['督办通知文号', 'Notice number'], 64),
  deadlineDays: integer(['办结期限（日）', 'Days to complete'], { min: 1, max: 365 }).optional(),
});
/** A public official a 迟报/漏报/谎报/瞒报 finding names: referred to the discipline body (条例 Art.39). */
export const ReportingOfficialSchema = form({
  name: text(['姓名', 'Name'], 100),
  position: text(['职务', 'Position'], 200).optional(),
  organisation: text(['所在单位', 'Organisation'], 200).optional(),
});
/** The consequences of a reporting violation as the workflow receives them (the flag itself is recorded by the API). */
export const ReportingConsequencesSchema = form({
  flag: choice(['违法情形', 'Violation'], {
    LATE: ['迟报', 'Late report'],
    OMITTED: ['漏报', 'Omitted'],
    FALSE_REPORT: ['谎报', 'False report'],
    CONCEALED: ['瞒报', 'Concealed'],
  }),
  officials: list(['涉及的公职人员', 'Public officials concerned'], ReportingOfficialSchema, {
    min: 0,
    max: 20,
  }).optional(),
});
/** 越级上报 (条例 Art.10 para.2): the chain and the higher level reported to, past the one waiting. */
export const SkipLevelReportSchema = form({
  chain: choice(['上报系统', 'Chain'], {
    EMERGENCY_MANAGEMENT: ['应急管理部门', 'Emergency management'],
    SECTOR: ['负有安全生产监督管理职责的有关部门', 'Department supervising the sector'],
  }),
  level: choice(['越级上报至', 'Reported to level'], {
    CITY: ['设区的市级', 'City'],
    PROVINCE: ['省级', 'Province'],
  }),
});
/** 结案 under 四不放过. */
export const CloseAccidentSchema = form({ comment: text(['结案意见', 'Comment'], 2000).optional() });

export interface AccidentActorInput {
  actor: TaskActor;
  requestId?: string;
}

export type ReviseCasualtiesInput = AccidentActorInput & z.output<typeof CasualtyRevisionMessageSchema>;
export type ExtendInvestigationInput = AccidentActorInput & z.output<typeof ExtensionSchema>;
export type AppraisalInput = AccidentActorInput & z.output<typeof AppraisalSchema> & { action: 'START' | 'END' };
export type SuperviseListingInput = AccidentActorInput & z.output<typeof SupervisedListingSchema>;
export type CloseAccidentInput = AccidentActorInput & z.output<typeof CloseAccidentSchema>;
export type SkipLevelReportInput = AccidentActorInput & z.output<typeof SkipLevelReportSchema>;
/** The higher level's report a 越级上报 opened: its task, due 2 hours from now (条例 Art.11). */
export interface SkipLevelReportResult {
  chain: 'EMERGENCY_MANAGEMENT' | 'SECTOR';
  level: 'CITY' | 'PROVINCE';
  departmentId: string;
  dueAt: string;
}
export type ReportingConsequencesInput = AccidentActorInput & z.output<typeof ReportingConsequencesSchema>;

/** One consequence opened: a penalty case (its case id) or a referral (whose case stays with the discipline body). */
export interface OpenedReportingConsequence {
  flag: ReportingViolation;
  target: 'PRINCIPAL' | 'ENTERPRISE' | 'OFFICIAL';
  kind: 'PENALTY' | 'DISCIPLINE_REFERRAL';
  caseId: string | null;
}

export interface ReviseCasualtiesResult {
  previousGrade: AccidentCaseInput['grade'];
  grade: AccidentCaseInput['grade'];
  investigatingLevel: string;
  departmentId: string;
  movedUp: boolean;
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
export const openReportingConsequencesUpdate = defineUpdate<OpenedReportingConsequence[], [ReportingConsequencesInput]>(
  'openReportingConsequences',
);
export const skipLevelReportUpdate = defineUpdate<SkipLevelReportResult, [SkipLevelReportInput]>('skipLevelReport');
export const getAccidentStateQuery = defineQuery<AccidentState>('getAccidentState');

/** Task types the accident workflow opens (the API finds open steps by type): the step contracts' codes. */
export const AccidentTaskType = {
  TEAM_FORMATION: AccidentSteps.TEAM_FORMATION.type,
  MEMBER_FINDINGS: AccidentSteps.MEMBER_FINDINGS.type,
  INVESTIGATION_REPORT: AccidentSteps.INVESTIGATION_REPORT.type,
  REPORT_APPROVAL: AccidentSteps.REPORT_APPROVAL.type,
  ACCOUNTABILITY_OUTCOME: AccidentSteps.ACCOUNTABILITY_OUTCOME.type,
  RECTIFICATION_EVIDENCE: AccidentSteps.RECTIFICATION_EVIDENCE.type,
  RECTIFICATION_VERIFICATION: AccidentSteps.RECTIFICATION_VERIFICATION.type,
  ONE_YEAR_EVALUATION: AccidentSteps.ONE_YEAR_EVALUATION.type,
  SUPERVISED_LISTING: AccidentSteps.SUPERVISED_LISTING.type,
  SUPERVISED_LISTING_PROGRESS: AccidentSteps.SUPERVISED_LISTING_PROGRESS.type,
  UPWARD_REPORT: AccidentSteps.UPWARD_REPORT.type,
  NATIONAL_REPORT: AccidentSteps.NATIONAL_REPORT.type,
  SKIP_LEVEL_REPORT: AccidentSteps.SKIP_LEVEL_REPORT.type,
  REPORT_NOTIFICATIONS: AccidentSteps.REPORT_NOTIFICATIONS.type,
} as const;
