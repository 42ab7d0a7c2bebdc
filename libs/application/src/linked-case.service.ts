import { Injectable } from '@nestjs/common';
import { CaseEntity, CaseRepository, Transaction, UnitOfWork } from '@safety/persistence';
import type { LinkedCase, LinkedCaseRequest } from '@safety/temporal/activities';
import { LINKED_WORKFLOW_PREFIX } from '@safety/temporal/activities';
import { AuditService } from './audit.service';

/** The case row of a linked case, as its opener gives it. */
export interface LinkedCaseRow {
  caseType: string;
  title: string;
  departmentId: string;
  enterpriseId: string | null;
  createdBy: string;
  handlerIds: string[];
  workflowId: string;
  sourceCaseId: string | null;
  data?: Record<string, unknown>;
}

/** Cases opened from another case: an automatic penalty case, a criminal transfer, a referral. */
@Injectable()
export class LinkedCaseService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cases: CaseRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Opens a case linked to another (an automatic penalty case, a criminal transfer, a referral) and
   * chooses its workflow id: `<prefix>-<sourceCaseId>-<n>`, numbered by the database under a lock on
   * the source case, so the source's workflow and the API never choose the same id. Idempotent by
   * `linkKey`: a retried activity finds the case it opened.
   */
  async openLinked(request: LinkedCaseRequest): Promise<LinkedCase> {
    const opened = await this.uow.transaction((tx) => this.openLinkedCase(request, tx));
    return { caseId: opened.id, workflowId: opened.workflowId, openedAt: opened.createdAt.toISOString() };
  }

  /** `openLinked` in the caller's transaction (the API opens a linked case with other writes), returning the row. */
  async openLinkedCase(request: LinkedCaseRequest, tx: Transaction, requestId?: string): Promise<CaseEntity> {
    const existing = await this.cases.findByLinkKey(request.linkKey, tx);
    if (existing) return existing;
    const workflowId = await this.cases.nextLinkedWorkflowId(
      request.sourceCaseId,
      LINKED_WORKFLOW_PREFIX[request.caseType],
      tx,
    );
    return this.insertLinked({ ...request, workflowId, requestId }, tx);
  }

  /**
   * Creates (or finds, on an activity retry) the case row for a workflow started by another
   * workflow: an automatic penalty case, a criminal transfer, a referral. Keyed by workflow id.
   */
  async createLinked(input: LinkedCaseRow): Promise<CaseEntity> {
    return this.uow.transaction(async (tx) => {
      const existing = await this.cases.findByWorkflowId(input.workflowId, tx);
      if (existing) return existing;
      return this.insertLinked(input, tx);
    });
  }

  private async insertLinked(
    input: LinkedCaseRow & { linkKey?: string; requestId?: string },
    tx: Transaction,
  ): Promise<CaseEntity> {
    const c = await this.cases.insert(
      {
        caseType: input.caseType,
        title: input.title,
        status: 'CREATED',
        departmentId: input.departmentId,
        enterpriseId: input.enterpriseId,
        workflowId: input.workflowId,
        createdBy: input.createdBy,
        handlerIds: input.handlerIds,
        linkKey: input.linkKey ?? null,
        data: { ...(input.data ?? {}), sourceCaseId: input.sourceCaseId },
      },
      tx,
    );
    await this.audit.record(
      {
        caseId: c.id,
        actorId: input.createdBy,
        action: 'CASE_CREATED',
        requestId: input.requestId,
        summary: { caseType: c.caseType, title: c.title, sourceCaseId: input.sourceCaseId, after: 'CREATED' },
      },
      tx,
    );
    if (input.sourceCaseId) {
      await this.audit.record(
        {
          caseId: input.sourceCaseId,
          actorId: input.createdBy,
          action: 'LINKED_CASE_CREATED',
          requestId: input.requestId,
          summary: { linkedCaseId: c.id, caseType: c.caseType, workflowId: c.workflowId },
        },
        tx,
      );
    }
    return c;
  }
}
