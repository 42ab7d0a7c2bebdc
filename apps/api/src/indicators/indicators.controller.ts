import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@safety/domain/identity/roles';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { Endpoint } from '../contract/endpoint.decorator';
import { IndicatorQueries } from './indicator.queries';
import {
  DenominatorParams,
  DenominatorsBodyDto,
  DenominatorsDto,
  IndicatorBodyDto,
  IndicatorDto,
  IndicatorReportDto,
  IndicatorReportQueryDto,
  IndicatorPlanBodyDto,
  IndicatorPlanDto,
  IndicatorIdParams,
  IndicatorPlanIdParams,
  IndicatorPlanRevisionBodyDto,
  IndicatorRevisionBodyDto,
  PublishedResultBodyDto,
  PublishedResultDto,
  PublishedResultParams,
  PublishedResultRevisionBodyDto,
} from './indicator.schemas';

const { ENFORCEMENT_OFFICER: OFFICER, AGENCY_HEAD: HEAD, DEPARTMENT_ADMIN: ADMIN, SYSTEM_ADMIN: SYSADMIN } = Role;

/** Plan indicators (规划指标): read by officers and heads within their jurisdiction, entered by its administrators. */
@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorQueries) {}

  @Get()
  @Roles(OFFICER, HEAD, ADMIN, SYSADMIN)
  @Endpoint({
    summary:
      'Each indicator of the plans of your jurisdiction per year: value from the accident records and denominators, target, progress, verdict (未完成 / on track / achieved), change on the year before, sectors',
    response: IndicatorReportDto,
    errors: [400, 403, 404],
  })
  read(@CurrentActor() actor: Actor, @Query() query: IndicatorReportQueryDto) {
    return this.indicators.read(actor, query);
  }

  @Post('plans')
  @Roles(ADMIN, SYSADMIN)
  @Endpoint({
    summary: 'Enter a plan of a region of your jurisdiction with its indicator table (administrators; audited)',
    response: IndicatorPlanDto,
    status: 201,
    errors: [400, 403, 404, 409, 413, 415, 422],
  })
  createPlan(@CurrentActor() actor: Actor, @Body() body: IndicatorPlanBodyDto, @RequestId() requestId?: string) {
    return this.indicators.createPlan(actor, body, requestId);
  }

  @Get('plans/:id')
  @Roles(OFFICER, HEAD, ADMIN, SYSADMIN)
  @Endpoint({
    summary: 'A plan and its indicator table as entered',
    response: IndicatorPlanDto,
    errors: [400, 403, 404],
  })
  plan(@CurrentActor() actor: Actor, @Param() { id }: IndicatorPlanIdParams) {
    return this.indicators.plan(actor, id);
  }

  @Post('plans/:id/indicators')
  @Roles(ADMIN, SYSADMIN)
  @Endpoint({
    summary: 'Add an indicator to a plan of your jurisdiction (administrators; audited)',
    response: IndicatorDto,
    status: 201,
    errors: [400, 403, 404, 413, 415, 422],
  })
  addIndicator(
    @CurrentActor() actor: Actor,
    @Param() { id }: IndicatorPlanIdParams,
    @Body() body: IndicatorBodyDto,
    @RequestId() requestId?: string,
  ) {
    return this.indicators.addIndicator(actor, id, body, requestId);
  }

  @Patch('plans/:id')
  @Roles(ADMIN, SYSADMIN)
  @Endpoint({
    summary:
      "Correct a plan's title, issuer or source, with a reason (administrators; audited with before and after; code, region and period stay)",
    response: IndicatorPlanDto,
    errors: [400, 403, 404, 413, 415],
  })
  revisePlan(
    @CurrentActor() actor: Actor,
    @Param() { id }: IndicatorPlanIdParams,
    @Body() body: IndicatorPlanRevisionBodyDto,
    @RequestId() requestId?: string,
  ) {
    return this.indicators.revisePlan(actor, id, body, requestId);
  }

  @Put('plans/:id/indicators/:indicatorId')
  @Roles(ADMIN, SYSADMIN)
  @Endpoint({
    summary:
      "Replace an indicator's entry, with a reason (a correction or a mid-term target adjustment; same checks as a new one; audited with before and after)",
    response: IndicatorDto,
    errors: [400, 403, 404, 413, 415, 422],
  })
  reviseIndicator(
    @CurrentActor() actor: Actor,
    @Param() { id, indicatorId }: IndicatorIdParams,
    @Body() body: IndicatorRevisionBodyDto,
    @RequestId() requestId?: string,
  ) {
    return this.indicators.reviseIndicator(actor, id, indicatorId, body, requestId);
  }

  @Get('denominators/:regionId/:year')
  @Roles(OFFICER, HEAD, ADMIN, SYSADMIN)
  @Endpoint({
    summary: 'The denominators (GDP, 工矿商贸 employees, vehicles) of a region of your jurisdiction for a year',
    response: DenominatorsDto,
    errors: [400, 403, 404],
  })
  denominators(@CurrentActor() actor: Actor, @Param() { regionId, year }: DenominatorParams) {
    return this.indicators.denominators(actor, regionId, year);
  }

  @Put('denominators/:regionId/:year')
  @Roles(ADMIN, SYSADMIN)
  @Endpoint({
    summary:
      "Replace a region's denominators for a year (administrators of that region; idempotent; audited with before and after)",
    response: DenominatorsDto,
    errors: [400, 403, 404, 413, 415],
  })
  putDenominators(
    @CurrentActor() actor: Actor,
    @Param() { regionId, year }: DenominatorParams,
    @Body() body: DenominatorsBodyDto,
    @RequestId() requestId?: string,
  ) {
    return this.indicators.putDenominators(actor, regionId, year, body, requestId);
  }

  @Post('plans/:id/indicators/:indicatorId/published-results')
  @Roles(ADMIN, SYSADMIN)
  @Endpoint({
    summary:
      "Record an indicator's result as the agencies published it for the plan's region and a year (value, verdict, source, publication day; administrators; audited); GET /indicators shows it beside the computed value",
    response: PublishedResultDto,
    status: 201,
    errors: [400, 403, 404, 409, 413, 415, 422],
  })
  recordPublished(
    @CurrentActor() actor: Actor,
    @Param() { id, indicatorId }: IndicatorIdParams,
    @Body() body: PublishedResultBodyDto,
    @RequestId() requestId?: string,
  ) {
    return this.indicators.recordPublished(actor, id, indicatorId, body, requestId);
  }

  @Put('plans/:id/indicators/:indicatorId/published-results/:regionId/:year')
  @Roles(ADMIN, SYSADMIN)
  @Endpoint({
    summary:
      'Revise a recorded published result, with a reason (administrators; audited with before and after; 404 if none is recorded)',
    response: PublishedResultDto,
    errors: [400, 403, 404, 413, 415, 422],
  })
  revisePublished(
    @CurrentActor() actor: Actor,
    @Param() params: PublishedResultParams,
    @Body() body: PublishedResultRevisionBodyDto,
    @RequestId() requestId?: string,
  ) {
    return this.indicators.revisePublished(actor, params, body, requestId);
  }
}
