import { Injectable } from '@nestjs/common';
import { CaseEvidenceService, TaskService } from '@safety/application';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import type { Actor } from '@safety/domain/identity/roles';
import type { TaskEntity } from '@safety/persistence';
import {
  changeTaskDeadlineUpdate,
  CompleteTaskResult,
  completeTaskUpdate,
  mayActOnTaskQuery,
  TaskActor,
} from '@safety/temporal';
import { checkSubmission } from '@safety/temporal/steps/validation';
import { EndedWorkflowAnswer, isUnknownQuery, WorkflowAnswers } from '../temporal/workflow-answers';
import { InvalidInputError } from '../validation/invalid-input';
import { stepOf } from './step-catalogue';
import { taskView } from './task.schemas';

export const taskActor = (a: Actor): TaskActor => ({
  userId: a.userId,
  roles: a.roles,
  departmentId: a.departmentId,
  credentialNo: a.credentialNo,
});

/**
 * A task whose workflow has ended meanwhile: its row was read while still open, and a parallel completion ended
 * the case (a refused filing ends its workflow). An ended workflow has no open step, so the answer is the same 409
 * as for a task already completed.
 */
const taskEnded = (task: TaskEntity): EndedWorkflowAnswer => ({
  code: ErrorCode.TASK_ALREADY_COMPLETED,
  message: 'the case workflow has ended; this task is no longer open',
  details: { taskId: task.id },
});

export interface StepSubmissionRequest {
  outcome: string;
  payload?: Record<string, unknown>;
  idempotencyKey?: string;
  requestId?: string;
}

/**
 * Human steps on their way to the workflows: the submission is checked against the step's
 * published contract (every problem at once) and the case's evidence before anything reaches
 * Temporal; the workflow then judges what depends on the case's state. Also answers whether an
 * actor could complete a task, before it is claimed or reassigned to them.
 */
@Injectable()
export class TaskGateway {
  constructor(
    private readonly tasks: TaskService,
    private readonly evidence: CaseEvidenceService,
    private readonly answers: WorkflowAnswers,
  ) {}

  async complete(actor: Actor, taskId: string, request: StepSubmissionRequest) {
    const task = await this.tasks.getVisible(actor, taskId);
    return this.completeTask(actor, task, request);
  }

  /** Completes a task already found (and visible) for the actor: the one way a step is completed. */
  async completeTask(actor: Actor, task: TaskEntity, request: StepSubmissionRequest) {
    if (task.status === 'COMPLETED' || task.status === 'CANCELLED') {
      // Fast path; the workflow's validator gives the same verdict for a race that slips past this check.
      throw new DomainError(ErrorCode.TASK_ALREADY_COMPLETED, 'this task is already completed', { taskId: task.id });
    }
    this.tasks.assertMayAct(actor, task);
    const payload = request.payload ?? {};
    const step = stepOf(task);
    const offered = task.outcomes ?? Object.keys(step.outcomes);
    if (!offered.includes(request.outcome)) {
      throw new InvalidInputError('body', [
        {
          code: 'custom',
          path: ['outcome'],
          input: request.outcome,
          message: `must be one of ${offered.join(', ')}`,
          params: { zh: `必须是以下之一：${offered.join('、')}` },
        },
      ]);
    }
    const submission = checkSubmission(step, request.outcome, payload);
    if (!submission.ok && !submission.unknownOutcome) {
      throw new InvalidInputError('body', submission.issues, ['payload']);
    }
    await this.evidence.assertCitedAttachmentsBelong(task.caseId, payload);
    const result: CompleteTaskResult = await this.answers.update(
      task.workflowId,
      completeTaskUpdate,
      {
        taskKey: task.taskKey,
        actor: taskActor(actor),
        outcome: request.outcome,
        payload,
        requestId: request.requestId,
      },
      this.answers.updateId(`complete:${task.id}`, request.idempotencyKey),
      taskEnded(task),
    );
    const settled = await this.answers.settle(task.workflowId);
    const nextTasks = settled
      ? settled.map((next) => ({ id: next.taskId, type: next.type, title: next.title }))
      : (await this.tasks.openTasksOfCase(task.caseId)).map((next) => ({
          id: next.id,
          type: next.type,
          title: next.title,
        }));
    return { ...result, task: taskView(await this.tasks.getVisible(actor, task.id)), nextTasks };
  }

  async changeDeadline(
    actor: Actor,
    taskId: string,
    change: { dueAt: string; reason: string },
    idempotencyKey?: string,
  ) {
    const task = await this.tasks.getVisible(actor, taskId);
    const workflow = await this.answers.update(
      task.workflowId,
      changeTaskDeadlineUpdate,
      { taskKey: task.taskKey, actor: taskActor(actor), dueAt: change.dueAt, reason: change.reason },
      this.answers.updateId(`deadline:${task.id}`, idempotencyKey),
      taskEnded(task),
    );
    return { workflow, task: taskView(await this.tasks.getVisible(actor, taskId)) };
  }

  /**
   * Refuses (403) an actor who could not complete the task (role, separation of duties, handler
   * rules the workflow applies), so a claim never hides a task from the people who can do it.
   */
  async assertCouldComplete(
    actor: Pick<Actor, 'userId' | 'roles' | 'departmentId' | 'credentialNo'>,
    task: TaskEntity,
    as: 'claimant' | 'assignee' = 'claimant',
  ) {
    let answer;
    try {
      answer = await this.answers.query(task.workflowId, mayActOnTaskQuery, {
        taskKey: task.taskKey,
        actor: taskActor(actor as Actor),
      });
    } catch (error) {
      // A workflow from before this query answers the role check only (done by the caller).
      if (isUnknownQuery(error)) return;
      throw error;
    }
    if (answer.allowed) return;
    if (as === 'assignee') {
      // The head may reassign; the chosen officer is the problem: a rule, not a permission.
      throw new DomainError(
        ErrorCode.RULE_VIOLATION,
        `the new assignee could not complete this task: ${answer.message}`,
        {
          taskId: task.id,
        },
      );
    }
    const code = answer.code === ErrorCode.FORBIDDEN_SEPARATION_OF_DUTIES ? answer.code : ErrorCode.FORBIDDEN_ROLE;
    throw new DomainError(code, answer.message ?? 'you could not complete this task', { taskId: task.id });
  }
}
