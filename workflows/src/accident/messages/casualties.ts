import type {
  AccidentState,
  ReviseCasualtiesInput,
  ReviseCasualtiesResult,
} from '@safety/temporal/contracts/accident.contract';
import { receivedInstant, receivedOnProblem } from '@safety/domain/enforcement/received-on';
import { firstProblem, forbidden, invalid, outOfOrder, Problem } from '../../kernel/problems';
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

/** The 补报's received-on day: given, or the day it is entered. */
function receivedOnOf(ac: AccidentCase, input: ReviseCasualtiesInput): string {
  return input.receivedOn ?? ac.today();
}

/** A received-on day in the future, before the accident, or earlier than today with no receipt. */
export function receiptProblem(ac: AccidentCase, input: ReviseCasualtiesInput): Problem | undefined {
  const found = receivedOnProblem({
    receivedOn: receivedOnOf(ac, input),
    today: ac.today(),
    periodOpenedOn: ac.accidentDate,
    periodOpenedBy: 'the accident occurred',
    hasReceipt: (input.receiptAttachmentIds ?? []).length > 0,
  });
  return found ? invalid(`${found.path} ${found.message}`, { fields: [found] }) : undefined;
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
    receivedOn: input.receivedOn,
    receiptAttachmentIds: input.receiptAttachmentIds,
    actorId: input.actor.userId,
    reportSubmitted: ac.state.reportSubmitted,
  });
  // The regrade's upward reports count their 2 hours from when it was received (条例 Art.11, 13).
  if (revised.grade !== ac.state.grade) {
    ac.regradeReceivedAt = receivedInstant(receivedOnOf(ac, input), new Date(Date.now())).getTime();
  }
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
