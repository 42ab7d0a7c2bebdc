/* The baseline's worker process: bare workflows and one INSERT activity (run by tests/bench/run.ts). */
import { NativeConnection, Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import type { BareActivities } from './bare.workflow';

async function main(): Promise<void> {
  const { DATABASE_URL, TEMPORAL_ADDRESS, BARE_TASK_QUEUE } = process.env;
  if (!DATABASE_URL || !TEMPORAL_ADDRESS || !BARE_TASK_QUEUE)
    throw new Error('DATABASE_URL, TEMPORAL_ADDRESS and BARE_TASK_QUEUE are required');
  // The same pool size as the application's (libs/persistence data-source).
  const pool = new Pool({ connectionString: DATABASE_URL, max: 10 });
  await pool.query(
    'CREATE TABLE IF NOT EXISTS bench_bare_rows (id bigserial PRIMARY KEY, n integer, at timestamptz DEFAULT now())',
  );
  const activities: BareActivities = {
    async insertBareRow(n) {
      await pool.query('INSERT INTO bench_bare_rows (n) VALUES ($1)', [n]);
    },
  };
  const connection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    taskQueue: BARE_TASK_QUEUE,
    workflowsPath: require.resolve('./bare.workflow'),
    activities,
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => worker.shutdown());
  process.send?.('ready');
  await worker.run();
  await connection.close();
  await pool.end();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
