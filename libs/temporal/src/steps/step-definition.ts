import type { z } from 'zod';
import type { Role } from '@safety/domain/identity/roles';

/** A text in the console's two languages; Chinese is primary. */
export interface Label {
  zh: string;
  en: string;
}

/** One way of completing a step: its button label and the payload it carries. */
export interface OutcomeDefinition<Payload extends z.ZodType = z.ZodType> {
  label: Label;
  payload: Payload;
}

/**
 * A human step, declared once: the API validates submissions against it before anything reaches
 * Temporal, publishes it (`GET /task-types`, a task's `form`), and the workflow opens tasks of it
 * and receives its typed payloads. Payload schemas are plain data (zod), so deterministic
 * workflow code may import them.
 */
export interface StepDefinition<
  Type extends string = string,
  Outcomes extends Record<string, OutcomeDefinition> = Record<string, OutcomeDefinition>,
> {
  readonly type: Type;
  readonly title: Label;
  /** Roles that may complete a task of this type (a workflow may further restrict who, never widen it). */
  readonly roles: readonly Role[];
  readonly outcomes: Outcomes;
  /**
   * What one task of the step adds to an outcome's published JSON Schema from the context its workflow
   * gave the task (a rule of the case's policy), so the task's form says it before a submission is refused.
   */
  readonly taskSchema?: (
    outcome: string,
    schema: Record<string, unknown>,
    context: Record<string, unknown>,
  ) => Record<string, unknown>;
}

export function defineStep<const Type extends string, const Outcomes extends Record<string, OutcomeDefinition>>(
  definition: StepDefinition<Type, Outcomes>,
): StepDefinition<Type, Outcomes> {
  return definition;
}

export type OutcomeOf<Step extends StepDefinition> = keyof Step['outcomes'] & string;

export type PayloadOf<Step extends StepDefinition, Outcome extends OutcomeOf<Step>> = z.output<
  Step['outcomes'][Outcome]['payload']
>;

/** A validated submission of a step: the outcome and its payload, discriminated by outcome. */
export type Submission<Step extends StepDefinition> = {
  [Outcome in OutcomeOf<Step>]: { outcome: Outcome; payload: PayloadOf<Step, Outcome> };
}[OutcomeOf<Step>];

/** Several outcomes that carry the same payload shape (each gets its own schema instance). */
export function outcomesSharing<const Code extends string, Payload extends z.ZodType>(
  payload: () => Payload,
  labels: Record<Code, [zh: string, en: string]>,
): Record<Code, OutcomeDefinition<Payload>> {
  const entries = (Object.keys(labels) as Code[]).map((code) => {
    const [zh, en] = labels[code];
    return [code, { label: { zh, en }, payload: payload() }] as const;
  });
  return Object.fromEntries(entries) as Record<Code, OutcomeDefinition<Payload>>;
}
