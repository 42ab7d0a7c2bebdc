/**
 * Synchronous payload checks of the penalty steps. They run inside Update validators, so they must
 * be pure and synchronous; each returns a precise problem or undefined.
 */
import { isDomainError } from '../../../libs/domain/src/errors';

export interface Problem {
  type: string;
  message: string;
}

export const invalid = (message: string): Problem => ({ type: 'VALIDATION_FAILED', message });
export const rule = (message: string): Problem => ({ type: 'RULE_VIOLATION', message });
export const forbidden = (message: string): Problem => ({ type: 'FORBIDDEN_ROLE', message });
export const separation = (message: string): Problem => ({ type: 'FORBIDDEN_SEPARATION_OF_DUTIES', message });
export const outOfOrder = (message: string): Problem => ({ type: 'STEP_OUT_OF_ORDER', message });
export const deadlinePassed = (message: string): Problem => ({ type: 'DEADLINE_PASSED', message });
export const conflict = (message: string): Problem => ({ type: 'ALREADY_EXISTS', message });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

export function isDate(v: unknown): v is string {
  if (typeof v !== 'string' || !DATE.test(v)) return false;
  const t = Date.parse(`${v}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === v;
}

/** First problem of a list of checks, in order. */
export const first = (...checks: Array<() => Problem | undefined>): Problem | undefined => {
  for (const c of checks) {
    const p = c();
    if (p) return p;
  }
  return undefined;
};

/** Runs a domain rule that throws DomainError and turns the error into a problem. */
export function domainRule(fn: () => unknown): Problem | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (isDomainError(e)) return { type: e.code, message: e.message };
    throw e;
  }
}

export function text(
  p: Record<string, unknown>,
  key: string,
  opts: { max?: number; optional?: boolean } = {},
): Problem | undefined {
  const v = p[key];
  if (v === undefined || v === null) return opts.optional ? undefined : invalid(`payload.${key} is required`);
  if (typeof v !== 'string' || !v.trim()) return invalid(`payload.${key} must be a non-empty string`);
  if (v.length > (opts.max ?? 5000)) return invalid(`payload.${key} must be at most ${opts.max ?? 5000} characters`);
  return undefined;
}

export function oneOf(
  p: Record<string, unknown>,
  key: string,
  values: readonly string[],
  optional = false,
): Problem | undefined {
  const v = p[key];
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'string' || !values.includes(v))
    return invalid(`payload.${key} must be one of ${values.join(', ')}`);
  return undefined;
}

export function bool(p: Record<string, unknown>, key: string): Problem | undefined {
  const v = p[key];
  return v === undefined || typeof v === 'boolean' ? undefined : invalid(`payload.${key} must be true or false`);
}

export function yuan(p: Record<string, unknown>, key: string, optional = true): Problem | undefined {
  const v = p[key];
  if (v === undefined && optional) return undefined;
  if (
    typeof v !== 'number' ||
    !Number.isFinite(v) ||
    v < 0 ||
    Math.abs(v * 100 - Math.round(v * 100)) > 1e-6 ||
    v > 1e12
  ) {
    return invalid(`payload.${key} must be a non-negative yuan amount with at most 2 decimals`);
  }
  return undefined;
}

/** An ISO instant not in the future (5 minutes of clock skew allowed) and not before `notBefore`. */
export function pastInstant(
  p: Record<string, unknown>,
  key: string,
  now: number,
  notBefore?: number,
): Problem | undefined {
  const v = p[key];
  if (typeof v !== 'string' || !Number.isFinite(Date.parse(v)))
    return invalid(`payload.${key} must be an ISO 8601 instant`);
  const t = Date.parse(v);
  if (t > now + 5 * 60_000) return invalid(`payload.${key} may not be in the future`);
  if (notBefore !== undefined && t < notBefore)
    return invalid(`payload.${key} may not be before ${new Date(notBefore).toISOString()}`);
  return undefined;
}

export const MEASURES = [
  'WARNING',
  'CRITICISM',
  'FINE',
  'CONFISCATION',
  'QUALIFICATION_DOWNGRADE',
  'LICENCE_REVOCATION',
  'LICENCE_SUSPENSION',
  'SUSPEND_PRODUCTION',
  'CLOSURE',
  'PRACTICE_RESTRICTION',
] as const;

export function measures(p: Record<string, unknown>, key: string, optional: boolean): Problem | undefined {
  const v = p[key];
  if (v === undefined && optional) return undefined;
  if (!Array.isArray(v) || v.length === 0 || v.length > MEASURES.length)
    return invalid(`payload.${key} must list 1–${MEASURES.length} penalty measures`);
  for (const m of v)
    if (typeof m !== 'string' || !(MEASURES as readonly string[]).includes(m))
      return invalid(`payload.${key} contains an unknown measure ${String(m)}; allowed: ${MEASURES.join(', ')}`);
  if (new Set(v).size !== v.length) return invalid(`payload.${key} lists a measure twice`);
  return undefined;
}
