import { createHash, randomUUID } from 'node:crypto';
import { fromBuffer as fileTypeFromBuffer } from 'file-type';
import { Injectable } from '@nestjs/common';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { evidenceTypeOf, sanitiseFileName } from '@safety/domain/evidence/evidence-policy';
import { endOfLocalDay, LocalDate, startOfLocalDay } from '@safety/domain/calendar/local-date';
import {
  AttachmentEntity,
  CaseEntity,
  CaseRepository,
  CaseSummaryRow,
  KeysetPage,
  OrganisationRepository,
  PageRequest,
  Transaction,
  UnitOfWork,
} from '@safety/persistence';
import type { CaseHandlers, CaseStatusChange, LinkedCase, LinkedCaseRequest } from '@safety/temporal/activities';
import { LINKED_WORKFLOW_PREFIX } from '@safety/temporal/activities';
import { AuditService } from './audit.service';

/** A file as sent: the declared name and type are the client's word, checked against the bytes. */
export interface EvidenceFile {
  fileName?: string | null;
  contentType?: string | null;
  content: Buffer;
}

/** A file that passed the evidence policy, ready to store. */
export interface PreparedEvidence {
  taskId: string | null;
  kind: 'FILE' | 'NOTE';
  fileName: string | null;
  contentType: string;
  sha256: string;
  content: Buffer;
}

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
  async createLinked(input: {
    caseType: string;
    title: string;
    departmentId: string;
    enterpriseId: string | null;
    createdBy: string;
    handlerIds: string[];
    workflowId: string;
    sourceCaseId: string | null;
    data?: Record<string, unknown>;
  }): Promise<CaseEntity> {
    return this.uow.transaction(async (tx) => {
      const existing = await this.cases.findByWorkflowId(input.workflowId, tx);
      if (existing) return existing;
      return this.insertLinked(input, tx);
    });
  }

  private async insertLinked(
    input: {
      caseType: string;
      title: string;
      departmentId: string;
      enterpriseId: string | null;
      createdBy: string;
      handlerIds: string[];
      workflowId: string;
      sourceCaseId: string | null;
      data?: Record<string, unknown>;
      linkKey?: string;
      requestId?: string;
    },
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

  async attach(
    actor: Actor,
    caseId: string,
    input: EvidenceFile & { taskId?: string | null; kind: 'FILE' | 'NOTE' },
    requestId?: string,
  ): Promise<AttachmentEntity> {
    const c = await this.getVisible(actor, caseId);
    const prepared = await this.prepareEvidence(input);
    return this.uow.transaction((tx) =>
      this.storeEvidence(c.id, { userId: actor.userId, role: actor.roles[0] }, prepared, tx, requestId),
    );
  }

  /**
   * Checks a file against the evidence policy: the type comes from the bytes and the allowlist
   * (never the client's word alone), the name is sanitised, the content hashed.
   */
  async prepareEvidence(
    input: EvidenceFile & { taskId?: string | null; kind: 'FILE' | 'NOTE' },
  ): Promise<PreparedEvidence> {
    const contentType =
      input.kind === 'NOTE'
        ? 'text/plain'
        : evidenceTypeOf({
            declared: input.contentType,
            detected: (await fileTypeFromBuffer(input.content))?.mime ?? null,
            content: input.content,
          });
    return {
      taskId: input.taskId ?? null,
      kind: input.kind,
      fileName: sanitiseFileName(input.fileName),
      contentType,
      sha256: createHash('sha256').update(input.content).digest('hex'),
      content: input.content,
    };
  }

  /** Stores checked evidence with its audit row; `uploader` null is a member of the public (no account). */
  async storeEvidence(
    caseId: string,
    uploader: { userId: string; role?: string } | null,
    evidence: PreparedEvidence,
    tx: Transaction,
    requestId?: string,
  ): Promise<AttachmentEntity> {
    const saved = await this.cases.addAttachment(
      {
        caseId,
        taskId: evidence.taskId,
        kind: evidence.kind,
        fileName: evidence.fileName,
        contentType: evidence.contentType,
        sizeBytes: evidence.content.length,
        sha256: evidence.sha256,
        content: evidence.content,
        uploadedBy: uploader?.userId ?? null,
      },
      tx,
    );
    await this.audit.record(
      {
        caseId,
        taskId: evidence.taskId,
        actorId: uploader?.userId ?? null,
        actorRole: uploader?.role,
        action: 'EVIDENCE_ATTACHED',
        requestId,
        summary: {
          attachmentId: saved.id,
          kind: evidence.kind,
          fileName: evidence.fileName,
          contentType: evidence.contentType,
          sha256: evidence.sha256,
          sizeBytes: evidence.content.length,
        },
      },
      tx,
    );
    return saved;
  }

  /**
   * Evidence cited in a step's payload must be the case's own: every `…attachmentIds` list, at any
   * depth, may name only attachments uploaded to this case (a full-process record cannot point
   * at another case's files). 422 naming the strangers otherwise.
   */
  async assertCitedAttachmentsBelong(caseId: string, payload: unknown): Promise<void> {
    const cited = new Set<string>();
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    const walk = (v: unknown, depth: number): void => {
      if (depth > 6 || v === null || typeof v !== 'object') return;
      if (Array.isArray(v)) return v.forEach((x) => walk(x, depth + 1));
      for (const [k, x] of Object.entries(v)) {
        if (/attachmentids$/i.test(k) && Array.isArray(x))
          x.filter((id): id is string => typeof id === 'string' && UUID.test(id)).forEach((id) => cited.add(id));
        else walk(x, depth + 1);
      }
    };
    walk(payload, 0);
    if (cited.size === 0) return;
    const own = new Set(await this.cases.attachmentIdsOfCase(caseId, [...cited]));
    const strangers = [...cited].filter((id) => !own.has(id));
    if (strangers.length) {
      throw new DomainError(ErrorCode.RULE_VIOLATION, 'cited attachments must be uploaded to this case first', {
        attachmentIds: strangers,
      });
    }
  }

  listAttachments(caseId: string): Promise<AttachmentEntity[]> {
    return this.cases.listAttachments(caseId);
  }

  async attachmentContent(actor: Actor, caseId: string, id: string): Promise<AttachmentEntity> {
    await this.getVisible(actor, caseId);
    const a = await this.cases.attachmentContent(caseId, id);
    if (!a) throw new DomainError(ErrorCode.NOT_FOUND, `attachment ${id} not found`);
    return a;
  }

  /** Number, title and enterprise of the given cases (the context of an inbox page), without any access check. */
  async summaries(ids: string[]): Promise<Map<string, CaseSummary>> {
    return new Map((await this.cases.summaries(ids)).map((c) => [c.id, c]));
  }
}

export type CaseSummary = CaseSummaryRow;
