import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor } from '@safety/domain/identity/roles';
import {
  DenominatorKind,
  IndicatorNature,
  Measure,
  MEASURE_DEFINITIONS,
  TargetKind,
  validateTarget,
} from '@safety/domain/indicators';
import {
  IndicatorDenominatorEntity,
  IndicatorPlanEntity,
  IndicatorRepository,
  OrganisationRepository,
  PlanIndicatorEntity,
  Transaction,
  UnitOfWork,
} from '@safety/persistence';
import { AuditService } from '../audit.service';
import { IndicatorJurisdiction } from './indicator-jurisdiction';

export interface IndicatorInput {
  name: string;
  definition: string;
  measure: Measure;
  unit?: string;
  sectorCodes?: string[] | null;
  baselineYear: number;
  baselineValue: number;
  targetKind: TargetKind;
  targetValue: number;
  targetYear: number;
  nature: IndicatorNature;
  leadDepartment: string;
}

export interface PlanInput {
  code: string;
  title: string;
  issuer: string;
  regionId: string;
  periodStartYear: number;
  periodEndYear: number;
  source?: string | null;
  indicators: IndicatorInput[];
}

export interface DenominatorsView {
  regionId: string;
  year: number;
  values: Partial<Record<DenominatorKind, number>>;
  source: string | null;
  updatedAt: string | null;
}

/** 422 RULE_VIOLATION naming the field. */
export const rule = (path: string, message: string): never => {
  throw new DomainError(ErrorCode.RULE_VIOLATION, message, { fields: [{ path, message }] });
};

/** Plans, indicators and denominators entered by the administrators of a region; every change audited. */
@Injectable()
export class IndicatorAdminService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: IndicatorRepository,
    private readonly org: OrganisationRepository,
    private readonly jurisdiction: IndicatorJurisdiction,
    private readonly audit: AuditService,
  ) {}

  /** A plan as entered, for someone whose jurisdiction includes its region. */
  async plan(actor: Actor, planId: string): Promise<IndicatorPlanEntity> {
    const plan = await this.repo.findPlan(planId);
    if (!plan) throw new DomainError(ErrorCode.NOT_FOUND, `plan ${planId} not found`, { planId });
    await this.jurisdiction.assertRegion(actor, plan.regionId);
    return plan;
  }

  indicatorsOf(planId: string): Promise<PlanIndicatorEntity[]> {
    return this.repo.indicatorsOf([planId]);
  }

  async createPlan(actor: Actor, input: PlanInput, requestId?: string): Promise<IndicatorPlanEntity> {
    await this.jurisdiction.assertRegion(actor, input.regionId);
    if (input.periodEndYear < input.periodStartYear) rule('periodEndYear', 'the period ends before it starts');
    for (const [i, ind] of input.indicators.entries()) await this.check(ind, input, `indicators.${i}`);
    return this.uow.transaction(async (tx) => {
      if (await this.repo.findPlanByCode(input.code, tx))
        throw new DomainError(ErrorCode.ALREADY_EXISTS, `a plan with code ${input.code} exists`, { code: input.code });
      const plan = await this.repo.insertPlan(
        {
          code: input.code,
          title: input.title,
          issuer: input.issuer,
          regionId: input.regionId,
          periodStartYear: input.periodStartYear,
          periodEndYear: input.periodEndYear,
          source: input.source ?? null,
          createdBy: actor.userId,
        },
        tx,
      );
      for (const [i, ind] of input.indicators.entries()) await this.insert(plan.id, i + 1, ind, tx);
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'INDICATOR_PLAN_CREATED',
          requestId,
          summary: { planId: plan.id, code: plan.code, regionId: plan.regionId, indicators: input.indicators.length },
        },
        tx,
      );
      return plan;
    });
  }

  async addIndicator(
    actor: Actor,
    planId: string,
    input: IndicatorInput,
    requestId?: string,
  ): Promise<PlanIndicatorEntity> {
    const plan = await this.repo.findPlan(planId);
    if (!plan) throw new DomainError(ErrorCode.NOT_FOUND, `plan ${planId} not found`, { planId });
    await this.jurisdiction.assertRegion(actor, plan.regionId);
    await this.check(input, plan, '');
    return this.uow.transaction(async (tx) => {
      await this.repo.lockPlan(plan.id, tx);
      const row = await this.insert(plan.id, await this.repo.nextSeq(plan.id, tx), input, tx);
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'INDICATOR_ADDED',
          requestId,
          summary: { planId, indicatorId: row.id, seq: row.seq, measure: row.measure, name: row.name },
        },
        tx,
      );
      return row;
    });
  }

  /**
   * Replaces an indicator's entry (a correction, or a target adjusted at the plan's mid-term review) with the
   * same checks as a new one; the reason and the entry before and after are audited. Its number in the table stays.
   */
  async reviseIndicator(
    actor: Actor,
    planId: string,
    indicatorId: string,
    input: IndicatorInput & { reason: string },
    requestId?: string,
  ): Promise<PlanIndicatorEntity> {
    const plan = await this.plan(actor, planId);
    await this.check(input, plan, '');
    return this.uow.transaction(async (tx) => {
      const before = await this.repo.findIndicatorForUpdate(plan.id, indicatorId, tx);
      if (!before) throw new DomainError(ErrorCode.NOT_FOUND, `indicator ${indicatorId} of plan ${planId} not found`);
      const { reason, ...entry } = input;
      const after = await this.repo.updateIndicator(before.id, this.row(entry), tx);
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'INDICATOR_REVISED',
          requestId,
          summary: { planId, indicatorId, seq: before.seq, reason, before: entryOf(before), after: entryOf(after) },
        },
        tx,
      );
      return after;
    });
  }

  /** Corrects a plan's title, issuer or source (its code, region and period identify it and stay); audited. */
  async revisePlan(
    actor: Actor,
    planId: string,
    input: { title?: string; issuer?: string; source?: string | null; reason: string },
    requestId?: string,
  ): Promise<IndicatorPlanEntity> {
    const plan = await this.plan(actor, planId);
    const { reason, ...fields } = input;
    return this.uow.transaction(async (tx) => {
      await this.repo.lockPlan(plan.id, tx);
      const before = await this.repo.findPlan(plan.id, tx);
      const after = await this.repo.updatePlan(plan.id, fields, tx);
      const header = (p: IndicatorPlanEntity | null) => ({ title: p?.title, issuer: p?.issuer, source: p?.source });
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'INDICATOR_PLAN_REVISED',
          requestId,
          summary: { planId, code: plan.code, reason, before: header(before), after: header(after) },
        },
        tx,
      );
      return after;
    });
  }

  async denominators(actor: Actor, regionId: string, year: number): Promise<DenominatorsView> {
    await this.jurisdiction.assertRegion(actor, regionId);
    return view(regionId, year, await this.repo.denominatorsOf(regionId, year));
  }

  /**
   * Replaces a region's denominators of a year (idempotent: the same body again changes nothing); audited
   * with the values before and after.
   */
  async putDenominators(
    actor: Actor,
    regionId: string,
    year: number,
    body: { values: Partial<Record<DenominatorKind, number>>; source: string },
    requestId?: string,
  ): Promise<DenominatorsView> {
    await this.jurisdiction.assertRegion(actor, regionId);
    return this.uow.transaction(async (tx) => {
      const before = view(regionId, year, await this.repo.denominatorsOf(regionId, year, tx));
      await this.repo.replaceDenominators(
        { regionId, year, values: body.values, source: body.source, by: actor.userId },
        tx,
      );
      const after = view(regionId, year, await this.repo.denominatorsOf(regionId, year, tx));
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'INDICATOR_DENOMINATORS_SAVED',
          requestId,
          summary: {
            regionId,
            year,
            before: { values: before.values, source: before.source },
            after: { values: after.values, source: after.source },
          },
        },
        tx,
      );
      return after;
    });
  }

  private async check(ind: IndicatorInput, plan: Pick<PlanInput, 'periodStartYear' | 'periodEndYear'>, at: string) {
    const path = (field: string) => (at ? `${at}.${field}` : field);
    try {
      validateTarget({
        kind: ind.targetKind,
        value: ind.targetValue,
        baselineYear: ind.baselineYear,
        baselineValue: ind.baselineValue,
        targetYear: ind.targetYear,
      });
    } catch (e) {
      if (e instanceof DomainError && Array.isArray(e.details?.fields)) {
        const [f] = e.details.fields as Array<{ path: string; message: string }>;
        rule(path(f.path), f.message);
      }
      throw e;
    }
    if (ind.targetYear < plan.periodStartYear || ind.targetYear > plan.periodEndYear)
      rule(path('targetYear'), 'the target year lies outside the plan period');
    const codes = ind.sectorCodes ?? [];
    const known = codes.length ? await this.org.existingSectorCodes(codes) : [];
    const unknown = codes.filter((c) => !known.includes(c));
    if (unknown.length) rule(path('sectorCodes'), `unknown sectors: ${unknown.join(', ')}`);
  }

  private insert(planId: string, seq: number, ind: IndicatorInput, tx: Transaction) {
    return this.repo.insertIndicator({ planId, seq, ...this.row(ind) }, tx);
  }

  private row(ind: IndicatorInput) {
    return {
      name: ind.name,
      definition: ind.definition,
      measure: ind.measure,
      unit: ind.unit ?? MEASURE_DEFINITIONS[ind.measure].unit,
      sectorCodes: ind.sectorCodes?.length ? ind.sectorCodes : null,
      baselineYear: ind.baselineYear,
      baselineValue: ind.baselineValue,
      targetKind: ind.targetKind,
      targetValue: ind.targetValue,
      targetYear: ind.targetYear,
      nature: ind.nature,
      leadDepartment: ind.leadDepartment,
    };
  }
}

/** What an indicator's entry says, for the audit of a revision. */
function entryOf(i: PlanIndicatorEntity) {
  const { id: _id, planId: _plan, seq: _seq, createdAt: _created, ...entry } = i;
  return entry;
}

function view(regionId: string, year: number, rows: IndicatorDenominatorEntity[]): DenominatorsView {
  const latest = rows.reduce<IndicatorDenominatorEntity | null>(
    (a, r) => (!a || r.updatedAt > a.updatedAt ? r : a),
    null,
  );
  return {
    regionId,
    year,
    values: Object.fromEntries(rows.map((r) => [r.kind, r.value])),
    source: latest?.source ?? null,
    updatedAt: latest ? latest.updatedAt.toISOString() : null,
  };
}
