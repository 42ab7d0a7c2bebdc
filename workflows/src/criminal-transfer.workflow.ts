import { condition, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  CriminalTransferInput,
  CriminalTransferState,
  CriminalTransferStatus,
  getCriminalTransferStateQuery,
} from '@safety/temporal/contracts/criminal-transfer.contract';
import { CompleteTaskInput, TaskRejection } from '@safety/temporal/contracts/human-task.contract';
import { DEFAULT_CRIMINAL_TRANSFER_POLICY } from '@safety/domain/inspection/policy';
import { TaskBoard, TaskCompletion } from './lib/task-board';
import { caseActivities, localDateOf } from './lib/shared';
import { inspectionActivities, isText } from './lib/inspection-activities';

type Problem = { type: string; message: string } | undefined;

/**
 * 行刑衔接 (国务院令第310号, 行政执法机关移送涉嫌犯罪案件的规定): the team's proposal → the head's
 * decision (Art.5, 3 days) → hand-over to the police within 24 hours of approval (Art.5) → the
 * police's filing decision (Art.8, 3 days) → if declined, the agency's reconsideration request
 * (Art.9, 3 days) and the police's answer (3 days) → if still declined, a suggestion to the
 * procuratorate for 立案监督 (Art.9). Which kind of days: see CriminalTransferPolicy (calendar
 * days by default). Started by HTTP or as a child of an inspection, penalty or accident case.
 */
export async function criminalTransferWorkflow(input: CriminalTransferInput): Promise<CriminalTransferState> {
  const board = new TaskBoard();
  const policy = input.policy ?? DEFAULT_CRIMINAL_TRANSFER_POLICY;
  const state: CriminalTransferState = {
    caseId: input.caseId,
    status: 'AWAITING_HEAD_DECISION',
    answered: false,
    headDecision: null,
    handoverDueAt: null,
    handover: null,
    policeAnswers: [],
    procuratorate: null,
    history: [],
  };
  setHandler(getCriminalTransferStateQuery, () => state);
  const team = input.teamIds;
  const base = { caseId: input.caseId, departmentId: input.departmentId };
  const days = (fromIso: string, amount: number) => ({ startDate: localDateOf(fromIso), unit: policy.dayUnit, amount });
  const event = (
    key: string,
    action: string,
    actorId: string | null,
    patch: Record<string, unknown>,
    summary: Record<string, unknown>,
  ) => inspectionActivities.inspectionRecordCaseEvent({ caseId: input.caseId, key, action, actorId, patch, summary });

  const moveTo = async (
    status: CriminalTransferStatus,
    by: string | null,
    action: string,
    summary: Record<string, unknown> = {},
  ) => {
    state.status = status;
    state.history!.push({ at: new Date(Date.now()).toISOString(), status, by });
    await caseActivities.recordCaseStatus({ caseId: input.caseId, status, actorId: by, action, summary });
  };
  const teamOrHead = ({ actor }: CompleteTaskInput): Problem =>
    team.includes(actor.userId) || actor.roles.includes('AGENCY_HEAD')
      ? undefined
      : { type: TaskRejection.WRONG_ACTOR, message: 'only the transfer team or the agency head may record this' };
  const policeAnswerCheck = (c: CompleteTaskInput): Problem => {
    const p = teamOrHead(c);
    if (p) return p;
    const extra = Object.keys(c.payload).filter((k) => !['documentNo', 'reason', 'comment'].includes(k));
    if (extra.length)
      return { type: TaskRejection.INVALID_PAYLOAD, message: `unknown payload fields: ${extra.join(', ')}` };
    if (c.payload.documentNo !== undefined && !isText(c.payload.documentNo, 64))
      return { type: TaskRejection.INVALID_PAYLOAD, message: 'documentNo must be a text' };
    if (c.outcome === 'DECLINED' && !isText(c.payload.reason))
      return { type: TaskRejection.INVALID_PAYLOAD, message: "reason (the police's stated reason) is required" };
    return undefined;
  };
  const recordAnswer = (stage: 'INITIAL' | 'RECONSIDERATION', c: TaskCompletion) => {
    state.policeAnswers!.push({
      stage,
      answer: c.outcome as 'FILED' | 'DECLINED',
      at: c.completedAt,
      by: c.actor.userId,
      documentNo: (c.payload.documentNo as string | undefined) ?? null,
      reason: (c.payload.reason as string | undefined) ?? null,
    });
  };

  await moveTo('AWAITING_HEAD_DECISION', input.proposedBy, 'CRIMINAL_TRANSFER_PROPOSED', {
    sourceCaseId: input.sourceCaseId,
    sourceCaseType: input.sourceCaseType,
    suspectedOffence: input.suspectedOffence,
    grounds: input.grounds,
    teamIds: team,
  });

  // Art.5: the head approves or refuses within 3 days of the team's report; a head on the team may not decide.
  const decision = await board.run({
    ...base,
    step: 'head-decision',
    type: 'CRIMINAL_TRANSFER_APPROVAL',
    title: '涉嫌犯罪案件移送审批',
    candidateRoles: ['AGENCY_HEAD'],
    allowedOutcomes: ['APPROVE', 'REJECT'],
    deadline: days(input.openedAt, policy.headDecisionDays),
    payload: { suspectedOffence: input.suspectedOffence, grounds: input.grounds },
    check: ({ actor, outcome, payload }) => {
      if (team.includes(actor.userId))
        return {
          type: TaskRejection.SEPARATION_OF_DUTIES,
          message: 'a member of the transfer team may not decide the transfer',
        };
      if (outcome === 'REJECT' && !isText(payload.reason))
        return {
          type: TaskRejection.INVALID_PAYLOAD,
          message: 'a refusal needs a reason (Art.5: 不批准的应当说明理由)',
        };
      return undefined;
    },
  });
  const comment = (decision.payload.reason ?? decision.payload.comment ?? null) as string | null;
  state.headDecision = {
    by: decision.actor.userId,
    at: decision.completedAt,
    outcome: decision.outcome as 'APPROVE' | 'REJECT',
    comment,
  };
  if (decision.outcome === 'REJECT') {
    await moveTo('NOT_TRANSFERRED', decision.actor.userId, 'CRIMINAL_TRANSFER_REFUSED', { reason: comment });
    return state;
  }

  // Art.5: hand the case over within 24 hours of approval — an hours clock, so a durable timer of its own.
  const handoverDueMs = Date.parse(decision.completedAt) + policy.handoverHours * 3_600_000;
  state.handoverDueAt = new Date(handoverDueMs).toISOString();
  await moveTo('AWAITING_HANDOVER', decision.actor.userId, 'CRIMINAL_TRANSFER_APPROVED', {
    comment,
    handoverDueAt: state.handoverDueAt,
  });
  let handover: TaskCompletion | null = null as TaskCompletion | null;
  const handoverRun = board
    .run({
      ...base,
      step: 'handover',
      type: 'CRIMINAL_TRANSFER_HANDOVER',
      title: `移送公安机关（${policy.handoverHours}小时内）`,
      candidateRoles: ['ENFORCEMENT_OFFICER', 'AGENCY_HEAD'],
      allowedOutcomes: ['HANDED_OVER'],
      deadline: null,
      payload: { dueAt: state.handoverDueAt },
      check: (c) => {
        const p = teamOrHead(c);
        if (p) return p;
        if (!isText(c.payload.policeAgency, 200))
          return {
            type: TaskRejection.INVALID_PAYLOAD,
            message: 'policeAgency (the receiving public security organ) is required',
          };
        if (c.payload.receiptNo !== undefined && !isText(c.payload.receiptNo, 64))
          return { type: TaskRejection.INVALID_PAYLOAD, message: 'receiptNo must be a text' };
        return undefined;
      },
    })
    .then((c) => (handover = c));
  if (!(await condition(() => handover !== null, Math.max(1, handoverDueMs - Date.now())))) {
    await caseActivities.escalateTask({ taskKey: `${workflowInfo().workflowId}:handover`, level: 'RED' });
    await event(
      'handover-overdue',
      'CRIMINAL_TRANSFER_HANDOVER_OVERDUE',
      null,
      { handoverOverdue: true },
      { dueAt: state.handoverDueAt, rule: '国务院令第310号 Art.5' },
    );
  }
  const h = await handoverRun;
  state.handover = {
    at: h.completedAt,
    by: h.actor.userId,
    policeAgency: h.payload.policeAgency as string,
    receiptNo: (h.payload.receiptNo as string | undefined) ?? null,
  };
  await moveTo('TRANSFERRED', h.actor.userId, 'CRIMINAL_TRANSFER_HANDED_OVER', {
    policeAgency: state.handover.policeAgency,
    receiptNo: state.handover.receiptNo,
    late: Date.parse(h.completedAt) > handoverDueMs,
  });

  // Art.8: the police decide within 3 days of receiving the case; the officer enters their answer.
  const police = await board.run({
    ...base,
    step: 'police-answer',
    type: 'POLICE_FILING_ANSWER',
    title: '登记公安机关立案决定',
    candidateRoles: ['ENFORCEMENT_OFFICER', 'AGENCY_HEAD'],
    allowedOutcomes: ['FILED', 'DECLINED'],
    deadline: days(h.completedAt, policy.policeDecisionDays),
    check: policeAnswerCheck,
  });
  recordAnswer('INITIAL', police);
  if (police.outcome === 'FILED') {
    state.answered = true;
    await moveTo('POLICE_FILED', police.actor.userId, 'POLICE_FILED_CASE', {
      documentNo: police.payload.documentNo ?? null,
    });
    return state;
  }
  await moveTo('POLICE_DECLINED', police.actor.userId, 'POLICE_DECLINED_CASE', {
    documentNo: police.payload.documentNo ?? null,
    reason: police.payload.reason,
  });

  // Art.9: the agency may ask the police to reconsider within 3 days of the 不予立案通知书.
  const recon = await board.run({
    ...base,
    step: 'reconsideration-decision',
    type: 'CRIMINAL_TRANSFER_RECONSIDERATION',
    title: '是否提请公安机关复议',
    candidateRoles: ['AGENCY_HEAD'],
    allowedOutcomes: ['REQUEST_RECONSIDERATION', 'ACCEPT_DECISION'],
    deadline: days(police.completedAt, policy.reconsiderationRequestDays),
    check: ({ outcome, payload }) =>
      outcome === 'ACCEPT_DECISION' && !isText(payload.reason)
        ? { type: TaskRejection.INVALID_PAYLOAD, message: 'a reason is required' }
        : undefined,
  });
  if (recon.outcome === 'ACCEPT_DECISION') {
    state.answered = true;
    await event(
      'police-decline-accepted',
      'POLICE_DECLINE_ACCEPTED',
      recon.actor.userId,
      { answered: true },
      { reason: recon.payload.reason },
    );
    return state;
  }
  await moveTo('RECONSIDERATION_REQUESTED', recon.actor.userId, 'RECONSIDERATION_REQUESTED', {
    comment: recon.payload.comment ?? null,
  });

  // Art.9: the police answer the reconsideration within 3 days.
  const answer = await board.run({
    ...base,
    step: 'reconsideration-answer',
    type: 'POLICE_RECONSIDERATION_ANSWER',
    title: '登记公安机关复议决定',
    candidateRoles: ['ENFORCEMENT_OFFICER', 'AGENCY_HEAD'],
    allowedOutcomes: ['FILED', 'DECLINED'],
    deadline: days(recon.completedAt, policy.reconsiderationAnswerDays),
    check: policeAnswerCheck,
  });
  recordAnswer('RECONSIDERATION', answer);
  state.answered = true;
  if (answer.outcome === 'FILED') {
    await moveTo('RECONSIDERED_FILED', answer.actor.userId, 'POLICE_FILED_ON_RECONSIDERATION', {
      documentNo: answer.payload.documentNo ?? null,
    });
    return state;
  }
  await moveTo('RECONSIDERED_DECLINED', answer.actor.userId, 'POLICE_DECLINED_ON_RECONSIDERATION', {
    documentNo: answer.payload.documentNo ?? null,
    reason: answer.payload.reason,
  });

  // Art.9: still declined → suggest 立案监督 to the procuratorate within 3 days.
  const proc = await board.run({
    ...base,
    step: 'procuratorate-referral',
    type: 'PROCURATORATE_SUPERVISION',
    title: '建议人民检察院立案监督',
    candidateRoles: ['AGENCY_HEAD'],
    allowedOutcomes: ['REFER', 'CLOSE'],
    deadline: days(answer.completedAt, policy.procuratorateSuggestionDays),
    check: ({ outcome, payload }) =>
      outcome === 'CLOSE' && !isText(payload.reason)
        ? { type: TaskRejection.INVALID_PAYLOAD, message: 'a reason is required' }
        : undefined,
  });
  const note = (proc.payload.reason ?? proc.payload.comment ?? null) as string | null;
  state.procuratorate = { at: proc.completedAt, by: proc.actor.userId, referred: proc.outcome === 'REFER', note };
  if (proc.outcome === 'REFER')
    await moveTo('REFERRED_TO_PROCURATORATE', proc.actor.userId, 'REFERRED_TO_PROCURATORATE', { note });
  else
    await event(
      'closed-without-referral',
      'CRIMINAL_TRANSFER_CLOSED',
      proc.actor.userId,
      { closedWithoutReferral: true },
      { reason: note },
    );
  return state;
}
