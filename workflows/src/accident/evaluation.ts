import { sleep } from '@temporalio/workflow';
import { addMonths } from '@safety/domain/calendar/months';
import { diffDays, toLocalDate } from '@safety/domain/calendar/local-date';
import type { SavedReport } from '@safety/temporal/accident.activities';
import { AccidentSteps } from '@safety/temporal/steps/accident.steps';
import { invalid } from '../kernel/problems';
import { type AccidentCase, stepsAskedFirst } from './case';
import { trackRectification } from './rectification';

/**
 * 事故整改措施落实情况评估 (安全生产法 Art.86; 安委办〔2021〕4号: 10 months to 1 year after 批复): a
 * durable timer opens the evaluation step; measures found to have slipped are tracked again (回头看)
 * and a closed case reopens until they are verified.
 */
export async function oneYearEvaluation(ac: AccidentCase, saved: SavedReport, approvedAt: string): Promise<void> {
  const approvalDate = toLocalDate(new Date(approvedAt));
  const opensAt = Date.parse(`${addMonths(approvalDate, ac.policy.evaluationAfterMonths)}T00:00:00+08:00`);
  ac.state.evaluation.opensAt = new Date(opensAt).toISOString();
  await stepsAskedFirst();
  if (opensAt > Date.now()) await sleep(opensAt - Date.now());

  ac.state.evaluation.openedAt = ac.nowIso();
  await ac.acts.accidentOpenEvaluation({ caseId: ac.caseId, openedAt: ac.state.evaluation.openedAt });
  const seqs = saved.measures.map((measure) => measure.seq);
  const done = await ac.board.run(AccidentSteps.ONE_YEAR_EVALUATION, {
    ...ac.where,
    step: 'one-year-evaluation',
    title: '事故整改措施落实情况评估（一年内）',
    context: { measures: seqs },
    deadline: {
      startDate: approvalDate,
      unit: 'calendar_days',
      amount: diffDays(approvalDate, addMonths(approvalDate, ac.policy.evaluationWithinMonths)),
    },
    check: ({ payload }) => {
      const unknown = (payload.slippedMeasureSeqs ?? []).filter((seq) => !seqs.includes(seq));
      return unknown.length === 0
        ? undefined
        : invalid(`slippedMeasureSeqs must be among ${seqs.join(', ')}`, {
            fields: [{ path: 'payload.slippedMeasureSeqs', message: `must be among ${seqs.join(', ')}` }],
          });
    },
  });
  const slippedSeqs = done.payload.slippedMeasureSeqs ?? [];
  const slipped = saved.measures.filter((measure) => slippedSeqs.includes(measure.seq));
  await ac.acts.accidentRecordEvaluation({
    caseId: ac.caseId,
    teamIds: done.payload.teamIds,
    findings: done.payload.findings,
    slippedMeasureIds: slipped.map((measure) => measure.id),
    actorId: done.actor.userId,
    at: done.completedAt,
  });
  if (slipped.length > 0) {
    if (ac.state.status === 'CLOSED') {
      ac.state.closedAt = null;
      await ac.status.moveTo('REOPENED', done.actor.userId, 'ACCIDENT_REOPENED', {
        slippedMeasures: slipped.map((measure) => measure.seq),
      });
    }
    trackRectification(ac, slipped, 2);
  }
  ac.state.evaluation.completedAt = done.completedAt;
}
