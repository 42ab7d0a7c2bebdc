import { ApplicationFailure } from '@temporalio/activity';
import { ErrorCode, isDomainError } from '@safety/domain/errors';

/**
 * Domain failures that can go away by themselves (a dependency down, a row not committed yet):
 * retried with the workflows' bounded backoff. Every other domain error states a fact about the
 * case that retrying cannot change (not found, a rule broken, out of order, forbidden, already
 * done), so it fails the activity at once with its code.
 */
const TRANSIENT = new Set<ErrorCode>([ErrorCode.DEPENDENCY_UNAVAILABLE]);

export const isTransient = (code: ErrorCode): boolean => TRANSIENT.has(code);

/**
 * The one adapter every activity goes through: a DomainError becomes an ApplicationFailure whose
 * type is the error code (so a workflow turning it into an Update rejection keeps the code the
 * API maps); anything else (a dropped connection, a timeout) is thrown as is and retried.
 */
export function activity<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (e) {
      if (isDomainError(e)) {
        throw ApplicationFailure.create({
          type: e.code,
          message: e.message,
          nonRetryable: !isTransient(e.code),
          details: e.details ? [e.details] : [],
        });
      }
      throw e;
    }
  };
}
