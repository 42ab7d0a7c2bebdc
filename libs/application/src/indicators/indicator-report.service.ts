import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor } from '@safety/domain/identity/roles';
import {
  assessYear,
  comparePublished,
  DenominatorKind,
  INDICATOR_NATURE_LABELS,
  IndicatorTarget,
  measure,
  MEASURE_DEFINITIONS,
  periodChange,
  sectorScope,
  targetThreshold,
  VERDICT_LABELS,
} from '@safety/domain/indicators';
import {
  IndicatorDenominatorEntity,
  IndicatorPlanEntity,
  IndicatorPublishedResultEntity,
  IndicatorRepository,
  PlanIndicatorEntity,
  YearSectorTallyRow,
} from '@safety/persistence';
import { IndicatorJurisdiction } from './indicator-jurisdiction';

const rounded = (v: number | null, decimals: number) => (v === null ? null : Number(v.toFixed(decimals)));

/**
 * `GET /indicators`: each indicator of the plans in the actor's jurisdiction, computed per year of the plan
 * period from the accident records of the plan's region (and every region below it) and the denominators
 * entered for the region, with the verdict against the target (libs/domain/src/indicators/targets.ts).
 */
@Injectable()
export class IndicatorReportService {
  constructor(
    private readonly repo: IndicatorRepository,
    private readonly jurisdiction: IndicatorJurisdiction,
  ) {}

  async report(actor: Actor, q: { planId?: string; regionId?: string; year?: number }) {
    const regions = await this.jurisdiction.regionsOf(actor);
    if (q.planId) {
      const plan = await this.repo.findPlan(q.planId);
      if (!plan) throw new DomainError(ErrorCode.NOT_FOUND, `plan ${q.planId} not found`, { planId: q.planId });
      if (!regions.includes(plan.regionId))
        throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, "this plan's region is outside your jurisdiction", {
          planId: q.planId,
        });
    }
    if (q.regionId && !regions.includes(q.regionId)) await this.jurisdiction.assertRegion(actor, q.regionId);
    const plans = await this.repo.plansOfRegions(q.regionId ? [q.regionId] : regions, q.planId);
    const indicators = await this.repo.indicatorsOf(plans.map((p) => p.id));
    const names = new Map((await this.repo.regions(plans.map((p) => p.regionId))).map((r) => [r.id, r.name]));
    const out = [];
    for (const plan of plans) {
      const own = indicators.filter((i) => i.planId === plan.id);
      out.push(await this.planReport(plan, names.get(plan.regionId) ?? null, own, q.year));
    }
    return { plans: out };
  }

  private async planReport(
    plan: IndicatorPlanEntity,
    regionName: string | null,
    rows: PlanIndicatorEntity[],
    only?: number,
  ) {
    const first = Math.min(plan.periodStartYear - 1, ...rows.map((r) => r.baselineYear));
    const last = Math.max(plan.periodEndYear, ...rows.map((r) => r.targetYear));
    const tallies = await this.repo.yearSectorTallies(plan.regionId, first, last);
    const denominators = await this.repo.denominatorsOfRegions([plan.regionId], first, last);
    const published = await this.repo.publishedResultsOf(
      rows.map((r) => r.id),
      plan.regionId,
    );
    const years: number[] = [];
    for (let y = plan.periodStartYear; y <= last; y++) if (only === undefined || only === y) years.push(y);
    return {
      id: plan.id,
      code: plan.code,
      title: plan.title,
      issuer: plan.issuer,
      regionId: plan.regionId,
      regionName,
      periodStartYear: plan.periodStartYear,
      periodEndYear: plan.periodEndYear,
      source: plan.source,
      indicators: rows.map((row) =>
        indicatorReport(
          row,
          years,
          tallies,
          denominators,
          published.filter((p) => p.indicatorId === row.id),
        ),
      ),
    };
  }
}

function indicatorReport(
  row: PlanIndicatorEntity,
  years: number[],
  tallies: YearSectorTallyRow[],
  denominators: IndicatorDenominatorEntity[],
  published: IndicatorPublishedResultEntity[],
) {
  const def = MEASURE_DEFINITIONS[row.measure];
  const scope = sectorScope(row.measure, row.sectorCodes);
  const target: IndicatorTarget = {
    kind: row.targetKind,
    value: row.targetValue,
    baselineYear: row.baselineYear,
    baselineValue: row.baselineValue,
    targetYear: row.targetYear,
  };
  const valueOf = (year: number) => {
    const ofYear = tallies.filter((t) => t.year === year);
    const dens = Object.fromEntries(
      denominators.filter((d) => d.year === year).map((d) => [d.kind, Number(d.value)]),
    ) as Partial<Record<DenominatorKind, number>>;
    return { ofYear, ...measure(row.measure, ofYear, row.sectorCodes, dens) };
  };
  return {
    id: row.id,
    seq: row.seq,
    name: row.name,
    definition: row.definition,
    measure: row.measure,
    measureLabel: def.label,
    unit: row.unit,
    decimals: def.decimals,
    sectorCodes: scope ? [...scope] : null,
    denominatorKind: def.denominator,
    nature: row.nature,
    natureLabel: INDICATOR_NATURE_LABELS[row.nature],
    leadDepartment: row.leadDepartment,
    baseline: { year: row.baselineYear, value: row.baselineValue },
    target: {
      kind: row.targetKind,
      value: row.targetValue,
      year: row.targetYear,
      threshold: rounded(targetThreshold(target), def.decimals + 2) as number,
    },
    years: years.map((year) => {
      const now = valueOf(year);
      const before = valueOf(year - 1);
      const assessment = assessYear(target, year, now.value);
      const counted = scope ? now.ofYear.filter((t) => scope.includes(t.sectorCode)) : now.ofYear;
      const pub = published.find((p) => p.year === year);
      return {
        year,
        numerator: now.numerator,
        denominator: now.denominator,
        value: now.value,
        verdict: assessment.verdict,
        verdictLabel: VERDICT_LABELS[assessment.verdict],
        benchmark: rounded(assessment.benchmark, def.decimals + 2),
        changeFromBaselinePct: assessment.changeFromBaselinePct,
        progressPct: assessment.progressPct,
        previousYear: periodChange(year, now.value, before.value, def.decimals),
        published: pub
          ? {
              value: pub.value,
              verdict: pub.verdict,
              verdictLabel: VERDICT_LABELS[pub.verdict],
              source: pub.source,
              publishedOn: pub.publishedOn,
              revisionReason: pub.revisionReason,
              ...comparePublished({ value: now.value, verdict: assessment.verdict }, pub, def.decimals),
            }
          : null,
        bySector: counted.map((t) => ({
          sectorCode: t.sectorCode,
          sectorName: t.sectorName,
          accidents: t.accidents,
          deaths: t.deaths,
          largerOrAbove: t.largerOrAbove,
        })),
      };
    }),
  };
}
