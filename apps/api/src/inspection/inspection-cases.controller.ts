import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService, InspectionAreaCaseType, InspectionCaseService, TaskService } from '@safety/application';
import { Actor, Role } from '@safety/domain/identity/roles';
import { getCriminalTransferStateQuery, getInspectionStateQuery, getSimplePenaltyStateQuery } from '@safety/temporal';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { caseView } from '../cases/case.view';
import { taskView } from '../tasks/task.view';
import {
  areaCaseView,
  CaseStatusQuery,
  OpenInspectionDto,
  ProposeTransferDto,
  SimplePenaltyDto,
} from './inspection.dto';
import { WorkflowAnswers } from '../temporal/workflow-answers';
import { WorkflowStarter } from '../temporal/workflow-starter';
import { InspectionWorkflowGateway } from './inspection-workflow.gateway';

const CASE_READERS = [
  Role.ENFORCEMENT_OFFICER,
  Role.AGENCY_HEAD,
  Role.LEGAL_REVIEWER,
  Role.DEPARTMENT_ADMIN,
  Role.SYSTEM_ADMIN,
];

@ApiTags('inspections, simple procedure, criminal transfers')
@ApiBearerAuth()
@Controller()
export class InspectionCasesController {
  constructor(
    private readonly inspections: InspectionCaseService,
    private readonly tasks: TaskService,
    private readonly audit: AuditService,
    private readonly starter: WorkflowStarter,
    private readonly answers: WorkflowAnswers,
    private readonly gateway: InspectionWorkflowGateway,
  ) {}

  private async detail(actor: Actor, id: string, type: InspectionAreaCaseType, requestId?: string) {
    const c = await this.inspections.getVisible(actor, id, type);
    const query =
      type === 'INSPECTION'
        ? getInspectionStateQuery
        : type === 'SIMPLE_PENALTY'
          ? getSimplePenaltyStateQuery
          : getCriminalTransferStateQuery;
    const workflow =
      c.status === 'START_FAILED'
        ? null
        : await this.answers.query(c.workflowId, query as typeof getInspectionStateQuery);
    const decision = (c.data?.decision ?? null) as { partyType?: string } | null;
    if (type === 'SIMPLE_PENALTY' && decision?.partyType === 'INDIVIDUAL') {
      // Reading an individual party's name is a personal-data read: part of the full-process record.
      await this.audit.record({
        caseId: c.id,
        actorId: actor.userId,
        actorRole: actor.roles[0],
        action: 'PERSONAL_DATA_READ',
        requestId,
        summary: { fields: ['partyName'] },
      });
    }
    return { ...areaCaseView(c), workflow, tasks: (await this.tasks.listForCase(c.id)).map(taskView) };
  }

  // ---- inspections ----

  @Post('inspections')
  @Roles(Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD)
  @ApiOperation({
    summary:
      'Open an on-site inspection, from a drawn target or ad hoc (四不两直 flag); ≥ 2 credentialed officers without a conflict',
  })
  async open(@CurrentActor() actor: Actor, @Body() dto: OpenInspectionDto, @RequestId() requestId?: string) {
    const { created, workflowInput } = await this.inspections.openInspection(actor, dto, requestId);
    await this.starter.start(created, 'inspectionWorkflow', workflowInput, actor.userId);
    return caseView(created);
  }

  @Get('inspections')
  @Roles(...CASE_READERS)
  async list(@CurrentActor() actor: Actor, @Query() q: CaseStatusQuery) {
    const page = await this.inspections.list(actor, 'INSPECTION', q);
    return { ...page, items: page.items.map(caseView) };
  }

  @Get('inspections/:id')
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary: 'An inspection with its findings, orders, measures, linked cases, live workflow state and steps',
  })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @RequestId() requestId?: string) {
    return this.detail(actor, id, 'INSPECTION', requestId);
  }

  // ---- 简易程序 ----

  @Post('simple-penalties')
  @Roles(Role.ENFORCEMENT_OFFICER)
  @ApiOperation({
    summary:
      '当场处罚 (行政处罚法 Art.51): ≤ 200 yuan individual / ≤ 3,000 organisation or a warning (422 beyond); cash only ≤ 100 yuan; numbered form; filing and cash hand-in tracked',
  })
  async decide(@CurrentActor() actor: Actor, @Body() dto: SimplePenaltyDto, @RequestId() requestId?: string) {
    const { created, workflowInput } = await this.inspections.decideSimplePenalty(actor, dto, requestId);
    await this.starter.start(created, 'simplePenaltyWorkflow', workflowInput, actor.userId);
    return { ...caseView(created), decisionNo: created.referenceNo };
  }

  @Get('simple-penalties')
  @Roles(...CASE_READERS)
  async listSimple(@CurrentActor() actor: Actor, @Query() q: CaseStatusQuery) {
    const page = await this.inspections.list(actor, 'SIMPLE_PENALTY', q);
    return { ...page, items: page.items.map(caseView) };
  }

  @Get('simple-penalties/:id')
  @Roles(...CASE_READERS)
  getSimple(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @RequestId() requestId?: string) {
    return this.detail(actor, id, 'SIMPLE_PENALTY', requestId);
  }

  // ---- 行刑衔接 ----

  @Post('criminal-transfers')
  @Roles(Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD)
  @ApiOperation({
    summary:
      'Propose transferring a suspected crime to the police (国务院令第310号): team of ≥ 2 officers; the head decides within 3 days. From a penalty case the proposal goes through that case (its handlers form the team; one pending transfer at a time, 409)',
  })
  async propose(@CurrentActor() actor: Actor, @Body() dto: ProposeTransferDto, @RequestId() requestId?: string) {
    return caseView(await this.gateway.proposeTransfer(actor, dto, requestId));
  }

  @Get('criminal-transfers')
  @Roles(...CASE_READERS)
  async listTransfers(@CurrentActor() actor: Actor, @Query() q: CaseStatusQuery) {
    const page = await this.inspections.list(actor, 'CRIMINAL_TRANSFER', q);
    return { ...page, items: page.items.map(caseView) };
  }

  @Get('criminal-transfers/:id')
  @Roles(...CASE_READERS)
  getTransfer(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @RequestId() requestId?: string) {
    return this.detail(actor, id, 'CRIMINAL_TRANSFER', requestId);
  }
}
