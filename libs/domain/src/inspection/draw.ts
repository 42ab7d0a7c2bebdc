import { DomainError, ErrorCode } from '../errors';
import { createSeededRng, PRNG_ALGORITHM_ID, sampleWithoutReplacement, shuffle } from './prng';

export type RiskGrade = 'RED' | 'ORANGE' | 'YELLOW' | 'BLUE';
/** 分类分级: strata in order of risk, highest first (the order targets are drawn and listed in). */
export const RISK_GRADES: readonly RiskGrade[] = ['RED', 'ORANGE', 'YELLOW', 'BLUE'];

/** 年度检查计划 or 专项检查计划: the two kinds of 双随机 plans. */
export const INSPECTION_PLAN_KINDS = ['ANNUAL', 'SPECIAL'] as const;
export type InspectionPlanKind = (typeof INSPECTION_PLAN_KINDS)[number];
export const INSPECTION_PLAN_KIND_LABELS: Readonly<Record<InspectionPlanKind, string>> = {
  ANNUAL: '年度检查计划',
  SPECIAL: '专项检查计划',
};

/** How a plan turns risk grades into sampling. */
export interface InspectionPlanConfig {
  /** Planned inspections per enterprise per year, by risk grade (may be fractional: 0.5 = every other year). */
  frequencyPerYear: Record<RiskGrade, number>;
  /** Draws held per year under the plan; each draw samples frequency / drawsPerYear of each stratum. */
  drawsPerYear: number;
  /** Inspectors per target; at least 2 (行政处罚法 Art.42, 安全生产法 Art.68 — inspections by ≥ 2 credentialed officers). */
  inspectorsPerTarget: number;
}

/**
 * Default sampling (UNVERIFIED: local 分类分级 practice varies; a plan sets its own values):
 * red every quarter, orange twice a year, yellow yearly, blue every other year, four draws a year.
 */
export const DEFAULT_PLAN_CONFIG: Readonly<InspectionPlanConfig> = Object.freeze({
  frequencyPerYear: Object.freeze({ RED: 4, ORANGE: 2, YELLOW: 1, BLUE: 0.5 }),
  drawsPerYear: 4,
  inspectorsPerTarget: 2,
});

export function validatePlanConfig(c: InspectionPlanConfig): InspectionPlanConfig {
  const bad = (field: string, rule: string): never => {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `plan config ${field} ${rule}`, { field });
  };
  if (!c || typeof c !== 'object') bad('', 'is required');
  for (const g of RISK_GRADES) {
    const v = c.frequencyPerYear?.[g];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 365)
      bad(`frequencyPerYear.${g}`, 'must be a number in [0, 365]');
  }
  if (!Number.isInteger(c.drawsPerYear) || c.drawsPerYear < 1 || c.drawsPerYear > 366)
    bad('drawsPerYear', 'must be an integer in [1, 366]');
  if (!Number.isInteger(c.inspectorsPerTarget) || c.inspectorsPerTarget < 2 || c.inspectorsPerTarget > 10) {
    bad('inspectorsPerTarget', 'must be an integer in [2, 10] (at least two officers inspect)');
  }
  return c;
}

/** Targets drawn from a stratum of `size` enterprises: ⌈size × frequency / drawsPerYear⌉, capped at the stratum. */
export function stratumQuota(size: number, frequencyPerYear: number, drawsPerYear: number): number {
  if (size <= 0 || frequencyPerYear <= 0) return 0;
  // The epsilon keeps exact products (e.g. 8 × 0.5 / 4 = 1) from rounding up through float noise.
  return Math.min(size, Math.ceil((size * frequencyPerYear) / drawsPerYear - 1e-9));
}

export interface DrawPool {
  /** Enterprises the department supervises (and in the plan's sectors), with their risk grade at draw time. */
  enterprises: Array<{ id: string; riskGrade: RiskGrade }>;
  /** Credentialed, active enforcement officers of the department. */
  officers: Array<{ id: string }>;
  /** Conflicts of interest (kinship, prior employment, …): the officer may not inspect the enterprise. */
  conflicts: Array<{ officerId: string; enterpriseId: string }>;
}

export interface DrawTarget {
  position: number;
  enterpriseId: string;
  riskGrade: RiskGrade;
  inspectorIds: string[];
}

export interface DrawResult {
  algorithm: string;
  seed: string;
  quotas: Record<RiskGrade, { poolSize: number; drawn: number }>;
  targets: DrawTarget[];
}

export const DRAW_ALGORITHM_ID = `stratified-draw-v1/${PRNG_ALGORITHM_ID}`;

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * 双随机: random targets (stratified by risk grade) and random inspectors for each, reproducible
 * from `seed`. The pool is canonicalised (sorted by id) first, so the result depends only on the
 * seed, the config and the pool's content — not on the order rows came out of the database.
 *
 * 1. For each grade RED → BLUE, draw stratumQuota(...) enterprises without replacement.
 * 2. For each target in that order: the officers without a conflict for it, in a random order,
 *    then stably sorted by how many targets they already have (spreads the work), take the first
 *    `inspectorsPerTarget`. Too few eligible officers → RULE_VIOLATION (422); nothing is drawn.
 */
export function runDraw(seed: string, config: InspectionPlanConfig, pool: DrawPool): DrawResult {
  validatePlanConfig(config);
  const enterprises = [...pool.enterprises].sort(byId);
  const officers = [...pool.officers].sort(byId);
  for (const [name, list] of [
    ['enterprise', enterprises],
    ['officer', officers],
  ] as const) {
    for (let i = 1; i < list.length; i++) {
      if (list[i].id === list[i - 1].id)
        throw new DomainError(ErrorCode.VALIDATION_FAILED, `duplicate ${name} ${list[i].id} in the draw pool`);
    }
  }
  for (const e of enterprises) {
    if (!RISK_GRADES.includes(e.riskGrade))
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `enterprise ${e.id} has no valid risk grade`);
  }
  const conflicted = new Set(pool.conflicts.map((c) => `${c.officerId}|${c.enterpriseId}`));
  const rng = createSeededRng(seed);

  const quotas = {} as DrawResult['quotas'];
  const chosen: Array<{ id: string; riskGrade: RiskGrade }> = [];
  for (const grade of RISK_GRADES) {
    const stratum = enterprises.filter((e) => e.riskGrade === grade);
    const k = stratumQuota(stratum.length, config.frequencyPerYear[grade], config.drawsPerYear);
    quotas[grade] = { poolSize: stratum.length, drawn: k };
    chosen.push(...sampleWithoutReplacement(rng, stratum, k));
  }

  const load = new Map<string, number>(officers.map((o) => [o.id, 0]));
  const targets: DrawTarget[] = chosen.map((e, position) => {
    const eligible = officers.filter((o) => !conflicted.has(`${o.id}|${e.id}`));
    if (eligible.length < config.inspectorsPerTarget) {
      throw new DomainError(
        ErrorCode.RULE_VIOLATION,
        `only ${eligible.length} officers without a conflict of interest are available for an enterprise; ${config.inspectorsPerTarget} are needed`,
        { enterpriseId: e.id, eligible: eligible.length, needed: config.inspectorsPerTarget },
      );
    }
    const picked = shuffle(rng, eligible)
      .sort((a, b) => load.get(a.id)! - load.get(b.id)!)
      .slice(0, config.inspectorsPerTarget)
      .map((o) => o.id);
    for (const id of picked) load.set(id, load.get(id)! + 1);
    return { position, enterpriseId: e.id, riskGrade: e.riskGrade, inspectorIds: picked };
  });
  return { algorithm: DRAW_ALGORITHM_ID, seed, quotas, targets };
}
