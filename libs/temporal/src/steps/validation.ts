import type { z } from 'zod';
import type { StepDefinition } from './step-definition';

export type SubmissionCheck =
  | { ok: true; payload: Record<string, unknown> }
  | { ok: false; unknownOutcome: true; allowed: string[] }
  | { ok: false; unknownOutcome: false; issues: z.core.$ZodIssue[] };

/**
 * Checks a submission against its step contract: the outcome must be one of the step's, and the
 * payload must satisfy that outcome's schema. Every problem is reported, not only the first.
 */
export function checkSubmission(step: StepDefinition, outcome: string, payload: unknown): SubmissionCheck {
  const definition = Object.prototype.hasOwnProperty.call(step.outcomes, outcome) ? step.outcomes[outcome] : undefined;
  if (!definition) return { ok: false, unknownOutcome: true, allowed: Object.keys(step.outcomes) };
  const parsed = definition.payload.safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, unknownOutcome: false, issues: parsed.error.issues };
  return { ok: true, payload: parsed.data as Record<string, unknown> };
}

/** `evidence.0.officers` for the path of an issue (array indices as numbers). */
export const issuePath = (path: readonly PropertyKey[]): string => path.map(String).join('.');
