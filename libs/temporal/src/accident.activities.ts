/**
 * Activities of the accident and discipline-referral workflows (implemented by
 * apps/worker/src/activities/accident.activities.ts over libs/application/src/accident).
 */
import type { InvestigationReportProposal, TeamProposal } from '@safety/domain/accident/proposals';

export interface AccidentClockAnswer {
  dueDate: string | null;
  dueAt: string | null;
  paused: boolean;
  pausedDays: number;
  /** Set when a needed calendar year is missing (fail closed: the date is set by hand). */
  missingYear: number | null;
}

export interface SavedReport {
  parties: Array<{
    id: string;
    seq: number;
    kind: string;
    proposedHandling: string;
    name: string;
    enterpriseId: string | null;
    responsibility: string;
    handlingDetail: string | null;
  }>;
  measures: Array<{ id: string; seq: number; dueDate: string }>;
}

export interface LinkedCaseAnswer {
  caseId: string;
  workflowId: string;
  departmentId: string;
  enterpriseId: string | null;
  openedAt: string;
}

/**
 * How a linked case's workflow id is chosen: by the database, numbered per source case and
 * idempotent by the link key (the one scheme); histories recorded before that named it themselves.
 */
export type LinkedCaseNaming =
  { linkKey: string; workflowId?: undefined } | { workflowId: string; linkKey?: undefined };

export interface ReferralAnswer {
  referralId: string;
  referralCaseId: string;
  workflowId: string;
  openedAt: string;
  senderDepartmentId: string;
  receivingDepartmentId: string;
  ackWorkingDays: number;
  resultDays: number;
}

/** 逐级上报 (条例 Art.10–11): where the report goes from the department that took the first report. */
export interface UpwardReportPlan {
  /** When the first report reached the reporting department (条例 Art.9): the first level's 2 hours count from it. */
  receivedAt: string;
  /*
   * `notifiedBodies` (of `reporting` and of each level): the bodies 条例 Art.10(1) has that department notify, from
   * its accident department policy when the plan was made; absent in plans made before it was a policy (all four).
   */
  /**
   * Each chain the organisation has (emergency management; the sector's supervising department when
   * another kind), its levels above the reporting department lowest first, up to the highest modelled.
   */
  chains: Array<{
    chain: 'EMERGENCY_MANAGEMENT' | 'SECTOR';
    departmentKind: string;
    levels: Array<{ level: string; departmentId: string; departmentName: string; notifiedBodies?: string[] }>;
    /**
     * 条例 Art.10(1): the chain's province department reports a 重大/特别重大 accident on to the State
     * Council's department (`recipient`, a label: not a department of the installation); absent when
     * the chain has no province department (and in plans made before the State Council's level was modelled).
     */
    national?: { departmentId: string; departmentName: string; recipient: string };
  }>;
  /** The department that took the first report: it notifies the Art.10 bodies too (absent in older plans). */
  reporting?: { departmentId: string; departmentName: string; notifiedBodies?: string[] };
}

/** 条例 Art.10(1): whom a department that received the report notified, when and how. */
export interface ReportNotificationRecord {
  caseId: string;
  taskKey: string;
  departmentId: string;
  notifiedBy: string;
  notifications: Array<{ body: string; notifiedAt: string; means: string; recipient?: string }>;
}

export interface AccidentActivities {
  /** The upward-report chains of the accident (read only). */
  accidentUpwardReportPlan(input: { caseId: string }): Promise<UpwardReportPlan>;
  /** A level reported (its task completed): the instant on the workflow's clock, idempotent by the task key. */
  accidentRecordUpwardReport(input: {
    caseId: string;
    taskKey: string;
    chain: string;
    level: string;
    departmentId: string;
    dueAt: string | null;
    reportedAt: string;
    reportedBy: string;
    /** The State Council's level: who received the report and how it went (the level has no department). */
    recipient?: string;
    means?: string;
  }): Promise<void>;
  /** 条例 Art.10(1): the notifications a department recorded (idempotent by the task key and body). */
  accidentRecordReportNotifications(input: ReportNotificationRecord): Promise<void>;
  /**
   * 条例 Art.36: the penalty case a reporting violation opens against the enterprise's principal or
   * the enterprise, in the investigating department, linked to the accident; idempotent by the link key.
   */
  accidentOpenViolationPenalty(input: {
    caseId: string;
    flag: string;
    target: 'PRINCIPAL' | 'ENTERPRISE';
    legalBasis: string;
    actorId: string;
    linkKey: string;
  }): Promise<LinkedCaseAnswer>;
  /** 条例 Art.39: the referral of an official a reporting violation names; idempotent by the link key. */
  accidentOpenViolationReferral(input: {
    caseId: string;
    flag: string;
    official: { name: string; position?: string; organisation?: string };
    legalBasis: string;
    actorId: string;
    sentAt: string;
    linkKey: string;
  }): Promise<ReferralAnswer>;
  accidentComputeClock(input: {
    accidentDate: string;
    pauses: Array<{ from: string; to?: string }>;
    extensions: Array<{ amount: number }>;
  }): Promise<AccidentClockAnswer>;
  accidentSetTaskClock(input: {
    taskKey: string;
    dueAt: string | null;
    warnAt: string | null;
    needsManualDueDate: boolean;
    reason: string;
    actorId: string | null;
  }): Promise<void>;
  accidentRecordTeam(input: { caseId: string; team: TeamProposal; actorId: string; requiredRoles: string[] }): Promise<{
    ok: boolean;
    problems: string[];
    members: Array<{ userId: string; departmentId: string; teamRole: string }>;
  }>;
  accidentApplyCasualtyRevision(input: {
    caseId: string;
    revisionKey: string;
    deaths: number;
    seriousInjuries: number;
    directLossYuan: number;
    /** When the officer entered it. */
    reportedAt: string;
    /** The day the agency received it (China local date; the day of entry when absent) and its receipt. */
    receivedOn?: string;
    receiptAttachmentIds?: string[];
    actorId: string;
    reportSubmitted: boolean;
  }): Promise<{
    previousGrade: string;
    grade: string;
    investigatingLevel: string;
    departmentId: string;
    movedUp: boolean;
  }>;
  accidentSaveReport(input: {
    caseId: string;
    version: number;
    report: InvestigationReportProposal;
    submittedBy: string;
    submittedAt: string;
  }): Promise<SavedReport>;
  accidentDecideReport(input: {
    caseId: string;
    version: number;
    decision: 'APPROVE' | 'RETURN';
    actorId: string;
    comment: string | null;
    decidedAt: string;
  }): Promise<void>;
  /** Case row of an automatic penalty case or criminal transfer for a responsible party, linked both ways. */
  accidentOpenLinkedCase(
    input: {
      caseId: string;
      partyId: string;
      kind: 'PENALTY' | 'CRIMINAL_TRANSFER';
      actorId: string;
    } & LinkedCaseNaming,
  ): Promise<LinkedCaseAnswer>;
  /** The referral of a public official: its own case row in the receiving body's department, and the evidence bundle. */
  accidentCreateReferral(
    input: {
      caseId: string;
      partyId: string;
      actorId: string;
      sentAt: string;
    } & LinkedCaseNaming,
  ): Promise<ReferralAnswer>;
  accidentRecordPartyOutcome(input: {
    partyId: string;
    outcome: string;
    detail: Record<string, unknown>;
  }): Promise<void>;
  accidentRecordMeasureEvidence(input: {
    measureId: string;
    round: number;
    evidence: Record<string, unknown>;
    actorId: string;
    at: string;
  }): Promise<void>;
  accidentRecordMeasureVerification(input: {
    measureId: string;
    round: number;
    verified: boolean;
    comment: string | null;
    actorId: string;
    at: string;
  }): Promise<void>;
  accidentOpenEvaluation(input: { caseId: string; openedAt: string }): Promise<void>;
  accidentRecordEvaluation(input: {
    caseId: string;
    teamIds: string[];
    findings: string;
    slippedMeasureIds: string[];
    actorId: string;
    at: string;
  }): Promise<void>;
  accidentRecordListing(input: {
    caseId: string;
    listedBy: string;
    listedByDepartmentId: string;
    noticeNo: string;
    listedOn: string;
    deadlineDays: number;
  }): Promise<void>;
  accidentCompleteListing(input: { caseId: string; at: string; actorId: string }): Promise<void>;
  accidentEvaluateGates(input: { caseId: string }): Promise<{ closable: boolean; missing: string[] }>;
  accidentCancelOpenTasks(input: { caseId: string; reason: string; types: string[] }): Promise<void>;
  /**
   * The head approved a referral proposed from a case: the proposal is marked approved and the referral
   * opened (its own case row in the receiving body, the evidence bundle) in one transaction, idempotent
   * by the link key.
   */
  referralProposalApprove(input: {
    proposalId: string;
    actorId: string;
    at: string;
    comment: string | null;
    linkKey: string;
  }): Promise<ReferralAnswer>;
  /** The head refused a referral proposed from a case (idempotent). */
  referralProposalReject(input: { proposalId: string; actorId: string; at: string; reason: string }): Promise<void>;
  referralRecordAck(input: { referralId: string; actorId: string; at: string }): Promise<void>;
  referralRecordResult(input: {
    referralId: string;
    outcome: string;
    summary: string;
    actorId: string;
    at: string;
  }): Promise<void>;
}
