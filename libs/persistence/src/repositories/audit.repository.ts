import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { managerOf, Transaction, withinTransaction } from '../unit-of-work';
import { AuditEntryEntity } from '../entities';

export const AUDIT_GENESIS_HASH = '0'.repeat(64);
/** Arbitrary constant naming the advisory lock that serialises appends to the hash chain. */
const AUDIT_CHAIN_LOCK = 727_001;

export interface AuditAppend {
  occurredAt: Date;
  actorId?: string | null;
  actorRole?: string | null;
  caseId?: string | null;
  taskId?: string | null;
  action: string;
  summary?: Record<string, unknown>;
  requestId?: string | null;
}

/** Stable JSON: keys sorted recursively, so the hash does not depend on key order after a jsonb round trip. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`;
}

export function auditRowHash(prevHash: string, row: AuditAppend): string {
  const body = canonical({
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId ?? null,
    actorRole: row.actorRole ?? null,
    caseId: row.caseId ?? null,
    taskId: row.taskId ?? null,
    action: row.action,
    summary: row.summary ?? {},
    requestId: row.requestId ?? null,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: string | null;
  reason: string | null;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly ds: DataSource) {}

  private em(tx?: Transaction): EntityManager {
    return managerOf(this.ds, tx);
  }

  /** Appends one row to the chain inside the caller's transaction (or a new one). */
  async append(entry: AuditAppend, tx?: Transaction): Promise<AuditEntryEntity> {
    const run = async (tx: Transaction) => {
      await this.em(tx).query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
      const last: Array<{ hash: string }> = await this.em(tx).query(
        'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1',
      );
      const prevHash = last[0]?.hash ?? AUDIT_GENESIS_HASH;
      // Millisecond precision: what the hash covers must survive the timestamptz round trip.
      const occurredAt = new Date(Math.floor(entry.occurredAt.getTime()));
      const row = { ...entry, occurredAt };
      const hash = auditRowHash(prevHash, row);
      const inserted: AuditEntryEntity[] = await this.em(tx).query(
        `INSERT INTO audit_log (occurred_at, actor_id, actor_role, case_id, task_id, action, summary, request_id, prev_hash, hash)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING seq`,
        [
          occurredAt,
          row.actorId ?? null,
          row.actorRole ?? null,
          row.caseId ?? null,
          row.taskId ?? null,
          row.action,
          JSON.stringify(row.summary ?? {}),
          row.requestId ?? null,
          prevHash,
          hash,
        ],
      );
      return Object.assign(new AuditEntryEntity(), {
        seq: String(inserted[0].seq),
        prevHash,
        hash,
        ...row,
        summary: row.summary ?? {},
        actorId: row.actorId ?? null,
        actorRole: row.actorRole ?? null,
        caseId: row.caseId ?? null,
        taskId: row.taskId ?? null,
        requestId: row.requestId ?? null,
      });
    };
    return withinTransaction(this.ds, tx, run);
  }

  async listForCase(caseId: string, offset: number, limit: number): Promise<[AuditEntryEntity[], number]> {
    return this.ds
      .getRepository(AuditEntryEntity)
      .findAndCount({ where: { caseId }, order: { seq: 'ASC' }, skip: offset, take: limit });
  }

  /** Walks the whole chain in seq order, in pages, and reports the first row whose link or hash does not match. */
  async verifyChain(pageSize = 1000): Promise<ChainVerification> {
    let prevHash = AUDIT_GENESIS_HASH;
    let afterSeq = '0';
    let checked = 0;
    for (;;) {
      const rows: Array<Record<string, unknown>> = await this.ds.query(
        `SELECT seq, occurred_at, actor_id, actor_role, case_id, task_id, action, summary, request_id, prev_hash, hash
           FROM audit_log WHERE seq > $1 ORDER BY seq ASC LIMIT $2`,
        [afterSeq, pageSize],
      );
      if (rows.length === 0) return { ok: true, checked, firstBrokenSeq: null, reason: null };
      for (const r of rows) {
        const seq = String(r.seq);
        if (r.prev_hash !== prevHash)
          return { ok: false, checked, firstBrokenSeq: seq, reason: 'prev_hash does not match the previous row' };
        const expected = auditRowHash(prevHash, {
          occurredAt: r.occurred_at as Date,
          actorId: r.actor_id as string | null,
          actorRole: r.actor_role as string | null,
          caseId: r.case_id as string | null,
          taskId: r.task_id as string | null,
          action: r.action as string,
          summary: r.summary as Record<string, unknown>,
          requestId: r.request_id as string | null,
        });
        if (expected !== r.hash)
          return { ok: false, checked, firstBrokenSeq: seq, reason: 'row content does not match its hash' };
        prevHash = r.hash as string;
        afterSeq = seq;
        checked++;
      }
    }
  }
}
