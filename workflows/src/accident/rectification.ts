import { diffDays } from '@safety/domain/calendar/local-date';
import type { SavedReport } from '@safety/temporal/accident.activities';
import { AccidentSteps } from '@safety/temporal/steps/accident.steps';
import { separationOfDuties } from '../kernel/problems';
import type { AccidentCase } from './case';

type Measure = SavedReport['measures'][number];

/**
 * 整改措施未落实不放过 (条例 Art.33): each measure of the approved report is tracked to a verified
 * end — evidence of what was done by its due date, then a verification by someone else; a
 * rejected verification asks for evidence again. Round 2 is the 回头看 of the one-year evaluation.
 */
export function trackRectification(ac: AccidentCase, measures: readonly Measure[], round: number): void {
  for (const measure of measures)
    ac.spawn(`rectification-${measure.seq}-r${round}`, () => trackMeasure(ac, measure, round));
}

async function trackMeasure(ac: AccidentCase, measure: Measure, round: number): Promise<void> {
  const context = { measureId: measure.id, seq: measure.seq, round };
  for (let attempt = 1; ; attempt++) {
    const key = `rectification-${measure.seq}-r${round}`;
    const evidence = await ac.board.run(AccidentSteps.RECTIFICATION_EVIDENCE, {
      ...ac.where,
      step: `${key}-evidence-${attempt}`,
      title: `整改措施落实情况（第${measure.seq}项）`,
      deadline: {
        startDate: ac.today(),
        unit: 'calendar_days',
        amount: Math.max(1, diffDays(ac.today(), measure.dueDate)),
      },
      context,
    });
    await ac.acts.accidentRecordMeasureEvidence({
      measureId: measure.id,
      round,
      evidence: { text: evidence.payload.evidence, attachmentIds: evidence.payload.attachmentIds ?? [] },
      actorId: evidence.actor.userId,
      at: evidence.completedAt,
    });
    const verification = await ac.board.run(AccidentSteps.RECTIFICATION_VERIFICATION, {
      ...ac.where,
      step: `${key}-verify-${attempt}`,
      title: `整改措施核查（第${measure.seq}项）`,
      deadline: {
        startDate: ac.today(),
        unit: 'working_days',
        amount: ac.policy.rectificationVerificationWorkingDays,
      },
      context,
      eligible: (actor) =>
        actor.userId === evidence.actor.userId
          ? separationOfDuties('the verifier may not be who submitted the evidence')
          : undefined,
    });
    await ac.acts.accidentRecordMeasureVerification({
      measureId: measure.id,
      round,
      verified: verification.outcome === 'VERIFIED',
      comment: verification.payload.comment ?? null,
      actorId: verification.actor.userId,
      at: verification.completedAt,
    });
    if (verification.outcome === 'VERIFIED') return;
  }
}
