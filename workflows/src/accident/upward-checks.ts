import { missingNotifications, type NotifiedBody } from '@safety/domain/accident/report-notifications';
import type { ReportNotificationsPayload } from '@safety/temporal/steps/accident.steps';
import { invalid, Problem } from '../kernel/problems';

/** Clocks of the officer's device and the server differ a little. */
const SKEW_MS = 5 * 60_000;

const fieldProblem = (path: string, message: string) => invalid(`${path} ${message}`, { fields: [{ path, message }] });

/** A report to the State Council's level is made after the province received it, and not in the future. */
export function reportedAtProblem(reportedAt: string, receivedAt: number, now: number): Problem | undefined {
  const at = Date.parse(reportedAt);
  if (at > now + SKEW_MS) return fieldProblem('reportedAt', 'must not be in the future');
  if (at < receivedAt - SKEW_MS)
    return fieldProblem(
      'reportedAt',
      `must not be before the report was received (${new Date(receivedAt).toISOString()})`,
    );
  return undefined;
}

/**
 * 条例 Art.10(1): notifications are made after the accident, not in the future, and each body once per
 * department (a body already recorded is refused, so its first record stands), of the bodies the department
 * notifies (its accident department policy).
 */
export function notificationsProblem(
  payload: ReportNotificationsPayload,
  notified: ReadonlySet<string>,
  occurredAt: number,
  now: number,
  bodies: readonly NotifiedBody[],
): Problem | undefined {
  const missing = new Set<string>(missingNotifications(notified, bodies));
  for (const [index, n] of payload.notifications.entries()) {
    const path = `notifications.${index}`;
    if (!bodies.includes(n.body))
      return fieldProblem(`${path}.body`, 'is not among the bodies this department notifies');
    if (!missing.has(n.body)) return fieldProblem(`${path}.body`, 'was already notified');
    const at = Date.parse(n.notifiedAt);
    if (at > now + SKEW_MS) return fieldProblem(`${path}.notifiedAt`, 'must not be in the future');
    if (at < occurredAt) return fieldProblem(`${path}.notifiedAt`, 'must not be before the accident occurred');
  }
  return undefined;
}
