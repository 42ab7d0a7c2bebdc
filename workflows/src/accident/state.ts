import type { AccidentCaseInput, AccidentState } from '@safety/temporal/contracts/accident.contract';

/** The state an accident case starts with: team formation, the investigation clock not yet computed. */
export function newAccidentState(input: AccidentCaseInput): AccidentState {
  return {
    caseId: input.caseId,
    status: 'TEAM_FORMATION',
    grade: input.grade,
    departmentId: input.departmentId,
    teamLeadId: null,
    reportVersion: 0,
    reportSubmitted: false,
    approvedAt: null,
    listing: null,
    evaluation: { opensAt: null, openedAt: null, completedAt: null },
    closedAt: null,
    history: [],
    clock: {
      dueDate: null,
      dueAt: null,
      paused: false,
      pausedDays: 0,
      extensionDays: 0,
      appraisals: [],
      needsManualDueDate: false,
      escalation: 'NONE',
    },
  };
}
