import { patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { toLocalDate } from '@safety/domain/calendar/local-date';
import {
  getPenaltyCaseStateQuery,
  PenaltyCaseInput,
  PenaltyCaseState,
} from '@safety/temporal/contracts/penalty-case.contract';
import { PenaltySteps } from '@safety/temporal/steps/penalty.steps';
import { separationOfDuties } from '../kernel/problems';
import { PenaltyCase } from './case';
import { registerPenaltyMessages } from './messages/register';
import { generalProcedure } from './procedure';

/**
 * 行政处罚一般程序 (administrative penalty, general procedure). v1 covered 立案 only: the head
 * approves or refuses filing. From the `penalty-general-procedure` patch on, a filed case continues
 * through investigation, review, notice, hearing, decision, service, execution, disclosure and
 * archive (procedure.ts); histories recorded before the patch replay unchanged.
 */
export async function penaltyCaseWorkflow(input: PenaltyCaseInput): Promise<PenaltyCaseState> {
  const pc = new PenaltyCase(input);
  setHandler(getPenaltyCaseStateQuery, () => pc.state);
  // Registering handlers adds no commands, so v1 histories replay; they answer "not filed yet" until 立案.
  registerPenaltyMessages(pc);

  // 立案: the law sets no day count (行政处罚法 Art.54 "promptly"); the work-safety rule's 5 days
  // for cases needing immediate action is UNVERIFIED (STATUTES.md) and is a policy value here.
  const filing = await pc.board.run(PenaltySteps.FILING_APPROVAL, {
    ...pc.where,
    step: 'filing-approval',
    title: '立案审批',
    // Counts from when the workflow asked for approval, on Temporal's clock (the one its timers use).
    deadline: {
      startDate: toLocalDate(workflowInfo().startTime),
      unit: 'working_days',
      amount: input.filingApprovalWorkingDays ?? 5,
    },
    enterStatus: pc.status.enter('PENDING_FILING', input.createdBy, 'CASE_OPENED'),
    eligible: (actor) =>
      input.handlerIds.includes(actor.userId)
        ? separationOfDuties('the approver of filing may not be one of the case handlers')
        : undefined,
  });

  const comment = filing.payload.comment ?? null;
  if (filing.outcome === 'APPROVE') {
    await pc.status.moveTo('FILED', filing.actor.userId, 'CASE_FILED', { comment });
    if (patched('penalty-general-procedure')) await generalProcedure(pc);
  } else {
    await pc.status.moveTo('NOT_FILED', filing.actor.userId, 'CASE_NOT_FILED', { comment });
  }
  await pc.kernel.finish();
  return pc.state;
}
