import { ApplicationFailure } from '@temporalio/activity';
import { ErrorCode, isDomainError } from '@safety/domain/errors';

/** Domain failures that retrying cannot fix; everything else (DB down, timeouts) is retried by Temporal. */
const NON_RETRYABLE = new Set<ErrorCode>([
  ErrorCode.NOT_FOUND,
  ErrorCode.VALIDATION_FAILED,
  ErrorCode.RULE_VIOLATION,
  ErrorCode.TASK_ALREADY_COMPLETED,
  ErrorCode.INVALID_CALENDAR,
]);

/** Turns a DomainError into a typed ApplicationFailure (retryable unless retrying cannot help). */
export function wrap<A extends unknown[], R>(fn: (...a: A) => Promise<R>): (...a: A) => Promise<R> {
  return async (...a: A) => {
    try {
      return await fn(...a);
    } catch (e) {
      if (isDomainError(e)) {
        throw ApplicationFailure.create({
          type: e.code,
          message: e.message,
          nonRetryable: NON_RETRYABLE.has(e.code),
          details: e.details ? [e.details] : [],
        });
      }
      throw e;
    }
  };
}
