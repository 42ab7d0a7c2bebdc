import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { managerOf, Transaction } from '../unit-of-work';
import { AttachmentEntity, CaseEntity } from '../entities';
import { cappedCountSql, decodeCursor, KeysetPage, keysetPage, PageRequest, SqlParams, timestampKey } from '../keyset';

/** Case search (all filters optional, combined with AND); newest first. */
export interface CaseSearch extends PageRequest {
  /** Departments whose cases may be returned (jurisdiction, already narrowed to a subtree if asked). */
  departmentIds: string[];
  /** The case number (reference_no), exactly. */
  caseNumber?: string;
  /** Substring of the title. */
  title?: string;
  /** Substring of the enterprise's name. */
  enterpriseName?: string;
  status?: string;
  caseType?: string;
  createdFrom?: Date;
  createdBefore?: Date;
}

/** What a list row shows of its case. */
export interface CaseSummaryRow {
  id: string;
  caseType: string;
  referenceNo: string | null;
  title: string;
  status: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
}

const CASE_SORT = 'newest';
/** Beyond this many departments one ordered scan of all cases beats one ordered range per department. */
const MAX_DEPARTMENT_RANGES = 40;

/** More candidates than this (in the searched departments) and a text term counts as common. */
const COMMON_TERM_CANDIDATES = 2_000;
/** At most this many matching enterprises are looked up by id; more and the name filter stays a subquery. */
const MAX_ENTERPRISE_IDS = 5_000;

/**
 * SQL keeping rows whose `column` contains `term` (any case). With the index: its bigrams select
 * the candidates, and `strpos` confirms terms longer than two characters (for two characters the
 * bigram is the substring). Without: `strpos` alone, for an ordered scan that stops at a page.
 */
function containsText(column: string, term: string, params: SqlParams, useIndex: boolean): string {
  const value = params.add(term);
  const confirm = `strpos(lower(${column}), lower(${value}::text)) > 0`;
  if (!useIndex || term.length < 2) return confirm;
  const candidates = `text_bigrams(${column}) @> text_bigrams(${value}::text)`;
  return term.length === 2 ? candidates : `${candidates} AND ${confirm}`;
}

@Injectable()
export class CaseRepository {
  constructor(private readonly ds: DataSource) {}

  private em(tx?: Transaction): EntityManager {
    return managerOf(this.ds, tx);
  }

  private repo(tx?: Transaction) {
    return this.em(tx).getRepository(CaseEntity);
  }

  findById(id: string, tx?: Transaction): Promise<CaseEntity | null> {
    return this.repo(tx).findOne({ where: { id } });
  }

  /**
   * The number, title and enterprise name of each of the cases, in one statement: a page of the inbox
   * or of the search shows them for up to 100 rows, and a lookup per row would queue on the pool.
   */
  async summaries(ids: string[]): Promise<CaseSummaryRow[]> {
    if (ids.length === 0) return [];
    return this.ds.query(
      `SELECT c.id, c.case_type AS "caseType", c.reference_no AS "referenceNo", c.title, c.status,
              c.enterprise_id AS "enterpriseId", e.name AS "enterpriseName"
         FROM cases c LEFT JOIN enterprises e ON e.id = c.enterprise_id
        WHERE c.id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
  }

  findByWorkflowId(workflowId: string, tx?: Transaction): Promise<CaseEntity | null> {
    return this.repo(tx).findOne({ where: { workflowId } });
  }

  async exists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query('SELECT 1 FROM cases WHERE id = $1', [id]);
    return rows.length > 0;
  }

  async workflowIdTaken(workflowId: string, tx?: Transaction): Promise<boolean> {
    const rows: unknown[] = await this.em(tx).query('SELECT 1 FROM cases WHERE workflow_id = $1', [workflowId]);
    return rows.length > 0;
  }

  /**
   * Marks the case as being created by the caller's transaction until it commits or rolls back: a workflow
   * started inside that transaction can look for the row before it is visible, and `awaitCreation` then waits
   * for the outcome instead of failing and retrying a second later.
   */
  async holdCreation(id: string, tx: Transaction): Promise<void> {
    await this.em(tx).query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`case-creation:${id}`]);
  }

  /** Waits until no transaction is creating the case (the lock is shared, so waiters never block each other). */
  async awaitCreation(id: string, tx?: Transaction): Promise<void> {
    await this.em(tx).query('SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))', [`case-creation:${id}`]);
  }

  /** Row lock on the case until the caller's transaction ends (serialises work numbered per case). */
  async lock(id: string, tx: Transaction): Promise<void> {
    await this.em(tx).query('SELECT id FROM cases WHERE id = $1 FOR UPDATE', [id]);
  }

  /** How many cases of the type were opened from the source case. */
  async countLinkedFrom(sourceCaseId: string, caseType: string, tx?: Transaction): Promise<number> {
    const rows: Array<{ n: string }> = await this.em(tx).query(
      `SELECT count(*) AS n FROM cases WHERE case_type = $2 AND data->>'sourceCaseId' = $1`,
      [sourceCaseId, caseType],
    );
    return Number(rows[0].n);
  }

  async insert(c: Partial<CaseEntity>, tx?: Transaction): Promise<CaseEntity> {
    return this.repo(tx).save(this.repo(tx).create(c));
  }

  async updateStatus(
    id: string,
    status: string,
    dataPatch: Record<string, unknown> | undefined,
    tx?: Transaction,
  ): Promise<void> {
    await this.em(tx).query(
      `UPDATE cases SET status = $2, data = data || $3::jsonb, updated_at = now(), version = version + 1 WHERE id = $1`,
      [id, status, JSON.stringify(dataPatch ?? {})],
    );
  }

  findByLinkKey(linkKey: string, tx?: Transaction): Promise<CaseEntity | null> {
    return this.repo(tx).findOne({ where: { linkKey } });
  }

  /**
   * The next workflow id `<prefix>-<sourceCaseId>-<n>` for a case linked to `sourceCaseId`. Locks the
   * source case row, so concurrent openings (from its workflow and over HTTP) number one after the
   * other; call it in the transaction that inserts the linked case.
   */
  async nextLinkedWorkflowId(sourceCaseId: string, prefix: string, tx: Transaction): Promise<string> {
    await this.em(tx).query('SELECT id FROM cases WHERE id = $1 FOR UPDATE', [sourceCaseId]);
    const stem = `${prefix}-${sourceCaseId}-`;
    // A LIKE prefix with the pattern index (migration LinkedAndPublicListIndexes): one index range, not a scan.
    const rows: Array<{ workflow_id: string }> = await this.em(tx).query(
      `SELECT workflow_id FROM cases WHERE workflow_id LIKE $1`,
      [`${likeEscaped(stem)}%`],
    );
    const taken = rows.map((r) => Number(r.workflow_id.slice(stem.length))).filter((n) => Number.isInteger(n));
    return `${stem}${Math.max(0, ...taken) + 1}`;
  }

  /** Merges the patch into the case's data. */
  async patchData(id: string, dataPatch: Record<string, unknown>, tx?: Transaction): Promise<void> {
    await this.em(tx).query(
      `UPDATE cases SET data = data || $2::jsonb, updated_at = now(), version = version + 1 WHERE id = $1`,
      [id, JSON.stringify(dataPatch)],
    );
  }

  async moveToDepartment(id: string, departmentId: string, tx?: Transaction): Promise<void> {
    await this.em(tx).query(
      `UPDATE cases SET department_id = $2, updated_at = now(), version = version + 1 WHERE id = $1`,
      [id, departmentId],
    );
  }

  async setHandlers(id: string, handlerIds: string[], tx?: Transaction): Promise<void> {
    await this.em(tx).query(
      'UPDATE cases SET handler_ids = $2, updated_at = now(), version = version + 1 WHERE id = $1',
      [id, handlerIds],
    );
  }

  /**
   * One keyset page of a case search. Each department is searched on its own (an ordered index
   * range, or its part of the title index) and the parts are merged, so a supervisor's page costs
   * about what one department's does and a text search visits only candidates in jurisdiction.
   */
  async search(q: CaseSearch): Promise<KeysetPage<CaseEntity>> {
    const empty = { items: [], nextCursor: null, total: 0, totalExact: true };
    if (q.departmentIds.length === 0) return empty;
    const cursor = q.cursor ? decodeCursor(q.cursor, CASE_SORT, ['timestamp', 'uuid']) : null;
    const perDepartment = !q.caseNumber && q.departmentIds.length <= MAX_DEPARTMENT_RANGES;
    // Matching enterprises first (a small table): their ids then filter the cases.
    let enterpriseIds: string[] | null = null;
    if (q.enterpriseName) {
      const named = new SqlParams();
      const rows: Array<{ id: string }> = await this.ds.query(
        `SELECT e.id FROM enterprises e WHERE ${containsText('e.name', q.enterpriseName, named, true)}
          LIMIT ${MAX_ENTERPRISE_IDS + 1}`,
        named.values,
      );
      if (rows.length === 0) return empty;
      if (rows.length <= MAX_ENTERPRISE_IDS) enterpriseIds = rows.map((r) => r.id);
    }
    const build = (params: SqlParams, opts: { cursor: boolean; titleIndex: boolean }) => {
      const where: string[] = [];
      if (q.caseNumber) where.push(`c.reference_no = ${params.add(q.caseNumber)}`);
      if (q.status) where.push(`c.status = ${params.add(q.status)}`);
      if (q.caseType) where.push(`c.case_type = ${params.add(q.caseType)}`);
      if (q.createdFrom) where.push(`c.created_at >= ${params.add(q.createdFrom)}`);
      if (q.createdBefore) where.push(`c.created_at < ${params.add(q.createdBefore)}`);
      if (q.title) where.push(containsText('c.title', q.title, params, opts.titleIndex));
      if (enterpriseIds) where.push(`c.enterprise_id = ANY(${params.add(enterpriseIds)}::uuid[])`);
      else if (q.enterpriseName)
        where.push(
          `c.enterprise_id IN (SELECT e.id FROM enterprises e WHERE ${containsText('e.name', q.enterpriseName, params, true)})`,
        );
      if (opts.cursor && cursor)
        where.push(`(c.created_at, c.id) < (${params.add(cursor[0])}::timestamptz, ${params.add(cursor[1])}::uuid)`);
      return where;
    };
    const sources = (params: SqlParams, filters: string[], select: string, suffix = '', split = perDepartment) =>
      split
        ? q.departmentIds.map(
            (d) => `${select} WHERE ${[`c.department_id = ${params.add(d)}::uuid`, ...filters].join(' AND ')}${suffix}`,
          )
        : [
            `${select} WHERE ${[`c.department_id = ANY(${params.add(q.departmentIds)}::uuid[])`, ...filters].join(' AND ')}${suffix}`,
          ];

    const pageRows = async () => {
      // A common title term is found fastest by walking the newest cases; a rare one through the index.
      const commonTitle =
        q.title && q.title.length >= 2 ? (await this.titleCandidates(q)) > COMMON_TERM_CANDIDATES : false;
      const page = new SqlParams();
      const limit = page.add(q.limit + 1);
      const order = 'ORDER BY c.created_at DESC, c.id DESC';
      const parts = sources(
        page,
        build(page, { cursor: true, titleIndex: !commonTitle }),
        `SELECT c.id, ${timestampKey('c.created_at')} AS created_key, c.created_at FROM cases c`,
        ` ${order} LIMIT ${limit}`,
      );
      const rows: Array<{ id: string; created_key: string }> = await this.ds.query(
        `SELECT id, created_key FROM (${parts.map((part) => `(${part})`).join(' UNION ALL ')}) c ${order} LIMIT ${limit}`,
        page.values,
      );
      const entities = rows.length ? await this.repo().findBy({ id: In(rows.map((r) => r.id)) }) : [];
      return { rows, byId: new Map(entities.map((c) => [c.id, c])) };
    };
    // Counting visits every match (up to the cap): through the index, whether the term is common or not.
    // With the matching enterprises known, one scan of their cases (cases_enterprise_created_idx) filtered
    // by department beats a range per department: each range would probe every enterprise again.
    const count = new SqlParams();
    const countSql = cappedCountSql(
      sources(
        count,
        build(count, { cursor: false, titleIndex: true }),
        'SELECT 1 FROM cases c',
        '',
        perDepartment && !enterpriseIds,
      ).join(' UNION ALL '),
    );
    // The total does not depend on the page (it always goes through the index): counted on a second
    // connection while the page is chosen and read.
    const [{ rows, byId }, counted] = await Promise.all([
      pageRows(),
      this.ds.query(countSql, count.values) as Promise<Array<{ n: number }>>,
    ]);
    return keysetPage(
      rows,
      q.limit,
      CASE_SORT,
      (r) => [r.created_key, r.id],
      (r) => byId.get(r.id)!,
      counted[0].n,
    );
  }

  /**
   * How many cases of the searched departments the title index offers for the term (index entries),
   * counted only as far as the threshold decides: one more than COMMON_TERM_CANDIDATES.
   */
  private async titleCandidates(q: CaseSearch): Promise<number> {
    const rows: Array<{ n: number }> = await this.ds.query(
      `SELECT count(*)::int AS n FROM (
         SELECT 1 FROM unnest($1::uuid[]) AS d
           CROSS JOIN LATERAL (SELECT 1 FROM cases c
                                WHERE c.department_id = d AND text_bigrams(c.title) @> text_bigrams($2::text)) AS m
          LIMIT ${COMMON_TERM_CANDIDATES + 1}) AS capped`,
      [q.departmentIds, q.title],
    );
    return rows[0].n;
  }

  async addAttachment(a: Partial<AttachmentEntity>, tx?: Transaction): Promise<AttachmentEntity> {
    const repo = this.em(tx).getRepository(AttachmentEntity);
    const saved = await repo.save(repo.create(a));
    delete (saved as Partial<AttachmentEntity>).content;
    return saved;
  }

  /** Which of the ids are attachments of this case. */
  async attachmentIdsOfCase(caseId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string }> = await this.ds.query(
      'SELECT id FROM attachments WHERE case_id = $1 AND id = ANY($2::uuid[])',
      [caseId, ids],
    );
    return rows.map((r) => r.id);
  }

  listAttachments(caseId: string): Promise<AttachmentEntity[]> {
    return this.ds.getRepository(AttachmentEntity).find({ where: { caseId }, order: { createdAt: 'ASC' } });
  }

  async attachmentContent(caseId: string, id: string): Promise<AttachmentEntity | null> {
    return this.ds
      .getRepository(AttachmentEntity)
      .createQueryBuilder('a')
      .addSelect('a.content')
      .where('a.id = :id AND a.case_id = :caseId', { id, caseId })
      .getOne();
  }
}

/** The text matched literally inside a LIKE pattern (backslash is LIKE's default escape). */
function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (special) => `\\${special}`);
}
