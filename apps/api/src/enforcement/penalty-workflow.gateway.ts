import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { AppConfig, CaseService } from '@safety/application';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor } from '@safety/domain/identity/roles';
import { CaseEntity } from '@safety/persistence';
import { getPenaltyCaseStateQuery, PenaltyCaseState, TaskActor } from '@safety/temporal';
import { TEMPORAL_CLIENT } from '../temporal/temporal.providers';

export const taskActor = (a: Actor): TaskActor => ({
  userId: a.userId,
  roles: a.roles,
  departmentId: a.departmentId,
  credentialNo: a.credentialNo,
});

/** Statuses after which the workflow has finished and takes no more messages. */
const CLOSED = new Set(['NOT_FILED', 'ARCHIVED', 'START_FAILED', 'CREATED']);

/**
 * The enforcement module's way to the penalty workflow (client and config from ApiTemporalModule).
 */
@Injectable()
export class PenaltyWorkflowGateway {
  constructor(
    @Inject(TEMPORAL_CLIENT) readonly client: Client,
    readonly config: AppConfig,
    private readonly cases: CaseService,
  ) {}

  /** The penalty case the actor may see; for acting, it must be their own department's. */
  async penaltyCase(actor: Actor, id: string, opts: { acting: boolean }): Promise<CaseEntity> {
    const c = await this.cases.getVisible(actor, id);
    if (c.caseType !== 'PENALTY') throw new DomainError(ErrorCode.NOT_FOUND, `case ${id} is not a penalty case`);
    if (opts.acting && c.departmentId !== actor.departmentId) {
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'only the case department acts on it', { caseId: id });
    }
    return c;
  }

  async update<I, R>(
    actor: Actor,
    caseId: string,
    def: UpdateDefinition<R, [I]>,
    input: Omit<I, 'actor' | 'requestId'>,
    requestId?: string,
  ): Promise<R> {
    const c = await this.penaltyCase(actor, caseId, { acting: true });
    if (CLOSED.has(c.status))
      throw new DomainError(ErrorCode.STEP_OUT_OF_ORDER, `the case is ${c.status.toLowerCase()}`, { caseId });
    return this.client.workflow
      .getHandle(c.workflowId)
      .executeUpdate(def, { args: [{ ...input, actor: taskActor(actor), requestId } as I] });
  }

  async state(actor: Actor, caseId: string): Promise<PenaltyCaseState> {
    const c = await this.penaltyCase(actor, caseId, { acting: false });
    return this.client.workflow.getHandle(c.workflowId).query(getPenaltyCaseStateQuery);
  }
}
