import { PenaltySteps } from '@safety/temporal/steps/penalty.steps';
import { firstProblem, forbidden, separationOfDuties } from '../../kernel/problems';
import type { PenaltyCase } from '../case';

/** 法制审核 (行政处罚法 Art.58): by a qualified reviewer who did not handle the case. True when passed. */
export async function legalReview(pc: PenaltyCase, round: number, afterHearing: boolean): Promise<boolean> {
  // The lines of the 法制审核目录 the proposal matched, named on the task and in the case's history.
  const matched = pc.p.legalReview.catalogue?.matched;
  const catalogueEntries = matched ? { catalogueEntries: matched } : {};
  const done = await pc.board.run(PenaltySteps.LEGAL_REVIEW, {
    ...pc.where,
    step: `legal-review-${round}${afterHearing ? '-after-hearing' : ''}`,
    title: '法制审核',
    ...pc.decisionPeriod(),
    enterStatus: pc.enterStage('LEGAL_REVIEW', null, 'LEGAL_REVIEW_OPENED', {
      grounds: pc.p.legalReview.grounds,
      ...catalogueEntries,
      afterHearing,
    }),
    prepare: async () => {
      pc.legalReviewers = await pc.acts.listQualifiedLegalReviewers({ departmentId: pc.input.departmentId });
    },
    context: { grounds: pc.p.legalReview.grounds, ...catalogueEntries },
    eligible: (actor) =>
      firstProblem(
        () =>
          pc.isHandler(actor.userId)
            ? separationOfDuties('a reviewer who handled the case may not review it (行政处罚法 Art.58)')
            : undefined,
        () =>
          pc.legalReviewers.includes(actor.userId)
            ? undefined
            : forbidden('法制审核 needs a reviewer holding 法律职业资格 (行政处罚法 Art.58)'),
      ),
  });
  pc.p.legalReview.rounds.push({ reviewerId: done.actor.userId, outcome: done.outcome, afterHearing });
  pc.p.legalReview.passed = done.outcome === 'APPROVE';
  await pc.event(done.outcome === 'APPROVE' ? 'LEGAL_REVIEW_PASSED' : 'LEGAL_REVIEW_RETURNED', done.actor, {
    opinion: done.payload.opinion,
    afterHearing,
  });
  return done.outcome === 'APPROVE';
}
