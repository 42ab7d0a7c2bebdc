import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, MIGRATIONS } from '@safety/persistence';
import { APP_ROLE } from '@safety/persistence/migrations/1764200000000-AppRole';
import { HOLIDAY_YEARS, SECTORS, seedReferenceData } from '../../seeds/reference-data';
import { testEnv } from './env';

export interface TestDatabase {
  /** As the owner (migrations, fixtures, assertions). */
  url: string;
  /** As the restricted app role with its own password: what the API and worker connect with. */
  appUrl: string;
  name: string;
  ds: DataSource;
  drop(): Promise<void>;
}

const TEMPLATE_LOCK = 424_242;

const withAdmin = async <T>(fn: (c: Client) => Promise<T>): Promise<T> => {
  const c = new Client({ connectionString: testEnv().pgAdminUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
};

const urlFor = (db: string, as?: { user: string; password: string }): string => {
  const url = new URL(testEnv().pgAdminUrl());
  url.pathname = `/${db}`;
  if (as) {
    url.username = as.user;
    url.password = as.password;
  }
  return url.toString();
};

/**
 * The template's name is a hash of the migrations (their code, so an edited migration counts) and
 * reference data, so a schema change gets a fresh template automatically and parallel test runs
 * (or developers) never clobber each other.
 */
const templateName = (): string =>
  `tpl_${createHash('sha256')
    .update(JSON.stringify([MIGRATIONS.map((m) => m.toString()), SECTORS, HOLIDAY_YEARS]))
    .digest('hex')
    .slice(0, 16)}`;

async function ensureTemplate(): Promise<string> {
  const name = templateName();
  await withAdmin(async (c) => {
    await c.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount) return;
      const building = `${name}_build_${randomBytes(3).toString('hex')}`;
      await c.query(`CREATE DATABASE ${building}`);
      const ds = await createDataSource(urlFor(building)).initialize();
      try {
        await ds.runMigrations({ transaction: 'each' });
        await seedReferenceData(ds);
      } finally {
        await ds.destroy();
      }
      await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return name;
}

/**
 * A database of this test file's own, cloned from the migrated and reference-seeded template,
 * so files never see each other's rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = await ensureTemplate();
  const name = `t_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const ds = await createDataSource(urlFor(name)).initialize();
  return {
    url: urlFor(name),
    appUrl: urlFor(name, { user: APP_ROLE, password: testEnv().pgAppPassword() }),
    name,
    ds,
    drop: async () => {
      if (ds.isInitialized) await ds.destroy();
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
