import { Injectable } from '@nestjs/common';
import {
  AuditAppend,
  AuditEntryEntity,
  AuditRepository,
  auditRowHash,
  auditStreamOf,
  streamGenesis,
  ChainVerification,
  KeysetPage,
  PageRequest,
  Transaction,
} from '@safety/persistence';

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

export interface TimelineEntry {
  seq: string;
  occurredAt: string;
  actorId: string | null;
  actorRole: string | null;
  taskId: string | null;
  action: string;
  summary: Record<string, unknown>;
  requestId: string | null;
  hash: string;
}

const timelineEntry = (r: AuditEntryEntity): TimelineEntry => ({
  seq: String(r.seq),
  occurredAt: r.occurredAt.toISOString(),
  actorId: r.actorId,
  actorRole: r.actorRole,
  taskId: r.taskId,
  action: r.action,
  summary: r.summary,
  requestId: r.requestId,
  hash: r.hash,
});

/** 执法全过程记录 (行政处罚法 Art.47): every state change, task action, login, denial and personal-data read lands here. */
/** The integrity of one case's record. */
export interface CaseRecordVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: string | null;
  reason: string | null;
}

@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  record(entry: Omit<AuditAppend, 'occurredAt'> & { occurredAt?: Date }, tx?: Transaction) {
    return this.audit.append({ ...entry, occurredAt: entry.occurredAt ?? new Date() }, tx);
  }

  /** The case's record, oldest first (keyset pages). */
  async timeline(caseId: string, page: PageRequest): Promise<KeysetPage<TimelineEntry>> {
    const rows = await this.audit.caseTimeline(caseId, page);
    return { ...rows, items: rows.items.map(timelineEntry) };
  }
  /** Every row of the case's record, oldest first (the case file at archiving). */
  async wholeTimeline(caseId: string): Promise<TimelineEntry[]> {
    const all: TimelineEntry[] = [];
    for (let after = '0'; ;) {
      const rows = await this.audit.rowsForCase(caseId, after, 500);
      all.push(...rows.map(timelineEntry));
      if (rows.length < 500) return all;
      after = String(rows[rows.length - 1].seq);
    }
  }

  verify(opts: { full?: boolean } = {}): Promise<ChainVerification> {
    return this.audit.verifyChain(opts);
  }

  /** Records the heads of the streams that moved since the last anchor (run periodically by the worker). */
  anchor() {
    return this.audit.anchor();
  }

  /**
   * Verifies the case's rows of the full-process record: each row's hash must match its content, and
   * the rows of the case's own stream must link one to the next from the stream's genesis. The
   * anchors that bind every stream's head are checked by the whole-record walk (GET /audit/verify).
   */
  async verifyCase(caseId: string, pageSize = 1000): Promise<CaseRecordVerification> {
    const stream = auditStreamOf({ caseId, actorId: null });
    let checked = 0;
    let previousHash = streamGenesis(stream);
    for (let after = '0'; ;) {
      const rows = await this.audit.rowsForCase(caseId, after, pageSize);
      for (const row of rows) {
        const seq = String(row.seq);
        if (auditRowHash(row.prevHash, row) !== row.hash)
          return { ok: false, checked, firstBrokenSeq: seq, reason: 'row content does not match its hash' };
        if (row.stream === stream) {
          if (row.prevHash !== previousHash)
            return { ok: false, checked, firstBrokenSeq: seq, reason: 'prev_hash does not match the previous row' };
          previousHash = row.hash;
        }
        checked++;
      }
      if (rows.length < pageSize) return { ok: true, checked, firstBrokenSeq: null, reason: null };
      after = String(rows[rows.length - 1].seq);
    }
  }
}
