import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditRepository, dataSourceOptions } from '@safety/persistence';
import { createTestDatabase, TestDatabase } from '../support/db';

/** 执法全过程记录 (行政处罚法 Art.47): append-only, hash-chained, and tampering is detected. */
describe('audit log hash chain (real PostgreSQL)', () => {
  let db: TestDatabase;
  let repo: AuditRepository;

  beforeAll(async () => {
    db = await createTestDatabase();
    repo = new AuditRepository(db.ds);
  });
  afterAll(async () => db?.drop());

  const appendMany = async (n: number, caseId: string) => {
    for (let i = 0; i < n; i++) {
      await repo.append({
        occurredAt: new Date(),
        caseId,
        action: 'TEST_EVENT',
        actorId: null,
        summary: { i, 名称: '测试', nested: { b: 2, a: 1 } },
      });
    }
  };

  it('links every row to the previous one and verifies a clean chain', async () => {
    await appendMany(5, randomUUID());
    const rows = await db.ds.query('SELECT prev_hash, hash FROM audit_log ORDER BY seq');
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    await expect(repo.verifyChain()).resolves.toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  it('keeps the chain linear under concurrent appends', async () => {
    const caseId = randomUUID();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        repo.append({ occurredAt: new Date(), caseId, action: 'CONCURRENT', summary: { i } }),
      ),
    );
    const result = await repo.verifyChain();
    expect(result.ok).toBe(true);
    const hashes = await db.ds.query('SELECT count(DISTINCT prev_hash) AS n, count(*) AS total FROM audit_log');
    expect(Number(hashes[0].n)).toBe(Number(hashes[0].total));
  });

  it('refuses UPDATE, DELETE and TRUNCATE for the application role', async () => {
    await expect(db.ds.query(`UPDATE audit_log SET action = 'X'`)).rejects.toThrow(/append-only/);
    await expect(db.ds.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(db.ds.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it("gives the app's database role INSERT and SELECT on the record, and no way to change it or its guard", async () => {
    const app = await new DataSource(dataSourceOptions(db.url, { appRole: 'safety_app' })).initialize();
    try {
      expect((await app.query('SELECT current_user AS u'))[0].u).toBe('safety_app');
      await new AuditRepository(app).append({ occurredAt: new Date(), action: 'APP_ROLE_APPEND', summary: {} });
      await expect(app.query(`UPDATE audit_log SET action = 'X' WHERE action = 'APP_ROLE_APPEND'`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(app.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
      await expect(app.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete')).rejects.toThrow(
        /must be owner/,
      );
      // The case tables stay writable for the app.
      await expect(app.query(`UPDATE cases SET title = title WHERE false`)).resolves.toBeDefined();
    } finally {
      await app.destroy();
    }
    await expect(repo.verifyChain()).resolves.toMatchObject({ ok: true });
  });

  it('detects a row tampered with directly in SQL and names the first broken link', async () => {
    const caseId = randomUUID();
    await appendMany(3, caseId);
    const victim = (
      await db.ds.query('SELECT seq FROM audit_log WHERE case_id = $1 ORDER BY seq LIMIT 1 OFFSET 1', [caseId])
    )[0].seq;
    // Only the table owner can do this, and only by switching the guard off.
    await db.ds.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
    await db.ds.query(`UPDATE audit_log SET summary = '{"i": 99}'::jsonb WHERE seq = $1`, [victim]);
    await db.ds.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    const result = await repo.verifyChain(2);
    expect(result).toMatchObject({
      ok: false,
      firstBrokenSeq: String(victim),
      reason: 'row content does not match its hash',
    });
  });
});
