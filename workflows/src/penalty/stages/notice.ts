import { toLocalDate } from '@safety/domain/calendar/local-date';
import { hearingGrounds } from '@safety/domain/enforcement/hearing';
import { receivedOnProblem, receivedWithin } from '@safety/domain/enforcement/received-on';
import { patched, workflowInfo } from '@temporalio/workflow';
import type {
  HearingRequestInput,
  PenaltyEventResult,
  StatementInput,
  WaiverInput,
} from '@safety/temporal/contracts/penalty-case.contract';
import type { TaskActor } from '@safety/temporal/contracts/human-task.contract';
import { PenaltySteps } from '@safety/temporal/steps/penalty.steps';
import {
  alreadyExists,
  deadlinePassed,
  firstProblem,
  forbidden,
  invalid,
  outOfOrder,
  Problem,
  ruleBroken,
} from '../../kernel/problems';
import { PATCH } from '../../kernel/patches';
import { HEAD, OFFICER, PenaltyCase } from '../case';
import { serviceProblem } from '../checks';

/** 告知 (行政处罚法 Art.44, 45, 62, 63): the notice document, its service, then the party's periods. */
export async function notify(pc: PenaltyCase, round: number): Promise<void> {
  const proposal = pc.p.proposal!;
  const policy = pc.context.policy;
  const grounds = hearingGrounds(
    {
      partyType: proposal.partyType ?? pc.context.party.type,
      measures: (proposal.measures ?? []) as never,
      fineYuan: proposal.fineYuan,
      confiscationYuan: proposal.confiscationYuan,
    },
    policy,
  );
  const doc = await pc.acts.issuePenaltyDocument({
    idempotencyKey: `${workflowInfo().workflowId}:doc:notice-${round}`,
    kind: 'PENALTY_NOTICE',
    caseId: pc.input.caseId,
    issuedBy: proposal.proposedBy,
    data: {
      facts: proposal.facts,
      legalBasis: proposal.legalBasis,
      measures: proposal.measures,
      fineYuan: proposal.fineYuan,
      statementDays: policy.statementDefenceWorkingDays,
      hearingEligible: grounds.length > 0,
      hearingRequestDays: policy.hearingRequestWorkingDays,
    },
  });
  const notice = {
    documentId: doc.documentId,
    number: doc.number,
    servedAt: null as string | null,
    notifiedFineYuan: proposal.fineYuan ?? 0,
    notifiedMeasures: proposal.measures ?? [],
    hearingEligible: grounds.length > 0,
    hearingGrounds: grounds,
    statementDueAt: null as string | null,
    hearingRequestDueAt: null as string | null,
  };
  pc.p.notice = notice;
  const issuedAt = pc.now();
  const served = await pc.board.run(PenaltySteps.PENALTY_NOTICE_SERVICE, {
    ...pc.where,
    step: `notice-service-${round}`,
    title: '送达行政处罚告知书',
    ...pc.decisionPeriod(),
    enterStatus: pc.enterStage('NOTICE', null, 'PENALTY_NOTICE_ISSUED', {
      number: doc.number,
      hearingEligible: grounds.length > 0,
      hearingGrounds: grounds,
    }),
    context: { documentId: doc.documentId, number: doc.number },
    check: ({ payload }) => serviceProblem(payload, issuedAt, pc.now()),
  });
  notice.servedAt = new Date(Date.parse(served.payload.servedAt)).toISOString();
  const servedOn = toLocalDate(new Date(served.payload.servedAt));
  // Art.44/45: statement window (policy 3–5 working days); Art.64(1): hearing request within 5 working days.
  const statement = await pc.due(servedOn, 'working_days', policy.statementDefenceWorkingDays);
  notice.statementDueAt = new Date(statement.dueAt).toISOString();
  if (notice.hearingEligible) {
    const hearing = await pc.due(servedOn, 'working_days', policy.hearingRequestWorkingDays);
    notice.hearingRequestDueAt = new Date(hearing.dueAt).toISOString();
  }
  await pc.stage('AWAITING_PARTY', served.actor.userId, 'PENALTY_NOTICE_SERVED', {
    servedAt: notice.servedAt,
    method: served.payload.method,
    statementDueAt: notice.statementDueAt,
    hearingRequestDueAt: notice.hearingRequestDueAt,
  });
}

/** Waits for the party: statements until their deadline, a hearing request, or an explicit waiver. */
export async function partyWindow(pc: PenaltyCase): Promise<void> {
  const notice = pc.p.notice!;
  const statementEnd = Date.parse(notice.statementDueAt!);
  const hearingEnd = notice.hearingRequestDueAt ? Date.parse(notice.hearingRequestDueAt) : 0;
  const allWaived = () =>
    pc.p.waived.includes('STATEMENT') && (!notice.hearingEligible || pc.p.waived.includes('HEARING'));
  let windowEnd = Math.max(statementEnd, hearingEnd);
  // Submissions sent by post within the period reach the agency after it (期间不包括在途时间): the policy may keep
  // the window open a few working days more for them, judged by their received-on day (receivedWithin below).
  const grace = pc.context.policy.partySubmissionGraceWorkingDays ?? 0;
  if (grace > 0 && patched(PATCH.PENALTY_PARTY_SUBMISSION_GRACE)) {
    windowEnd = (await pc.due(toLocalDate(new Date(windowEnd - 1)), 'working_days', grace)).dueAt;
  }
  await pc.waitUntil(windowEnd, () => pc.p.hearing !== null || allWaived());
}

/** The submission's received-on day: given, or the day it is entered. */
function receivedOnOf(pc: PenaltyCase, input: { receivedOn?: string }): string {
  return input.receivedOn ?? pc.today();
}

/** A received-on day that is in the future, before the notice's service, or earlier than today with no receipt. */
function receiptProblem(
  pc: PenaltyCase,
  input: { receivedOn?: string; receiptAttachmentIds?: string[] },
): Problem | undefined {
  const found = receivedOnProblem({
    receivedOn: receivedOnOf(pc, input),
    today: pc.today(),
    periodOpenedOn: toLocalDate(new Date(pc.p.notice!.servedAt!)),
    hasReceipt: (input.receiptAttachmentIds ?? []).length > 0,
  });
  return found ? invalid(`${found.path} ${found.message}`, { fields: [found] }) : undefined;
}

/** The facts of a submission's receipt as the full-process record keeps them: received when, entered when. */
function receiptRecord(pc: PenaltyCase, input: { receivedOn?: string; receiptAttachmentIds?: string[] }) {
  return {
    receivedOn: receivedOnOf(pc, input),
    enteredAt: new Date(pc.now()).toISOString(),
    receiptAttachmentIds: input.receiptAttachmentIds ?? [],
  };
}

/** Officers and heads of the case department record what the party says or files. */
export function partyRecorderProblem(pc: PenaltyCase, actor: TaskActor): Problem | undefined {
  return (actor.roles.includes(OFFICER) || actor.roles.includes(HEAD)) && pc.sameDepartment(actor)
    ? undefined
    : forbidden('an officer or head of the case department records what the party says');
}

// ---- 陈述申辩 (Art.44, 45) ----

export function statementProblem(pc: PenaltyCase, input: StatementInput): Problem | undefined {
  const notice = pc.p.notice;
  return firstProblem(
    () => partyRecorderProblem(pc, input.actor),
    () => (notice?.servedAt ? undefined : outOfOrder('陈述申辩 follows the service of the 告知书')),
    () => (pc.p.decision ? deadlinePassed('the decision has been made') : undefined),
    () => (pc.p.waived.includes('STATEMENT') ? ruleBroken('the party waived the statement and defence') : undefined),
    () => receiptProblem(pc, input),
    // Judged on the day received: a statement that reached the agency in time stands until the decision.
    () =>
      receivedWithin(receivedOnOf(pc, input), new Date(notice!.statementDueAt!)) || pc.p.stage === 'HEARING'
        ? undefined
        : deadlinePassed(`the statement and defence period ended at ${notice!.statementDueAt}`),
  );
}

export async function recordStatement(pc: PenaltyCase, input: StatementInput): Promise<PenaltyEventResult> {
  const at = new Date(pc.now()).toISOString();
  const receipt = receiptRecord(pc, input);
  pc.p.statements.push({ at, by: input.actor.userId, summary: input.summary, receivedOn: receipt.receivedOn });
  await pc.event(
    'PARTY_STATEMENT_RECORDED',
    input.actor,
    { at, summaryLength: input.summary.length, ...receipt },
    input.requestId,
  );
  return { ok: true, status: pc.p.stage, detail: { statements: pc.p.statements.length } };
}

// ---- 听证申请 (Art.63, 64(1)) ----

export function hearingRequestProblem(pc: PenaltyCase, input: HearingRequestInput): Problem | undefined {
  const notice = pc.p.notice;
  return firstProblem(
    () => partyRecorderProblem(pc, input.actor),
    () => (notice?.servedAt ? undefined : outOfOrder('a hearing is requested after the 告知书 is served')),
    () =>
      notice!.hearingEligible
        ? undefined
        : ruleBroken('the proposed penalty does not carry a hearing right (行政处罚法 Art.63)'),
    () => (pc.p.hearing ? alreadyExists('a hearing has already been requested') : undefined),
    () => (pc.p.waived.includes('HEARING') ? ruleBroken('the party waived the hearing') : undefined),
    () => receiptProblem(pc, input),
    () =>
      receivedWithin(receivedOnOf(pc, input), new Date(notice!.hearingRequestDueAt!)) && !pc.p.decision
        ? undefined
        : deadlinePassed(
            `the hearing request period (5 working days, 行政处罚法 Art.64) ended at ${notice!.hearingRequestDueAt}`,
          ),
    // Received in time but entered after the party window closed: the case has gone on to the decision.
    () =>
      pc.p.stage === 'AWAITING_PARTY'
        ? undefined
        : deadlinePassed(
            'the party window has closed; a request received in time is entered before it closes (the policy can keep it open for posted requests: partySubmissionGraceWorkingDays)',
          ),
  );
}

export async function requestHearing(pc: PenaltyCase, input: HearingRequestInput): Promise<PenaltyEventResult> {
  const requestedAt = new Date(pc.now()).toISOString();
  const receipt = receiptRecord(pc, input);
  pc.p.hearing = {
    requestedAt,
    receivedOn: receipt.receivedOn,
    hearingDate: null,
    chairId: null,
    outcome: null,
    noticeNumber: null,
  };
  await pc.event(
    'HEARING_REQUESTED',
    input.actor,
    { channel: input.channel, requestedAt, ...receipt },
    input.requestId,
  );
  return { ok: true, status: pc.p.stage, detail: { requestedAt } };
}

// ---- the party's waiver of its statement and/or hearing rights ----

export function waiverProblem(pc: PenaltyCase, input: WaiverInput): Problem | undefined {
  const notice = pc.p.notice;
  return firstProblem(
    () => partyRecorderProblem(pc, input.actor),
    () =>
      notice?.servedAt && pc.p.stage === 'AWAITING_PARTY'
        ? undefined
        : outOfOrder('a waiver is recorded while the party window is open'),
    () =>
      input.waives.includes('HEARING') && !notice!.hearingEligible
        ? invalid('the party has no hearing right to waive')
        : undefined,
    () =>
      input.waives.includes('HEARING') && pc.p.hearing
        ? alreadyExists('a hearing has already been requested')
        : undefined,
  );
}

export async function recordWaiver(pc: PenaltyCase, input: WaiverInput): Promise<PenaltyEventResult> {
  for (const right of input.waives) if (!pc.p.waived.includes(right)) pc.p.waived.push(right);
  await pc.event('PARTY_RIGHTS_WAIVED', input.actor, { waives: input.waives, note: input.note }, input.requestId);
  return { ok: true, status: pc.p.stage, detail: { waived: pc.p.waived } };
}
