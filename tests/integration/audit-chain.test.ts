import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AuditAppend,
  auditRowHash,
  AuditRepository,
  dataSourceOptions,
  MIGRATIONS,
  UnitOfWork,
} from '@safety/persistence';
import { createTestDatabase, TestDatabase } from '../support/db';

/** 执法全过程记录 (行政处罚法 Art.47): append-only, hash-chained per stream, anchored, and tampering is detected. */
describe('audit record: per-stream hash chains with anchors (real PostgreSQL)', () => {
  const event = (caseId: string | null, i: number): AuditAppend => ({
    occurredAt: new Date(),
    caseId,
    action: 'TEST_EVENT',
    actorId: null,
    summary: { i, 名称: '测试', nested: { b: 2, a: 1 } },
  });
  const appendMany = async (repo: AuditRepository, n: number, caseId: string) => {
    for (let i = 0; i < n; i++) await repo.append(event(caseId, i));
  };
  /** As the table owner, with the guard switched off: what only a deliberate tamperer can do. */
  const tamper = async (db: TestDatabase, sql: string, params: unknown[]) => {
    await db.ds.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
    try {
      await db.ds.query(sql, params);
    } finally {
      await db.ds.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    }
  };

  describe('appending and verifying', () => {
    let db: TestDatabase;
    let repo: AuditRepository;
    beforeAll(async () => {
      db = await createTestDatabase();
      repo = new AuditRepository(db.ds);
    });
    afterAll(async () => db?.drop());

    it("links every row of a case to the case's previous row and verifies a clean record", async () => {
      const caseId = randomUUID();
      await appendMany(repo, 5, caseId);
      const rows = await db.ds.query('SELECT stream, prev_hash, hash FROM audit_log WHERE case_id = $1 ORDER BY seq', [
        caseId,
      ]);
      expect(rows.map((r: { stream: string }) => r.stream)).toEqual(Array(5).fill(`case:${caseId}`));
      for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
      await expect(repo.verifyChain()).resolves.toMatchObject({ ok: true, firstBrokenSeq: null, checked: 5 });
    });

    it('keeps each stream linear under concurrent appends to one case and to many cases', async () => {
      const hot = randomUUID();
      const others = Array.from({ length: 10 }, () => randomUUID());
      await Promise.all([
        ...Array.from({ length: 20 }, (_, i) => repo.append(event(hot, i))),
        ...others.flatMap((caseId) => [0, 1, 2].map((i) => repo.append(event(caseId, i)))),
      ]);
      const result = await repo.verifyChain();
      expect(result).toMatchObject({ ok: true, checked: 50, streams: 11 });
      // No forks anywhere: every row has its own predecessor (stream genesis hashes differ per stream).
      const links = await db.ds.query('SELECT count(DISTINCT prev_hash) AS n, count(*) AS total FROM audit_log');
      expect(Number(links[0].n)).toBe(Number(links[0].total));
      const head = await db.ds.query('SELECT length, head_hash FROM audit_streams WHERE stream = $1', [`case:${hot}`]);
      const last = await db.ds.query('SELECT hash FROM audit_log WHERE case_id = $1 ORDER BY seq DESC LIMIT 1', [hot]);
      expect(head[0]).toEqual({ length: '20', head_hash: last[0].hash });
    });

    it('chains actions outside a case per actor and denials in their own stream, never in a case record', async () => {
      const actorId = randomUUID();
      const caseId = randomUUID();
      await repo.append({ occurredAt: new Date(), actorId, action: 'LOGIN_SUCCEEDED', summary: {} });
      await repo.append({
        occurredAt: new Date(),
        actorId,
        caseId,
        action: 'ACCESS_DENIED',
        summary: {},
        denial: true,
      });
      const rows = await db.ds.query('SELECT stream, case_id, action FROM audit_log WHERE actor_id = $1 ORDER BY seq', [
        actorId,
      ]);
      expect(rows).toEqual([
        { stream: `actor:${actorId}`, case_id: null, action: 'LOGIN_SUCCEEDED' },
        { stream: `denials:${actorId}`, case_id: null, action: 'ACCESS_DENIED' },
      ]);
      await expect(repo.verifyChain()).resolves.toMatchObject({ ok: true, checked: 2, streams: 2 });
    });

    it('writes concurrent stand-alone appends together, in fewer transactions than rows, each linked in its stream', async () => {
      const cases = Array.from({ length: 8 }, () => randomUUID());
      const appended = await Promise.all(
        Array.from({ length: 64 }, (_, i) => repo.append(event(cases[i % cases.length], i))),
      );
      // Rows committed by one statement share its transaction id.
      const rows: Array<{ seq: string; tx: string }> = await db.ds.query(
        'SELECT seq, xmin::text AS tx FROM audit_log WHERE case_id = ANY($1) ORDER BY seq',
        [cases],
      );
      expect(rows).toHaveLength(64);
      expect(new Set(rows.map((r) => r.tx)).size).toBeLessThan(64);
      // Each caller learns its own row.
      expect(new Set(appended.map((a) => a.seq)).size).toBe(64);
      const ownRows: Array<{ seq: string; summary: { i: number } }> = await db.ds.query(
        'SELECT seq, summary FROM audit_log WHERE seq = ANY($1)',
        [appended.map((a) => a.seq)],
      );
      const bySeq = new Map(ownRows.map((r) => [String(r.seq), r.summary.i]));
      appended.forEach((a, i) => expect(bySeq.get(a.seq)).toBe(i));
      await expect(repo.verifyChain()).resolves.toMatchObject({ ok: true, checked: 64, streams: 8 });
    });

    it('fails only the bad row of a group of appends, and writes the others', async () => {
      const caseId = randomUUID();
      const results = await Promise.allSettled([
        repo.append(event(caseId, 0)),
        repo.append({ ...event(caseId, 1), action: 'X'.repeat(65) }),
        repo.append(event(caseId, 2)),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const rows = await db.ds.query('SELECT summary FROM audit_log WHERE case_id = $1 ORDER BY seq', [caseId]);
      expect(rows.map((r: { summary: { i: number } }) => r.summary.i)).toEqual([0, 2]);
      await expect(repo.verifyChain()).resolves.toMatchObject({ ok: true, checked: 2, streams: 1 });
    });

    it("keeps an append inside the caller's transaction: rolled back with it", async () => {
      const caseId = randomUUID();
      await expect(
        new UnitOfWork(db.ds).transaction(async (tx) => {
          await repo.append(event(caseId, 0), tx);
          throw new Error('the step failed');
        }),
      ).rejects.toThrow('the step failed');
      await expect(db.ds.query('SELECT 1 FROM audit_log WHERE case_id = $1', [caseId])).resolves.toHaveLength(0);
      await expect(repo.verifyChain()).resolves.toMatchObject({ ok: true, checked: 0 });
    });

    it('verifies incrementally: a second run checks only what was appended since, a full run checks everything', async () => {
      await expect(repo.verifyChain()).resolves.toMatchObject({ ok: true, checked: 0, mode: 'incremental' });
      await appendMany(repo, 3, randomUUID());
      await expect(repo.verifyChain()).resolves.toMatchObject({ ok: true, checked: 3, streams: 1 });
      const total = Number((await db.ds.query('SELECT count(*) AS n FROM audit_log'))[0].n);
      await expect(repo.verifyChain({ full: true, batchSize: 2 })).resolves.toMatchObject({
        ok: true,
        mode: 'full',
        checked: total,
      });
    });

    it('anchors the moved heads in a hash chain of anchors', async () => {
      const caseId = randomUUID();
      await appendMany(repo, 2, caseId);
      const anchor = await repo.anchor();
      expect(anchor).toMatchObject({ streams: 1 });
      const heads = await db.ds.query('SELECT stream, length FROM audit_anchor_heads WHERE anchor_seq = $1', [
        anchor!.seq,
      ]);
      expect(heads).toEqual([{ stream: `case:${caseId}`, length: '2' }]);
      // Nothing moved since: no new anchor.
      await expect(repo.anchor()).resolves.toMatchObject({ seq: anchor!.seq, streams: 0 });
      const anchors = await db.ds.query('SELECT prev_hash, hash FROM audit_anchors ORDER BY seq');
      for (let i = 1; i < anchors.length; i++) expect(anchors[i].prev_hash).toBe(anchors[i - 1].hash);
    });

    it('refuses UPDATE, DELETE and TRUNCATE of the record and its anchors for every role', async () => {
      await expect(db.ds.query(`UPDATE audit_log SET action = 'X'`)).rejects.toThrow(/append-only/);
      await expect(db.ds.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      await expect(db.ds.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
      await expect(db.ds.query('DELETE FROM audit_anchors')).rejects.toThrow(/append-only/);
      await expect(db.ds.query(`UPDATE audit_anchor_heads SET length = 0`)).rejects.toThrow(/append-only/);
    });

    it("lets the app's database role append only through the chain functions, and change nothing", async () => {
      const app = await new DataSource(dataSourceOptions(db.url, { appRole: 'safety_app' })).initialize();
      try {
        expect((await app.query('SELECT current_user AS u'))[0].u).toBe('safety_app');
        await new AuditRepository(app).append({ occurredAt: new Date(), action: 'APP_ROLE_APPEND', summary: {} });
        await expect(new AuditRepository(app).anchor()).resolves.toMatchObject({ streams: 1 });
        await expect(
          app.query(`INSERT INTO audit_log (occurred_at, action, prev_hash, hash, stream)
                     VALUES (now(), 'FORGED', repeat('a', 64), repeat('b', 64), 'system')`),
        ).rejects.toThrow(/permission denied/);
        await expect(app.query(`UPDATE audit_streams SET length = 0`)).rejects.toThrow(/permission denied/);
        await expect(app.query(`UPDATE audit_log SET action = 'X' WHERE action = 'APP_ROLE_APPEND'`)).rejects.toThrow(
          /permission denied/,
        );
        await expect(app.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
        await expect(app.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete')).rejects.toThrow(
          /must be owner/,
        );
        // The case tables stay writable for the app.
        await expect(app.query(`UPDATE cases SET title = title WHERE false`)).resolves.toBeDefined();
        await expect(new AuditRepository(app).verifyChain()).resolves.toMatchObject({ ok: true });
      } finally {
        await app.destroy();
      }
    });
  });

  describe('tampering', () => {
    let db: TestDatabase;
    let repo: AuditRepository;
    beforeEach(async () => {
      db = await createTestDatabase();
      repo = new AuditRepository(db.ds);
    });
    afterEach(async () => db?.drop());

    it('detects a row edited directly in SQL and names it', async () => {
      const caseId = randomUUID();
      await appendMany(repo, 3, randomUUID());
      await appendMany(repo, 3, caseId);
      const victim = (
        await db.ds.query('SELECT seq FROM audit_log WHERE case_id = $1 ORDER BY seq LIMIT 1 OFFSET 1', [caseId])
      )[0].seq;
      await tamper(db, `UPDATE audit_log SET summary = '{"i": 99}'::jsonb WHERE seq = $1`, [victim]);
      await expect(repo.verifyChain({ batchSize: 2 })).resolves.toMatchObject({
        ok: false,
        firstBrokenSeq: String(victim),
        reason: 'row content does not match its hash',
      });
    });

    it('finds an edit of an already verified row in a full verification', async () => {
      const caseId = randomUUID();
      await appendMany(repo, 3, caseId);
      await expect(repo.verifyChain()).resolves.toMatchObject({ ok: true });
      const victim = (
        await db.ds.query('SELECT seq FROM audit_log WHERE case_id = $1 ORDER BY seq LIMIT 1', [caseId])
      )[0].seq;
      await tamper(db, `UPDATE audit_log SET action = 'REWRITTEN' WHERE seq = $1`, [victim]);
      await expect(repo.verifyChain({ full: true })).resolves.toMatchObject({
        ok: false,
        firstBrokenSeq: String(victim),
      });
    });

    it('detects rows deleted from the middle of a stream', async () => {
      const caseId = randomUUID();
      await appendMany(repo, 4, caseId);
      const rows = await db.ds.query('SELECT seq FROM audit_log WHERE case_id = $1 ORDER BY seq', [caseId]);
      await tamper(db, 'DELETE FROM audit_log WHERE seq = $1', [rows[1].seq]);
      await expect(repo.verifyChain()).resolves.toMatchObject({
        ok: false,
        firstBrokenSeq: String(rows[2].seq),
        reason: 'prev_hash does not match the previous row',
      });
    });

    it('detects the newest rows of a stream deleted after they were anchored, even with the head rewound', async () => {
      const caseId = randomUUID();
      await appendMany(repo, 4, caseId);
      await repo.anchor();
      const rows = await db.ds.query('SELECT seq, hash FROM audit_log WHERE case_id = $1 ORDER BY seq', [caseId]);
      await tamper(db, 'DELETE FROM audit_log WHERE seq >= $1', [rows[2].seq]);
      await db.ds.query(`UPDATE audit_streams SET length = 2, head_seq = $2, head_hash = $3 WHERE stream = $1`, [
        `case:${caseId}`,
        rows[1].seq,
        rows[1].hash,
      ]);
      await expect(repo.verifyChain()).resolves.toMatchObject({
        ok: false,
        reason: 'rows are missing before an anchored head of the stream',
      });
    });
  });

  it('keeps verifying the single chain written before the record was split into streams', async () => {
    const db = await createTestDatabase();
    try {
      // The template is fully migrated: rebuild this database at the migration before AuditStreams.
      await db.ds.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
      const before = MIGRATIONS.slice(
        0,
        MIGRATIONS.findIndex((m) => m.name.startsWith('AuditStreams')),
      );
      const old = await new DataSource({ ...dataSourceOptions(db.url), migrations: before }).initialize();
      await old.runMigrations({ transaction: 'each' });
      let prev = '0'.repeat(64);
      for (let i = 0; i < 4; i++) {
        const row: AuditAppend = {
          occurredAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)),
          action: 'OLD_EVENT',
          summary: { i },
        };
        const hash = auditRowHash(prev, row);
        await old.query(
          `INSERT INTO audit_log (occurred_at, action, summary, prev_hash, hash) VALUES ($1, $2, $3, $4, $5)`,
          [row.occurredAt, row.action, JSON.stringify(row.summary), prev, hash],
        );
        prev = hash;
      }
      await old.destroy();
      const migrated = await new DataSource(dataSourceOptions(db.url)).initialize();
      await migrated.runMigrations({ transaction: 'each' });
      const repo = new AuditRepository(migrated);
      await repo.append(event(randomUUID(), 0));
      await expect(repo.verifyChain()).resolves.toMatchObject({ ok: true, checked: 5, streams: 2 });
      await migrated.destroy();
    } finally {
      await db.drop();
    }
  });
});
