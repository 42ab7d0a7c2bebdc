import { ParentClosePolicy, patched, startChild } from '@temporalio/workflow';
import { plusDays } from '@safety/domain/calendar/local-date';
import type { TaskActor } from '@safety/temporal/contracts/human-task.contract';
import type { PenaltyCaseInput } from '@safety/temporal/contracts/penalty-case.contract';
import { startLinkedCase } from '../../kernel/linked-cases';
import { PATCH } from '../../kernel/patches';
import type { InspectionCase } from '../case';

/** The order an unrectified hazard breached, for the 安全生产法 Art.112 flag. */
export interface BreachedOrder {
  orderDate: string;
  deadline: string;
}

/**
 * Opens the penalty case for the inspection's findings (proposed on the spot, or automatic when the
 * 复查 finds the hazard unrectified) and starts its workflow, which outlives the inspection.
 */
export async function openPenaltyCase(
  ic: InspectionCase,
  by: TaskActor,
  title: string,
  breached: BreachedOrder | null,
): Promise<void> {
  const { input } = ic;
  // 安全生产法 Art.112: "自作出责令改正之日的次日起" — continuing daily fines count from the day after
  // the order, once a fine has been imposed and correction is still refused. Recorded as a flag;
  // computing the fine belongs to the penalty case.
  const continuingDailyFineFrom = breached ? plusDays(breached.orderDate, 1) : null;
  const origin = { kind: 'INSPECTION' as const, sourceCaseId: input.caseId };
  const opening = {
    caseType: 'PENALTY' as const,
    title: title.slice(0, 200),
    departmentId: input.departmentId,
    enterpriseId: input.enterpriseId,
    createdBy: by.userId,
    handlerIds: ic.ownOfficerIds,
    sourceCaseId: input.caseId,
    data: {
      origin,
      findings: ic.record.findings,
      continuingDailyFineFrom,
      continuingDailyFine: breached
        ? {
            rule: '安全生产法 Art.112',
            orderDate: breached.orderDate,
            rectificationDeadline: breached.deadline,
            from: continuingDailyFineFrom,
            applies: 'once a fine is imposed and the party still refuses to correct',
          }
        : null,
    },
  };
  const penaltyInput = (caseId: string, openedAt: string): PenaltyCaseInput => ({
    caseId,
    departmentId: input.departmentId,
    enterpriseId: input.enterpriseId,
    createdBy: by.userId,
    handlerIds: ic.ownOfficerIds,
    openedAt,
    origin,
  });
  let workflowId: string;
  let caseId: string;
  if (patched(PATCH.LINKED_CASES)) {
    // The database numbers it `penalty-<inspection>-<n>`, the scheme of every linked case.
    const started = await startLinkedCase<PenaltyCaseInput, unknown>(
      ic.kernel,
      { ...opening, purpose: 'penalty-case' },
      'penaltyCaseWorkflow',
      (linked) => penaltyInput(linked.caseId, linked.openedAt),
    );
    // The inspection ends without waiting for the penalty case.
    void started.result.catch(() => undefined);
    ({ workflowId, caseId } = started.linked);
  } else {
    // Histories recorded before: one penalty case per inspection, under an id the workflow chose.
    workflowId = `penalty-from-${input.caseId}`;
    const linked = await ic.acts.inspectionOpenLinkedCase({ ...opening, workflowId });
    await ic.kernel.track(
      startChild('penaltyCaseWorkflow', {
        workflowId,
        args: [penaltyInput(linked.caseId, linked.createdAt)],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      }),
    );
    caseId = linked.caseId;
  }
  ic.state.penalty = { caseId, workflowId, continuingDailyFineFrom };
  await ic.event(
    'penalty-linked',
    'PENALTY_CASE_LINKED',
    by.userId,
    { penaltyCaseId: caseId, penaltyWorkflowId: workflowId, continuingDailyFineFrom },
    { penaltyCaseId: caseId, workflowId },
  );
}
