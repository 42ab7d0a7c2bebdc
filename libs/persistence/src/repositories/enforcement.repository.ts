import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { managerOf, Transaction } from '../unit-of-work';
import { KeysetPage, keysetQuery, newestFirst, PageRequest } from '../keyset';
import {
  CaseArchiveEntity,
  CreditRepairRequestEntity,
  DiscretionBenchmarkEntity,
  DishonestEntityEntity,
  FileReviewSampleEntity,
  FileReviewScoreEntity,
  LegalReviewCatalogueEntity,
  PenaltyPolicyEntity,
  PublicationStatus,
  PublishedDecisionEntity,
} from '../entities/enforcement.entities';
import { DepartmentPolicyRows } from './department-policy-rows';

const NEWEST_PUBLICATIONS = newestFirst('p.published_at', 'p.id');
const NEWEST_LISTINGS = newestFirst('l.created_at', 'l.id');

/** Storage of the penalty procedure's reference data and outputs (policy, benchmarks, disclosure, credit, archive, review). */
@Injectable()
export class EnforcementRepository {
  /** Each department's overrides of the policy's defaults. */
  readonly policies: DepartmentPolicyRows<PenaltyPolicyEntity>;

  constructor(private readonly ds: DataSource) {
    this.policies = new DepartmentPolicyRows(ds, PenaltyPolicyEntity);
  }

  private em(tx?: Transaction): EntityManager {
    return managerOf(this.ds, tx);
  }

  /** The department and its ancestors, nearest first. */
  async departmentChain(departmentId: string, tx?: Transaction): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.em(tx).query(
      `WITH RECURSIVE up AS (SELECT id, parent_id, 0 AS depth FROM departments WHERE id = $1
         UNION ALL SELECT d.id, d.parent_id, up.depth + 1 FROM departments d JOIN up ON d.id = up.parent_id WHERE up.depth < 20)
       SELECT id FROM up ORDER BY depth`,
      [departmentId],
    );
    return rows.map((r) => r.id);
  }

  /** Active LEGAL_REVIEWER users of the department who hold 法律职业资格. */
  async qualifiedLegalReviewers(departmentId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM users WHERE department_id = $1 AND active AND legal_qualified AND 'LEGAL_REVIEWER' = ANY(roles) ORDER BY id`,
      [departmentId],
    );
    return rows.map((r) => r.id);
  }

  // ---- policy ----

  /** Every other department, with the document prefix it configured itself (null: it uses the derived one). */
  otherDepartmentsPrefixes(
    exceptId: string,
  ): Promise<Array<{ id: string; name: string; kind: string; documentPrefix: string | null }>> {
    return this.ds.query(
      `SELECT d.id, d.name, d.kind, p.overrides->>'documentPrefix' AS "documentPrefix"
         FROM departments d LEFT JOIN penalty_policies p ON p.department_id = d.id
        WHERE d.id <> $1`,
      [exceptId],
    );
  }

  // ---- legal review catalogues (行政处罚法 Art.58) ----

  findLegalReviewCatalogue(departmentId: string, tx?: Transaction): Promise<LegalReviewCatalogueEntity | null> {
    return this.em(tx).getRepository(LegalReviewCatalogueEntity).findOne({ where: { departmentId } });
  }

  async upsertLegalReviewCatalogue(
    departmentId: string,
    entries: unknown[],
    updatedBy: string,
    tx: Transaction,
  ): Promise<LegalReviewCatalogueEntity> {
    const rows: Array<{ updated_at: Date }> = await this.em(tx).query(
      `INSERT INTO legal_review_catalogues (department_id, entries, updated_by, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (department_id) DO UPDATE SET entries = EXCLUDED.entries, updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING updated_at`,
      [departmentId, JSON.stringify(entries), updatedBy],
    );
    return Object.assign(new LegalReviewCatalogueEntity(), {
      departmentId,
      entries,
      updatedBy,
      updatedAt: rows[0].updated_at,
    });
  }

  // ---- discretion benchmarks ----

  /** The newest benchmark in force on `on` for the nearest department in the chain, else the default (department null). */
  async applicableBenchmark(chain: string[], on: string): Promise<DiscretionBenchmarkEntity | null> {
    const repo = this.ds.getRepository(DiscretionBenchmarkEntity);
    for (const id of chain) {
      const b = await repo
        .createQueryBuilder('b')
        .where('b.department_id = :id AND b.effective_from <= :on', { id, on })
        .orderBy('b.effective_from', 'DESC')
        .addOrderBy('b.created_at', 'DESC')
        .getOne();
      if (b) return b;
    }
    return repo
      .createQueryBuilder('b')
      .where('b.department_id IS NULL AND b.effective_from <= :on', { on })
      .orderBy('b.effective_from', 'DESC')
      .addOrderBy('b.created_at', 'DESC')
      .getOne();
  }

  findBenchmark(id: string, tx?: Transaction): Promise<DiscretionBenchmarkEntity | null> {
    return this.em(tx).getRepository(DiscretionBenchmarkEntity).findOne({ where: { id } });
  }

  async insertBenchmark(
    b: Omit<DiscretionBenchmarkEntity, 'createdAt'>,
    tx: Transaction,
  ): Promise<DiscretionBenchmarkEntity> {
    const repo = this.em(tx).getRepository(DiscretionBenchmarkEntity);
    return repo.save(repo.create(b));
  }

  listBenchmarks(
    departmentIds: string[],
    offset: number,
    limit: number,
  ): Promise<[DiscretionBenchmarkEntity[], number]> {
    return this.ds
      .getRepository(DiscretionBenchmarkEntity)
      .createQueryBuilder('b')
      .where('b.department_id IS NULL OR b.department_id IN (:...ids)', {
        ids: departmentIds.length ? departmentIds : ['00000000-0000-0000-0000-000000000000'],
      })
      .orderBy('b.effective_from', 'DESC')
      .addOrderBy('b.id', 'ASC')
      .skip(offset)
      .take(limit)
      .getManyAndCount();
  }

  // ---- idempotency of workflow-recorded events ----

  /** True when the key is new (and now taken, in the caller's transaction); false on an activity retry. */
  async claimEventKey(key: string, tx: Transaction): Promise<boolean> {
    const rows: unknown[] = await this.em(tx).query(
      `INSERT INTO workflow_event_keys (event_key) VALUES ($1) ON CONFLICT DO NOTHING RETURNING event_key`,
      [key],
    );
    return rows.length === 1;
  }

  // ---- public disclosure ----

  findPublicationByKey(key: string, tx?: Transaction): Promise<PublishedDecisionEntity | null> {
    return this.em(tx)
      .getRepository(PublishedDecisionEntity)
      .findOne({ where: { publicationKey: key } });
  }

  async insertPublication(
    p: Omit<PublishedDecisionEntity, 'id' | 'withdrawnAt' | 'withdrawalReason' | 'status'>,
    tx: Transaction,
  ): Promise<PublishedDecisionEntity> {
    const repo = this.em(tx).getRepository(PublishedDecisionEntity);
    return repo.save(repo.create({ ...p, status: 'PUBLISHED', withdrawnAt: null, withdrawalReason: null }));
  }

  /** Withdraws every live publication of the case; returns how many rows changed. */
  async withdrawPublications(caseId: string, reason: string, tx: Transaction): Promise<number> {
    const res: [unknown[], number] = await this.em(tx).query(
      `UPDATE published_penalty_decisions SET status = 'WITHDRAWN', withdrawn_at = now(), withdrawal_reason = $2 WHERE case_id = $1 AND status = 'PUBLISHED'`,
      [caseId, reason],
    );
    return res[1];
  }

  /** Publications of a case (a handful), newest decision first. */
  publicationsOfCase(caseId: string): Promise<PublishedDecisionEntity[]> {
    return this.ds
      .getRepository(PublishedDecisionEntity)
      .find({ where: { caseId }, order: { decisionDate: 'DESC', publishedAt: 'DESC' }, take: 100 });
  }

  /** Keyset page of publications in one status, newest published first. */
  publicationsPage(q: PageRequest & { status: PublicationStatus }): Promise<KeysetPage<PublishedDecisionEntity>> {
    const qb = this.ds
      .getRepository(PublishedDecisionEntity)
      .createQueryBuilder('p')
      .where('p.status = :status', { status: q.status });
    return keysetQuery(qb, NEWEST_PUBLICATIONS, q);
  }

  // ---- dishonest list and credit repair ----

  async insertListing(
    l: Omit<DishonestEntityEntity, 'id' | 'createdAt' | 'status' | 'removedOn'>,
    tx: Transaction,
  ): Promise<DishonestEntityEntity | null> {
    const rows: Array<{ id: string }> = await this.em(tx).query(
      `INSERT INTO dishonest_entities (enterprise_id, case_id, department_id, party_name, credit_code, reason, decision_number, listed_on, status)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'LISTED') ON CONFLICT (case_id) DO NOTHING RETURNING id`,
      [l.enterpriseId, l.caseId, l.departmentId, l.partyName, l.creditCode, l.reason, l.decisionNumber, l.listedOn],
    );
    return rows.length ? this.findListing(rows[0].id, tx) : null;
  }

  findListing(id: string, tx?: Transaction): Promise<DishonestEntityEntity | null> {
    return this.em(tx).getRepository(DishonestEntityEntity).findOne({ where: { id } });
  }

  findListingByCase(caseId: string, tx?: Transaction): Promise<DishonestEntityEntity | null> {
    return this.em(tx).getRepository(DishonestEntityEntity).findOne({ where: { caseId } });
  }

  /** Locks the listing row for a state change in the caller's transaction. */
  lockListing(id: string, tx: Transaction): Promise<DishonestEntityEntity | null> {
    return this.em(tx)
      .getRepository(DishonestEntityEntity)
      .createQueryBuilder('l')
      .setLock('pessimistic_write')
      .where('l.id = :id', { id })
      .getOne();
  }

  async setListingStatus(
    id: string,
    status: 'REPAIRED' | 'REMOVED',
    removedOn: string,
    tx: Transaction,
  ): Promise<void> {
    await this.em(tx).query(`UPDATE dishonest_entities SET status = $2, removed_on = $3 WHERE id = $1`, [
      id,
      status,
      removedOn,
    ]);
  }

  /** Keyset page of listings, newest first, in the given status and departments (all when not given). */
  listingsPage(
    q: PageRequest & { status?: string; departmentIds?: string[] },
  ): Promise<KeysetPage<DishonestEntityEntity>> {
    const qb = this.ds.getRepository(DishonestEntityEntity).createQueryBuilder('l');
    if (q.status) qb.andWhere('l.status = :status', { status: q.status });
    if (q.departmentIds) {
      const departmentIds = q.departmentIds.length ? q.departmentIds : ['00000000-0000-0000-0000-000000000000'];
      qb.andWhere('l.department_id IN (:...departmentIds)', { departmentIds });
    }
    return keysetQuery(qb, NEWEST_LISTINGS, q);
  }

  /** Any live listing of the enterprise besides `exceptId`. */
  async enterpriseHasOtherListing(enterpriseId: string, exceptId: string, tx: Transaction): Promise<boolean> {
    const rows: unknown[] = await this.em(tx).query(
      `SELECT 1 FROM dishonest_entities WHERE enterprise_id = $1 AND id <> $2 AND status = 'LISTED' LIMIT 1`,
      [enterpriseId, exceptId],
    );
    return rows.length > 0;
  }

  async setEnterpriseCreditStatus(enterpriseId: string, status: string, tx: Transaction): Promise<string | null> {
    const before: Array<{ credit_status: string }> = await this.em(tx).query(
      `SELECT credit_status FROM enterprises WHERE id = $1 FOR UPDATE`,
      [enterpriseId],
    );
    await this.em(tx).query(`UPDATE enterprises SET credit_status = $2 WHERE id = $1`, [enterpriseId, status]);
    return before[0]?.credit_status ?? null;
  }

  async insertRepairRequest(
    r: Pick<
      CreditRepairRequestEntity,
      'dishonestEntityId' | 'departmentId' | 'requestedBy' | 'statement' | 'rectificationEvidence'
    >,
    tx: Transaction,
  ): Promise<CreditRepairRequestEntity> {
    const repo = this.em(tx).getRepository(CreditRepairRequestEntity);
    return repo.save(repo.create({ ...r, status: 'PENDING', decidedBy: null, decidedAt: null, decisionComment: null }));
  }

  lockRepairRequest(id: string, tx: Transaction): Promise<CreditRepairRequestEntity | null> {
    return this.em(tx)
      .getRepository(CreditRepairRequestEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
  }

  findRepairRequest(id: string, tx?: Transaction): Promise<CreditRepairRequestEntity | null> {
    return this.em(tx).getRepository(CreditRepairRequestEntity).findOne({ where: { id } });
  }

  async decideRepairRequest(
    id: string,
    status: 'APPROVED' | 'REJECTED',
    decidedBy: string,
    comment: string,
    tx: Transaction,
  ): Promise<void> {
    await this.em(tx).query(
      `UPDATE credit_repair_requests SET status = $2, decided_by = $3, decided_at = now(), decision_comment = $4 WHERE id = $1`,
      [id, status, decidedBy, comment],
    );
  }

  listRepairRequests(q: {
    departmentIds: string[];
    status?: string;
    offset: number;
    limit: number;
  }): Promise<[CreditRepairRequestEntity[], number]> {
    const where: Record<string, unknown> = {
      departmentId: In(q.departmentIds.length ? q.departmentIds : ['00000000-0000-0000-0000-000000000000']),
    };
    if (q.status) where.status = q.status;
    return this.ds
      .getRepository(CreditRepairRequestEntity)
      .findAndCount({ where, order: { createdAt: 'DESC' }, skip: q.offset, take: q.limit });
  }

  // ---- archive and case-file review ----

  async insertArchive(a: Omit<CaseArchiveEntity, 'archivedAt'>, tx: Transaction): Promise<boolean> {
    const rows: unknown[] = await this.em(tx).query(
      `INSERT INTO case_archives (case_id, department_id, archived_by, case_file, sha256) VALUES ($1,$2,$3,$4,$5) ON CONFLICT (case_id) DO NOTHING RETURNING case_id`,
      [a.caseId, a.departmentId, a.archivedBy, JSON.stringify(a.caseFile), a.sha256],
    );
    return rows.length === 1;
  }

  findArchive(caseId: string): Promise<CaseArchiveEntity | null> {
    return this.ds.getRepository(CaseArchiveEntity).findOne({ where: { caseId } });
  }

  /** Archived case ids of the departments, optionally within an archive-date window (local dates, inclusive). */
  async archivedCaseIds(departmentIds: string[], from?: string, to?: string): Promise<string[]> {
    const rows: Array<{ case_id: string }> = await this.ds.query(
      `SELECT case_id FROM case_archives WHERE department_id = ANY($1::uuid[])
         AND ($2::date IS NULL OR (archived_at AT TIME ZONE 'Asia/Shanghai')::date >= $2::date)
         AND ($3::date IS NULL OR (archived_at AT TIME ZONE 'Asia/Shanghai')::date <= $3::date)`,
      [departmentIds, from ?? null, to ?? null],
    );
    return rows.map((r) => r.case_id);
  }

  async insertSample(
    s: Omit<FileReviewSampleEntity, 'id' | 'drawnAt'>,
    tx: Transaction,
  ): Promise<FileReviewSampleEntity> {
    const repo = this.em(tx).getRepository(FileReviewSampleEntity);
    return repo.save(repo.create(s));
  }

  findSample(id: string): Promise<FileReviewSampleEntity | null> {
    return this.ds.getRepository(FileReviewSampleEntity).findOne({ where: { id } });
  }

  listSamples(departmentIds: string[], offset: number, limit: number): Promise<[FileReviewSampleEntity[], number]> {
    return this.ds.getRepository(FileReviewSampleEntity).findAndCount({
      where: { departmentId: In(departmentIds.length ? departmentIds : ['00000000-0000-0000-0000-000000000000']) },
      order: { drawnAt: 'DESC' },
      skip: offset,
      take: limit,
    });
  }

  async insertScore(
    s: Omit<FileReviewScoreEntity, 'id' | 'createdAt'>,
    tx: Transaction,
  ): Promise<FileReviewScoreEntity | null> {
    const rows: Array<{ id: string }> = await this.em(tx).query(
      `INSERT INTO file_review_scores (sample_id, case_id, reviewer_id, score, items, findings) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (sample_id, case_id, reviewer_id) DO NOTHING RETURNING id`,
      [s.sampleId, s.caseId, s.reviewerId, s.score, JSON.stringify(s.items), s.findings],
    );
    return rows.length
      ? this.em(tx)
          .getRepository(FileReviewScoreEntity)
          .findOne({ where: { id: rows[0].id } })
      : null;
  }

  listScores(sampleId: string): Promise<FileReviewScoreEntity[]> {
    return this.ds.getRepository(FileReviewScoreEntity).find({ where: { sampleId }, order: { createdAt: 'ASC' } });
  }
}
