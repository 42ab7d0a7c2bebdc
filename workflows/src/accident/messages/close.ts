import { ErrorCode } from '@safety/domain/errors';
import type { AccidentStatus, CloseAccidentInput } from '@safety/temporal/contracts/accident.contract';
import { AccidentTaskType } from '@safety/temporal/contracts/accident.contract';
import { alreadyCompleted, firstProblem, forbidden, outOfOrder, Problem, problem, reject } from '../../kernel/problems';
import type { AccidentCase } from '../case';

/** The head of the investigating department closes an implemented (or reopened) case, one request at a time. */
export function closeProblem(ac: AccidentCase, input: CloseAccidentInput): Problem | undefined {
  return firstProblem(
    () =>
      ac.isHeadHere(input.actor) ? undefined : forbidden('only a head of the investigating department closes the case'),
    () =>
      ac.state.status === 'IMPLEMENTING' || ac.state.status === 'REOPENED'
        ? undefined
        : outOfOrder(`the case cannot close in status ${ac.state.status}`),
    () => (ac.closing ? alreadyCompleted('a close request is already being handled') : undefined),
    () =>
      ac.state.listing && ac.state.listing.completedAt === null
        ? outOfOrder('the case is under supervised listing (挂牌督办): report the listed items complete first')
        : undefined,
  );
}

/**
 * 结案 under 四不放过: the four gates are checked again on the records (causes established, parties
 * handled, rectification verified, education recorded); the steps that only make sense while the
 * case is open end with it.
 */
export async function closeCase(
  ac: AccidentCase,
  input: CloseAccidentInput,
): Promise<{ status: AccidentStatus; closedAt: string }> {
  if (ac.closing) reject(alreadyCompleted('a close request is already being handled'));
  ac.closing = true;
  try {
    const gates = await ac.acts.accidentEvaluateGates({ caseId: ac.caseId });
    if (!gates.closable) {
      reject(
        problem(
          ErrorCode.RULE_VIOLATION,
          `四不放过: the case cannot close while gates are open: ${gates.missing.join(', ')}`,
          { missing: gates.missing },
        ),
      );
    }
    const closedAt = ac.nowIso();
    ac.state.closedAt = closedAt;
    await ac.status.moveTo('CLOSED', input.actor.userId, 'ACCIDENT_CLOSED', {
      comment: input.comment ?? null,
      gates: 'causes established, parties handled, rectification verified, education recorded',
    });
    if (ac.stepsEndAtClose) ac.endOpenOnlySteps();
    await ac.acts.accidentCancelOpenTasks({
      caseId: ac.caseId,
      reason: 'the accident case closed',
      types: ac.stepsEndAtClose
        ? [
            AccidentTaskType.MEMBER_FINDINGS,
            AccidentTaskType.SUPERVISED_LISTING_PROGRESS,
            AccidentTaskType.ACCOUNTABILITY_OUTCOME,
            ...(ac.reportsUpward ? [AccidentTaskType.UPWARD_REPORT] : []),
          ]
        : [AccidentTaskType.MEMBER_FINDINGS],
    });
    return { status: ac.state.status, closedAt };
  } finally {
    ac.closing = false;
  }
}
