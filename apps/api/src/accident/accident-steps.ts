import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor } from '@safety/domain/identity/roles';
import { TaskEntity } from '@safety/persistence';
import { stepDefinition } from '@safety/temporal/steps/catalogue';
import type { OutcomeOf, PayloadOf, StepDefinition } from '@safety/temporal/steps/step-definition';
import { checkSubmission } from '@safety/temporal/steps/validation';
import { TaskGateway } from '../tasks/task.gateway';
import { InvalidInputError } from '../validation/invalid-input';

/**
 * Completes a workflow step on behalf of an accident endpoint, whose request body is the step's
 * payload: the body is checked against the step's contract (every invalid or missing field at once,
 * at body-relative paths), then the task goes through TaskGateway — the checks and answer of
 * POST /tasks/:id/complete (open task, actor may act, cited attachments of the case, the workflow's
 * verdict, the tasks open once it has acted).
 */
@Injectable()
export class AccidentSteps {
  constructor(private readonly gateway: TaskGateway) {}

  /** The body checked against the step outcome's contract, typed. */
  payloadOf<Step extends StepDefinition, Outcome extends OutcomeOf<Step>>(
    step: Step,
    outcome: Outcome,
    body: unknown,
  ): PayloadOf<Step, Outcome> {
    const checked = checkSubmission(step, outcome, withoutAbsentFields(body));
    if (checked.ok) return checked.payload as PayloadOf<Step, Outcome>;
    if (checked.unknownOutcome) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `outcome must be one of ${checked.allowed.join(', ')}`, {
        fields: [{ path: 'outcome', message: `must be one of ${checked.allowed.join(', ')}` }],
      });
    }
    throw new InvalidInputError('body', checked.issues);
  }

  async complete(
    actor: Actor,
    task: TaskEntity,
    outcome: string,
    body: Record<string, unknown>,
    options: { requestId?: string; idempotencyKey?: string } = {},
  ) {
    const step = stepDefinition(task.type);
    if (!step) throw new DomainError(ErrorCode.NOT_FOUND, `task type ${task.type} has no step contract`);
    const payload = this.payloadOf(step, outcome, body) as Record<string, unknown>;
    return this.gateway.completeTask(actor, task, { outcome, payload, ...options });
  }
}

/**
 * The body as the client sent it: a DTO instance carries every declared field, the absent ones as
 * `undefined` (class fields are defined on construction), and a strict contract would report such
 * a field of another outcome (e.g. `reason` of RETURN on an APPROVE) as unknown.
 */
function withoutAbsentFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAbsentFields);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .map(([key, field]) => [key, withoutAbsentFields(field)]),
  );
}
