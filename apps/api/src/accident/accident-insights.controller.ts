import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccidentInsightService } from '@safety/application';
import { Actor, Role } from '@safety/domain/identity/roles';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { NearMissDto, NearMissListQuery, PeriodQuery, StatisticsQuery } from './accident.dto';
import { nearMissView } from './accident.views';

const { ENFORCEMENT_OFFICER: OFFICER, AGENCY_HEAD: HEAD, DEPARTMENT_ADMIN: ADMIN, SYSTEM_ADMIN: SYSADMIN } = Role;

/** Registered before AccidentsController so these fixed paths win over `/accidents/:id`. */
@ApiTags('accidents')
@ApiBearerAuth()
@Controller('accidents')
export class AccidentInsightsController {
  constructor(private readonly insights: AccidentInsightService) {}

  @Get('statistics')
  @Roles(OFFICER, HEAD, ADMIN, SYSADMIN)
  @ApiOperation({
    summary:
      '事故起数 / 死亡人数 per grade, sector or region in [from, to), with the change against the preceding period of equal length',
  })
  statistics(@CurrentActor() actor: Actor, @Query() q: StatisticsQuery) {
    return this.insights.statistics(actor, { from: new Date(q.from), to: new Date(q.to), groupBy: q.groupBy });
  }

  @Post('near-misses')
  @Roles(OFFICER, HEAD)
  @ApiOperation({ summary: 'Record a near miss or an injury-only event (no investigation flow)' })
  async recordNearMiss(@CurrentActor() actor: Actor, @Body() dto: NearMissDto, @RequestId() requestId?: string) {
    return nearMissView(
      await this.insights.recordNearMiss(
        actor,
        { ...dto, occurredAt: new Date(dto.occurredAt), minorInjuries: dto.minorInjuries ?? 0 },
        requestId,
      ),
    );
  }

  @Get('near-misses')
  @Roles(OFFICER, HEAD, ADMIN, SYSADMIN)
  @ApiOperation({
    summary: 'Near misses and injury-only events of your department (and below for supervisors), newest first',
  })
  async nearMisses(@CurrentActor() actor: Actor, @Query() q: NearMissListQuery) {
    const page = await this.insights.listNearMisses(actor, {
      ...q,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
    });
    return { ...page, items: page.items.map(nearMissView) };
  }

  @Get('near-misses/analysis')
  @Roles(OFFICER, HEAD, ADMIN, SYSADMIN)
  @ApiOperation({ summary: 'Near misses counted by sector, cause category and kind in [from, to)' })
  analysis(@CurrentActor() actor: Actor, @Query() q: PeriodQuery) {
    return this.insights.nearMissAnalysis(actor, { from: new Date(q.from), to: new Date(q.to) });
  }
}
