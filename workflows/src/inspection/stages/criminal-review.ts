import { ParentClosePolicy, patched, startChild } from '@temporalio/workflow';
import type { CriminalReviewGround } from '@safety/domain/inspection/dangerous-operation';
import type { CriminalTransferInput } from '@safety/temporal/contracts/criminal-transfer.contract';
import type { InspectionState } from '@safety/temporal/contracts/inspection.contract';
import { InspectionSteps } from '@safety/temporal/steps/inspection.steps';
import { startLinkedCase } from '../../kernel/linked-cases';
import { PATCH } from '../../kernel/patches';
import type { InspectionCase } from '../case';

const SUSPECTED_OFFENCE = '危险作业罪（刑法第一百三十四条之一）';

/**
 * 危险作业罪 (刑法 Art.134之一): a finding with one of its conducts prompts a review whether to
 * transfer the case to the police; proposing it opens the transfer case and starts its workflow.
 * Runs beside the inspection's main line; the transfer outlives the inspection.
 */
export async function criminalReview(ic: InspectionCase, grounds: CriminalReviewGround[]): Promise<void> {
  const seq = ++ic.reviewSeq;
  const step = `criminal-review-${seq}`;
  const entry: InspectionState['criminalReviews'][number] = {
    step,
    grounds,
    decision: 'PENDING',
    transferCaseId: null,
  };
  ic.state.criminalReviews.push(entry);
  await ic.event(
    `${step}-prompted`,
    'CRIMINAL_TRANSFER_REVIEW_PROMPTED',
    null,
    {},
    { grounds: grounds.map((ground) => ground.conduct), rule: '刑法 Art.134之一' },
  );
  const review = await ic.board.run(InspectionSteps.CRIMINAL_TRANSFER_REVIEW, {
    ...ic.where,
    step,
    title: '涉嫌危险作业罪 — 移送审查',
    // No statutory period: a policy value (UNVERIFIED).
    deadline: { startDate: ic.today(), unit: 'working_days', amount: ic.policy.criminalReviewWorkingDays },
    context: { grounds },
    eligible: (actor) => ic.teamOrHead(actor),
  });
  const reason = review.payload.reason;
  if (review.outcome === 'NO_TRANSFER') {
    entry.decision = 'NO_TRANSFER';
    await ic.event(
      `${step}-decided`,
      'CRIMINAL_TRANSFER_NOT_PROPOSED',
      review.actor.userId,
      { criminalReviews: ic.state.criminalReviews },
      { reason },
    );
    return;
  }

  const { input } = ic;
  const transferInput = (caseId: string, openedAt: string): CriminalTransferInput => ({
    caseId,
    sourceCaseId: input.caseId,
    sourceCaseType: 'INSPECTION',
    departmentId: input.departmentId,
    proposedBy: review.actor.userId,
    teamIds: ic.teamIds,
    suspectedOffence: SUSPECTED_OFFENCE,
    grounds: grounds.map((ground) => ground.description),
    openedAt,
    teamCredentials: Object.fromEntries(input.inspectors.map((officer) => [officer.userId, officer.credentialNo])),
  });
  const opening = {
    caseType: 'CRIMINAL_TRANSFER' as const,
    title: '涉嫌危险作业罪案件移送',
    departmentId: input.departmentId,
    enterpriseId: input.enterpriseId,
    createdBy: review.actor.userId,
    handlerIds: ic.teamIds,
    sourceCaseId: input.caseId,
    data: { grounds, reason },
  };
  let workflowId: string;
  let transferCaseId: string;
  if (patched(PATCH.LINKED_CASES)) {
    // The database numbers the transfer `criminal-transfer-<inspection>-<n>`, as for every starter.
    const started = await startLinkedCase<CriminalTransferInput, unknown>(
      ic.kernel,
      { ...opening, purpose: step },
      'criminalTransferWorkflow',
      (linked) => transferInput(linked.caseId, linked.openedAt),
    );
    // The inspection does not wait for the police's answer: the transfer case carries it.
    void started.result.catch(() => undefined);
    ({ workflowId, caseId: transferCaseId } = started.linked);
  } else {
    // Histories recorded before: the workflow chose the id and opened the case by it.
    workflowId = `criminal-transfer-${input.caseId}-review-${seq}`;
    const linked = await ic.acts.inspectionOpenLinkedCase({ ...opening, workflowId });
    await ic.kernel.track(
      startChild('criminalTransferWorkflow', {
        workflowId,
        args: [transferInput(linked.caseId, linked.createdAt)],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      }),
    );
    transferCaseId = linked.caseId;
  }
  entry.decision = 'PROPOSE_TRANSFER';
  entry.transferCaseId = transferCaseId;
  await ic.event(
    `${step}-decided`,
    'CRIMINAL_TRANSFER_STARTED',
    review.actor.userId,
    { criminalReviews: ic.state.criminalReviews },
    { transferCaseId, workflowId, reason },
  );
}
