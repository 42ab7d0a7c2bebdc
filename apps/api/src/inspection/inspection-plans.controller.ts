import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@safety/domain/identity/roles';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { Endpoint, ErrorStatus } from '../contract/endpoint.decorator';
import { IdParams } from '../contract/schemas';
import { InspectionPlanQueries } from './inspection-plan.queries';
import {
  ApproveDto,
  ConflictDto,
  ConflictListQueryDto,
  ConflictPageDto,
  CreateConflictDto,
  CreatePlanDto,
  DrawDto,
  DrawListQueryDto,
  DrawPageDto,
  DrawVerificationDto,
  DrawViewDto,
  PlanDto,
  PlanListQueryDto,
  PlanPageDto,
} from './inspection.schemas';

const READERS = [
  Role.ENFORCEMENT_OFFICER,
  Role.AGENCY_HEAD,
  Role.DEPARTMENT_ADMIN,
  Role.SYSTEM_ADMIN,
  Role.LEGAL_REVIEWER,
];
const BODY_ERRORS: ErrorStatus[] = [400, 403, 413, 415];
const READ_ERRORS: ErrorStatus[] = [400, 403, 404];

@ApiTags('inspection plans and draws')
@ApiBearerAuth()
@Controller('inspection')
export class InspectionPlansController {
  constructor(private readonly queries: InspectionPlanQueries) {}

  @Post('plans')
  @Roles(Role.DEPARTMENT_ADMIN, Role.AGENCY_HEAD)
  @Endpoint({
    summary: 'Draft an annual/special inspection plan for your department (sectors, 分类分级 sampling by risk grade)',
    description: 'An unknown sector is a 404.',
    response: PlanDto,
    status: 201,
    errors: [...BODY_ERRORS, 404],
  })
  createPlan(@CurrentActor() actor: Actor, @Body() body: CreatePlanDto, @RequestId() requestId?: string) {
    return this.queries.createPlan(actor, body, requestId);
  }

  @Get('plans')
  @Roles(...READERS)
  @Endpoint({
    summary: 'Plans of your department (and the levels below for supervisors), newest first',
    response: PlanPageDto,
    errors: [400, 403],
  })
  listPlans(@CurrentActor() actor: Actor, @Query() query: PlanListQueryDto) {
    return this.queries.plansOf(actor, query);
  }

  @Get('plans/:id')
  @Roles(...READERS)
  @Endpoint({ summary: 'One inspection plan', response: PlanDto, errors: READ_ERRORS })
  getPlan(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.queries.plan(actor, id);
  }

  @Post('plans/:id/approve')
  @Roles(Role.AGENCY_HEAD)
  @Endpoint({
    summary: "Approve a draft plan (the head of the plan's department; 409 if already approved)",
    response: PlanDto,
    errors: [...BODY_ERRORS, 404, 409],
  })
  approve(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: ApproveDto,
    @RequestId() requestId?: string,
  ) {
    return this.queries.approve(actor, id, body.comment, requestId);
  }

  @Post('plans/:id/draws')
  @Roles(Role.DEPARTMENT_ADMIN, Role.AGENCY_HEAD)
  @Endpoint({
    summary:
      '双随机 draw for an approved plan: random targets by risk grade, ≥ 2 random inspectors each (conflicts excluded); recorded with its seed and published',
    description: '409 before the plan is approved; 422 when a target cannot be staffed without a conflict.',
    response: DrawViewDto,
    status: 201,
    errors: [...BODY_ERRORS, 404, 409, 422],
  })
  draw(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: DrawDto,
    @RequestId() requestId?: string,
  ) {
    return this.queries.draw(actor, id, body.seed, requestId);
  }

  @Get('draws')
  @Roles(...READERS)
  @Endpoint({
    summary: 'Draws of your department (and the levels below for supervisors), newest first, with their targets',
    response: DrawPageDto,
    errors: [400, 403],
  })
  listDraws(@CurrentActor() actor: Actor, @Query() query: DrawListQueryDto) {
    return this.queries.drawsOf(actor, query);
  }

  @Get('draws/:id')
  @Roles(...READERS)
  @Endpoint({ summary: 'One draw with its targets', response: DrawViewDto, errors: READ_ERRORS })
  getDraw(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.queries.drawById(actor, id);
  }

  @Get('draws/:id/verify')
  @Roles(...READERS)
  @Endpoint({
    summary: 'Recompute the draw from its recorded seed and pool snapshot and compare with the stored result',
    response: DrawVerificationDto,
    errors: READ_ERRORS,
  })
  verify(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.queries.verify(actor, id);
  }

  @Post('conflicts')
  @Roles(Role.DEPARTMENT_ADMIN, Role.AGENCY_HEAD)
  @Endpoint({
    summary: 'Add an officer–enterprise conflict of interest (回避: kinship, prior employment, …); draws exclude it',
    description: '409 when the same conflict is already active.',
    response: ConflictDto,
    status: 201,
    errors: [...BODY_ERRORS, 404, 409],
  })
  addConflict(@CurrentActor() actor: Actor, @Body() body: CreateConflictDto, @RequestId() requestId?: string) {
    return this.queries.addConflict(actor, body, requestId);
  }

  @Get('conflicts')
  @Roles(Role.DEPARTMENT_ADMIN, Role.AGENCY_HEAD, Role.SYSTEM_ADMIN)
  @Endpoint({
    summary: 'The conflict-of-interest list of your department (and the levels below), newest first',
    response: ConflictPageDto,
    errors: [400, 403],
  })
  listConflicts(@CurrentActor() actor: Actor, @Query() query: ConflictListQueryDto) {
    return this.queries.conflictsOf(actor, query);
  }

  @Post('conflicts/:id/deactivate')
  @Roles(Role.DEPARTMENT_ADMIN, Role.AGENCY_HEAD)
  @Endpoint({
    summary: 'Take a conflict off the list (409 if already inactive)',
    response: ConflictDto,
    errors: [400, 403, 404, 409],
  })
  deactivateConflict(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @RequestId() requestId?: string) {
    return this.queries.deactivateConflict(actor, id, requestId);
  }
}
