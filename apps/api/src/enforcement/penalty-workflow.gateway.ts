import { Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type UpdateDefinition } from '@temporalio/common';
import { CaseEvidenceService, CaseService } from '@safety/application';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor } from '@safety/domain/identity/roles';
import { CaseEntity } from '@safety/persistence';
import { getPenaltyCaseStateQuery, PenaltyCaseState } from '@safety/temporal';
import { taskActor } from '../tasks/task.gateway';
import { WorkflowAnswers } from '../temporal/workflow-answers';

/** Statuses after which the workflow has finished and takes no more messages. */
const CLOSED = new Set(['NOT_FILED', 'ARCHIVED', 'START_FAILED', 'CREATED']);

export interface MessageOptions {
  requestId?: string;
  idempotencyKey?: string;
}

/** The enforcement module's way to the penalty workflow: messages, and its state. */
@Injectable()
export class PenaltyWorkflowGateway {
  constructor(
    private readonly cases: CaseService,
    private readonly evidence: CaseEvidenceService,
    private readonly answers: WorkflowAnswers,
  ) {}

  /** The penalty case the actor may see; for acting, it must be their own department's. */
  async penaltyCase(actor: Actor, id: string, opts: { acting: boolean }): Promise<CaseEntity> {
    const found = await this.cases.getVisible(actor, id);
    if (found.caseType !== 'PENALTY') throw new DomainError(ErrorCode.NOT_FOUND, `case ${id} is not a penalty case`);
    if (opts.acting && found.departmentId !== actor.departmentId) {
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'only the case department acts on it', { caseId: id });
    }
    return found;
  }

  /** Sends a message (Update) to the case workflow; answers its verdict and the tasks open once it has acted. */
  async message<Input, Result extends object>(
    actor: Actor,
    caseId: string,
    definition: UpdateDefinition<Result, [Input]>,
    body: Omit<Input, 'actor' | 'requestId'>,
    options: MessageOptions,
  ) {
    const found = await this.penaltyCase(actor, caseId, { acting: true });
    if (CLOSED.has(found.status)) {
      throw new DomainError(ErrorCode.STEP_OUT_OF_ORDER, `the case is ${found.status.toLowerCase()}`, { caseId });
    }
    // Receipts and other evidence a message cites are the case's own.
    await this.evidence.assertCitedAttachmentsBelong(caseId, body);
    const result = await this.answers.update(
      found.workflowId,
      definition,
      { ...body, actor: taskActor(actor), requestId: options.requestId } as Input,
      this.answers.updateId(`${definition.name}:${caseId}`, options.idempotencyKey),
    );
    const open = (await this.answers.settle(found.workflowId)) ?? [];
    return { ...result, nextTasks: open.map((task) => ({ id: task.taskId, type: task.type, title: task.title })) };
  }

  async state(actor: Actor, caseId: string): Promise<PenaltyCaseState> {
    const found = await this.penaltyCase(actor, caseId, { acting: false });
    try {
      return await this.answers.query(found.workflowId, getPenaltyCaseStateQuery);
    } catch (error) {
      // A case opened by another case's workflow exists a moment before its own workflow starts.
      if (error instanceof WorkflowNotFoundError && found.status === 'CREATED') {
        throw new DomainError(ErrorCode.STEP_OUT_OF_ORDER, 'the case has not started yet; try again shortly', {
          caseId,
          retryAfterSeconds: 1,
        });
      }
      throw error;
    }
  }
}
