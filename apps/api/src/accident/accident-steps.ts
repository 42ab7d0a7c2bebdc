import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { TaskService } from '@safety/application';
import { Actor } from '@safety/domain/identity/roles';
import { TaskEntity } from '@safety/persistence';
import { completeTaskUpdate, TaskActor } from '@safety/temporal';
import { TEMPORAL_CLIENT } from '../temporal/temporal.providers';

export const taskActor = (a: Actor): TaskActor => ({
  userId: a.userId,
  roles: a.roles,
  departmentId: a.departmentId,
  credentialNo: a.credentialNo,
});

/** Completes a workflow step on behalf of an accident endpoint: the same checks and Update as POST /tasks/:id/complete. */
@Injectable()
export class AccidentSteps {
  constructor(
    private readonly tasks: TaskService,
    @Inject(TEMPORAL_CLIENT) readonly temporal: Client,
  ) {}

  async complete(
    actor: Actor,
    task: TaskEntity,
    outcome: string,
    payload: Record<string, unknown>,
    requestId?: string,
  ) {
    this.tasks.assertMayAct(actor, task);
    return this.temporal.workflow.getHandle(task.workflowId).executeUpdate(completeTaskUpdate, {
      args: [{ taskKey: task.taskKey, actor: taskActor(actor), outcome, payload, requestId }],
    });
  }
}
