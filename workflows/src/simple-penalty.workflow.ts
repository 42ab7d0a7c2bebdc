import { setHandler } from '@temporalio/workflow';
import {
  getSimplePenaltyStateQuery,
  SimplePenaltyInput,
  SimplePenaltyState,
  SimplePenaltyStatus,
} from '@safety/temporal/contracts/simple-penalty.contract';
import { TaskRejection } from '@safety/temporal/contracts/human-task.contract';
import { TaskBoard } from './lib/task-board';
import { caseActivities, localDateOf } from './lib/shared';
import { inspectionActivities, isText } from './lib/inspection-activities';

/**
 * 简易程序 after the on-the-spot decision (行政处罚法 Art.51–52, 68–71). The decision itself needs
 * no waiting and is made synchronously by the API (limits checked there, 422 beyond them); what
 * waits — and so needs durable timers — is the filing with the agency (Art.52, 备案) and, for
 * cash collected on the spot (≤ 100 yuan, Art.68), the hand-in to the agency within 2 working days
 * (Art.71, working days by Art.85). Both run in parallel; the case closes when both are done.
 */
export async function simplePenaltyWorkflow(input: SimplePenaltyInput): Promise<SimplePenaltyState> {
  const board = new TaskBoard();
  const state: SimplePenaltyState = {
    caseId: input.caseId,
    status: 'DECIDED',
    decisionNo: input.decisionNo,
    filed: false,
    cashHandedIn: input.cashCollected ? false : null,
  };
  setHandler(getSimplePenaltyStateQuery, () => state);
  const moveTo = async (
    status: SimplePenaltyStatus,
    by: string | null,
    action: string,
    summary: Record<string, unknown> = {},
  ) => {
    state.status = status;
    await caseActivities.recordCaseStatus({ caseId: input.caseId, status, actorId: by, action, summary });
  };
  const decidedOn = localDateOf(input.decidedAt);
  const officersOnly = (userId: string) =>
    input.officerIds.includes(userId)
      ? undefined
      : { type: TaskRejection.WRONG_ACTOR, message: 'only the officers who made the decision may do this' };

  await moveTo('DECIDED', input.decidedBy, 'SIMPLE_PENALTY_DECIDED', {
    decisionNo: input.decisionNo,
    warningOnly: input.warningOnly,
    fineYuan: input.fineYuan,
    cashCollected: input.cashCollected,
  });

  const filing = board
    .run({
      step: 'filing',
      caseId: input.caseId,
      departmentId: input.departmentId,
      type: 'SIMPLE_PENALTY_FILING',
      title: `当场处罚决定书备案 ${input.decisionNo}`,
      candidateRoles: ['ENFORCEMENT_OFFICER'],
      allowedOutcomes: ['FILED'],
      // Art.52 sets no period; the filing period is a policy value (UNVERIFIED legacy 5 days).
      deadline: { startDate: decidedOn, unit: 'working_days', amount: input.policy.filingWorkingDays },
      payload: { decisionNo: input.decisionNo },
      check: ({ actor }) => officersOnly(actor.userId),
    })
    .then(async (c) => {
      state.filed = true;
      await inspectionActivities.inspectionRecordCaseEvent({
        caseId: input.caseId,
        key: 'filed',
        action: 'SIMPLE_PENALTY_FILED',
        actorId: c.actor.userId,
        patch: { filedAt: c.completedAt, filedBy: c.actor.userId },
        summary: { decisionNo: input.decisionNo, rule: '行政处罚法 Art.52' },
      });
    });

  const cash = !input.cashCollected
    ? Promise.resolve()
    : board
        .run({
          step: 'cash-hand-in',
          caseId: input.caseId,
          departmentId: input.departmentId,
          type: 'CASH_HAND_IN',
          title: `当场收缴罚款交至机关 ${input.fineYuan} 元`,
          candidateRoles: ['ENFORCEMENT_OFFICER'],
          allowedOutcomes: ['HANDED_IN'],
          deadline: { startDate: decidedOn, unit: 'working_days', amount: input.policy.cashHandInWorkingDays },
          payload: { fineYuan: input.fineYuan },
          check: ({ actor, payload }) =>
            officersOnly(actor.userId) ??
            (isText(payload.receiptNo, 64)
              ? undefined
              : { type: TaskRejection.INVALID_PAYLOAD, message: 'receiptNo (the agency/bank receipt) is required' }),
        })
        .then(async (c) => {
          state.cashHandedIn = true;
          await inspectionActivities.inspectionRecordCaseEvent({
            caseId: input.caseId,
            key: 'cash-handed-in',
            action: 'FINE_CASH_HANDED_IN',
            actorId: c.actor.userId,
            patch: { cashHandedInAt: c.completedAt, cashReceiptNo: c.payload.receiptNo },
            summary: { receiptNo: c.payload.receiptNo, fineYuan: input.fineYuan, rule: '行政处罚法 Art.71' },
          });
        });

  await Promise.all([filing, cash]);
  await moveTo('CLOSED', null, 'SIMPLE_PENALTY_CLOSED', { decisionNo: input.decisionNo });
  return state;
}
