import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditAppend, AuditRepository, auditRowHash, ChainVerification } from '@safety/persistence';

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

/** 执法全过程记录 (行政处罚法 Art.47): every state change, task action, login, denial and personal-data read lands here. */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  record(entry: Omit<AuditAppend, 'occurredAt'> & { occurredAt?: Date }, manager?: EntityManager) {
    return this.audit.append({ ...entry, occurredAt: entry.occurredAt ?? new Date() }, manager);
  }

  async timeline(
    caseId: string,
    offset: number,
    limit: number,
  ): Promise<
    Page<{
      seq: string;
      occurredAt: string;
      actorId: string | null;
      actorRole: string | null;
      taskId: string | null;
      action: string;
      summary: Record<string, unknown>;
      requestId: string | null;
      hash: string;
    }>
  > {
    const [rows, total] = await this.audit.listForCase(caseId, offset, limit);
    return {
      items: rows.map((r) => ({
        seq: String(r.seq),
        occurredAt: r.occurredAt.toISOString(),
        actorId: r.actorId,
        actorRole: r.actorRole,
        taskId: r.taskId,
        action: r.action,
        summary: r.summary,
        requestId: r.requestId,
        hash: r.hash,
      })),
      total,
      offset,
      limit,
    };
  }

  verify(): Promise<ChainVerification> {
    return this.audit.verifyChain();
  }

  /**
   * Verifies the case's rows of the full-process record: each row's hash must match its content and
   * its link to the previous row, and the case's rows must be chained in order. Deletion of another
   * case's row between two of this case's is found by the whole-chain walk (GET /audit/verify).
   */
  async verifyCase(caseId: string, pageSize = 1000): Promise<ChainVerification> {
    let checked = 0;
    for (let offset = 0; ; offset += pageSize) {
      const [rows] = await this.audit.listForCase(caseId, offset, pageSize);
      for (const row of rows) {
        const expected = auditRowHash(row.prevHash, row);
        if (expected !== row.hash)
          return { ok: false, checked, firstBrokenSeq: String(row.seq), reason: 'row content does not match its hash' };
        checked++;
      }
      if (rows.length < pageSize) return { ok: true, checked, firstBrokenSeq: null, reason: null };
    }
  }
}
