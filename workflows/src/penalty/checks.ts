import type { ServiceRecord } from '@safety/temporal/steps/common';
import { invalid, Problem } from '../kernel/problems';

/** Clock skew allowed between the officer's device and the workflow. */
const SKEW_MS = 5 * 60_000;

/** A service record's instant: not in the future, not before the document was issued (行政处罚法 Art.61). */
export function serviceProblem(record: ServiceRecord, issuedAt: number, now: number): Problem | undefined {
  const servedAt = Date.parse(record.servedAt);
  if (servedAt > now + SKEW_MS) return invalid('payload.servedAt may not be in the future');
  const notBefore = issuedAt - 60_000;
  if (servedAt < notBefore) return invalid(`payload.servedAt may not be before ${new Date(notBefore).toISOString()}`);
  return undefined;
}

/** A local date between two others (inclusive), e.g. not before the decision and not after today. */
export const dateBetween = (date: string, from: string, to: string): boolean => date >= from && date <= to;
