import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { ErrorCode, isDomainError } from '@safety/domain/errors';

/**
 * The one rejection vocabulary of the workflows: every rejection carries an ErrorCode, so the API's
 * exhaustive code → HTTP mapping covers it (an Update failing with any other type is a defect and
 * answers 500).
 */
export interface Problem {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export const problem = (code: ErrorCode, message: string, details?: Record<string, unknown>): Problem => ({
  code,
  message,
  ...(details ? { details } : {}),
});

export const invalid = (message: string, details?: Record<string, unknown>) =>
  problem(ErrorCode.VALIDATION_FAILED, message, details);
export const ruleBroken = (message: string) => problem(ErrorCode.RULE_VIOLATION, message);
export const forbidden = (message: string) => problem(ErrorCode.FORBIDDEN_ROLE, message);
export const separationOfDuties = (message: string) => problem(ErrorCode.FORBIDDEN_SEPARATION_OF_DUTIES, message);
export const outOfOrder = (message: string) => problem(ErrorCode.STEP_OUT_OF_ORDER, message);
export const deadlinePassed = (message: string) => problem(ErrorCode.DEADLINE_PASSED, message);
export const alreadyExists = (message: string) => problem(ErrorCode.ALREADY_EXISTS, message);
export const alreadyCompleted = (message: string) => problem(ErrorCode.TASK_ALREADY_COMPLETED, message);
export const notFound = (message: string) => problem(ErrorCode.NOT_FOUND, message);
export const outOfRange = (message: string) => problem(ErrorCode.OUT_OF_RANGE, message);

/** Rejects an Update (from its validator or handler) with the problem's code. */
export function reject(rejection: Problem): never {
  throw ApplicationFailure.create({
    type: rejection.code,
    message: rejection.message,
    nonRetryable: true,
    details: rejection.details ? [rejection.details] : undefined,
  });
}

/** The first problem of checks run in order. */
export function firstProblem(...checks: Array<() => Problem | undefined>): Problem | undefined {
  for (const check of checks) {
    const found = check();
    if (found) return found;
  }
  return undefined;
}

/** Runs a pure domain rule that throws DomainError and turns its error into a problem. */
export function domainRule(rule: () => unknown): Problem | undefined {
  try {
    rule();
    return undefined;
  } catch (error) {
    if (isDomainError(error)) return problem(error.code, error.message);
    throw error;
  }
}

/**
 * An activity's typed failure as the Update's own rejection, so the caller gets the activity's
 * code (an officer who may not handle the case → RULE_VIOLATION), not a wrapped activity failure.
 */
export function asRejection(error: unknown): unknown {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure && cause.type) {
    return ApplicationFailure.create({
      type: cause.type,
      message: cause.message,
      nonRetryable: true,
      details: cause.details ? [...cause.details] : undefined,
    });
  }
  return error;
}
