import { STEP_CATALOGUE, stepDefinition } from '@safety/temporal/steps/catalogue';
import { outcomePayloadSchema, payloadComponentName } from '@safety/temporal/steps/json-schema';
import type { StepDefinition } from '@safety/temporal/steps/step-definition';
import type { TaskEntity } from '@safety/persistence';
import type { z } from 'zod';
import type { OutcomeViewSchema, TaskTypeViewSchema } from './task.schemas';

type OutcomeView = z.infer<typeof OutcomeViewSchema>;
type TaskTypeView = z.infer<typeof TaskTypeViewSchema>;

const typeView = (step: StepDefinition): TaskTypeView => ({
  type: step.type,
  title: step.title,
  roles: [...step.roles],
  outcomes: Object.entries(step.outcomes).map(([outcome, definition]) => ({
    outcome,
    label: definition.label,
    schema: outcomePayloadSchema(step, outcome),
    component: payloadComponentName(step.type, outcome),
  })),
});

/** The published catalogue, computed once: the schemas are data and never change at run time. */
const CATALOGUE: TaskTypeView[] = STEP_CATALOGUE.map(typeView);
const BY_TYPE = new Map(CATALOGUE.map((view) => [view.type, view]));

export const taskTypeCatalogue = (): TaskTypeView[] => CATALOGUE;

/**
 * The step contract of a task. Every task type a workflow opens is in the catalogue (the kernel's task
 * board takes a definition, not a string), so a row without one is an inconsistency, never a free pass.
 */
export function stepOf(task: TaskEntity): StepDefinition {
  const step = stepDefinition(task.type);
  if (!step) throw new Error(`task type ${task.type} has no step contract in the catalogue`);
  return step;
}

/**
 * The outcomes a task offers (its step's, or the subset its workflow chose), to render its form; a step
 * whose rules depend on the case's policy adds them to the schemas from the task's context.
 */
export function formOf(task: TaskEntity): { outcomes: OutcomeView[] } {
  const view = BY_TYPE.get(task.type);
  if (!view) return { outcomes: [] };
  const offered = task.outcomes;
  const outcomes = offered ? view.outcomes.filter((o) => offered.includes(o.outcome)) : view.outcomes;
  const refine = stepDefinition(task.type)?.taskSchema;
  if (!refine) return { outcomes };
  const context = task.payload ?? {};
  return {
    outcomes: outcomes.map((o) => ({ ...o, schema: refine(o.outcome, o.schema as Record<string, unknown>, context) })),
  };
}

/** Every outcome payload schema, for the OpenAPI document's components. */
export function payloadComponents(): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    CATALOGUE.flatMap((view) => view.outcomes.map((outcome) => [outcome.component, outcome.schema])),
  );
}
