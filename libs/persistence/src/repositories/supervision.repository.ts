import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  SummonsCommitmentEntity,
  SummonsEntity,
  SupervisionItemEntity,
  SupervisionPolicyEntity,
  SupervisionReportEntity,
} from '../entities/supervision.entities';
import { KeysetPage, keysetQuery, newestFirst, PageRequest } from '../keyset';
import { managerOf, Transaction } from '../unit-of-work';
import { DepartmentPolicyRows } from './department-policy-rows';

const NONE = ['00000000-0000-0000-0000-000000000000'];

/** All SQL of supervision items (督办) and summonses (约谈). */
@Injectable()
export class SupervisionRepository {
  /** Each department's overrides of the policy's defaults. */
  readonly policies: DepartmentPolicyRows<SupervisionPolicyEntity>;

  constructor(private readonly ds: DataSource) {
    this.policies = new DepartmentPolicyRows(ds, SupervisionPolicyEntity);
  }

  private em(tx?: Transaction): EntityManager {
    return managerOf(this.ds, tx);
  }

  private items(tx?: Transaction) {
    return this.em(tx).getRepository(SupervisionItemEntity);
  }

  private summonses(tx?: Transaction) {
    return this.em(tx).getRepository(SummonsEntity);
  }

  insertItem(item: Partial<SupervisionItemEntity>, tx: Transaction): Promise<SupervisionItemEntity> {
    return this.items(tx).save(this.items(tx).create(item));
  }

  findItem(id: string, tx?: Transaction): Promise<SupervisionItemEntity | null> {
    return this.items(tx).findOne({ where: { id } });
  }

  /** The item row locked for the workflow's read-modify-write of its milestones and completion rounds. */
  lockItem(id: string, tx: Transaction): Promise<SupervisionItemEntity | null> {
    return this.items(tx).createQueryBuilder('i').setLock('pessimistic_write').where('i.id = :id', { id }).getOne();
  }

  async updateItem(id: string, patch: Partial<SupervisionItemEntity>, tx: Transaction): Promise<void> {
    await this.items(tx).update({ id }, patch as never);
  }

  /** Items any of the given departments takes part in (issuer, lead or co-responsible), newest first. */
  pageItems(q: PageRequest & { departmentIds: string[]; status?: string }): Promise<KeysetPage<SupervisionItemEntity>> {
    const departmentIds = q.departmentIds.length ? q.departmentIds : NONE;
    const qb = this.items()
      .createQueryBuilder('i')
      .where(
        `(i.issuer_department_id IN (:...departmentIds) OR i.lead_department_id IN (:...departmentIds)
          OR i.co_responsible_department_ids && CAST(:departmentArray AS uuid[]))`,
        { departmentIds, departmentArray: departmentIds },
      );
    if (q.status) qb.andWhere('i.status = :status', { status: q.status });
    return keysetQuery(qb, newestFirst('i.created_at', 'i.id'), q);
  }

  /** Records a period's report once; false when it was there already (a retried activity). */
  async insertReport(
    r: Omit<SupervisionReportEntity, 'id' | 'reportedAt'> & { reportedAt: Date },
    tx: Transaction,
  ): Promise<boolean> {
    const rows: unknown[] = await this.em(tx).query(
      `INSERT INTO supervision_reports (item_id, department_id, period, progress, percent_complete, on_time, reported_by, reported_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (item_id, department_id, period) DO NOTHING RETURNING id`,
      [r.itemId, r.departmentId, r.period, r.progress, r.percentComplete, r.onTime, r.reportedBy, r.reportedAt],
    );
    return rows.length > 0;
  }

  reportsOf(itemId: string): Promise<SupervisionReportEntity[]> {
    return this.em()
      .getRepository(SupervisionReportEntity)
      .find({ where: { itemId }, order: { period: 'ASC', departmentId: 'ASC' } });
  }

  insertSummons(summons: Partial<SummonsEntity>, tx: Transaction): Promise<SummonsEntity> {
    return this.summonses(tx).save(this.summonses(tx).create(summons));
  }

  findSummons(id: string, tx?: Transaction): Promise<SummonsEntity | null> {
    return this.summonses(tx).findOne({ where: { id } });
  }

  findSummonsByCase(caseId: string, tx?: Transaction): Promise<SummonsEntity | null> {
    return this.summonses(tx).findOne({ where: { caseId } });
  }

  async updateSummons(id: string, patch: Partial<SummonsEntity>, tx: Transaction): Promise<void> {
    await this.summonses(tx).update({ id }, patch as never);
  }

  /** Summonses held by the given departments, newest first. */
  pageSummonses(q: PageRequest & { departmentIds: string[]; status?: string }): Promise<KeysetPage<SummonsEntity>> {
    const qb = this.summonses()
      .createQueryBuilder('s')
      .where('s.department_id IN (:...departmentIds)', {
        departmentIds: q.departmentIds.length ? q.departmentIds : NONE,
      });
    if (q.status) qb.andWhere('s.status = :status', { status: q.status });
    return keysetQuery(qb, newestFirst('s.created_at', 's.id'), q);
  }

  /** Summonses whose record was published (约谈情况公开), newest first; of one department when given. */
  pagePublishedSummonses(q: PageRequest & { departmentId?: string }): Promise<KeysetPage<SummonsEntity>> {
    const qb = this.summonses().createQueryBuilder('s').where('s.publication IS NOT NULL');
    if (q.departmentId) qb.andWhere('s.department_id = :departmentId', { departmentId: q.departmentId });
    return keysetQuery(qb, newestFirst('s.created_at', 's.id'), q);
  }

  /** The commitments of several summonses, in order. */
  commitmentsOfAll(summonsIds: string[]): Promise<SummonsCommitmentEntity[]> {
    if (!summonsIds.length) return Promise.resolve([]);
    return this.em()
      .getRepository(SummonsCommitmentEntity)
      .find({ where: { summonsId: In(summonsIds) }, order: { summonsId: 'ASC', index: 'ASC' } });
  }

  async departmentNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: Array<{ id: string; name: string }> = await this.ds.query(
      `SELECT id, name FROM departments WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  commitmentsOf(summonsId: string, tx?: Transaction): Promise<SummonsCommitmentEntity[]> {
    return this.em(tx)
      .getRepository(SummonsCommitmentEntity)
      .find({ where: { summonsId }, order: { index: 'ASC' } });
  }

  async insertCommitments(rows: Array<Partial<SummonsCommitmentEntity>>, tx: Transaction): Promise<void> {
    if (!rows.length) return;
    await this.em(tx)
      .createQueryBuilder()
      .insert()
      .into(SummonsCommitmentEntity)
      .values(rows as never)
      .orIgnore()
      .execute();
  }

  async updateCommitment(id: string, patch: Partial<SummonsCommitmentEntity>, tx: Transaction): Promise<void> {
    await this.em(tx)
      .getRepository(SummonsCommitmentEntity)
      .update({ id }, patch as never);
  }

  /** The due instant of a task (by its key), null when it has none. */
  async taskDueAt(taskKey: string, tx: Transaction): Promise<Date | null> {
    const rows: Array<{ due_at: Date | null }> = await this.em(tx).query(
      `SELECT due_at FROM tasks WHERE task_key = $1`,
      [taskKey],
    );
    return rows[0]?.due_at ?? null;
  }

  /** The departments of the directory among the given ids (and whether each is a discipline body). */
  async departmentsIn(ids: string[]): Promise<Array<{ id: string; kind: string }>> {
    if (!ids.length) return [];
    return this.ds.query(`SELECT id, kind FROM departments WHERE id = ANY($1::uuid[])`, [ids]);
  }
}
