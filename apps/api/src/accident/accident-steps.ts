import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { CaseService, TaskService } from '@safety/application';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor } from '@safety/domain/identity/roles';
import { TaskEntity } from '@safety/persistence';
import { completeTaskUpdate, TaskActor } from '@safety/temporal';
import { stepDefinition } from '@safety/temporal/steps/catalogue';
import type { OutcomeOf, PayloadOf, StepDefinition } from '@safety/temporal/steps/step-definition';
import { checkSubmission } from '@safety/temporal/steps/validation';
import { TEMPORAL_CLIENT } from '../temporal/temporal.providers';
import { InvalidInputError } from '../validation/invalid-input';

export const taskActor = (a: Actor): TaskActor => ({
  userId: a.userId,
  roles: a.roles,
  departmentId: a.departmentId,
  credentialNo: a.credentialNo,
});

/**
 * Completes a workflow step on behalf of an accident endpoint with the checks of
 * POST /tasks/:id/complete: the task is still open, the actor may act on it, the payload satisfies
 * the step's contract (every invalid or missing field at once; paths relative to the request body,
 * which is the payload here), cited attachments belong to the task's case; then the Update, whose
 * answer is the workflow's verdict.
 */
@Injectable()
export class AccidentSteps {
  constructor(
    private readonly tasks: TaskService,
    private readonly cases: CaseService,
    @Inject(TEMPORAL_CLIENT) readonly temporal: Client,
  ) {}

  /** The body checked against the step outcome's contract, typed. */
  payloadOf<Step extends StepDefinition, Outcome extends OutcomeOf<Step>>(
    step: Step,
    outcome: Outcome,
    body: unknown,
  ): PayloadOf<Step, Outcome> {
    const checked = checkSubmission(step, outcome, body);
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
    payload: Record<string, unknown>,
    requestId?: string,
  ) {
    if (task.status === 'COMPLETED' || task.status === 'CANCELLED') {
      throw new DomainError(ErrorCode.TASK_ALREADY_COMPLETED, 'this task is already completed', { taskId: task.id });
    }
    this.tasks.assertMayAct(actor, task);
    const step = stepDefinition(task.type);
    if (!step) throw new DomainError(ErrorCode.NOT_FOUND, `task type ${task.type} has no step contract`);
    const checked = this.payloadOf(step, outcome, payload);
    await this.cases.assertCitedAttachmentsBelong(task.caseId, checked);
    return this.temporal.workflow.getHandle(task.workflowId).executeUpdate(completeTaskUpdate, {
      args: [
        {
          taskKey: task.taskKey,
          actor: taskActor(actor),
          outcome,
          payload: checked as Record<string, unknown>,
          requestId,
        },
      ],
    });
  }
}
