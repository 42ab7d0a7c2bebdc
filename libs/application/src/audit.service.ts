import { Injectable } from '@nestjs/common';
import { AuditAppend, AuditRepository, ChainVerification, Transaction } from '@safety/persistence';

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

  record(entry: Omit<AuditAppend, 'occurredAt'> & { occurredAt?: Date }, tx?: Transaction) {
    return this.audit.append({ ...entry, occurredAt: entry.occurredAt ?? new Date() }, tx);
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
}
