/* Runs (`up`) or reverts the last (`down`) migration against DATABASE_URL. Used by the start and test commands. */
import 'reflect-metadata';
import { createDataSource } from '../data-source';

async function main(): Promise<void> {
  const direction = process.argv[2] ?? 'up';
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const ds = await createDataSource(url).initialize();
  try {
    if (direction === 'up') {
      const applied = await ds.runMigrations({ transaction: 'each' });
      console.log(
        JSON.stringify({ msg: 'migrations applied', count: applied.length, names: applied.map((m) => m.name) }),
      );
    } else if (direction === 'down') {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log(JSON.stringify({ msg: 'last migration reverted' }));
    } else {
      throw new Error(`unknown direction ${direction} (use up or down)`);
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(JSON.stringify({ msg: 'migration failed', error: e instanceof Error ? e.message : String(e) }));
  process.exit(1);
});
