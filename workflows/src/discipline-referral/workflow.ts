import { setHandler } from '@temporalio/workflow';
import { toLocalDate } from '@safety/domain/calendar/local-date';
import type { AccidentActivities } from '@safety/temporal/accident.activities';
import {
  DisciplineReferralInput,
  DisciplineReferralState,
  getDisciplineReferralStateQuery,
} from '@safety/temporal/contracts/discipline-referral.contract';
import type { TaskActor } from '@safety/temporal/contracts/human-task.contract';
import { DisciplineReferralSteps } from '@safety/temporal/steps/discipline-referral.steps';
import { Kernel } from '../kernel/kernel';
import { forbidden } from '../kernel/problems';

/**
 * 线索移交: the lead lands in the receiving discipline body's inbox; the body acknowledges receipt,
 * then reports the handling result. Both steps have deadlines with yellow/red escalation
 * (UNVERIFIED defaults: 5 working days to acknowledge, 90 days for the result — policy values).
 */
export async function disciplineReferralWorkflow(input: DisciplineReferralInput): Promise<DisciplineReferralState> {
  const kernel = new Kernel();
  const acts = kernel.activities<AccidentActivities>();
  const state: DisciplineReferralState = { referralId: input.referralId, status: 'AWAITING_ACK', outcome: null };
  setHandler(getDisciplineReferralStateQuery, () => state);
  const where = { caseId: input.caseId, departmentId: input.receivingDepartmentId };
  const onlyReceiver = (actor: TaskActor) =>
    actor.departmentId === input.receivingDepartmentId
      ? undefined
      : forbidden('only the receiving discipline body acts on this referral');

  const ack = await kernel.board.run(DisciplineReferralSteps.ACKNOWLEDGE, {
    ...where,
    step: 'acknowledge',
    title: '纪检监察线索：签收',
    deadline: { startDate: toLocalDate(new Date(input.sentAt)), unit: 'working_days', amount: input.ackWorkingDays },
    context: { referralId: input.referralId },
    eligible: onlyReceiver,
  });
  await acts.referralRecordAck({ referralId: input.referralId, actorId: ack.actor.userId, at: ack.completedAt });
  state.status = 'ACKNOWLEDGED';

  const result = await kernel.board.run(DisciplineReferralSteps.RESULT, {
    ...where,
    step: 'result',
    title: '纪检监察线索：反馈处理结果',
    deadline: { startDate: toLocalDate(new Date(ack.completedAt)), unit: 'calendar_days', amount: input.resultDays },
    context: { referralId: input.referralId },
    eligible: onlyReceiver,
  });
  await acts.referralRecordResult({
    referralId: input.referralId,
    outcome: result.outcome,
    summary: result.payload.summary,
    actorId: result.actor.userId,
    at: result.completedAt,
  });
  state.status = 'ANSWERED';
  state.outcome = result.outcome;
  await kernel.finish();
  return state;
}
