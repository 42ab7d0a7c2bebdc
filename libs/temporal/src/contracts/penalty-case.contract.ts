import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { TaskActor } from './human-task.contract';

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

// ---- payloads of the human steps (`/tasks/:id/complete` → `payload`); each step's check validates them ----

/** INVESTIGATION (调查取证), outcome SUBMIT. Every item names ≥ 2 handling officers with their credential numbers (Art.42, 55). */
export interface InvestigationPayload {
  findings: string;
  evidence: Array<{
    kind: 'INSPECTION_RECORD' | 'INQUIRY_RECORD' | 'PHOTO' | 'VIDEO' | 'DOCUMENT' | 'EXPERT_OPINION' | 'OTHER';
    description: string;
    attachmentIds?: string[];
    officers: Array<{ officerId: string; credentialNo: string }>;
  }>;
}

/** PENALTY_PROPOSAL (案件调查终结/处罚建议), outcomes PROPOSE_PENALTY | PROPOSE_NO_PENALTY | PROPOSE_WITHDRAWAL. */
export interface ProposalPayload {
  violationType: string;
  facts: string;
  circumstance?: Circumstance;
  partyType?: 'INDIVIDUAL' | 'ORGANISATION';
  measures?: PenaltyMeasureCode[];
  fineYuan?: number;
  confiscationYuan?: number;
  reasons?: string;
  /** Art.57: complex or serious → 集体讨论. */
  complex?: boolean;
  serious?: boolean;
  /** Art.58(1) grounds for 法制审核. */
  involvesMajorPublicInterest?: boolean;
  affectsMajorRights?: boolean;
  multipleLegalRelationships?: boolean;
  requiredByOtherRule?: boolean;
}

/** LEGAL_REVIEW (法制审核), outcomes APPROVE | RETURN. */
export interface LegalReviewPayload {
  opinion: string;
}

/** PENALTY_NOTICE / DECISION_SERVICE (送达), outcome SERVED. */
export interface ServicePayload {
  servedAt: string;
  method: 'ON_THE_SPOT' | 'DIRECT' | 'POSTAL' | 'ELECTRONIC' | 'LEFT_AT_RESIDENCE' | 'PUBLIC_NOTICE';
  recipient: string;
}

/** HEARING_SCHEDULING (听证通知), outcome SCHEDULED; the hearing is ≥ 7 working days after today (Art.64(2)). */
export interface HearingSchedulePayload {
  hearingDate: string;
  location: string;
  chairId: string;
}

/** HEARING (听证), outcomes HELD | PARTY_ABSENT (no-show = waiver, Art.64(8)). */
export interface HearingRecordPayload {
  record: string;
}

/** COLLECTIVE_DISCUSSION (集体讨论, Art.57), outcomes DECIDE_PENALTY | NO_PENALTY | WITHDRAW | RETURN. */
export interface CollectiveDiscussionPayload {
  participants: string[];
  minutes: string;
}

/** DECISION (决定), outcomes DECIDE_PENALTY | NO_PENALTY | WITHDRAW | RETURN. */
export interface DecisionPayload {
  reasons: string;
  fineYuan?: number;
  measures?: PenaltyMeasureCode[];
  circumstance?: Circumstance;
  /** 严重违法失信: the decision feeds the dishonest-entity list when published. */
  seriousViolation?: boolean;
}

// ---- non-task actions (Updates sent by apps/api/src/enforcement) ----

export interface ActorInput {
  actor: TaskActor;
  requestId?: string;
}

export interface EvidencePreservationInput extends ActorInput {
  items: string[];
  reason: string;
  location: string;
}
export interface StatementInput extends ActorInput {
  summary: string;
}
export interface HearingRequestInput extends ActorInput {
  channel: 'WRITTEN' | 'ORAL';
  note?: string;
}
export interface WaiverInput extends ActorInput {
  waives: Array<'STATEMENT' | 'HEARING'>;
  note: string;
}
export interface DecisionExtensionInput extends ActorInput {
  days: number;
  reason: string;
}
export interface PaymentInput extends ActorInput {
  amountYuan: number;
  paidOn: string;
  receiptNo: string;
}
export interface ChallengeFiledInput extends ActorInput {
  kind: 'RECONSIDERATION' | 'LITIGATION';
  filedOn: string;
  body: string;
}
export interface ChallengeEndedInput extends ActorInput {
  seq: number;
  endedOn: string;
  result: 'UPHELD' | 'REVOKED' | 'CHANGED' | 'WITHDRAWN_BY_PARTY';
  /** CHANGED: the fine as changed by the reconsideration body or court. */
  newFineYuan?: number;
}
export interface CriminalTransferProposalInput extends ActorInput {
  suspectedOffence: string;
  grounds: string[];
  teamIds: string[];
}

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
    grounds: string[];
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
  statements: Array<{ at: string; by: string; summary: string }>;
  waived: Array<'STATEMENT' | 'HEARING'>;
  hearing: {
    requestedAt: string;
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
export const designateHandlersUpdate = defineUpdate<
  { handlerIds: string[] },
  [{ actor: TaskActor; handlerIds: string[]; requestId?: string }]
>('designateHandlers');

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
