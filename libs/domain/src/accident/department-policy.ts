import { DomainError, ErrorCode } from '../errors';
import { NOTIFIED_BODIES, NotifiedBody } from './report-notifications';

/**
 * Accident policy values a department sets for itself and those below (DEFAULTS ← above ← own), for rules the
 * statute's text gives but STATUTES.md could not verify. Unlike ACCIDENT_POLICY_JSON (the installation's), these
 * follow the department that acts: the bodies a department that received a report notifies.
 */
export interface AccidentDepartmentPolicy {
  /**
   * 条例 Art.10(1) "并通知公安机关、劳动保障行政部门、工会和人民检察院": the bodies a department that received
   * the report notifies. **UNVERIFIED** list (cited from the regulation's text): DEFAULT the four, in that order.
   */
  notifiedBodies: NotifiedBody[];
}

export const ACCIDENT_DEPARTMENT_POLICY_FIELDS: ReadonlyArray<keyof AccidentDepartmentPolicy> = ['notifiedBodies'];

export const DEFAULT_ACCIDENT_DEPARTMENT_POLICY: Readonly<AccidentDepartmentPolicy> = Object.freeze({
  notifiedBodies: [...NOTIFIED_BODIES],
});

/**
 * The layers (outermost first) over the defaults: an unknown field is 400 VALIDATION_FAILED, a bad value 422
 * OUT_OF_RANGE. The bodies are kept in the statute's order whatever order they were given in.
 */
export function accidentDepartmentPolicy(
  ...layers: Array<Partial<AccidentDepartmentPolicy>>
): AccidentDepartmentPolicy {
  for (const layer of layers)
    for (const field of Object.keys(layer))
      if (!(ACCIDENT_DEPARTMENT_POLICY_FIELDS as readonly string[]).includes(field))
        throw new DomainError(ErrorCode.VALIDATION_FAILED, `Unknown accident policy field ${field}`, {
          fields: [{ path: `overrides.${field}`, message: 'not an accident department policy field' }],
        });
  const merged: AccidentDepartmentPolicy = { notifiedBodies: [...DEFAULT_ACCIDENT_DEPARTMENT_POLICY.notifiedBodies] };
  for (const layer of layers) Object.assign(merged, layer);
  const bodies: unknown = merged.notifiedBodies;
  const fail = (rule: string): never => {
    throw new DomainError(ErrorCode.OUT_OF_RANGE, `Accident policy notifiedBodies ${rule}`, {
      field: 'notifiedBodies',
    });
  };
  if (!Array.isArray(bodies) || bodies.some((b) => !(NOTIFIED_BODIES as readonly unknown[]).includes(b)))
    fail(`must be a list of ${NOTIFIED_BODIES.join(', ')}`);
  const list = bodies as NotifiedBody[];
  if (new Set(list).size !== list.length) fail('must name each body once');
  // Art.10(1) obliges the department to notify: an empty list would switch the step off.
  if (list.length === 0) fail('must name at least one body');
  return { notifiedBodies: NOTIFIED_BODIES.filter((b) => list.includes(b)) };
}
