import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AUDIT_GENESIS_HASH, auditRowHash, streamGenesis } from './audit-hashing';

export interface ChainVerification {
  ok: boolean;
  /** `incremental`: rows and anchors added since the last successful verification; `full`: everything. */
  mode: 'incremental' | 'full';
  /** Rows whose link and hash were checked in this run. */
  checked: number;
  streams: number;
  anchors: number;
  /** The anchor this run verified up to (the record as of that anchor is intact). */
  anchorSeq: string | null;
  firstBrokenSeq: string | null;
  reason: string | null;
}

interface Head {
  stream: string;
  length: number;
  headSeq: string;
  headHash: string;
}

interface RowForCheck {
  seq: string;
  stream: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_role: string | null;
  case_id: string | null;
  task_id: string | null;
  action: string;
  summary: Record<string, unknown>;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/** Checks the record's streams against their anchored heads (see AuditRepository.verifyChain). */
export class AuditChainVerifier {
  constructor(
    private readonly ds: DataSource,
    private readonly anchor: () => Promise<{ seq: string; hash: string; streams: number } | null>,
  ) {}

  /**
   * Anchors the current heads, then checks the anchor chain and every stream's rows up to its
   * anchored head: each row links to its predecessor and matches its hash, no row is missing
   * before an anchored head. Incremental by default (from the anchor the last successful run
   * reached); `full` re-checks everything from each stream's genesis.
   */
  async verifyChain(opts: { full?: boolean; batchSize?: number } = {}): Promise<ChainVerification> {
    const batchSize = opts.batchSize ?? 1000;
    const mode = opts.full ? 'full' : 'incremental';
    const latest = await this.anchor();
    const state: Array<{ anchor_seq: string; anchor_hash: string }> = opts.full
      ? []
      : await this.ds.query('SELECT anchor_seq, anchor_hash FROM audit_verification_state WHERE id = 1');
    const fromAnchor = state[0] ? String(state[0].anchor_seq) : '0';
    const result: ChainVerification = {
      ok: true,
      mode,
      checked: 0,
      streams: 0,
      anchors: 0,
      anchorSeq: latest?.seq ?? null,
      firstBrokenSeq: null,
      reason: null,
    };
    if (!latest || latest.seq === fromAnchor) return result;

    const broken = await this.verifyAnchors(fromAnchor, state[0]?.anchor_hash ?? AUDIT_GENESIS_HASH, result);
    if (broken) return { ...result, ok: false, firstBrokenSeq: null, reason: broken };

    const targets = await this.heads(
      `SELECT DISTINCT ON (stream) stream, length, head_seq, head_hash FROM audit_anchor_heads
        WHERE anchor_seq > $1 AND anchor_seq <= $2 ORDER BY stream, anchor_seq DESC`,
      [fromAnchor, latest.seq],
    );
    result.streams = targets.length;
    const problems: Array<{ seq: string; reason: string }> = [];
    for (let i = 0; i < targets.length; i += 200) {
      problems.push(
        ...(await this.verifyStreams(targets.slice(i, i + 200), fromAnchor, latest.seq, batchSize, result)),
      );
    }
    if (problems.length) {
      const first = problems.reduce((a, b) => (BigInt(b.seq) < BigInt(a.seq) ? b : a));
      return { ...result, ok: false, firstBrokenSeq: first.seq, reason: first.reason };
    }
    await this.ds.query(
      `INSERT INTO audit_verification_state (id, anchor_seq, anchor_hash, verified_at) VALUES (1, $1, $2, now())
       ON CONFLICT (id) DO UPDATE SET anchor_seq = EXCLUDED.anchor_seq, anchor_hash = EXCLUDED.anchor_hash,
         verified_at = EXCLUDED.verified_at WHERE audit_verification_state.anchor_seq < EXCLUDED.anchor_seq`,
      [latest.seq, latest.hash],
    );
    return result;
  }

  private async heads(sql: string, params: unknown[]): Promise<Head[]> {
    const rows: Array<{ stream: string; length: string; head_seq: string; head_hash: string }> = await this.ds.query(
      sql,
      params,
    );
    return rows.map((r) => ({
      stream: r.stream,
      length: Number(r.length),
      headSeq: String(r.head_seq),
      headHash: r.head_hash,
    }));
  }

  /** Each anchor after `fromAnchor` links to its predecessor and matches the hash of its heads. */
  private async verifyAnchors(fromAnchor: string, fromHash: string, result: ChainVerification): Promise<string | null> {
    let prevHash = fromHash;
    let after = fromAnchor;
    for (;;) {
      const anchors: Array<{ seq: string; prev_hash: string; hash: string; body: string | null }> = await this.ds.query(
        `SELECT a.seq, a.prev_hash, a.hash,
                (SELECT string_agg(h.stream || ' ' || h.length || ' ' || h.head_seq || ' ' || h.head_hash, E'\\n'
                                   ORDER BY h.stream COLLATE "C")
                   FROM audit_anchor_heads h WHERE h.anchor_seq = a.seq) AS body
           FROM audit_anchors a WHERE a.seq > $1 ORDER BY a.seq LIMIT 100`,
        [after],
      );
      if (anchors.length === 0) return null;
      for (const a of anchors) {
        if (a.prev_hash !== prevHash) return `anchor ${a.seq} does not link to the previous anchor`;
        const expected = createHash('sha256')
          .update(`${prevHash}\n${a.seq}\n${a.body ?? ''}`)
          .digest('hex');
        if (expected !== a.hash) return `anchor ${a.seq} does not match its stream heads`;
        prevHash = a.hash;
        after = String(a.seq);
        result.anchors++;
      }
    }
  }

  /** Walks each stream from where the last verification left it up to its newest anchored head. */
  private async verifyStreams(
    targets: Head[],
    fromAnchor: string,
    toAnchor: string,
    batchSize: number,
    result: ChainVerification,
  ): Promise<Array<{ seq: string; reason: string }>> {
    const names = targets.map((t) => t.stream);
    const starts = new Map(
      (
        await this.heads(
          `SELECT DISTINCT ON (stream) stream, length, head_seq, head_hash FROM audit_anchor_heads
            WHERE anchor_seq <= $1 AND stream = ANY($2::varchar[]) ORDER BY stream, anchor_seq DESC`,
          [fromAnchor, names],
        )
      ).map((h) => [h.stream, h]),
    );
    // Every head anchored on the way must be a row the walk passes, at that position.
    const checkpoints = new Map<string, Head>();
    for (const h of await this.heads(
      `SELECT stream, length, head_seq, head_hash FROM audit_anchor_heads
        WHERE anchor_seq > $1 AND anchor_seq <= $2 AND stream = ANY($3::varchar[])`,
      [fromAnchor, toAnchor, names],
    ))
      checkpoints.set(`${h.stream}#${h.headSeq}`, h);

    const walks = targets.map((t) => {
      const start = starts.get(t.stream);
      return {
        target: t,
        after: start?.headSeq ?? '0',
        prevHash: start?.headHash ?? streamGenesis(t.stream),
        position: start?.length ?? 0,
        done: false,
        problem: null as { seq: string; reason: string } | null,
      };
    });
    const byStream = new Map(walks.map((w) => [w.target.stream, w]));
    for (;;) {
      const open = walks.filter((w) => !w.done);
      if (open.length === 0) break;
      const rows: RowForCheck[] = await this.ds.query(
        `SELECT l.seq, l.stream, l.occurred_at, l.actor_id, l.actor_role, l.case_id, l.task_id, l.action, l.summary,
                l.request_id, l.prev_hash, l.hash
           FROM unnest($1::varchar[], $2::bigint[], $3::bigint[]) AS w(stream, after_seq, upto_seq)
           CROSS JOIN LATERAL (
             SELECT * FROM audit_log x WHERE x.stream = w.stream AND x.seq > w.after_seq AND x.seq <= w.upto_seq
              ORDER BY x.seq LIMIT $4) l
          ORDER BY l.stream, l.seq`,
        [open.map((w) => w.target.stream), open.map((w) => w.after), open.map((w) => w.target.headSeq), batchSize],
      );
      const seen = new Map<string, number>();
      for (const r of rows) {
        const walk = byStream.get(r.stream)!;
        seen.set(r.stream, (seen.get(r.stream) ?? 0) + 1);
        if (walk.done) continue;
        const seq = String(r.seq);
        result.checked++;
        walk.position++;
        if (r.prev_hash !== walk.prevHash) {
          walk.problem = { seq, reason: 'prev_hash does not match the previous row' };
        } else if (
          auditRowHash(walk.prevHash, {
            occurredAt: r.occurred_at,
            actorId: r.actor_id,
            actorRole: r.actor_role,
            caseId: r.case_id,
            taskId: r.task_id,
            action: r.action,
            summary: r.summary,
            requestId: r.request_id,
          }) !== r.hash
        ) {
          walk.problem = { seq, reason: 'row content does not match its hash' };
        } else {
          const checkpoint = checkpoints.get(`${r.stream}#${seq}`);
          if (checkpoint && (checkpoint.length !== walk.position || checkpoint.headHash !== r.hash))
            walk.problem = { seq, reason: 'an anchored head does not match the row at its position' };
        }
        walk.prevHash = r.hash;
        walk.after = seq;
        if (walk.problem) walk.done = true;
      }
      for (const walk of open) {
        if (walk.done) continue;
        if ((seen.get(walk.target.stream) ?? 0) < batchSize) {
          walk.done = true;
          if (walk.position !== walk.target.length || walk.prevHash !== walk.target.headHash)
            walk.problem = {
              seq: walk.target.headSeq,
              reason: 'rows are missing before an anchored head of the stream',
            };
        }
      }
    }
    return walks.flatMap((w) => (w.problem ? [w.problem] : []));
  }
}
