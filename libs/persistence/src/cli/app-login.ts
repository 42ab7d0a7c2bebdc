/*
 * Administrative task: lets the application role log in with its own password, so the API and the
 * worker connect as that restricted role instead of as the owner. Connects with DATABASE_URL (the
 * owner or an administrator with CREATEROLE); the password comes from DATABASE_APP_PASSWORD, never
 * from the command line (process lists show arguments). Idempotent: creates the role when missing.
 */
import { Client } from 'pg';
import { APP_ROLE } from '../migrations/1764200000000-AppRole';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const password = process.env.DATABASE_APP_PASSWORD;
  const role = process.env.DATABASE_APP_ROLE || APP_ROLE;
  if (!url) throw new Error('DATABASE_URL (owner or administrator) is not set');
  if (!password || password.length < 16) throw new Error('DATABASE_APP_PASSWORD must be at least 16 characters');
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`invalid role name ${role}`);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const verb = exists.rowCount ? 'ALTER' : 'CREATE';
    // Utility statements take no bind parameters: identifier and literal are escaped by the driver.
    await client.query(
      `${verb} ROLE ${client.escapeIdentifier(role)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`,
    );
    console.log(JSON.stringify({ msg: 'application role can log in', role, created: verb === 'CREATE' }));
  } finally {
    await client.end();
  }
}

main().catch((e: unknown) => {
  console.error(
    JSON.stringify({ msg: 'application role setup failed', error: e instanceof Error ? e.message : String(e) }),
  );
  process.exit(1);
});
