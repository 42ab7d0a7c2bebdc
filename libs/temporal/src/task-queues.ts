/** The one task queue the worker polls. Overridable by config for blue/green workers. */
export const DEFAULT_TASK_QUEUE = 'safety-cases';

/** Custom search attributes registered with the dev server (scripts/lib/temporal.sh) and docker-compose. */
export const SEARCH_ATTRIBUTES = {
  caseId: 'SafetyCaseId',
  caseType: 'SafetyCaseType',
  departmentId: 'SafetyDepartmentId',
  caseStatus: 'SafetyCaseStatus',
} as const;

export const workflowIdForCase = (caseType: string, caseId: string): string => `${caseType.toLowerCase()}-${caseId}`;
