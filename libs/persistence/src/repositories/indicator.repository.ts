import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { DenominatorKind } from '@safety/domain/indicators';
import {
  IndicatorDenominatorEntity,
  IndicatorPlanEntity,
  IndicatorPublishedResultEntity,
  PlanIndicatorEntity,
} from '../entities/indicator.entities';
import { managerOf, Transaction } from '../unit-of-work';

/** Accidents and deaths of one sector in one (China local) year in a region and the regions below it. */
export interface YearSectorTallyRow {
  year: number;
  sectorCode: string;
  sectorName: string;
  accidents: number;
  deaths: number;
  /** 较大 and above. */
  largerOrAbove: number;
}

export interface RegionRow {
  id: string;
  code: string;
  name: string;
}

/** Plans, their indicators and denominators, and the accident aggregate the indicators are computed from. */
@Injectable()
export class IndicatorRepository {
  constructor(private readonly ds: DataSource) {}

  private m(tx?: Transaction): EntityManager {
    return managerOf(this.ds, tx);
  }

  /** The regions of the given departments (a jurisdiction as regions). */
  async regionsOfDepartments(departmentIds: string[]): Promise<string[]> {
    if (departmentIds.length === 0) return [];
    const rows: Array<{ region_id: string }> = await this.ds.query(
      `SELECT DISTINCT region_id FROM departments WHERE id = ANY($1::uuid[])`,
      [departmentIds],
    );
    return rows.map((r) => r.region_id);
  }

  async findRegion(id: string): Promise<RegionRow | null> {
    const rows: RegionRow[] = await this.ds.query(`SELECT id, code, name FROM regions WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async regions(ids: string[]): Promise<RegionRow[]> {
    if (ids.length === 0) return [];
    return this.ds.query(`SELECT id, code, name FROM regions WHERE id = ANY($1::uuid[])`, [ids]);
  }

  findPlan(id: string, tx?: Transaction): Promise<IndicatorPlanEntity | null> {
    return this.m(tx).findOneBy(IndicatorPlanEntity, { id });
  }

  findPlanByCode(code: string, tx?: Transaction): Promise<IndicatorPlanEntity | null> {
    return this.m(tx).findOneBy(IndicatorPlanEntity, { code });
  }

  /** The plans of the given regions, oldest period first (a handful per region: no paging needed). */
  plansOfRegions(regionIds: string[], planId?: string): Promise<IndicatorPlanEntity[]> {
    if (regionIds.length === 0) return Promise.resolve([]);
    return this.ds.manager.find(IndicatorPlanEntity, {
      where: { regionId: In(regionIds), ...(planId ? { id: planId } : {}) },
      order: { periodStartYear: 'ASC', code: 'ASC' },
    });
  }

  indicatorsOf(planIds: string[]): Promise<PlanIndicatorEntity[]> {
    if (planIds.length === 0) return Promise.resolve([]);
    return this.ds.manager.find(PlanIndicatorEntity, { where: { planId: In(planIds) }, order: { seq: 'ASC' } });
  }

  insertPlan(row: Omit<IndicatorPlanEntity, 'id' | 'createdAt'>, tx?: Transaction): Promise<IndicatorPlanEntity> {
    return this.m(tx).save(IndicatorPlanEntity, this.m(tx).create(IndicatorPlanEntity, row));
  }

  async nextSeq(planId: string, tx?: Transaction): Promise<number> {
    const rows: Array<{ next: number }> = await this.m(tx).query(
      `SELECT coalesce(max(seq), 0) + 1 AS next FROM plan_indicators WHERE plan_id = $1`,
      [planId],
    );
    return Number(rows[0].next);
  }

  insertIndicator(row: Omit<PlanIndicatorEntity, 'id' | 'createdAt'>, tx?: Transaction): Promise<PlanIndicatorEntity> {
    return this.m(tx).save(PlanIndicatorEntity, this.m(tx).create(PlanIndicatorEntity, row));
  }

  /** One indicator of a plan, locked for a revision. */
  findIndicatorForUpdate(planId: string, id: string, tx: Transaction): Promise<PlanIndicatorEntity | null> {
    return this.m(tx).findOne(PlanIndicatorEntity, { where: { planId, id }, lock: { mode: 'pessimistic_write' } });
  }

  async updateIndicator(
    id: string,
    fields: Omit<PlanIndicatorEntity, 'id' | 'planId' | 'seq' | 'createdAt'>,
    tx: Transaction,
  ): Promise<PlanIndicatorEntity> {
    await this.m(tx).update(PlanIndicatorEntity, { id }, fields);
    return this.m(tx).findOneByOrFail(PlanIndicatorEntity, { id });
  }

  async updatePlan(
    id: string,
    fields: Partial<Pick<IndicatorPlanEntity, 'title' | 'issuer' | 'source'>>,
    tx: Transaction,
  ): Promise<IndicatorPlanEntity> {
    if (Object.keys(fields).length) await this.m(tx).update(IndicatorPlanEntity, { id }, fields);
    return this.m(tx).findOneByOrFail(IndicatorPlanEntity, { id });
  }

  /** The plan row serialised against concurrent additions of indicators (seq numbering). */
  async lockPlan(id: string, tx: Transaction): Promise<void> {
    await this.m(tx).query(`SELECT id FROM indicator_plans WHERE id = $1 FOR UPDATE`, [id]);
  }

  denominatorsOf(regionId: string, year: number, tx?: Transaction): Promise<IndicatorDenominatorEntity[]> {
    return this.m(tx).find(IndicatorDenominatorEntity, { where: { regionId, year }, order: { kind: 'ASC' } });
  }

  denominatorsOfRegions(regionIds: string[], fromYear: number, toYear: number): Promise<IndicatorDenominatorEntity[]> {
    if (regionIds.length === 0) return Promise.resolve([]);
    return this.ds.query(
      `SELECT region_id AS "regionId", year, kind, value::float8 AS value, source, updated_by AS "updatedBy", updated_at AS "updatedAt"
         FROM indicator_denominators WHERE region_id = ANY($1::uuid[]) AND year BETWEEN $2 AND $3
        ORDER BY region_id, year, kind`,
      [regionIds, fromYear, toYear],
    );
  }

  /** Replaces the denominators of a region and year with the given ones (kinds not given are removed). */
  async replaceDenominators(
    q: { regionId: string; year: number; values: Partial<Record<DenominatorKind, number>>; source: string; by: string },
    tx: Transaction,
  ): Promise<void> {
    const kinds = Object.keys(q.values);
    await this.m(tx).query(
      `DELETE FROM indicator_denominators WHERE region_id = $1 AND year = $2 AND NOT (kind = ANY($3::text[]))`,
      [q.regionId, q.year, kinds],
    );
    for (const [kind, value] of Object.entries(q.values)) {
      // Unchanged rows keep who entered them and when: a repeated PUT changes nothing.
      await this.m(tx).query(
        `INSERT INTO indicator_denominators (region_id, year, kind, value, source, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (region_id, year, kind) DO UPDATE
           SET value = EXCLUDED.value, source = EXCLUDED.source, updated_by = EXCLUDED.updated_by, updated_at = now()
         WHERE indicator_denominators.value <> EXCLUDED.value OR indicator_denominators.source <> EXCLUDED.source`,
        [q.regionId, q.year, kind, value, q.source, q.by],
      );
    }
  }

  /** The published results of the given indicators in a region (the report shows them beside the computed ones). */
  publishedResultsOf(indicatorIds: string[], regionId: string): Promise<IndicatorPublishedResultEntity[]> {
    if (indicatorIds.length === 0) return Promise.resolve([]);
    return this.ds.manager.find(IndicatorPublishedResultEntity, {
      where: { indicatorId: In(indicatorIds), regionId },
      order: { year: 'ASC' },
    });
  }

  /** One published result, locked for a revision. */
  findPublishedResultForUpdate(
    key: { indicatorId: string; regionId: string; year: number },
    tx: Transaction,
  ): Promise<IndicatorPublishedResultEntity | null> {
    return this.m(tx).findOne(IndicatorPublishedResultEntity, { where: key, lock: { mode: 'pessimistic_write' } });
  }

  /** Inserts a published result; false when one exists for the indicator, region and year (nothing changes). */
  async insertPublishedResult(
    row: Omit<IndicatorPublishedResultEntity, 'recordedAt' | 'updatedAt' | 'updatedBy' | 'revisionReason'>,
    tx: Transaction,
  ): Promise<boolean> {
    const rows: unknown[] = await this.m(tx).query(
      `INSERT INTO indicator_published_results
         (indicator_id, region_id, year, value, verdict, source, published_on, recorded_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
       ON CONFLICT (indicator_id, region_id, year) DO NOTHING RETURNING year`,
      [row.indicatorId, row.regionId, row.year, row.value, row.verdict, row.source, row.publishedOn, row.recordedBy],
    );
    return rows.length === 1;
  }

  async updatePublishedResult(
    key: { indicatorId: string; regionId: string; year: number },
    fields: Pick<IndicatorPublishedResultEntity, 'value' | 'verdict' | 'source' | 'publishedOn' | 'revisionReason'> & {
      updatedBy: string;
    },
    tx: Transaction,
  ): Promise<void> {
    await this.m(tx).update(IndicatorPublishedResultEntity, key, { ...fields, updatedAt: new Date() });
  }

  findPublishedResult(
    key: { indicatorId: string; regionId: string; year: number },
    tx?: Transaction,
  ): Promise<IndicatorPublishedResultEntity | null> {
    return this.m(tx).findOneBy(IndicatorPublishedResultEntity, key);
  }

  /**
   * Accidents and deaths per year (China local time) and sector in [fromYear, toYear] in the region and every
   * region below it, from the accident records as currently graded (补报 revisions included).
   */
  async yearSectorTallies(regionId: string, fromYear: number, toYear: number): Promise<YearSectorTallyRow[]> {
    const from = `${fromYear}-01-01T00:00:00+08:00`;
    const to = `${toYear + 1}-01-01T00:00:00+08:00`;
    const rows: Array<{
      year: number;
      sector_code: string;
      sector_name: string;
      accidents: string;
      deaths: string;
      larger: string;
    }> = await this.ds.query(
      `WITH RECURSIVE subtree AS (
           SELECT id FROM regions WHERE id = $1
           UNION ALL SELECT r.id FROM regions r JOIN subtree s ON r.parent_id = s.id
         )
         SELECT extract(year FROM a.occurred_at AT TIME ZONE 'Asia/Shanghai')::int AS year, a.sector_code,
                s.name AS sector_name, count(*) AS accidents, coalesce(sum(a.deaths), 0) AS deaths,
                count(*) FILTER (WHERE a.grade <> 'GENERAL') AS larger
           FROM accidents a JOIN sectors s ON s.code = a.sector_code
          WHERE a.region_id IN (SELECT id FROM subtree) AND a.occurred_at >= $2 AND a.occurred_at < $3
          GROUP BY 1, 2, 3 ORDER BY 1, 2`,
      [regionId, from, to],
    );
    return rows.map((r) => ({
      year: Number(r.year),
      sectorCode: r.sector_code,
      sectorName: r.sector_name,
      accidents: Number(r.accidents),
      deaths: Number(r.deaths),
      largerOrAbove: Number(r.larger),
    }));
  }
}
