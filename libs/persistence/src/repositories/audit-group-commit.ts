/** One row ready for `audit_append`: its stream, its columns and the canonical body its hash covers. */
export interface PreparedAuditRow {
  stream: string;
  occurredAt: Date;
  actorId: string | null;
  actorRole: string | null;
  caseId: string | null;
  taskId: string | null;
  action: string;
  summary: Record<string, unknown>;
  requestId: string | null;
  body: string;
}

export interface AppendedAuditRow {
  seq: string;
  prevHash: string;
  hash: string;
}

interface Waiting {
  row: PreparedAuditRow;
  resolve: (appended: AppendedAuditRow) => void;
  reject: (error: unknown) => void;
}

export interface AuditGroupCommitOptions {
  /** Rows per statement at most. */
  maxBatch: number;
  /** Statements in flight at once (each holds one pooled connection while it runs). */
  maxInFlight: number;
}

/**
 * Group commit for appends that are not part of a caller's transaction: appends arriving while
 * earlier ones are being written are written together, in one statement and one commit, so the
 * record's throughput grows with the number of concurrent writers instead of being bounded by one
 * commit per row. Each caller's promise settles only after its row has committed, exactly as a
 * single append would. Within a statement the rows lock their streams' heads in stream order, so
 * concurrent statements cannot deadlock each other. If a statement fails (one bad row fails the
 * whole statement), its rows are written one by one, so each caller sees only its own row's error.
 */
export class AuditGroupCommit {
  private readonly queue: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly writeMany: (rows: PreparedAuditRow[]) => Promise<AppendedAuditRow[]>,
    private readonly writeOne: (row: PreparedAuditRow) => Promise<AppendedAuditRow>,
    private readonly options: AuditGroupCommitOptions,
  ) {}

  append(row: PreparedAuditRow): Promise<AppendedAuditRow> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      this.schedule();
    });
  }

  /** Collects the appends of the current turn of the event loop before writing them. */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight++;
      void this.write(batch).finally(() => {
        this.inFlight--;
        this.schedule();
      });
    }
  }

  private async write(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) return this.writeSingly(batch);
    // Stable: rows of one stream keep the order in which they were appended.
    const ordered = [...batch].sort((a, b) => (a.row.stream < b.row.stream ? -1 : a.row.stream > b.row.stream ? 1 : 0));
    let appended: AppendedAuditRow[];
    try {
      appended = await this.writeMany(ordered.map((w) => w.row));
    } catch {
      return this.writeSingly(ordered);
    }
    ordered.forEach((waiting, i) => waiting.resolve(appended[i]));
  }

  private async writeSingly(batch: Waiting[]): Promise<void> {
    for (const waiting of batch) {
      try {
        waiting.resolve(await this.writeOne(waiting.row));
      } catch (error) {
        waiting.reject(error);
      }
    }
  }
}
