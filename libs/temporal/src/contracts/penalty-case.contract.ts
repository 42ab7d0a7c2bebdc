import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { z } from 'zod';
import type { TaskActor } from './human-task.contract';
import { attachments, choice, form, integer, list, localDate, longText, money, text, users } from '../steps/fields';
import type { PenaltySteps } from '../steps/penalty.steps';
import type { PayloadOf } from '../steps/step-definition';

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
  origin?: { kind: 'MANUAL' | 'INSPECTION' | 'ACCIDENT' | 'COMPLAINT'; sourceCaseId: string | null };
  /** Policy: working days for the filing approval (UNVERIFIED legacy 5-day rule; configurable). */
  filingApprovalWorkingDays?: number;
}

/**
 * v1 statuses (PENDING_FILING, FILED, NOT_FILED) and, from the `penalty-general-procedure` patch on,
 * every later stage of the general procedure.
 */
export type PenaltyCaseStatus =
  | 'PENDING_FILING'
  | 'FILED'
  | 'NOT_FILED'
  | 'INVESTIGATING'
  | 'PROPOSAL'
  | 'LEGAL_REVIEW'
  | 'NOTICE'
  | 'AWAITING_PARTY'
  | 'HEARING'
  | 'COLLECTIVE_DISCUSSION'
  | 'AWAITING_DECISION'
  | 'DECIDED'
  | 'SERVED'
  | 'AWAITING_PAYMENT'
  | 'OVERDUE'
  | 'ENFORCEMENT'
  | 'COURT_ENFORCEMENT'
  | 'EXECUTED'
  | 'NOT_PENALISED'
  | 'WITHDRAWN'
  | 'REVOKED'
  | 'ARCHIVED';

export type PenaltyMeasureCode =
  | 'WARNING'
  | 'CRITICISM'
  | 'FINE'
  | 'CONFISCATION'
  | 'QUALIFICATION_DOWNGRADE'
  | 'LICENCE_REVOCATION'
  | 'LICENCE_SUSPENSION'
  | 'SUSPEND_PRODUCTION'
  | 'CLOSURE'
  | 'PRACTICE_RESTRICTION';

export type Circumstance = 'LENIENT' | 'ORDINARY' | 'SEVERE';

// ---- payloads of the human steps: declared once, in steps/penalty.steps.ts ----

export type InvestigationPayload = PayloadOf<typeof PenaltySteps.INVESTIGATION, 'SUBMIT'>;
export type ProposalPayload = PayloadOf<typeof PenaltySteps.PENALTY_PROPOSAL, 'PROPOSE_NO_PENALTY'>;

// ---- non-task actions (Updates sent by apps/api/src/enforcement): bodies declared once, here ----

/** 先行登记保存 (行政处罚法 Art.56): what is preserved, why and where. */
export const EvidencePreservationRequestSchema = form({
  items: list(['登记保存物品', 'Items'], text(['物品', 'Item'], 500), { min: 1, max: 50 }),
  reason: text(['理由', 'Reason'], 2000),
  location: text(['存放地点', 'Location'], 500),
});
/** 陈述申辩 (Art.44, 45): the party's statement or defence as recorded. */
/**
 * When the agency received a party's submission (the postmark of a mailed one, the receipt of one handed in), and
 * the receipt itself. Periods count from the day received, not from the day an officer enters it: omitted, it was
 * received on the day it is entered; an earlier day needs the receipt (the workflow bounds the day: not in the
 * future, not before the 告知书 was served).
 */
const receipt = {
  receivedOn: localDate(['收到日期（邮戳或收件回执）', 'Received on (postmark or receipt)']).optional(),
  receiptAttachmentIds: attachments(['收件凭证（邮戳、回执）', 'Receipt (postmark, acknowledgement)'], 10).optional(),
};
/** 陈述申辩 (Art.44, 45). */
export const StatementSchema = form({ summary: longText(['陈述申辩要点', 'Summary of the statement']), ...receipt });
/** 听证申请 (Art.64(1)). */
export const HearingRequestSchema = form({
  channel: choice(['申请方式', 'Channel'], { WRITTEN: ['书面', 'Written'], ORAL: ['口头', 'Oral'] }),
  note: text(['备注', 'Note'], 2000).optional(),
  ...receipt,
});
/** The party's signed waiver of its statement and/or hearing rights. */
export const WaiverSchema = form({
  waives: list(
    ['放弃的权利', 'Rights waived'],
    choice(['权利', 'Right'], { STATEMENT: ['陈述申辩', 'Statement and defence'], HEARING: ['听证', 'Hearing'] }),
    { min: 1, max: 2 },
  ).refine((rights) => new Set(rights).size === rights.length, { message: 'lists a right twice' }),
  note: text(['当事人签字确认的放弃书', "The party's signed waiver"], 2000),
});
/** Extension of the decision period (Art.60; policy limits). */
export const DecisionExtensionSchema = form({
  days: integer(['延长天数', 'Days'], { min: 1, max: 180 }),
  reason: text(['延期理由', 'Reason'], 2000),
});
/** 罚款缴纳 (Art.67). */
export const PaymentSchema = form({
  amountYuan: money(['缴纳金额（元）', 'Amount paid (yuan)'], 10_000_000_000).min(0.01),
  paidOn: localDate(['缴纳日期', 'Paid on']),
  receiptNo: text(['缴款凭证号', 'Receipt number'], 64),
});
/** 行政复议 / 行政诉讼 filed against the decision. */
export const ChallengeFiledSchema = form({
  kind: choice(['救济途径', 'Kind'], {
    RECONSIDERATION: ['行政复议', 'Reconsideration'],
    LITIGATION: ['行政诉讼', 'Litigation'],
  }),
  filedOn: localDate(['申请（起诉）日期', 'Filed on']),
  body: text(['复议机关或法院', 'Reconsideration body or court'], 200),
  receiptAttachmentIds: attachments(['受理通知书或起诉材料', 'Acceptance notice or filing'], 10).optional(),
});
/** The end of a 复议/诉讼 and its result. */
export const ChallengeEndedSchema = form({
  endedOn: localDate(['结果日期', 'Ended on']),
  result: choice(['结果', 'Result'], {
    UPHELD: ['维持', 'Upheld'],
    REVOKED: ['撤销', 'Revoked'],
    CHANGED: ['变更', 'Changed'],
    WITHDRAWN_BY_PARTY: ['当事人撤回', 'Withdrawn by the party'],
  }),
  newFineYuan: money(['变更后的罚款（元）', 'Changed fine (yuan)'], 10_000_000_000).optional(),
  receiptAttachmentIds: attachments(['复议决定书或裁判文书', 'Decision or judgment'], 10).optional(),
});
/** 行刑衔接 proposal (国务院令第310号 Art.5: a team of at least two officers). */
export const CriminalTransferProposalSchema = form({
  suspectedOffence: text(['涉嫌罪名', 'Suspected offence'], 200),
  grounds: list(['涉嫌犯罪的事实依据', 'Grounds'], text(['依据', 'Ground'], 1000), { min: 1, max: 20 }),
  teamIds: users(['移送小组成员', 'Transfer team'], { min: 2, max: 10 }).refine(
    (ids) => new Set(ids).size === ids.length,
    { message: 'names an officer twice' },
  ),
});
/** 承办人 designation by the head. */
export const DesignateHandlersSchema = form({
  handlerIds: users(['承办人', 'Handling officers'], { min: 1, max: 10 }),
});

export interface ActorInput {
  actor: TaskActor;
  requestId?: string;
}

export type EvidencePreservationInput = ActorInput & z.output<typeof EvidencePreservationRequestSchema>;
export type StatementInput = ActorInput & z.output<typeof StatementSchema>;
export type HearingRequestInput = ActorInput & z.output<typeof HearingRequestSchema>;
export type WaiverInput = ActorInput & z.output<typeof WaiverSchema>;
export type DecisionExtensionInput = ActorInput & z.output<typeof DecisionExtensionSchema>;
export type PaymentInput = ActorInput & z.output<typeof PaymentSchema>;
export type ChallengeFiledInput = ActorInput & z.output<typeof ChallengeFiledSchema>;
export type ChallengeEndedInput = ActorInput & z.output<typeof ChallengeEndedSchema> & { seq: number };
export type CriminalTransferProposalInput = ActorInput & z.output<typeof CriminalTransferProposalSchema>;
export type DesignateHandlersInput = ActorInput & z.output<typeof DesignateHandlersSchema>;

export interface PenaltyEventResult {
  ok: true;
  status: PenaltyCaseStatus;
  detail?: Record<string, unknown>;
}

// ---- state ----

export interface PenaltyProcedureState {
  stage: PenaltyCaseStatus;
  filedOn: string;
  decisionDueDate: string | null;
  decisionExtensions: Array<{ days: number; reason: string; by: string; at: string }>;
  round: number;
  investigation: { findings: string; evidenceCount: number; officers: string[]; submittedBy: string } | null;
  preservations: Array<{
    seq: number;
    requestedBy: string;
    items: string[];
    status: 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'DISPOSED';
    disposal?: string;
    disposalDueAt?: string | null;
  }>;
  proposal:
    | (ProposalPayload & {
        outcome: string;
        proposedBy: string;
        legalBasis: string;
        benchmarkId: string | null;
        range: { minYuan: number; maxYuan: number } | null;
      })
    | null;
  legalReview: {
    required: boolean;
    /** Grounds of 行政处罚法 Art.58(1) itself. */
    grounds: string[];
    /**
     * The lines of the department's 法制审核目录 the proposal matched (any match requires the review), and
     * whether that was the default catalogue; null on runs from before the catalogue.
     */
    catalogue?: {
      isDefault: boolean;
      matched: Array<{ id: string; kind: string; title: string }>;
    } | null;
    passed: boolean;
    rounds: Array<{ reviewerId: string; outcome: string; afterHearing: boolean }>;
  };
  collectiveDiscussion: { required: boolean; outcome: string | null };
  notice: {
    documentId: string;
    number: string;
    servedAt: string | null;
    notifiedFineYuan: number;
    notifiedMeasures: PenaltyMeasureCode[];
    hearingEligible: boolean;
    hearingGrounds: string[];
    statementDueAt: string | null;
    hearingRequestDueAt: string | null;
  } | null;
  /** `receivedOn` (China local date) from the received-on rule on; `at` is when it was entered. */
  statements: Array<{ at: string; by: string; summary: string; receivedOn?: string }>;
  waived: Array<'STATEMENT' | 'HEARING'>;
  hearing: {
    requestedAt: string;
    /** The day the agency received the request (China local date), from the received-on rule on. */
    receivedOn?: string;
    hearingDate: string | null;
    chairId: string | null;
    outcome: 'HELD' | 'PARTY_ABSENT' | null;
    noticeNumber: string | null;
  } | null;
  decision: {
    outcome: 'DECIDE_PENALTY' | 'NO_PENALTY' | 'WITHDRAW';
    decidedAt: string;
    decidedBy: string;
    fineYuan: number;
    measures: PenaltyMeasureCode[];
    number: string | null;
    documentId: string | null;
    seriousViolation: boolean;
    revoked: boolean;
  } | null;
  service: { servedAt: string; method: string } | null;
  payment: {
    dueDate: string | null;
    payments: Array<{ amountYuan: number; paidOn: string; receiptNo: string; by: string }>;
    settled: boolean;
    settledOn: string | null;
  } | null;
  challenges: Array<{
    seq: number;
    kind: 'RECONSIDERATION' | 'LITIGATION';
    filedOn: string;
    body: string;
    endedOn: string | null;
    result: string | null;
  }>;
  publication: {
    dueAt: string | null;
    publishedAt: string | null;
    publicationId: string | null;
    withdrawnAt: string | null;
    withdrawalDueAt: string | null;
  } | null;
  enforcement: {
    challengePeriodsEnd: string;
    courtApplicationDue: string;
    demandNumber: string | null;
    demandServedOn: string | null;
    courtAppliedOn: string | null;
  } | null;
  criminalTransfers: Array<{
    seq: number;
    caseId: string | null;
    workflowId: string;
    proposedBy: string;
    at: string;
    status: 'STARTING' | 'PENDING' | 'START_FAILED' | string;
    answered: boolean;
  }>;
  archive: { archivedAt: string; sha256: string } | null;
}

export interface PenaltyCaseState {
  caseId: string;
  status: PenaltyCaseStatus;
  history: Array<{ at: string; status: PenaltyCaseStatus; by: string | null }>;
  /** Present from the general-procedure patch on (after 立案). */
  procedure?: PenaltyProcedureState;
}

export const getPenaltyCaseStateQuery = defineQuery<PenaltyCaseState>('getPenaltyCaseState');

/**
 * The head designates handling officers (承办人), e.g. for a case opened automatically from an
 * accident or an inspection. Answers the full handler list.
 */
export const designateHandlersUpdate = defineUpdate<{ handlerIds: string[] }, [DesignateHandlersInput]>(
  'designateHandlers',
);

export const requestEvidencePreservationUpdate = defineUpdate<PenaltyEventResult, [EvidencePreservationInput]>(
  'requestEvidencePreservation',
);
export const recordStatementUpdate = defineUpdate<PenaltyEventResult, [StatementInput]>('recordStatement');
export const requestHearingUpdate = defineUpdate<PenaltyEventResult, [HearingRequestInput]>('requestHearing');
export const recordWaiverUpdate = defineUpdate<PenaltyEventResult, [WaiverInput]>('recordWaiver');
export const extendDecisionDeadlineUpdate = defineUpdate<PenaltyEventResult, [DecisionExtensionInput]>(
  'extendDecisionDeadline',
);
export const recordPaymentUpdate = defineUpdate<PenaltyEventResult, [PaymentInput]>('recordPayment');
export const recordChallengeFiledUpdate = defineUpdate<PenaltyEventResult, [ChallengeFiledInput]>(
  'recordChallengeFiled',
);
export const recordChallengeEndedUpdate = defineUpdate<PenaltyEventResult, [ChallengeEndedInput]>(
  'recordChallengeEnded',
);
export const proposeCriminalTransferUpdate = defineUpdate<PenaltyEventResult, [CriminalTransferProposalInput]>(
  'proposeCriminalTransfer',
);
