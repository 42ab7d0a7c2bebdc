import { Injectable } from '@nestjs/common';
import { AccidentPolicy, resolveAccidentPolicy } from '@safety/domain/accident/policy';
import { DomainError, ErrorCode } from '@safety/domain/errors';

/**
 * The installation's accident policy: the domain defaults, overridden by the JSON in
 * ACCIDENT_POLICY_JSON (validated; a bad value stops the process at boot like any config error).
 */
@Injectable()
export class AccidentPolicyService {
  readonly policy: AccidentPolicy;

  constructor() {
    const raw = process.env.ACCIDENT_POLICY_JSON;
    let overrides: Partial<AccidentPolicy> = {};
    if (raw && raw.trim()) {
      try {
        overrides = JSON.parse(raw) as Partial<AccidentPolicy>;
      } catch {
        throw new DomainError(ErrorCode.OUT_OF_RANGE, 'ACCIDENT_POLICY_JSON is not valid JSON');
      }
    }
    this.policy = resolveAccidentPolicy(overrides);
  }
}
