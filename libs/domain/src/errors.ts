/**
 * Domain error codes. Every failure the system reports to a caller carries one of these codes;
 * apps/api maps each code to exactly one HTTP status (see apps/api/src/errors/error-mapping.ts),
 * and the mapping is exhaustive by construction (a Record over this enum), so adding a code
 * without choosing its status fails the type check.
 */
export enum ErrorCode {
  // 400 — malformed request
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  // 401 — not authenticated
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  // 403 — authenticated but not allowed
  FORBIDDEN_ROLE = 'FORBIDDEN_ROLE',
  FORBIDDEN_JURISDICTION = 'FORBIDDEN_JURISDICTION',
  FORBIDDEN_SEPARATION_OF_DUTIES = 'FORBIDDEN_SEPARATION_OF_DUTIES',
  // 404 — unknown resource
  NOT_FOUND = 'NOT_FOUND',
  WORKFLOW_NOT_FOUND = 'WORKFLOW_NOT_FOUND',
  // 409 — conflicts with current state
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  WORKFLOW_ALREADY_STARTED = 'WORKFLOW_ALREADY_STARTED',
  TASK_ALREADY_CLAIMED = 'TASK_ALREADY_CLAIMED',
  TASK_ALREADY_COMPLETED = 'TASK_ALREADY_COMPLETED',
  STEP_OUT_OF_ORDER = 'STEP_OUT_OF_ORDER',
  // 413 — the request body is larger than the API accepts
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  // 415 — the request body is not JSON
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  // 422 — well-formed but breaks a rule
  RULE_VIOLATION = 'RULE_VIOLATION',
  DEADLINE_PASSED = 'DEADLINE_PASSED',
  CALENDAR_YEAR_NOT_LOADED = 'CALENDAR_YEAR_NOT_LOADED',
  INVALID_CALENDAR = 'INVALID_CALENDAR',
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  // 429 — too many attempts; the response says when to retry (Retry-After)
  RATE_LIMITED = 'RATE_LIMITED',
  // 503 — a dependency is down
  DEPENDENCY_UNAVAILABLE = 'DEPENDENCY_UNAVAILABLE',
}

/** Base class for every rule or state failure raised by domain code and services. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError =>
  e instanceof DomainError ||
  (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'DomainError' && 'code' in e);
