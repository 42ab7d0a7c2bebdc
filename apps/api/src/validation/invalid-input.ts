import type { z } from 'zod';
import { DomainError, ErrorCode } from '@safety/domain/errors';

/** Where in the request an input problem is: body paths are body-relative, the others are prefixed. */
export type InputLocation = 'body' | 'query' | 'params';

/**
 * Input that does not satisfy its declared schema. Carries every issue, so the answer lists every
 * invalid or missing field at once; the exception filter words them in the caller's language.
 */
export class InvalidInputError extends DomainError {
  constructor(
    readonly location: InputLocation,
    readonly issues: readonly z.core.$ZodIssue[],
    /** Leading path segments inside the location (e.g. `payload` for a step's payload). */
    readonly prefix: readonly PropertyKey[] = [],
  ) {
    super(ErrorCode.VALIDATION_FAILED, `${issues.length} invalid or missing field(s)`);
  }
}
