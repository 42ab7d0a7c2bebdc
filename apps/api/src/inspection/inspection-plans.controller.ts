import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InspectionDrawService, InspectionPlanService } from '@safety/application';
import { Actor, Role } from '@safety/domain/identity/roles';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import {
  ApproveDto,
  ConflictListQuery,
  conflictView,
  CreateConflictDto,
  CreatePlanDto,
  DrawDto,
  DrawListQuery,
  drawView,
  PlanListQuery,
  planView,
} from './inspection.dto';

const READERS = [
  Role.ENFORCEMENT_OFFICER,
  Role.AGENCY_HEAD,
  Role.DEPARTMENT_ADMIN,
  Role.SYSTEM_ADMIN,
  Role.LEGAL_REVIEWER,
];

@ApiTags('inspection plans and draws')
@ApiBearerAuth()
@Controller('inspection')
export class InspectionPlansController {
  constructor(
    private readonly plans: InspectionPlanService,
    private readonly draws: InspectionDrawService,
  ) {}

  @Post('plans')
  @Roles(Role.DEPARTMENT_ADMIN, Role.AGENCY_HEAD)
  @ApiOperation({
    summary: 'Draft an annual/special inspection plan for your department (sectors, 分类分级 sampling by risk grade)',
  })
  async createPlan(@CurrentActor() actor: Actor, @Body() dto: CreatePlanDto, @RequestId() requestId?: string) {
    return planView(
      await this.plans.create(
        actor,
        {
          year: dto.year,
          kind: dto.kind,
          title: dto.title,
          sectorCodes: dto.sectorCodes ?? [],
          config: dto.config ? { ...dto.config, frequencyPerYear: dto.config.frequencyPerYear as never } : undefined,
        },
        requestId,
      ),
    );
  }

  @Get('plans')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Plans of your department (and the levels below for supervisors), newest first' })
  async listPlans(@CurrentActor() actor: Actor, @Query() q: PlanListQuery) {
    const page = await this.plans.list(actor, q);
    return { ...page, items: page.items.map(planView) };
  }

  @Get('plans/:id')
  @Roles(...READERS)
  async getPlan(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return planView(await this.plans.getVisible(actor, id));
  }

  @Post('plans/:id/approve')
  @HttpCode(200)
  @Roles(Role.AGENCY_HEAD)
  @ApiOperation({ summary: "Approve a draft plan (the head of the plan's department; 409 if already approved)" })
  async approve(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ApproveDto,
    @RequestId() requestId?: string,
  ) {
    return planView(await this.plans.approve(actor, id, dto.comment ?? null, requestId));
  }

  @Post('plans/:id/draws')
  @Roles(Role.DEPARTMENT_ADMIN, Role.AGENCY_HEAD)
  @ApiOperation({
    summary:
      '双随机 draw for an approved plan: random targets by risk grade, ≥ 2 random inspectors each (conflicts excluded); recorded with its seed and published',
  })
  async draw(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DrawDto,
    @RequestId() requestId?: string,
  ) {
    const r = await this.draws.draw(actor, id, dto.seed ?? null, requestId);
    return drawView(r.draw, r.targets);
  }

  @Get('draws')
  @Roles(...READERS)
  async listDraws(@CurrentActor() actor: Actor, @Query() q: DrawListQuery) {
    const page = await this.draws.list(actor, q);
    return { ...page, items: page.items.map((x) => drawView(x.draw, x.targets)) };
  }

  @Get('draws/:id')
  @Roles(...READERS)
  async getDraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    const r = await this.draws.getVisible(actor, id);
    return drawView(r.draw, r.targets);
  }

  @Get('draws/:id/verify')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Recompute the draw from its recorded seed and pool snapshot and compare with the stored result',
  })
  async verify(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    const v = await this.draws.verify(actor, id);
    return {
      reproducible: v.reproducible,
      mismatchedPositions: v.mismatches,
      algorithm: v.recomputed.algorithm,
      recomputedTargets: v.recomputed.targets,
    };
  }

  @Post('conflicts')
  @Roles(Role.DEPARTMENT_ADMIN, Role.AGENCY_HEAD)
  @ApiOperation({
    summary: 'Add an officer–enterprise conflict of interest (回避: kinship, prior employment, …); draws exclude it',
  })
  async addConflict(@CurrentActor() actor: Actor, @Body() dto: CreateConflictDto, @RequestId() requestId?: string) {
    return conflictView(await this.plans.addConflict(actor, dto, requestId));
  }

  @Get('conflicts')
  @Roles(Role.DEPARTMENT_ADMIN, Role.AGENCY_HEAD, Role.SYSTEM_ADMIN)
  async listConflicts(@CurrentActor() actor: Actor, @Query() q: ConflictListQuery) {
    const page = await this.plans.listConflicts(actor, {
      ...q,
      active: q.active === undefined ? undefined : q.active === 'true',
    });
    return { ...page, items: page.items.map(conflictView) };
  }

  @Post('conflicts/:id/deactivate')
  @HttpCode(200)
  @Roles(Role.DEPARTMENT_ADMIN, Role.AGENCY_HEAD)
  async deactivateConflict(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @RequestId() requestId?: string,
  ) {
    return conflictView(await this.plans.deactivateConflict(actor, id, requestId));
  }
}
