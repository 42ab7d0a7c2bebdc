/* Seeds reference data and, unless SEED_DEMO=false, the demo organisation. Needs DATABASE_URL and, for demo users, SEED_DEMO_PASSWORD. */
import 'reflect-metadata';
import { createDataSource } from '@safety/persistence';
import { DEMO_USERNAMES, seedDemoData } from './demo-data';
import { seedReferenceData } from './reference-data';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const ds = await createDataSource(url).initialize();
  try {
    await seedReferenceData(ds);
    if (process.env.SEED_DEMO !== 'false') {
      const password = process.env.SEED_DEMO_PASSWORD;
      if (!password || password.length < 8)
        throw new Error('SEED_DEMO_PASSWORD (≥ 8 characters) is required to seed demo users');
      await seedDemoData(ds, password);
      console.log(JSON.stringify({ msg: 'demo data seeded', users: DEMO_USERNAMES }));
    }
    console.log(JSON.stringify({ msg: 'reference data seeded' }));
  } finally {
    await ds.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(JSON.stringify({ msg: 'seed failed', error: e instanceof Error ? e.message : String(e) }));
  process.exit(1);
});
