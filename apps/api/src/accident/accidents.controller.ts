import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@safety/domain/identity/roles';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { Endpoint } from '../contract/endpoint.decorator';
import { IdParams } from '../contract/schemas';
import { AccidentWorkflowGateway } from './accident-workflow.gateway';
import { AccidentQueries } from './accident.queries';
import {
  AccidentDetailQueryDto,
  AccidentListQueryDto,
  ACTION_ERRORS,
  CasualtyUpdateDto,
  CreateAccidentDto,
  ReportingFlagDto,
  SkipLevelReportDto,
} from './accident.schemas';
import {
  AccidentDetailDto,
  AccidentDto,
  AccidentPageDto,
  CasualtyRevisionResultDto,
  ReportingFlagsDto,
  SkipLevelReportResultDto,
} from './accident-views.schemas';

const {
  ENFORCEMENT_OFFICER: OFFICER,
  AGENCY_HEAD: HEAD,
  INVESTIGATION_MEMBER: MEMBER,
  DEPARTMENT_ADMIN: ADMIN,
  SYSTEM_ADMIN: SYSADMIN,
  DISCIPLINE_BODY: DISCIPLINE,
} = Role;

/**
 * 生产安全事故报告 (国务院令第493号) over HTTP: the report, its record and detail, 漏报/谎报/瞒报
 * and 补报. The investigation and the accountability steps are in their own controllers.
 */
@ApiTags('accidents')
@ApiBearerAuth()
@Controller('accidents')
export class AccidentsController {
  constructor(
    private readonly gateway: AccidentWorkflowGateway,
    private readonly queries: AccidentQueries,
  ) {}

  @Post()
  @Roles(OFFICER, HEAD)
  @Endpoint({
    summary:
      '事故报告: grade (条例 Art.3), investigating level (Art.19), 迟报 check (Art.9); the case goes to the department at that level',
    response: AccidentDto,
    status: 201,
    errors: [400, 403, 404, 413, 415],
  })
  report(@CurrentActor() actor: Actor, @Body() body: CreateAccidentDto, @RequestId() requestId?: string) {
    return this.gateway.report(actor, body, requestId);
  }

  @Get()
  @Roles(OFFICER, HEAD, ADMIN, SYSADMIN)
  @Endpoint({
    summary:
      'Accidents investigated or reported by your department (and the levels below for supervisors), newest first',
    response: AccidentPageDto,
    errors: [400, 403],
  })
  list(@CurrentActor() actor: Actor, @Query() query: AccidentListQueryDto) {
    return this.queries.list(actor, query);
  }

  @Get(':id')
  @Roles(OFFICER, HEAD, MEMBER, DISCIPLINE, ADMIN, SYSADMIN)
  @Endpoint({
    summary:
      'One accident: record, team, 补报 history, report, parties, measures, education, live workflow state and steps. Personal data masked unless ?unmask=true (head of the investigating department or team lead; audited)',
    response: AccidentDetailDto,
    errors: [400, 403, 404],
  })
  get(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Query() query: AccidentDetailQueryDto,
    @RequestId() requestId?: string,
  ) {
    return this.queries.detail(actor, id, query.unmask === 'true', requestId);
  }

  @Post(':id/reporting-flags')
  @Roles(OFFICER, HEAD)
  @Endpoint({
    summary:
      'Record 漏报 / 谎报 / 瞒报 (条例 Art.36) and open its consequences; a repeat is answered as done and opens what is missing',
    response: ReportingFlagsDto,
    status: 201,
    errors: [400, 403, 404, 409, 413, 415],
  })
  flag(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: ReportingFlagDto,
    @RequestId() requestId?: string,
  ) {
    return this.gateway.flag(actor, id, body, requestId);
  }

  @Post(':id/upward-reports/skip-level')
  @Roles(OFFICER, HEAD)
  @Endpoint({
    summary:
      '越级上报 (条例 Art.10 para.2): the department holding the report goes past the level waiting for it to a higher level of the chain, whose task opens at once (due in 2 hours); the skipped levels still report',
    response: SkipLevelReportResultDto,
    errors: ACTION_ERRORS,
  })
  skipLevel(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: SkipLevelReportDto) {
    return this.gateway.skipLevel(actor, id, body);
  }

  @Post(':id/casualty-updates')
  @Roles(OFFICER, HEAD)
  @Endpoint({
    summary:
      '补报 within 30 days (road traffic and fire: 7) of the accident (条例 Art.13): regrades, and may move the investigation up (Art.20); later → 422 DEADLINE_PASSED',
    response: CasualtyRevisionResultDto,
    errors: ACTION_ERRORS,
  })
  revise(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: CasualtyUpdateDto) {
    return this.gateway.reviseCasualties(actor, id, body);
  }
}
