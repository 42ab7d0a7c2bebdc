import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@safety/domain/identity/roles';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { AttachmentDto } from '../cases/case.schemas';
import { Endpoint } from '../contract/endpoint.decorator';
import { IdParams } from '../contract/schemas';
import { SupervisionGateway } from './supervision.gateway';
import {
  CreateSummonsDto,
  CreateSupervisionItemDto,
  SummonsDetailDto,
  SummonsListQueryDto,
  SummonsPageDto,
  SummonsReceiptDto,
  SupervisionEvidenceDto,
  SupervisionItemDetailDto,
  SupervisionItemPageDto,
  SupervisionListQueryDto,
  SupervisionPolicyBodyDto,
  SupervisionPolicyDto,
  SupervisionPolicyParams,
  SupervisionReceiptDto,
} from './supervision.schemas';

const { ENFORCEMENT_OFFICER: OFFICER, AGENCY_HEAD: HEAD, DEPARTMENT_ADMIN, SYSTEM_ADMIN } = Role;

/** 督办 (supervision items). Steps are completed through /tasks like every case's. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision-items')
export class SupervisionItemsController {
  constructor(private readonly supervision: SupervisionGateway) {}

  @Post()
  @Roles(HEAD)
  @Endpoint({
    summary: 'Create a supervision item (督办): lead and co-responsible departments, deadline, milestones, frequency',
    response: SupervisionReceiptDto,
    status: 201,
    errors: [400, 403, 404, 413, 415],
  })
  create(@CurrentActor() actor: Actor, @Body() body: CreateSupervisionItemDto, @RequestId() requestId?: string) {
    return this.supervision.create(actor, body, requestId);
  }

  @Get()
  @Roles(OFFICER, HEAD)
  @Endpoint({
    summary: 'Supervision items your jurisdiction takes part in (issuer, lead or co-responsible), newest first',
    response: SupervisionItemPageDto,
    errors: [400, 403],
  })
  list(@CurrentActor() actor: Actor, @Query() query: SupervisionListQueryDto) {
    return this.supervision.list(actor, query);
  }

  @Get('policies/:departmentId')
  @Roles(OFFICER, HEAD, DEPARTMENT_ADMIN, SYSTEM_ADMIN)
  @Endpoint({
    summary: "The department's own supervision-policy overrides and the effective policy (DEFAULTS ← above ← own)",
    response: SupervisionPolicyDto,
    errors: [400, 403],
  })
  policy(@CurrentActor() actor: Actor, @Param() { departmentId }: SupervisionPolicyParams) {
    return this.supervision.policy(actor, departmentId);
  }

  @Put('policies/:departmentId')
  @Roles(DEPARTMENT_ADMIN, SYSTEM_ADMIN)
  @Endpoint({
    summary: "Replace the department's supervision-policy overrides (periods, publication, warning lead); audited",
    response: SupervisionPolicyDto,
    errors: [400, 403, 404, 413, 415, 422],
  })
  putPolicy(
    @CurrentActor() actor: Actor,
    @Param() { departmentId }: SupervisionPolicyParams,
    @Body() body: SupervisionPolicyBodyDto,
    @RequestId() requestId?: string,
  ) {
    return this.supervision.putPolicy(actor, departmentId, body.overrides, requestId);
  }

  @Get(':id')
  @Roles(OFFICER, HEAD)
  @Endpoint({
    summary: 'One supervision item with every report and completion round; only for departments taking part',
    response: SupervisionItemDetailDto,
    errors: [400, 403, 404],
  })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @RequestId() requestId?: string) {
    return this.supervision.detail(actor, id, requestId);
  }

  @Post(':id/attachments')
  @Roles(OFFICER, HEAD)
  @Endpoint({
    summary: 'Attach evidence for a report or the consolidation (any department taking part); cite it in the step',
    response: AttachmentDto,
    status: 201,
    errors: [400, 403, 404, 413, 415],
  })
  attach(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: SupervisionEvidenceDto,
    @RequestId() requestId?: string,
  ) {
    return this.supervision.attach(actor, id, body, requestId);
  }
}

/** 约谈 (summonses): opened directly or from an overdue supervision item. Steps go through /tasks. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('summonses')
export class SummonsesController {
  constructor(private readonly supervision: SupervisionGateway) {}

  @Post()
  @Roles(HEAD)
  @Endpoint({
    summary: 'Open a summons (约谈) of an enterprise principal or a lower government or department leader',
    response: SummonsReceiptDto,
    status: 201,
    errors: [400, 403, 413, 415],
  })
  create(@CurrentActor() actor: Actor, @Body() body: CreateSummonsDto, @RequestId() requestId?: string) {
    return this.supervision.openSummons(actor, body, requestId);
  }

  @Get()
  @Roles(OFFICER, HEAD)
  @Endpoint({
    summary: 'Summonses your jurisdiction held, newest first; the person summoned masked',
    response: SummonsPageDto,
    errors: [400, 403],
  })
  list(@CurrentActor() actor: Actor, @Query() query: SummonsListQueryDto) {
    return this.supervision.summonses(actor, query);
  }

  @Get(':id')
  @Roles(OFFICER, HEAD)
  @Endpoint({
    summary: 'One summons with its minutes and commitments (names masked outside the department that summoned)',
    response: SummonsDetailDto,
    errors: [400, 403, 404],
  })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @RequestId() requestId?: string) {
    return this.supervision.summons(actor, id, requestId);
  }
}
