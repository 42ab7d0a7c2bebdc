import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { endOfLocalDay, LocalDate, startOfLocalDay } from '@safety/domain/calendar/local-date';
import {
  CaseEntity,
  CaseRepository,
  CaseSummaryRow,
  KeysetPage,
  OrganisationRepository,
  PageRequest,
  Transaction,
  UnitOfWork,
} from '@safety/persistence';
import type { CaseHandlers, CaseStatusChange } from '@safety/temporal/activities';
import { AuditService } from './audit.service';

export interface NewCase {
  caseType: string;
  title: string;
  enterpriseId: string | null;
  handlerIds: string[];
  workflowId: (caseId: string) => string;
}

/** Case search filters (all optional, combined); dates are China local dates, both ends included. */
export interface CaseSearchQuery extends PageRequest {
  caseNumber?: string;
  title?: string;
  enterpriseName?: string;
  status?: string;
  caseType?: string;
  createdFrom?: LocalDate;
  createdTo?: LocalDate;
  departmentId?: string;
}

/**
 * Cases: opening (with the workflow's start), finding and searching them within the actor's jurisdiction, status
 * changes and handling officers. Linked cases are LinkedCaseService's, evidence CaseEvidenceService's.
 */
@Injectable()
export class CaseService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cases: CaseRepository,
    private readonly org: OrganisationRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Inserts the case row in the caller's transaction. Jurisdiction: the enterprise must be
   * supervised by the actor's own department (一家企业对应一个层级执法主体).
   */
  async create(actor: Actor, input: NewCase, tx: Transaction, requestId?: string): Promise<CaseEntity> {
    if (!hasAnyRole(actor, [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD])) {
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'only enforcement officers and agency heads open cases');
    }
    if (input.enterpriseId) {
      const ent = await this.org.findEnterprise(input.enterpriseId, tx);
      if (!ent)
        throw new DomainError(ErrorCode.NOT_FOUND, `enterprise ${input.enterpriseId} not found`, {
          enterpriseId: input.enterpriseId,
        });
      if (ent.enforcementDepartmentId !== actor.departmentId) {
        throw new DomainError(
          ErrorCode.FORBIDDEN_JURISDICTION,
          'this enterprise is supervised by another enforcement level (一家企业对应一个层级执法主体)',
          { enterpriseId: ent.id },
        );
      }
    }
    const handlerIds = [...new Set([actor.userId, ...input.handlerIds])];
    for (const id of handlerIds) {
      const u = await this.org.findUserById(id, tx);
      if (!u || !u.active) throw new DomainError(ErrorCode.NOT_FOUND, `handler ${id} not found`, { handlerId: id });
      if (u.departmentId !== actor.departmentId)
        throw new DomainError(ErrorCode.RULE_VIOLATION, `handler ${id} is not in your department`);
    }
    const id = randomUUID();
    const c = await this.cases.insert(
      {
        id,
        caseType: input.caseType,
        title: input.title,
        status: 'CREATED',
        departmentId: actor.departmentId,
        enterpriseId: input.enterpriseId,
        workflowId: input.workflowId(id),
        createdBy: actor.userId,
        handlerIds,
        data: {},
      },
      tx,
    );
    await this.audit.record(
      {
        caseId: c.id,
        actorId: actor.userId,
        actorRole: actor.roles[0],
        action: 'CASE_CREATED',
        requestId,
        summary: { caseType: c.caseType, title: c.title, enterpriseId: c.enterpriseId, after: 'CREATED' },
      },
      tx,
    );
    return c;
  }

  /**
   * Opens a case and starts its workflow as one act: the row and its audit are written in a
   * transaction that commits only once the workflow has started, so either both exist or neither
   * does. (The workflow's first activity may run before the commit; it waits on the row's creation lock,
   * recordStatus, instead of failing and finding the row on a retry a second later.)
   */
  async openAndStart(
    actor: Actor,
    input: NewCase,
    start: (created: CaseEntity) => Promise<void>,
    requestId?: string,
  ): Promise<CaseEntity> {
    return this.uow.transaction(async (tx) => {
      const created = await this.create(actor, input, tx, requestId);
      await this.cases.holdCreation(created.id, tx);
      await start(created);
      return created;
    });
  }

  /**
   * The case a task belongs to, for the task's reader: a case of their jurisdiction, or the case of a step
   * assigned to them from another body (an investigation team's police, union or discipline member), whose
   * record (number, title, status) they need beside the step's form, or a case whose row names the
   * departments taking part (`data.participantDepartmentIds`), or the case of a step the workflow put in the
   * reader's department's inbox (an accident's upward report to another chain's department, the Art.10
   * notifications of the reporting department when a higher level investigates). The case's own endpoints
   * keep their jurisdiction.
   */
  async getForTask(
    actor: Actor,
    task: { caseId: string; assigneeId: string | null; departmentId: string },
  ): Promise<CaseEntity> {
    const c = await this.cases.findById(task.caseId);
    if (!c) throw new DomainError(ErrorCode.NOT_FOUND, `case ${task.caseId} not found`);
    // A case other departments take part in (a supervision item's lead and co-responsible departments).
    const participants = (c.data?.participantDepartmentIds ?? []) as string[];
    const takesPart =
      participants.some((id) => actor.visibleDepartmentIds.includes(id)) ||
      actor.visibleDepartmentIds.includes(task.departmentId);
    if (task.assigneeId !== actor.userId && !takesPart) return this.getVisible(actor, task.caseId);
    return c;
  }

  async getVisible(actor: Actor, id: string): Promise<CaseEntity> {
    const c = await this.cases.findById(id);
    if (!c) throw new DomainError(ErrorCode.NOT_FOUND, `case ${id} not found`);
    if (!actor.visibleDepartmentIds.includes(c.departmentId)) {
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this case belongs to another department', {
        caseId: id,
      });
    }
    return c;
  }

  /**
   * Case search, one keyset page, newest first: within the actor's jurisdiction, optionally one
   * department and everything below it (which must be visible to the actor).
   */
  async search(actor: Actor, q: CaseSearchQuery): Promise<KeysetPage<CaseEntity>> {
    let departmentIds = actor.visibleDepartmentIds;
    if (q.departmentId) {
      if (!actor.visibleDepartmentIds.includes(q.departmentId))
        throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'that department is outside your jurisdiction', {
          departmentId: q.departmentId,
        });
      const subtree = new Set(await this.org.departmentSubtree(q.departmentId));
      departmentIds = departmentIds.filter((id) => subtree.has(id));
    }
    if (q.createdFrom && q.createdTo && q.createdFrom > q.createdTo)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'createdFrom is after createdTo', {
        fields: [{ path: 'query.createdFrom', message: 'createdFrom must not be after createdTo' }],
      });
    return this.cases.search({
      departmentIds,
      caseNumber: q.caseNumber,
      title: q.title,
      enterpriseName: q.enterpriseName,
      status: q.status,
      caseType: q.caseType,
      createdFrom: q.createdFrom ? startOfLocalDay(q.createdFrom) : undefined,
      createdBefore: q.createdTo ? endOfLocalDay(q.createdTo) : undefined,
      limit: q.limit,
      cursor: q.cursor,
    });
  }

  /** Records a status change with its audit row; a retry of a committed change is a no-op. */
  async recordStatus(input: CaseStatusChange, tx?: Transaction): Promise<void> {
    if (!tx) return this.uow.transaction((inner) => this.recordStatus(input, inner));
    // A workflow's first activity can run before the transaction that created the row commits: wait for it.
    const c =
      (await this.cases.findById(input.caseId, tx)) ??
      (await this.cases.awaitCreation(input.caseId, tx).then(() => this.cases.findById(input.caseId, tx)));
    // Retryable: a row created outside openAndStart holds no creation lock to wait on.
    if (!c) throw new DomainError(ErrorCode.DEPENDENCY_UNAVAILABLE, `case ${input.caseId} is not visible yet`);
    const lastAction = (c.data?.lastAction as string | undefined) ?? null;
    if (c.status === input.status && lastAction === input.action) return; // retry of a committed activity
    await this.cases.updateStatus(c.id, input.status, { lastAction: input.action }, tx);
    await this.audit.record(
      {
        caseId: c.id,
        actorId: input.actorId,
        action: input.action,
        summary: { ...input.summary, before: c.status, after: input.status },
      },
      tx,
    );
  }

  /**
   * Adds handling officers (承办人) to a case: active enforcement officers of the case department
   * holding an enforcement credential (行政处罚法 Art.42). Idempotent; returns the full list.
   */
  async setHandlers(input: {
    caseId: string;
    handlerIds: string[];
    actorId: string;
    requestId?: string;
  }): Promise<CaseHandlers> {
    return this.uow.transaction(async (tx) => {
      const c = await this.cases.findById(input.caseId, tx);
      if (!c) throw new DomainError(ErrorCode.NOT_FOUND, `case ${input.caseId} not found`);
      for (const id of input.handlerIds) {
        const u = await this.org.findUserById(id, tx);
        if (!u || !u.active) throw new DomainError(ErrorCode.NOT_FOUND, `officer ${id} not found`, { officerId: id });
        if (u.departmentId !== c.departmentId || !u.roles.includes(Role.ENFORCEMENT_OFFICER) || !u.credentialNo) {
          throw new DomainError(
            ErrorCode.RULE_VIOLATION,
            `${u.username} is not a credentialed enforcement officer of the case department (行政处罚法 Art.42)`,
            { officerId: id },
          );
        }
      }
      const handlerIds = [...new Set([...c.handlerIds, ...input.handlerIds])];
      if (handlerIds.length !== c.handlerIds.length) {
        await this.cases.setHandlers(c.id, handlerIds, tx);
        await this.audit.record(
          {
            caseId: c.id,
            actorId: input.actorId,
            action: 'CASE_HANDLERS_DESIGNATED',
            requestId: input.requestId ?? null,
            summary: { before: c.handlerIds, after: handlerIds },
          },
          tx,
        );
      }
      const handlers = [];
      for (const id of handlerIds) {
        const u = await this.org.findUserById(id);
        if (u) handlers.push({ userId: u.id, credentialNo: u.credentialNo, roles: u.roles });
      }
      return { handlerIds, handlers };
    });
  }

  /** Number, title and enterprise of the given cases (the context of an inbox page), without any access check. */
  async summaries(ids: string[]): Promise<Map<string, CaseSummary>> {
    return new Map((await this.cases.summaries(ids)).map((c) => [c.id, c]));
  }
}

export type CaseSummary = CaseSummaryRow;
