import type {
  AccidentState,
  ReviseCasualtiesInput,
  ReviseCasualtiesResult,
} from '@safety/temporal/contracts/accident.contract';
import { firstProblem, forbidden, outOfOrder, Problem } from '../../kernel/problems';
import { type AccidentCase, HEAD, OFFICER } from '../case';

/** 补报 is filed by officers of the reporting or the investigating department, while the case is open. */
export function revisionProblem(ac: AccidentCase, input: ReviseCasualtiesInput): Problem | undefined {
  return firstProblem(
    () =>
      input.actor.roles.some((role) => role === OFFICER || role === HEAD) &&
      [ac.state.departmentId, ac.input.reportingDepartmentId].includes(input.actor.departmentId)
        ? undefined
        : forbidden('only officers of the reporting or investigating department file a 补报'),
    () => (ac.state.status === 'CLOSED' ? outOfOrder('the case is closed') : undefined),
  );
}

/**
 * 补报 (条例 Art.13) regrades the accident; before the report is in, a grade whose level is higher
 * moves the case and its open steps up to that level (Art.20). The window is the activity's rule.
 */
export async function reviseCasualties(
  ac: AccidentCase,
  input: ReviseCasualtiesInput,
): Promise<ReviseCasualtiesResult> {
  // A refusal of the activity (outside the window → DEADLINE_PASSED) is the Update's answer, with its code.
  const revised = await ac.acts.accidentApplyCasualtyRevision({
    caseId: ac.caseId,
    revisionKey: input.revisionKey,
    deaths: input.deaths,
    seriousInjuries: input.seriousInjuries,
    directLossYuan: input.directLossYuan,
    reportedAt: input.reportedAt,
    actorId: input.actor.userId,
    reportSubmitted: ac.state.reportSubmitted,
  });
  ac.state.grade = revised.grade as AccidentState['grade'];
  ac.state.departmentId = revised.departmentId;
  return {
    previousGrade: revised.previousGrade as AccidentState['grade'],
    grade: ac.state.grade,
    investigatingLevel: revised.investigatingLevel,
    departmentId: revised.departmentId,
    movedUp: revised.movedUp,
  };
}
