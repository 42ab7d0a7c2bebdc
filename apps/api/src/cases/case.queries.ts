import { Injectable } from '@nestjs/common';
import { AuditService, CaseEvidenceService, CaseSearchQuery, CaseService, TaskService } from '@safety/application';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import type { Actor } from '@safety/domain/identity/roles';
import { getPenaltyCaseStateQuery, PenaltyCaseInput, workflowIdForCase } from '@safety/temporal';
import { WorkflowAnswers } from '../temporal/workflow-answers';
import { WorkflowStarter } from '../temporal/workflow-starter';
import { taskView } from '../tasks/task.view';
import { attachmentView } from './case.schemas';
import { caseView } from './case.view';

const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;

/** Cases as the API shows them: opening a penalty case with its workflow, lists, detail, timeline, evidence. */
@Injectable()
export class CaseQueries {
  constructor(
    private readonly cases: CaseService,
    private readonly evidence: CaseEvidenceService,
    private readonly tasks: TaskService,
    private readonly audit: AuditService,
    private readonly starter: WorkflowStarter,
    private readonly answers: WorkflowAnswers,
  ) {}

  async openPenaltyCase(
    actor: Actor,
    body: { title: string; enterpriseId?: string; handlerIds?: string[] },
    requestId?: string,
  ) {
    const created = await this.starter.open(
      actor,
      {
        caseType: 'PENALTY',
        title: body.title,
        enterpriseId: body.enterpriseId ?? null,
        handlerIds: body.handlerIds ?? [],
        workflowId: (id) => workflowIdForCase('PENALTY', id),
      },
      'penaltyCaseWorkflow',
      (row): PenaltyCaseInput => ({
        caseId: row.id,
        departmentId: row.departmentId,
        enterpriseId: row.enterpriseId,
        createdBy: actor.userId,
        handlerIds: row.handlerIds,
        openedAt: row.createdAt.toISOString(),
      }),
      requestId,
    );
    return caseView(created);
  }

  async list(actor: Actor, query: CaseSearchQuery) {
    const page = await this.cases.search(actor, query);
    const summaries = await this.cases.summaries(page.items.map((c) => c.id));
    return {
      ...page,
      items: page.items.map((c) => ({ ...caseView(c), enterpriseName: summaries.get(c.id)?.enterpriseName ?? null })),
    };
  }

  async detail(actor: Actor, id: string) {
    const found = await this.cases.getVisible(actor, id);
    const workflow =
      found.caseType === 'PENALTY' && found.status !== 'START_FAILED'
        ? await this.answers.query(found.workflowId, getPenaltyCaseStateQuery)
        : null;
    const tasks = await this.tasks.listForCase(found.id);
    const summary = (await this.cases.summaries([found.id])).get(found.id);
    return {
      ...caseView(found),
      enterpriseName: summary?.enterpriseName ?? null,
      workflow,
      tasks: tasks.map(taskView),
    };
  }

  async recordVerification(actor: Actor, id: string) {
    await this.cases.getVisible(actor, id);
    return this.audit.verifyCase(id);
  }

  async timeline(actor: Actor, id: string, page: { limit: number; cursor?: string }) {
    await this.cases.getVisible(actor, id);
    return this.audit.timeline(id, page);
  }

  async attach(
    actor: Actor,
    caseId: string,
    body: {
      kind: 'FILE' | 'NOTE';
      taskId?: string;
      fileName?: string;
      contentType?: string;
      text?: string;
      contentBase64?: string;
    },
    requestId?: string,
  ) {
    const content = body.kind === 'NOTE' ? Buffer.from(body.text!, 'utf8') : Buffer.from(body.contentBase64!, 'base64');
    if (content.length === 0 || content.length > MAX_ATTACHMENT_BYTES) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'file must be 1 byte to 8 MiB');
    }
    if (body.taskId) {
      const task = await this.tasks.getVisible(actor, body.taskId);
      if (task.caseId !== caseId)
        throw new DomainError(ErrorCode.VALIDATION_FAILED, 'the task belongs to another case');
    }
    const saved = await this.evidence.attach(
      actor,
      caseId,
      { taskId: body.taskId, kind: body.kind, fileName: body.fileName, contentType: body.contentType, content },
      requestId,
    );
    return attachmentView(saved);
  }

  async attachments(actor: Actor, caseId: string) {
    await this.cases.getVisible(actor, caseId);
    return { items: (await this.evidence.listAttachments(caseId)).map(attachmentView) };
  }

  attachmentContent(actor: Actor, caseId: string, attachmentId: string) {
    return this.evidence.attachmentContent(actor, caseId, attachmentId);
  }
}
