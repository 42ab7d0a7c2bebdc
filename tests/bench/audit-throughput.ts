import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { AuditRepository } from '@safety/persistence';

export interface AuditThroughput {
  rowsPerSecond: number;
  rows: number;
  writers: number;
  streams: number;
  verifyMs: number;
  verifiedRows: number;
}

/**
 * Concurrent writers append to the record for `seconds`, each row to one of `streams` cases (the
 * way steps of many cases land at once), every append its own transaction; then one incremental
 * verification checks what they wrote.
 */
export async function measureAuditAppends(
  ds: DataSource,
  opts: { writers: number; streams: number; seconds: number },
): Promise<AuditThroughput> {
  const repo = new AuditRepository(ds);
  const cases = Array.from({ length: opts.streams }, () => randomUUID());
  let rows = 0;
  const deadline = performance.now() + opts.seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.writers }, async (_, writer) => {
      for (let i = 0; performance.now() < deadline; i++) {
        await repo.append({
          occurredAt: new Date(),
          caseId: cases[(writer * 7919 + i) % cases.length],
          actorId: null,
          action: 'BENCH_STEP',
          summary: { writer, i, note: '执法全过程记录' },
        });
        rows++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const verifyStarted = performance.now();
  const verification = await repo.verifyChain();
  if (!verification.ok) throw new Error(`audit verification failed after the benchmark: ${verification.reason}`);
  return {
    rowsPerSecond: rows / elapsed,
    rows,
    writers: opts.writers,
    streams: opts.streams,
    verifyMs: performance.now() - verifyStarted,
    verifiedRows: verification.checked,
  };
}
