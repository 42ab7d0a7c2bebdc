import { Injectable } from '@nestjs/common';
import { IndicatorAdminService, IndicatorPublishedResultService, IndicatorReportService } from '@safety/application';
import type { Actor } from '@safety/domain/identity/roles';
import type { IndicatorPlanEntity, PlanIndicatorEntity } from '@safety/persistence';
import type {
  DenominatorsBodyDto,
  IndicatorBodyDto,
  IndicatorReportQueryDto,
  IndicatorPlanBodyDto,
  IndicatorPlanRevisionBodyDto,
  IndicatorRevisionBodyDto,
  PublishedResultBodyDto,
  PublishedResultParams,
  PublishedResultRevisionBodyDto,
} from './indicator.schemas';

const indicatorView = (i: PlanIndicatorEntity) => ({
  id: i.id,
  planId: i.planId,
  seq: i.seq,
  name: i.name,
  definition: i.definition,
  measure: i.measure,
  unit: i.unit,
  sectorCodes: i.sectorCodes,
  baselineYear: i.baselineYear,
  baselineValue: i.baselineValue,
  targetKind: i.targetKind,
  targetValue: i.targetValue,
  targetYear: i.targetYear,
  nature: i.nature,
  leadDepartment: i.leadDepartment,
});

/** Plan indicators over HTTP: the computed report, plans and indicators, denominators. */
@Injectable()
export class IndicatorQueries {
  constructor(
    private readonly report: IndicatorReportService,
    private readonly admin: IndicatorAdminService,
    private readonly published: IndicatorPublishedResultService,
  ) {}

  read(actor: Actor, q: IndicatorReportQueryDto) {
    return this.report.report(actor, q);
  }

  async createPlan(actor: Actor, body: IndicatorPlanBodyDto, requestId?: string) {
    const plan: IndicatorPlanEntity = await this.admin.createPlan(actor, body, requestId);
    return this.planView(plan);
  }

  async addIndicator(actor: Actor, planId: string, body: IndicatorBodyDto, requestId?: string) {
    return indicatorView(await this.admin.addIndicator(actor, planId, body, requestId));
  }

  async reviseIndicator(
    actor: Actor,
    planId: string,
    indicatorId: string,
    body: IndicatorRevisionBodyDto,
    requestId?: string,
  ) {
    return indicatorView(await this.admin.reviseIndicator(actor, planId, indicatorId, body, requestId));
  }

  async revisePlan(actor: Actor, planId: string, body: IndicatorPlanRevisionBodyDto, requestId?: string) {
    return this.planView(await this.admin.revisePlan(actor, planId, body, requestId));
  }

  async plan(actor: Actor, planId: string) {
    return this.planView(await this.admin.plan(actor, planId));
  }

  denominators(actor: Actor, regionId: string, year: number) {
    return this.admin.denominators(actor, regionId, year);
  }

  putDenominators(actor: Actor, regionId: string, year: number, body: DenominatorsBodyDto, requestId?: string) {
    return this.admin.putDenominators(actor, regionId, year, body, requestId);
  }

  recordPublished(actor: Actor, planId: string, indicatorId: string, body: PublishedResultBodyDto, requestId?: string) {
    const { regionId, year, ...input } = body;
    return this.published.record(actor, { planId, indicatorId, regionId, year }, input, requestId);
  }

  revisePublished(
    actor: Actor,
    { id, indicatorId, regionId, year }: PublishedResultParams,
    body: PublishedResultRevisionBodyDto,
    requestId?: string,
  ) {
    return this.published.revise(actor, { planId: id, indicatorId, regionId, year }, body, requestId);
  }

  private async planView(plan: IndicatorPlanEntity) {
    const indicators = await this.admin.indicatorsOf(plan.id);
    return {
      id: plan.id,
      code: plan.code,
      title: plan.title,
      issuer: plan.issuer,
      regionId: plan.regionId,
      periodStartYear: plan.periodStartYear,
      periodEndYear: plan.periodEndYear,
      source: plan.source,
      indicators: indicators.map(indicatorView),
    };
  }
}
