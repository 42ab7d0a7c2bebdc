import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@safety/domain/identity/roles';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { Endpoint } from '../contract/endpoint.decorator';
import { AccidentQueries } from './accident.queries';
import {
  NearMissAnalysisDto,
  NearMissBodyDto,
  NearMissDto,
  NearMissListQueryDto,
  NearMissPageDto,
  PeriodQueryDto,
  StatisticsDto,
  StatisticsQueryDto,
} from './accident-insights.schemas';

const { ENFORCEMENT_OFFICER: OFFICER, AGENCY_HEAD: HEAD, DEPARTMENT_ADMIN: ADMIN, SYSTEM_ADMIN: SYSADMIN } = Role;

/** Registered before AccidentsController so these fixed paths win over `/accidents/:id`. */
@ApiTags('accidents')
@ApiBearerAuth()
@Controller('accidents')
export class AccidentInsightsController {
  constructor(private readonly queries: AccidentQueries) {}

  @Get('statistics')
  @Roles(OFFICER, HEAD, ADMIN, SYSADMIN)
  @Endpoint({
    summary:
      '事故起数 / 死亡人数 per grade, sector or region in [from, to), with the change against the preceding period of equal length',
    response: StatisticsDto,
    errors: [400, 403, 422],
  })
  statistics(@CurrentActor() actor: Actor, @Query() query: StatisticsQueryDto) {
    return this.queries.statistics(actor, query);
  }

  @Post('near-misses')
  @Roles(OFFICER, HEAD)
  @Endpoint({
    summary: 'Record a near miss or an injury-only event (no investigation flow)',
    response: NearMissDto,
    status: 201,
    errors: [400, 403, 404, 413, 415],
  })
  recordNearMiss(@CurrentActor() actor: Actor, @Body() body: NearMissBodyDto, @RequestId() requestId?: string) {
    return this.queries.recordNearMiss(actor, body, requestId);
  }

  @Get('near-misses')
  @Roles(OFFICER, HEAD, ADMIN, SYSADMIN)
  @Endpoint({
    summary: 'Near misses and injury-only events of your department (and below for supervisors), newest first',
    response: NearMissPageDto,
    errors: [400, 403],
  })
  nearMisses(@CurrentActor() actor: Actor, @Query() query: NearMissListQueryDto) {
    return this.queries.nearMisses(actor, query);
  }

  @Get('near-misses/analysis')
  @Roles(OFFICER, HEAD, ADMIN, SYSADMIN)
  @Endpoint({
    summary: 'Near misses counted by sector, cause category and kind in [from, to)',
    response: NearMissAnalysisDto,
    errors: [400, 403],
  })
  analysis(@CurrentActor() actor: Actor, @Query() query: PeriodQueryDto) {
    return this.queries.nearMissAnalysis(actor, query);
  }
}
