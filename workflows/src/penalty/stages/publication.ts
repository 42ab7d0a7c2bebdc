import { workflowInfo } from '@temporalio/workflow';
import { toLocalDate } from '@safety/domain/calendar/local-date';
import { PenaltySteps } from '@safety/temporal/steps/penalty.steps';
import { firstProblem, ruleBroken } from '../../kernel/problems';
import type { PenaltyCase } from '../case';

/** 公示 of the decision within 7 working days (安全生产法 Art.78; 国办发〔2018〕118号). */
export async function publish(pc: PenaltyCase, from: string): Promise<void> {
  const version = ++pc.publicationVersion;
  const decision = pc.p.decision!;
  const proposal = pc.p.proposal!;
  const policy = pc.context.policy;
  const due = await pc.due(from, 'working_days', policy.disclosureWorkingDays);
  const publication = {
    dueAt: new Date(due.dueAt).toISOString(),
    publishedAt: null as string | null,
    publicationId: null as string | null,
    withdrawnAt: pc.p.publication?.withdrawnAt ?? null,
    withdrawalDueAt: null as string | null,
  };
  pc.p.publication = publication;
  const done = await pc.board.run(PenaltySteps.DECISION_PUBLICATION, {
    ...pc.where,
    step: `publication-${version}`,
    title: version === 1 ? '行政处罚决定公示' : '变更后的处罚决定公示',
    deadline: { startDate: from, unit: 'working_days', amount: policy.disclosureWorkingDays },
    context: { decisionNumber: decision.number },
    check: ({ outcome }) =>
      firstProblem(
        () =>
          outcome === 'CANCEL' && !decision.revoked
            ? ruleBroken('only a revoked decision is not published')
            : undefined,
        () =>
          outcome === 'PUBLISH' && decision.revoked
            ? ruleBroken('the decision was revoked; cancel the publication')
            : undefined,
      ),
  });
  if (done.outcome === 'CANCEL') return;
  const entry = pc.benchmark?.entries.find((candidate) => candidate.violationType === proposal.violationType);
  const violation = done.payload.violationSummary ?? entry?.title ?? proposal.violationType;
  const penalty = decision.measures
    .map((measure) => (measure === 'FINE' ? `罚款${decision.fineYuan}元` : measure))
    .join('；');
  const published = await pc.acts.publishPenaltyDecision({
    publicationKey: `${workflowInfo().workflowId}:publication-${version}`,
    caseId: pc.input.caseId,
    actorId: done.actor.userId,
    decisionNumber: decision.number ?? '',
    decisionDate: toLocalDate(new Date(decision.decidedAt)),
    violation,
    legalBasis: proposal.legalBasis,
    penalty,
    fineYuan: decision.measures.includes('FINE') ? decision.fineYuan : null,
    seriousViolation: decision.seriousViolation,
  });
  publication.publishedAt = new Date(pc.now()).toISOString();
  publication.publicationId = published.publicationId;
}

/**
 * Withdraws a live publication of a changed or revoked decision within 3 working days (行政处罚法
 * Art.48). False when nothing was published yet (the open task then publishes the changed decision,
 * or is cancelled).
 */
export async function withdraw(pc: PenaltyCase, reason: string, from: string): Promise<boolean> {
  const publication = pc.p.publication;
  if (!publication?.publishedAt) return false;
  const seq = ++pc.withdrawalSeq;
  const policy = pc.context.policy;
  const due = await pc.due(from, 'working_days', policy.disclosureWithdrawalWorkingDays);
  publication.withdrawalDueAt = new Date(due.dueAt).toISOString();
  const done = await pc.board.run(PenaltySteps.PUBLICATION_WITHDRAWAL, {
    ...pc.where,
    step: `publication-withdrawal-${seq}`,
    title: '撤回已公示的处罚决定',
    deadline: { startDate: from, unit: 'working_days', amount: policy.disclosureWithdrawalWorkingDays },
    context: { reason },
  });
  await pc.acts.withdrawPenaltyPublication({
    eventKey: `${workflowInfo().workflowId}:withdrawal-${seq}`,
    caseId: pc.input.caseId,
    actorId: done.actor.userId,
    reason,
  });
  publication.withdrawnAt = new Date(pc.now()).toISOString();
  publication.publishedAt = null;
  return true;
}
