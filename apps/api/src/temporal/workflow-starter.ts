import { Injectable } from '@nestjs/common';
import { CaseService, NewCase } from '@safety/application';
import type { Actor } from '@safety/domain/identity/roles';
import { CaseEntity } from '@safety/persistence';
import { WorkflowAnswers } from './workflow-answers';

/**
 * Starts a case's workflow. `open` creates the case row and starts its workflow together (both or
 * neither; a Temporal that cannot be reached fails the request fast with 503 and leaves nothing).
 * `start` starts the workflow of a row committed earlier and records START_FAILED if that fails.
 */
@Injectable()
export class WorkflowStarter {
  constructor(
    private readonly cases: CaseService,
    private readonly answers: WorkflowAnswers,
  ) {}

  async open(
    actor: Actor,
    newCase: NewCase,
    workflowType: string,
    input: (created: CaseEntity) => object,
    requestId?: string,
  ): Promise<CaseEntity> {
    const created = await this.cases.openAndStart(
      actor,
      newCase,
      (row) => this.answers.start(workflowType, row.workflowId, input(row)),
      requestId,
    );
    // The caller may act at once: answer when the workflow has opened its first tasks.
    await this.answers.settle(created.workflowId);
    return created;
  }

  async start(created: CaseEntity, workflowType: string, input: object, actorId: string | null): Promise<void> {
    try {
      await this.answers.start(workflowType, created.workflowId, input);
      await this.answers.settle(created.workflowId);
    } catch (e) {
      await this.cases.recordStatus({
        caseId: created.id,
        status: 'START_FAILED',
        actorId,
        action: 'CASE_START_FAILED',
        summary: { error: e instanceof Error ? e.message : String(e) },
      });
      throw e;
    }
  }
}
