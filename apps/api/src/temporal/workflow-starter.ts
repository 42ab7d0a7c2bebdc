import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { AppConfig, CaseService } from '@safety/application';
import { CaseEntity } from '@safety/persistence';
import { TEMPORAL_CLIENT } from '../temporal/temporal.providers';

/**
 * Starts a case's workflow after its row has committed (so the first activity always finds it);
 * a failed start is recorded on the case (START_FAILED, audited) and rethrown.
 */
@Injectable()
export class WorkflowStarter {
  constructor(
    private readonly cases: CaseService,
    private readonly cfg: AppConfig,
    @Inject(TEMPORAL_CLIENT) readonly temporal: Client,
  ) {}

  async start(created: CaseEntity, workflowType: string, input: object, actorId: string): Promise<void> {
    try {
      await this.temporal.workflow.start(workflowType, {
        taskQueue: this.cfg.TEMPORAL_TASK_QUEUE,
        workflowId: created.workflowId,
        args: [input],
      });
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
