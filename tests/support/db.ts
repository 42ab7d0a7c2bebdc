import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '@safety/persistence';
import { testEnv } from './env';

export interface TestDatabase {
  url: string;
  name: string;
  ds: DataSource;
  drop(): Promise<void>;
}

const withAdmin = async <T>(fn: (c: Client) => Promise<T>): Promise<T> => {
  const c = new Client({ connectionString: testEnv().pgAdminUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
};

/**
 * A database of this test file's own, cloned from the migrated and reference-seeded template
 * (scripts/test.sh builds it once per run), so files never see each other's rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${testEnv().templateDb()}`));
  const url = new URL(testEnv().pgAdminUrl());
  url.pathname = `/${name}`;
  const ds = await createDataSource(url.toString()).initialize();
  return {
    url: url.toString(), name, ds,
    drop: async () => {
      if (ds.isInitialized) await ds.destroy();
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
