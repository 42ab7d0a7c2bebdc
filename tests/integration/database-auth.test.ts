import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../support/db';

/**
 * The local PostgreSQL cluster requires a password (SCRAM-SHA-256) for every connection, the
 * superuser's included, and the app connects as its restricted role with a password of its own:
 * it can append to the full-process record but can neither switch off its guard nor become the owner.
 */
describe('database authentication and the app role', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());

  const withoutPassword = (url: string): string => {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  };
  const connect = async (config: ConstructorParameters<typeof Client>[0]) => {
    const client = new Client(config);
    await client.connect();
    return client;
  };

  it.each([
    ['the superuser', () => db.url],
    ['the app role', () => db.appUrl],
  ])('refuses %s without a password, and with a wrong one', async (_who, url) => {
    await expect(connect({ connectionString: withoutPassword(url()), password: '' })).rejects.toThrow(/password/i);
    const wrong = new URL(url());
    wrong.password = 'not-the-password';
    await expect(connect({ connectionString: wrong.toString() })).rejects.toThrow(/password authentication failed/);
  });

  it('refuses a password-less connection over the unix socket too', async () => {
    const clusterDir = process.env.PG_DATA;
    expect(clusterDir).toBeTruthy();
    const { port } = new URL(db.url);
    await expect(
      connect({ host: clusterDir, port: Number(port), user: 'postgres', database: db.name, password: '' }),
    ).rejects.toThrow(/password/i);
  });

  it('lets the app role in with its password, as itself, without the owner powers', async () => {
    const app = await connect({ connectionString: db.appUrl });
    try {
      const [who] = (await app.query('SELECT session_user AS s, current_user AS c')).rows;
      expect(who).toEqual({ s: 'safety_app', c: 'safety_app' });
      const [role] = (
        await app.query(
          `SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = 'safety_app'`,
        )
      ).rows;
      expect(role).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
      // The record is written only through audit_append(), which chains the row; never by a bare INSERT.
      await expect(
        app.query(
          `INSERT INTO audit_log (seq, occurred_at, action, summary, prev_hash, hash)
           SELECT 0, now(), 'PROBE', '{}', repeat('0', 64), repeat('0', 64) WHERE false`,
        ),
      ).rejects.toThrow(/permission denied/);
      const [mayAppend] = (
        await app.query(
          `SELECT has_function_privilege('safety_app', p.oid, 'EXECUTE') AS granted FROM pg_proc p WHERE p.proname = 'audit_append'`,
        )
      ).rows;
      expect(mayAppend).toEqual({ granted: true });
      await expect(app.query('ALTER TABLE audit_log DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner/);
      await expect(app.query('DROP TRIGGER audit_log_no_update_delete ON audit_log')).rejects.toThrow(/must be owner/);
      await expect(app.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
      await expect(app.query('SET ROLE postgres')).rejects.toThrow(/permission denied/);
      await expect(app.query(`UPDATE audit_log SET action = 'X'`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`ALTER ROLE safety_app SUPERUSER`)).rejects.toThrow(/must be superuser|permission denied/);
    } finally {
      await app.end();
    }
  });
});
