import { patched, workflowInfo } from '@temporalio/workflow';
import { CriminalTransferSteps } from '@safety/temporal/steps/criminal-transfer.steps';
import type { Completion } from '../../kernel/task-board';
import { separationOfDuties } from '../../kernel/problems';
import { withTerm } from '../../inspection/area';
import { PATCH } from '../../kernel/patches';
import type { TransferCase } from '../case';

const HOUR_MS = 3_600_000;

type Handover = Completion<typeof CriminalTransferSteps.CRIMINAL_TRANSFER_HANDOVER>;

/** Art.5: the head approves or refuses within 3 days of the team's report; a head on the team may not decide. */
export async function headDecision(
  tc: TransferCase,
): Promise<Completion<typeof CriminalTransferSteps.CRIMINAL_TRANSFER_APPROVAL>> {
  const { input } = tc;
  // The team's report reaches the head as the workflow starts. Its days count on Temporal's clock, the
  // one the task's timers run on: the API's clock (input.openedAt) may disagree with it, and a due
  // date already past on the workflow's clock would escalate the task the moment it opens.
  const reportedAt = patched(PATCH.CRIMINAL_TRANSFER_DECISION_ON_WORKFLOW_CLOCK)
    ? workflowInfo().startTime.toISOString()
    : input.openedAt;
  const decision = await tc.board.run(CriminalTransferSteps.CRIMINAL_TRANSFER_APPROVAL, {
    ...tc.where,
    step: 'head-decision',
    title: '涉嫌犯罪案件移送审批',
    deadline: tc.days(reportedAt, tc.policy.headDecisionDays),
    context: { suspectedOffence: input.suspectedOffence, grounds: input.grounds },
    enterStatus: tc.status.enter('AWAITING_HEAD_DECISION', input.proposedBy, 'CRIMINAL_TRANSFER_PROPOSED', {
      sourceCaseId: input.sourceCaseId,
      sourceCaseType: input.sourceCaseType,
      suspectedOffence: input.suspectedOffence,
      grounds: input.grounds,
      teamIds: input.teamIds,
    }),
    eligible: (actor) =>
      tc.isOnTeam(actor.userId)
        ? separationOfDuties('a member of the transfer team may not decide the transfer')
        : undefined,
  });
  const comment = decision.outcome === 'REJECT' ? decision.payload.reason : (decision.payload.comment ?? null);
  tc.state.headDecision = { by: decision.actor.userId, at: decision.completedAt, outcome: decision.outcome, comment };
  return decision;
}

/**
 * Art.5: hand the case over within 24 hours of approval — an hours clock, so a timer of its own;
 * an overrun turns the task red and is audited.
 */
export async function handOver(tc: TransferCase, approvedAt: string, approvedBy: string): Promise<Handover> {
  const dueMs = Date.parse(approvedAt) + tc.policy.handoverHours * HOUR_MS;
  const dueAt = new Date(dueMs).toISOString();
  tc.state.handoverDueAt = dueAt;
  const approved = await tc.enterWithNextTask('AWAITING_HANDOVER', approvedBy, 'CRIMINAL_TRANSFER_APPROVED', {
    comment: tc.state.headDecision?.comment ?? null,
    handoverDueAt: dueAt,
  });
  const task = tc.board.run(CriminalTransferSteps.CRIMINAL_TRANSFER_HANDOVER, {
    ...tc.where,
    step: 'handover',
    title: `移送公安机关（${tc.policy.handoverHours}小时内）`,
    deadline: null,
    context: { dueAt },
    enterStatus: approved,
    eligible: (actor) => tc.teamOrHead(actor),
  });
  const handover = await withTerm(task, dueMs, async () => {
    await tc.kernel.caseActivities.escalateTask({ taskKey: `${workflowInfo().workflowId}:handover`, level: 'RED' });
    await tc.event(
      'handover-overdue',
      'CRIMINAL_TRANSFER_HANDOVER_OVERDUE',
      null,
      { handoverOverdue: true },
      { dueAt, rule: '国务院令第310号 Art.5' },
    );
  });
  tc.state.handover = {
    at: handover.completedAt,
    by: handover.actor.userId,
    policeAgency: handover.payload.policeAgency,
    receiptNo: handover.payload.receiptNo ?? null,
  };
  return handover;
}
