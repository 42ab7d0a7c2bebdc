import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource, MIGRATIONS } from '@safety/persistence';
import { seedDemoData } from '../../seeds/demo-data';
import { seedReferenceData } from '../../seeds/reference-data';
import { testEnv } from '../support/env';

/** Every migration has a working `down`, and seeds can run again without duplicating anything. */
describe('migrations and seeds (real PostgreSQL)', () => {
  const name = `mig_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: testEnv().pgAdminUrl() });
  const url = () => {
    const u = new URL(testEnv().pgAdminUrl());
    u.pathname = `/${name}`;
    return u.toString();
  };

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('migrates up, all the way down, and up again', async () => {
    const ds = await createDataSource(url()).initialize();
    try {
      expect((await ds.runMigrations()).length).toBe(MIGRATIONS.length);
      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
      const tables = await ds.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
      );
      expect(tables).toEqual([]);
      expect((await ds.runMigrations()).length).toBe(MIGRATIONS.length);
    } finally {
      await ds.destroy();
    }
  });

  it('seeds reference and demo data idempotently', async () => {
    const ds = await createDataSource(url()).initialize();
    try {
      const count = async () =>
        (
          await ds.query(
            `SELECT (SELECT count(*) FROM sectors) s, (SELECT count(*) FROM holiday_years) h, (SELECT count(*) FROM departments) d,
                (SELECT count(*) FROM enterprises) e, (SELECT count(*) FROM users) u,
                (SELECT count(*) FROM indicator_plans) p, (SELECT count(*) FROM plan_indicators) i,
                (SELECT count(*) FROM indicator_denominators) n`,
          )
        )[0];
      await seedReferenceData(ds);
      await seedDemoData(ds, 'demo-password-1');
      const first = await count();
      expect(Number(first.h)).toBeGreaterThanOrEqual(2);
      expect(Number(first.u)).toBeGreaterThan(5);
      // The Wuxi plan's indicator table and its demo denominators (docs/indicators.md).
      expect([Number(first.p), Number(first.i), Number(first.n)]).toEqual([1, 4, 18]);
      await seedReferenceData(ds);
      await seedDemoData(ds, 'demo-password-2');
      expect(await count()).toEqual(first);
      // An administrator's calendar correction survives a re-seed.
      await ds.query(`UPDATE holiday_years SET notice_number = 'corrected' WHERE year = 2026`);
      await seedReferenceData(ds);
      expect((await ds.query('SELECT notice_number FROM holiday_years WHERE year = 2026'))[0].notice_number).toBe(
        'corrected',
      );
      // So does an administrator's denominator.
      await ds.query(
        `UPDATE indicator_denominators SET value = 12345, source = 'corrected' WHERE year = 2020 AND kind = 'GDP'`,
      );
      await seedDemoData(ds, 'demo-password-3');
      expect(
        (await ds.query(`SELECT value::float8 AS v FROM indicator_denominators WHERE year = 2020 AND kind = 'GDP'`))[0]
          .v,
      ).toBe(12345);
    } finally {
      await ds.destroy();
    }
  });
});
