import { ErrorCode } from '@safety/domain/errors';

/**
 * The one code → HTTP status mapping (ARCHITECTURE.md pattern 5). A Record over the enum, so a new
 * code without a status does not compile.
 */
export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ErrorCode.VALIDATION_FAILED]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN_ROLE]: 403,
  [ErrorCode.FORBIDDEN_JURISDICTION]: 403,
  [ErrorCode.FORBIDDEN_SEPARATION_OF_DUTIES]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.WORKFLOW_NOT_FOUND]: 404,
  [ErrorCode.ALREADY_EXISTS]: 409,
  [ErrorCode.WORKFLOW_ALREADY_STARTED]: 409,
  [ErrorCode.TASK_ALREADY_CLAIMED]: 409,
  [ErrorCode.TASK_ALREADY_COMPLETED]: 409,
  [ErrorCode.STEP_OUT_OF_ORDER]: 409,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
  [ErrorCode.RULE_VIOLATION]: 422,
  [ErrorCode.DEADLINE_PASSED]: 422,
  [ErrorCode.CALENDAR_YEAR_NOT_LOADED]: 422,
  [ErrorCode.INVALID_CALENDAR]: 422,
  [ErrorCode.OUT_OF_RANGE]: 422,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.DEPENDENCY_UNAVAILABLE]: 503,
};

export const isErrorCode = (v: unknown): v is ErrorCode => typeof v === 'string' && v in HTTP_STATUS_BY_CODE;
