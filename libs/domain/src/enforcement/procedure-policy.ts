import { DomainError, ErrorCode } from '../errors';
import { DEFAULT_PENALTY_POLICY, PenaltyPolicy, validatePenaltyPolicy } from './policy';

/**
 * The penalty policy plus the values the later steps of the general procedure need. Stored per
 * department as overrides of these defaults; statutory values may only move in the party's favour.
 */
export interface ProcedurePolicy extends PenaltyPolicy {
  /** 行政复议法 (2023) Art.20: 60 days to apply for reconsideration (calendar days). */
  reconsiderationDays: number;
  /** 行政诉讼法 Art.46: 6 months to sue. */
  litigationMonths: number;
  /** 行政强制法 Art.53: apply to court within 3 months after the challenge periods expire. */
  courtApplicationMonths: number;
  /** 行政强制法 Art.54, 69: apply to court no sooner than 10 (working) days after the 催告书 is served. */
  demandWaitWorkingDays: number;
  /** UNVERIFIED (信用修复 practice): days a serious-violation listing stays before repair may be granted. Default 365. */
  creditRepairMinListedDays: number;
  /** Department prefix in document numbers, e.g. `X应急`; null = derived from the department name. */
  documentPrefix: string | null;
}

export const DEFAULT_PROCEDURE_POLICY: Readonly<ProcedurePolicy> = Object.freeze({
  ...DEFAULT_PENALTY_POLICY,
  reconsiderationDays: 60,
  litigationMonths: 6,
  courtApplicationMonths: 3,
  demandWaitWorkingDays: 10,
  creditRepairMinListedDays: 365,
  documentPrefix: null,
});

const KEYS = new Set(Object.keys(DEFAULT_PROCEDURE_POLICY));

/** Merges overrides onto the defaults and validates; unknown keys and out-of-range values are OUT_OF_RANGE / VALIDATION_FAILED. */
export function procedurePolicy(overrides: Record<string, unknown> = {}): ProcedurePolicy {
  for (const k of Object.keys(overrides)) {
    if (!KEYS.has(k)) throw new DomainError(ErrorCode.VALIDATION_FAILED, `Unknown policy field ${k}`, { field: k });
  }
  const p = { ...DEFAULT_PROCEDURE_POLICY, ...overrides } as ProcedurePolicy;
  validatePenaltyPolicy(p);
  const int = (field: keyof ProcedurePolicy, min: number, max = Number.MAX_SAFE_INTEGER): void => {
    const v = p[field] as unknown;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      throw new DomainError(ErrorCode.OUT_OF_RANGE, `Penalty policy ${field} must be an integer in [${min}, ${max}]`, {
        field,
        value: v,
      });
    }
  };
  int('reconsiderationDays', 60); // the party has at least 60 days
  int('litigationMonths', 6); // at least 6 months
  int('courtApplicationMonths', 1, 3); // the agency's window is at most 3 months
  int('demandWaitWorkingDays', 10); // at least 10 days after the 催告书
  int('creditRepairMinListedDays', 0, 3650);
  if (
    p.documentPrefix !== null &&
    (typeof p.documentPrefix !== 'string' || !/^[\p{L}\p{N}]{1,12}$/u.test(p.documentPrefix))
  ) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'documentPrefix must be 1–12 letters or digits', {
      field: 'documentPrefix',
    });
  }
  return p;
}

/**
 * Values that name the department itself and so are never inherited: a prefix set for a city's bureau would
 * otherwise number the documents of every bureau below it alike.
 */
const OWN_ONLY_KEYS: ReadonlySet<string> = new Set<keyof ProcedurePolicy>(['documentPrefix']);

/**
 * The overrides in force for a department: those of the levels above it, nearest last, then its own; values that
 * name a department (its document prefix) only from its own.
 * @param chain the department first, then its parent, up to the root
 */
export function mergePolicyLayers(
  chain: readonly string[],
  overridesOf: (departmentId: string) => Record<string, unknown> | undefined,
): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const id of [...chain.slice(1)].reverse()) {
    for (const [key, value] of Object.entries(overridesOf(id) ?? {})) if (!OWN_ONLY_KEYS.has(key)) merged[key] = value;
  }
  return { ...merged, ...(chain.length ? overridesOf(chain[0]) : {}) };
}
