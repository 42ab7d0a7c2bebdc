import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import type { Response } from 'express';
import { AuditService, CaseService, TaskService } from '@safety/application';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, Role } from '@safety/domain/identity/roles';
import { getPenaltyCaseStateQuery, PenaltyCaseInput, workflowIdForCase } from '@safety/temporal';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { PageQuery } from '../common/pagination';
import { TEMPORAL_CLIENT } from '../temporal/temporal.providers';
import { WorkflowStarter } from '../temporal/workflow-starter';
import { AttachDto, CaseListQuery, caseView, CreatePenaltyCaseDto, taskView } from './case.dto';

const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CaseService,
    private readonly tasks: TaskService,
    private readonly audit: AuditService,
    private readonly starter: WorkflowStarter,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Post('penalty')
  @Roles(Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD)
  @ApiOperation({
    summary: 'Open a penalty case (行政处罚一般程序); starts its workflow, whose first step is 立案审批',
  })
  async createPenaltyCase(
    @CurrentActor() actor: Actor,
    @Body() dto: CreatePenaltyCaseDto,
    @RequestId() requestId?: string,
  ) {
    // The row commits before the workflow starts, so the workflow's first activity always finds it.
    const created = await this.cases.open(
      actor,
      {
        caseType: 'PENALTY',
        title: dto.title,
        enterpriseId: dto.enterpriseId ?? null,
        handlerIds: dto.handlerIds ?? [],
        workflowId: (id) => workflowIdForCase('PENALTY', id),
      },
      requestId,
    );
    const input: PenaltyCaseInput = {
      caseId: created.id,
      departmentId: created.departmentId,
      enterpriseId: created.enterpriseId,
      createdBy: actor.userId,
      handlerIds: created.handlerIds,
      openedAt: created.createdAt.toISOString(),
    };
    await this.starter.start(created, 'penaltyCaseWorkflow', input, actor.userId);
    return caseView(created);
  }

  @Get()
  @ApiOperation({ summary: 'Cases of your department (and the levels below for supervisors), newest first' })
  async list(@CurrentActor() actor: Actor, @Query() q: CaseListQuery) {
    const page = await this.cases.list(actor, q);
    return { ...page, items: page.items.map(caseView) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One case with its live workflow state and open steps' })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    const c = await this.cases.getVisible(actor, id);
    let workflow: unknown = null;
    if (c.caseType === 'PENALTY')
      workflow = await this.temporal.workflow.getHandle(c.workflowId).query(getPenaltyCaseStateQuery);
    const tasks = await this.tasks.listForCase(c.id);
    return { ...caseView(c), workflow, tasks: tasks.map(taskView) };
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'The full-process record (执法全过程记录) of the case, oldest first' })
  async timeline(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() q: PageQuery) {
    await this.cases.getVisible(actor, id);
    return this.audit.timelineByOffset(id, q.offset, q.limit);
  }

  @Post(':id/attachments')
  @ApiOperation({
    summary: 'Attach evidence (a file, stored with its SHA-256) or a note to the case or one of its steps',
  })
  async attach(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AttachDto,
    @RequestId() requestId?: string,
  ) {
    let content: Buffer;
    if (dto.kind === 'NOTE') {
      if (!dto.text) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'a NOTE needs text');
      content = Buffer.from(dto.text, 'utf8');
    } else {
      if (!dto.contentBase64) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'a FILE needs contentBase64');
      content = Buffer.from(dto.contentBase64, 'base64');
      if (content.length === 0 || content.length > MAX_ATTACHMENT_BYTES)
        throw new DomainError(ErrorCode.VALIDATION_FAILED, 'file must be 1 byte to 8 MiB');
    }
    if (dto.taskId) {
      const task = await this.tasks.getVisible(actor, dto.taskId);
      if (task.caseId !== id) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'the task belongs to another case');
    }
    const a = await this.cases.attach(
      actor,
      id,
      { taskId: dto.taskId, kind: dto.kind, fileName: dto.fileName, contentType: dto.contentType, content },
      requestId,
    );
    return attachmentView(a);
  }

  @Get(':id/attachments')
  @ApiOperation({ summary: 'Evidence and notes of the case' })
  async attachments(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    await this.cases.getVisible(actor, id);
    return { items: (await this.cases.listAttachments(id)).map(attachmentView) };
  }

  @Get(':id/attachments/:attachmentId/content')
  @ApiOperation({ summary: 'Download one attachment' })
  async content(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) aid: string,
    @Res() res: Response,
  ) {
    const a = await this.cases.attachmentContent(actor, id, aid);
    res.setHeader(
      'content-type',
      a.contentType ?? (a.kind === 'NOTE' ? 'text/plain; charset=utf-8' : 'application/octet-stream'),
    );
    res.setHeader('x-content-sha256', a.sha256);
    res.send(a.content);
  }
}

const attachmentView = (a: {
  id: string;
  caseId: string;
  taskId: string | null;
  kind: string;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  createdAt: Date;
}) => ({
  id: a.id,
  caseId: a.caseId,
  taskId: a.taskId,
  kind: a.kind,
  fileName: a.fileName,
  contentType: a.contentType,
  sizeBytes: a.sizeBytes,
  sha256: a.sha256,
  uploadedBy: a.uploadedBy,
  createdAt: a.createdAt.toISOString(),
});
