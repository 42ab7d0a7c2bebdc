import { z } from 'zod';
import type { StepDefinition } from './step-definition';

export type JsonSchema = Record<string, unknown>;

/**
 * The published JSON Schema (draft 2020-12) of one outcome's payload: what a client needs to render
 * and pre-check the form. Rules across fields or against the case's state are checked on submission.
 */
export function outcomePayloadSchema(step: StepDefinition, outcome: string): JsonSchema {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(step.outcomes[outcome].payload, {
    target: 'draft-2020-12',
    io: 'input',
  }) as JsonSchema;
  return schema;
}

/** Name of an outcome payload's schema among the OpenAPI document's components. */
export const payloadComponentName = (type: string, outcome: string): string => `StepPayload_${type}_${outcome}`;
