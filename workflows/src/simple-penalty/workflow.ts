import { setHandler } from '@temporalio/workflow';
import { toLocalDate } from '@safety/domain/calendar/local-date';
import {
  getSimplePenaltyStateQuery,
  SimplePenaltyInput,
  SimplePenaltyState,
  SimplePenaltyStatus,
} from '@safety/temporal/contracts/simple-penalty.contract';
import type { TaskActor } from '@safety/temporal/contracts/human-task.contract';
import { SimplePenaltySteps } from '@safety/temporal/steps/simple-penalty.steps';
import { AreaCase } from '../inspection/area';
import { forbidden } from '../kernel/problems';

/**
 * 简易程序 after the on-the-spot decision (行政处罚法 Art.51–52, 68–71). The decision itself needs
 * no waiting and is made synchronously by the API (limits checked there, 422 beyond them); what
 * waits — and so needs durable timers — is the filing with the agency (Art.52, 备案) and, for
 * cash collected on the spot (≤ 100 yuan, Art.68), the hand-in to the agency within 2 working days
 * (Art.71, working days by Art.85). Both run in parallel; the case closes when both are done.
 */
export async function simplePenaltyWorkflow(input: SimplePenaltyInput): Promise<SimplePenaltyState> {
  const sp = new AreaCase<SimplePenaltyStatus, SimplePenaltyState>(
    {
      caseId: input.caseId,
      status: 'DECIDED',
      decisionNo: input.decisionNo,
      filed: false,
      cashHandedIn: input.cashCollected ? false : null,
    },
    input.departmentId,
  );
  setHandler(getSimplePenaltyStateQuery, () => sp.state);
  const decidedOn = toLocalDate(new Date(input.decidedAt));
  // Only the officers who made the decision file it and hand in its cash.
  const deciders = (actor: TaskActor) =>
    input.officerIds.includes(actor.userId)
      ? undefined
      : forbidden('only the officers who made the decision may do this');

  const decided = await sp.enterWithNextTask('DECIDED', input.decidedBy, 'SIMPLE_PENALTY_DECIDED', {
    decisionNo: input.decisionNo,
    warningOnly: input.warningOnly,
    fineYuan: input.fineYuan,
    cashCollected: input.cashCollected,
  });
  const filing = sp.board
    .run(SimplePenaltySteps.SIMPLE_PENALTY_FILING, {
      ...sp.where,
      step: 'filing',
      title: `当场处罚决定书备案 ${input.decisionNo}`,
      // Art.52 sets no period; the filing period is a policy value (UNVERIFIED legacy 5 days).
      deadline: { startDate: decidedOn, unit: 'working_days', amount: input.policy.filingWorkingDays },
      context: { decisionNo: input.decisionNo },
      enterStatus: decided,
      eligible: deciders,
    })
    .then(async (done) => {
      sp.state.filed = true;
      await sp.event(
        'filed',
        'SIMPLE_PENALTY_FILED',
        done.actor.userId,
        { filedAt: done.completedAt, filedBy: done.actor.userId },
        { decisionNo: input.decisionNo, rule: '行政处罚法 Art.52' },
      );
    });

  const cash = !input.cashCollected
    ? Promise.resolve()
    : sp.board
        .run(SimplePenaltySteps.CASH_HAND_IN, {
          ...sp.where,
          step: 'cash-hand-in',
          title: `当场收缴罚款交至机关 ${input.fineYuan} 元`,
          deadline: { startDate: decidedOn, unit: 'working_days', amount: input.policy.cashHandInWorkingDays },
          context: { fineYuan: input.fineYuan },
          eligible: deciders,
        })
        .then(async (done) => {
          const receiptNo = done.payload.receiptNo;
          sp.state.cashHandedIn = true;
          await sp.event(
            'cash-handed-in',
            'FINE_CASH_HANDED_IN',
            done.actor.userId,
            { cashHandedInAt: done.completedAt, cashReceiptNo: receiptNo },
            { receiptNo, fineYuan: input.fineYuan, rule: '行政处罚法 Art.71' },
          );
        });

  await Promise.all([filing, cash]);
  await sp.status.moveTo('CLOSED', null, 'SIMPLE_PENALTY_CLOSED', { decisionNo: input.decisionNo });
  await sp.kernel.finish();
  return sp.state;
}
