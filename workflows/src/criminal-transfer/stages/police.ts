import type { CaseStatusChange } from '@safety/temporal/activities';
import { CriminalTransferSteps } from '@safety/temporal/steps/criminal-transfer.steps';
import type { Completion } from '../../kernel/task-board';
import type { TransferCase } from '../case';

type PoliceStep =
  typeof CriminalTransferSteps.POLICE_FILING_ANSWER | typeof CriminalTransferSteps.POLICE_RECONSIDERATION_ANSWER;
type PoliceAnswer = Completion<PoliceStep>;

/** The officer enters the police's answer from their notice; it is kept with the transfer. */
function recordAnswer(tc: TransferCase, stage: 'INITIAL' | 'RECONSIDERATION', answer: PoliceAnswer): void {
  tc.state.policeAnswers!.push({
    stage,
    answer: answer.outcome,
    at: answer.completedAt,
    by: answer.actor.userId,
    documentNo: answer.payload.documentNo ?? null,
    reason: answer.outcome === 'DECLINED' ? answer.payload.reason : null,
  });
}

/** Art.8: the police decide whether to file within 3 days of receiving the case. */
export async function policeFiling(tc: TransferCase, receivedAt: string, transferred: CaseStatusChange) {
  const answer = await tc.board.run(CriminalTransferSteps.POLICE_FILING_ANSWER, {
    ...tc.where,
    step: 'police-answer',
    title: '登记公安机关立案决定',
    deadline: tc.days(receivedAt, tc.policy.policeDecisionDays),
    enterStatus: transferred,
    eligible: (actor) => tc.teamOrHead(actor),
  });
  recordAnswer(tc, 'INITIAL', answer);
  return answer;
}

/** Art.9: the agency may ask the police to reconsider within 3 days of the 不予立案通知书. */
export async function reconsiderationDecision(tc: TransferCase, declined: PoliceAnswer & { outcome: 'DECLINED' }) {
  return tc.board.run(CriminalTransferSteps.CRIMINAL_TRANSFER_RECONSIDERATION, {
    ...tc.where,
    step: 'reconsideration-decision',
    title: '是否提请公安机关复议',
    deadline: tc.days(declined.completedAt, tc.policy.reconsiderationRequestDays),
    enterStatus: tc.status.enter('POLICE_DECLINED', declined.actor.userId, 'POLICE_DECLINED_CASE', {
      documentNo: declined.payload.documentNo ?? null,
      reason: declined.payload.reason,
    }),
  });
}

/** Art.9: the police answer the reconsideration within 3 days; their answer is final either way. */
export async function reconsiderationAnswer(
  tc: TransferCase,
  requested: Completion<typeof CriminalTransferSteps.CRIMINAL_TRANSFER_RECONSIDERATION>,
) {
  const answer = await tc.board.run(CriminalTransferSteps.POLICE_RECONSIDERATION_ANSWER, {
    ...tc.where,
    step: 'reconsideration-answer',
    title: '登记公安机关复议决定',
    deadline: tc.days(requested.completedAt, tc.policy.reconsiderationAnswerDays),
    enterStatus: tc.status.enter('RECONSIDERATION_REQUESTED', requested.actor.userId, 'RECONSIDERATION_REQUESTED', {
      comment: requested.outcome === 'REQUEST_RECONSIDERATION' ? (requested.payload.comment ?? null) : null,
    }),
    eligible: (actor) => tc.teamOrHead(actor),
  });
  recordAnswer(tc, 'RECONSIDERATION', answer);
  tc.state.answered = true;
  return answer;
}

/** Art.9: still declined → suggest 立案监督 to the procuratorate within 3 days, or close with a reason. */
export async function procuratorateSupervision(tc: TransferCase, declined: PoliceAnswer & { outcome: 'DECLINED' }) {
  const decision = await tc.board.run(CriminalTransferSteps.PROCURATORATE_SUPERVISION, {
    ...tc.where,
    step: 'procuratorate-referral',
    title: '建议人民检察院立案监督',
    deadline: tc.days(declined.completedAt, tc.policy.procuratorateSuggestionDays),
    enterStatus: tc.status.enter('RECONSIDERED_DECLINED', declined.actor.userId, 'POLICE_DECLINED_ON_RECONSIDERATION', {
      documentNo: declined.payload.documentNo ?? null,
      reason: declined.payload.reason,
    }),
  });
  const note = decision.outcome === 'CLOSE' ? decision.payload.reason : (decision.payload.comment ?? null);
  tc.state.procuratorate = {
    at: decision.completedAt,
    by: decision.actor.userId,
    referred: decision.outcome === 'REFER',
    note,
  };
  if (decision.outcome === 'REFER') {
    await tc.status.moveTo('REFERRED_TO_PROCURATORATE', decision.actor.userId, 'REFERRED_TO_PROCURATORATE', { note });
  } else {
    await tc.event(
      'closed-without-referral',
      'CRIMINAL_TRANSFER_CLOSED',
      decision.actor.userId,
      { closedWithoutReferral: true },
      { reason: note },
    );
  }
}
