import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ComplaintEntity, ComplaintPolicyEntity, InformantRecord } from '../entities/complaint.entities';
import { KeysetPage, keysetQuery, PageRequest } from '../keyset';
import { managerOf, Transaction } from '../unit-of-work';
import { DepartmentPolicyRows } from './department-policy-rows';

const NEWEST_COMPLAINTS = {
  sort: 'newest',
  direction: 'DESC' as const,
  columns: [
    { sql: 'c.received_at', part: 'timestamp' as const },
    { sql: 'c.id', part: 'uuid' as const },
  ],
};

export interface ComplaintStatisticsRow {
  key: string | null;
  /** The sector's or region's name; the key itself for channels, null without grouping. */
  label: string | null;
  received: number;
  accepted: number;
  notAccepted: number;
  merged: number;
  transferred: number;
  verified: number;
  verifiedTrue: number;
  answered: number;
  answeredOnTime: number;
  rewardsPaid: number;
  rewardsPaidYuan: number;
}

export type ComplaintStatisticsGrouping = 'channel' | 'sector' | 'region' | 'none';

const STATISTICS_GROUPING: Record<ComplaintStatisticsGrouping, { key: string; label: string; joins: string }> = {
  none: { key: 'NULL::text', label: 'NULL::text', joins: '' },
  channel: { key: 'c.channel', label: 'c.channel', joins: '' },
  sector: { key: 'c.sector_code', label: 's.name', joins: 'LEFT JOIN sectors s ON s.code = c.sector_code' },
  region: {
    key: 'r.id::text',
    label: 'r.name',
    joins: `LEFT JOIN enterprises e ON e.id = c.enterprise_id
            JOIN departments d ON d.id = c.department_id
            JOIN regions r ON r.id = coalesce(e.region_id, d.region_id)`,
  },
};

/** All SQL of complaints (投诉举报). The informant and the secret hash are read only by the methods named for them. */
@Injectable()
export class ComplaintRepository {
  /** Each department's overrides of the policy's defaults. */
  readonly policies: DepartmentPolicyRows<ComplaintPolicyEntity>;

  constructor(private readonly ds: DataSource) {
    this.policies = new DepartmentPolicyRows(ds, ComplaintPolicyEntity);
  }

  private em(tx?: Transaction): EntityManager {
    return managerOf(this.ds, tx);
  }

  private repo(tx?: Transaction) {
    return this.em(tx).getRepository(ComplaintEntity);
  }

  insert(complaint: Partial<ComplaintEntity>, tx: Transaction): Promise<ComplaintEntity> {
    return this.repo(tx).save(this.repo(tx).create(complaint));
  }

  findById(id: string, tx?: Transaction): Promise<ComplaintEntity | null> {
    return this.repo(tx).findOne({ where: { id } });
  }

  findByCase(caseId: string, tx?: Transaction): Promise<ComplaintEntity | null> {
    return this.repo(tx).findOne({ where: { caseId } });
  }

  async codeTaken(code: string, tx: Transaction): Promise<boolean> {
    return (await this.repo(tx).count({ where: { trackingCode: code } })) > 0;
  }

  /** The complaint of a tracking code with its secret hash, for the informant's lookup. */
  findByCodeWithSecret(code: string): Promise<ComplaintEntity | null> {
    return this.repo()
      .createQueryBuilder('c')
      .addSelect('c.secretHash')
      .where('c.tracking_code = :code', { code })
      .getOne();
  }

  /** The informant's identity and contact: the caller has checked who asks and audits the read. */
  async informantOf(id: string): Promise<InformantRecord | null> {
    const row = await this.repo()
      .createQueryBuilder('c')
      .select('c.id')
      .addSelect('c.informant')
      .where('c.id = :id', { id })
      .getOne();
    return row?.informant ?? null;
  }

  /** The due instant of a task (by its key), null when it has none. */
  async taskDueAt(taskKey: string, tx: Transaction): Promise<Date | null> {
    const rows: Array<{ due_at: Date | null }> = await this.em(tx).query(
      `SELECT due_at FROM tasks WHERE task_key = $1`,
      [taskKey],
    );
    return rows[0]?.due_at ?? null;
  }

  async update(id: string, patch: Partial<ComplaintEntity>, tx: Transaction): Promise<void> {
    await this.repo(tx).update({ id }, patch as never);
  }

  /** Complaints handled by the given departments, newest received first. */
  page(
    q: PageRequest & { departmentIds: string[]; status?: string; channel?: string },
  ): Promise<KeysetPage<ComplaintEntity>> {
    const qb = this.repo()
      .createQueryBuilder('c')
      .where('c.department_id IN (:...departmentIds)', {
        departmentIds: q.departmentIds.length ? q.departmentIds : ['00000000-0000-0000-0000-000000000000'],
      });
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.channel) qb.andWhere('c.channel = :channel', { channel: q.channel });
    return keysetQuery(qb, NEWEST_COMPLAINTS, q);
  }

  /** Directory enterprises whose name contains the given key (the domain picks the one meant). */
  async enterprisesNamed(key: string): Promise<Array<{ id: string; name: string; departmentId: string }>> {
    if (key.length < 2) return [];
    const pattern = `%${key.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    const rows: Array<{ id: string; name: string; department_id: string }> = await this.ds.query(
      `SELECT id, name, enforcement_department_id AS department_id FROM enterprises WHERE name ILIKE $1 ORDER BY name LIMIT 20`,
      [pattern],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, departmentId: row.department_id }));
  }

  /** Credentialed enforcement officers of the department without a declared conflict with the enterprise (回避). */
  async inspectors(
    departmentId: string,
    enterpriseId: string,
  ): Promise<Array<{ userId: string; credentialNo: string }>> {
    const rows: Array<{ id: string; credential_no: string }> = await this.ds.query(
      `SELECT u.id, u.credential_no FROM users u
        WHERE u.department_id = $1 AND u.active AND 'ENFORCEMENT_OFFICER' = ANY(u.roles) AND u.credential_no IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM inspection_conflicts ic
                           WHERE ic.officer_id = u.id AND ic.enterprise_id = $2 AND ic.active)
        ORDER BY u.id LIMIT 500`,
      [departmentId, enterpriseId],
    );
    return rows.map((row) => ({ userId: row.id, credentialNo: row.credential_no }));
  }

  /** Departments in force a complaint may be transferred to (not discipline bodies, not the one it is in). */
  async transferTargets(fromDepartmentId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM departments
        WHERE id <> $1 AND kind <> 'DISCIPLINE' AND (valid_to IS NULL OR valid_to >= current_date)
        ORDER BY code LIMIT 5000`,
      [fromDepartmentId],
    );
    return rows.map((row) => row.id);
  }

  /** Open complaints of the department other than the given one (not closed, not merged), newest first. */
  async openComplaintIds(departmentId: string, exceptId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM complaints
        WHERE department_id = $1 AND id <> $2 AND closed_at IS NULL AND merged_into_id IS NULL
        ORDER BY received_at DESC, id DESC LIMIT 500`,
      [departmentId, exceptId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Counts over complaints received in [from, to) by, or handled by, the given departments, grouped by channel, sector,
   * region or nothing. A complaint's region is its matched enterprise's, else its handling department's: after a
   * transfer that is the department competent where the matter lies, which the receiving department may not be.
   */
  async statistics(q: {
    departmentIds: string[];
    from: Date;
    to: Date;
    groupBy: ComplaintStatisticsGrouping;
  }): Promise<ComplaintStatisticsRow[]> {
    const grouping = STATISTICS_GROUPING[q.groupBy];
    const rows: Array<Record<string, string | null>> = await this.ds.query(
      `SELECT ${grouping.key} AS key, ${grouping.label} AS label,
              count(*) AS received,
              count(*) FILTER (WHERE c.acceptance->>'decision' = 'ACCEPTED') AS accepted,
              count(*) FILTER (WHERE c.acceptance->>'decision' = 'NOT_ACCEPTED') AS not_accepted,
              count(*) FILTER (WHERE c.merged_into_id IS NOT NULL) AS merged,
              count(*) FILTER (WHERE jsonb_array_length(c.transfers) > 0) AS transferred,
              count(*) FILTER (WHERE c.verified_true IS NOT NULL) AS verified,
              count(*) FILTER (WHERE c.verified_true) AS verified_true,
              count(*) FILTER (WHERE c.feedback_at IS NOT NULL) AS answered,
              count(*) FILTER (WHERE c.feedback_on_time) AS answered_on_time,
              count(*) FILTER (WHERE c.reward_status = 'PAID') AS rewards_paid,
              coalesce(sum(c.reward_amount_yuan) FILTER (WHERE c.reward_status = 'PAID'), 0) AS rewards_paid_yuan
         FROM complaints c
         ${grouping.joins}
        WHERE c.received_at >= $1 AND c.received_at < $2
          AND (c.received_by_department_id = ANY($3::uuid[]) OR c.department_id = ANY($3::uuid[]))
        GROUP BY 1, 2 ORDER BY 1`,
      [q.from, q.to, q.departmentIds],
    );
    const count = (value: string | null) => Number(value ?? 0);
    return rows.map((row) => ({
      key: row.key,
      label: row.label,
      received: count(row.received),
      accepted: count(row.accepted),
      notAccepted: count(row.not_accepted),
      merged: count(row.merged),
      transferred: count(row.transferred),
      verified: count(row.verified),
      verifiedTrue: count(row.verified_true),
      answered: count(row.answered),
      answeredOnTime: count(row.answered_on_time),
      rewardsPaid: count(row.rewards_paid),
      rewardsPaidYuan: Number(row.rewards_paid_yuan ?? 0),
    }));
  }
}
