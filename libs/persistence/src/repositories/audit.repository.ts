import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntryEntity } from '../entities';
import { cappedCountSql, decodeCursor, KeysetPage, keysetPage, PageRequest } from '../keyset';
import { managerOf, Transaction } from '../unit-of-work';
import { AppendedAuditRow, AuditGroupCommit, PreparedAuditRow } from './audit-group-commit';
import { AuditAppend, auditRowBody, auditStreamOf } from './audit-hashing';
import { AuditChainVerifier, ChainVerification } from './audit-verification';

export * from './audit-hashing';
export type { ChainVerification } from './audit-verification';

const TIMELINE_SORT = 'seq';

@Injectable()
export class AuditRepository {
  private readonly groupCommit = new AuditGroupCommit(
    (rows) => this.appendMany(rows),
    (row) => this.appendOne(row),
    // A quarter of the default pool of 10, so a burst of appends leaves connections for everything else.
    { maxBatch: 200, maxInFlight: 3 },
  );

  constructor(private readonly ds: DataSource) {}

  private em(tx?: Transaction): EntityManager {
    return managerOf(this.ds, tx);
  }

  /**
   * Appends one row to its stream inside the caller's transaction, or, without one, group-committed
   * with the other appends in flight (audit-group-commit.ts). Only rows of the same stream wait for
   * each other: the head row lock is held until commit.
   */
  async append(entry: AuditAppend, tx?: Transaction): Promise<AuditEntryEntity> {
    // Millisecond precision: what the hash covers must survive the timestamptz round trip.
    const row: AuditAppend = { ...entry, occurredAt: new Date(Math.floor(entry.occurredAt.getTime())) };
    const caseId = row.denial ? null : (row.caseId ?? null);
    const stored = { ...row, caseId };
    const prepared: PreparedAuditRow = {
      stream: auditStreamOf(row),
      occurredAt: stored.occurredAt,
      actorId: stored.actorId ?? null,
      actorRole: stored.actorRole ?? null,
      caseId,
      taskId: stored.taskId ?? null,
      action: stored.action,
      summary: stored.summary ?? {},
      requestId: stored.requestId ?? null,
      body: auditRowBody(stored),
    };
    const appended = tx ? await this.appendOne(prepared, tx) : await this.groupCommit.append(prepared);
    return Object.assign(new AuditEntryEntity(), {
      ...appended,
      occurredAt: prepared.occurredAt,
      action: prepared.action,
      summary: prepared.summary,
      actorId: prepared.actorId,
      actorRole: prepared.actorRole,
      caseId,
      taskId: prepared.taskId,
      requestId: prepared.requestId,
    });
  }

  private async appendOne(row: PreparedAuditRow, tx?: Transaction): Promise<AppendedAuditRow> {
    const inserted: Array<{ seq: string; prev_hash: string; hash: string }> = await this.em(tx).query(
      'SELECT seq, prev_hash, hash FROM audit_append($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)',
      [
        row.stream,
        row.occurredAt,
        row.actorId,
        row.actorRole,
        row.caseId,
        row.taskId,
        row.action,
        JSON.stringify(row.summary),
        row.requestId,
        row.body,
      ],
    );
    return { seq: String(inserted[0].seq), prevHash: inserted[0].prev_hash, hash: inserted[0].hash };
  }

  /** Several rows in one statement (one transaction), appended in the order given. */
  private async appendMany(rows: PreparedAuditRow[]): Promise<AppendedAuditRow[]> {
    const column = <K extends keyof PreparedAuditRow>(key: K) => rows.map((r) => r[key]);
    const inserted: Array<{ n: string; seq: string; prev_hash: string; hash: string }> = await this.ds.query(
      `SELECT u.n, r.seq, r.prev_hash, r.hash
         FROM unnest($1::varchar[], $2::timestamptz[], $3::uuid[], $4::varchar[], $5::uuid[], $6::uuid[],
                     $7::varchar[], $8::jsonb[], $9::varchar[], $10::text[]) WITH ORDINALITY
              AS u(stream, occurred_at, actor_id, actor_role, case_id, task_id, action, summary, request_id, body, n)
        CROSS JOIN LATERAL audit_append(u.stream, u.occurred_at, u.actor_id, u.actor_role, u.case_id, u.task_id,
                                        u.action, u.summary, u.request_id, u.body) AS r
        ORDER BY u.n`,
      [
        column('stream'),
        column('occurredAt'),
        column('actorId'),
        column('actorRole'),
        column('caseId'),
        column('taskId'),
        column('action'),
        rows.map((r) => JSON.stringify(r.summary)),
        column('requestId'),
        column('body'),
      ],
    );
    if (inserted.length !== rows.length) throw new Error(`appended ${inserted.length} of ${rows.length} audit rows`);
    return inserted.map((r) => ({ seq: String(r.seq), prevHash: r.prev_hash, hash: r.hash }));
  }

  /** A case's record, oldest first, one keyset page at a time. */
  async caseTimeline(caseId: string, page: PageRequest): Promise<KeysetPage<AuditEntryEntity>> {
    const [afterSeq] = page.cursor ? decodeCursor(page.cursor, TIMELINE_SORT, ['integer']) : ['0'];
    const rows = await this.rowsForCase(caseId, afterSeq, page.limit + 1);
    const counted: Array<{ n: number }> = await this.ds.query(
      cappedCountSql('SELECT 1 FROM audit_log WHERE case_id = $1'),
      [caseId],
    );
    return keysetPage(
      rows,
      page.limit,
      TIMELINE_SORT,
      (r) => [String(r.seq)],
      (r) => r,
      counted[0].n,
    );
  }

  /** Up to `limit` rows of the case's record after `afterSeq`, oldest first. */
  async rowsForCase(caseId: string, afterSeq: string, limit: number): Promise<AuditEntryEntity[]> {
    return this.ds
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('a')
      .where('a.case_id = :caseId AND a.seq > :afterSeq', { caseId, afterSeq })
      .orderBy('a.seq', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Anchors the head of every stream that moved since the previous anchor; returns the newest anchor. */
  async anchor(): Promise<{ seq: string; hash: string; streams: number } | null> {
    const rows: Array<{ seq: string; hash: string; streams: number }> = await this.ds.query(
      'SELECT seq, hash, streams FROM audit_anchor()',
    );
    return rows[0] ? { seq: String(rows[0].seq), hash: rows[0].hash, streams: Number(rows[0].streams) } : null;
  }

  /**
   * Anchors the current heads, then checks the anchor chain and every stream's rows up to its
   * anchored head: each row links to its predecessor and matches its hash, no row is missing
   * before an anchored head. Incremental by default (from the anchor the last successful run
   * reached); `full` re-checks everything from each stream's genesis.
   */
  verifyChain(opts: { full?: boolean; batchSize?: number } = {}): Promise<ChainVerification> {
    return new AuditChainVerifier(this.ds, () => this.anchor()).verifyChain(opts);
  }
}
