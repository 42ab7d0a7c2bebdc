import { CalendarService, CaseService, LinkedCaseService, TaskService } from '@safety/application';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import type { CaseActivities } from '@safety/temporal/activities';
import { activity } from './adapter';

/**
 * Thin, idempotent adapters from workflow activities to application services
 * (ARCHITECTURE.md pattern 3). Idempotency: tasks are keyed by workflowId + step, status changes
 * are no-ops when already applied, so a retried activity never writes twice.
 */
export function createCaseActivities(deps: {
  cases: CaseService;
  linkedCases: LinkedCaseService;
  tasks: TaskService;
  calendar: CalendarService;
}) {
  const activities: CaseActivities = {
    recordCaseStatus: activity((input) => deps.cases.recordStatus(input)),
    openTask: activity((input) => deps.tasks.openFromWorkflow(input)),
    completeTask: activity((input) => deps.tasks.completeFromWorkflow(input)),
    escalateTask: activity((input) => deps.tasks.escalateFromWorkflow(input.taskKey, input.level)),
    setTaskDeadline: activity((input) => deps.tasks.setDeadlineFromWorkflow(input)),
    setCaseHandlers: activity((input) => deps.cases.setHandlers(input)),
    openLinkedCase: activity((input) => deps.linkedCases.openLinked(input)),
    computeDeadline: activity(async (input) => {
      try {
        const { dueDate, dueAt } = await deps.calendar.dueDate(input);
        return { dueAt: dueAt.toISOString(), dueDate, missingYear: null };
      } catch (e) {
        // Fail closed: no guessed weekdays; the workflow opens the task flagged for a manual date.
        if (e instanceof DomainError && e.code === ErrorCode.CALENDAR_YEAR_NOT_LOADED) {
          return { dueAt: null, dueDate: null, missingYear: Number(e.details?.year ?? 0) || null };
        }
        throw e;
      }
    }),
  };
  return activities;
}
