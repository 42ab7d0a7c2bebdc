import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { AccidentActivities } from '@safety/temporal/accident.activities';
import {
  DisciplineReferralInput,
  DisciplineReferralState,
  DisciplineReferralTaskType,
  getDisciplineReferralStateQuery,
  REFERRAL_OUTCOMES,
  ReferralOutcome,
} from '@safety/temporal/contracts/discipline-referral.contract';
import { TaskRejection } from '@safety/temporal/contracts/human-task.contract';
import { TaskBoard } from './lib/task-board';
import { localDateOf } from './lib/shared';

const acts = proxyActivities<AccidentActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/**
 * 线索移交: the lead lands in the receiving discipline body's inbox; the body acknowledges receipt,
 * then reports the handling result. Both steps have deadlines with yellow/red escalation
 * (UNVERIFIED defaults: 5 working days to acknowledge, 90 days for the result — policy values).
 */
export async function disciplineReferralWorkflow(input: DisciplineReferralInput): Promise<DisciplineReferralState> {
  const board = new TaskBoard();
  const state: DisciplineReferralState = { referralId: input.referralId, status: 'AWAITING_ACK', outcome: null };
  setHandler(getDisciplineReferralStateQuery, () => state);
  const onlyReceiver = (departmentId: string) =>
    departmentId === input.receivingDepartmentId
      ? undefined
      : { type: TaskRejection.WRONG_ACTOR, message: 'only the receiving discipline body acts on this referral' };

  const ack = await board.run({
    step: 'acknowledge',
    caseId: input.caseId,
    type: DisciplineReferralTaskType.ACKNOWLEDGE,
    title: '纪检监察线索：签收',
    candidateRoles: ['DISCIPLINE_BODY'],
    departmentId: input.receivingDepartmentId,
    allowedOutcomes: ['ACKNOWLEDGE'],
    deadline: { startDate: localDateOf(input.sentAt), unit: 'working_days', amount: input.ackWorkingDays },
    payload: { referralId: input.referralId },
    check: ({ actor }) => onlyReceiver(actor.departmentId),
  });
  await acts.referralRecordAck({ referralId: input.referralId, actorId: ack.actor.userId, at: ack.completedAt });
  state.status = 'ACKNOWLEDGED';

  const result = await board.run({
    step: 'result',
    caseId: input.caseId,
    type: DisciplineReferralTaskType.RESULT,
    title: '纪检监察线索：反馈处理结果',
    candidateRoles: ['DISCIPLINE_BODY'],
    departmentId: input.receivingDepartmentId,
    allowedOutcomes: [...REFERRAL_OUTCOMES],
    deadline: { startDate: localDateOf(ack.completedAt), unit: 'calendar_days', amount: input.resultDays },
    payload: { referralId: input.referralId },
    check: ({ actor, payload }) =>
      onlyReceiver(actor.departmentId) ??
      (typeof payload.summary === 'string' && payload.summary.trim() && payload.summary.length <= 10_000
        ? undefined
        : {
            type: TaskRejection.INVALID_PAYLOAD,
            message: 'summary (the handling result, ≤ 10000 characters) is required',
          }),
  });
  await acts.referralRecordResult({
    referralId: input.referralId,
    outcome: result.outcome,
    summary: String(result.payload.summary),
    actorId: result.actor.userId,
    at: result.completedAt,
  });
  state.status = 'ANSWERED';
  state.outcome = result.outcome as ReferralOutcome;
  return state;
}
