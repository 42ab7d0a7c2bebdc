/* Prints performance figures (run by scripts/bench.sh, which provides PG_ADMIN_URL). Not a test: no thresholds. */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { WorkingDayCalendar, plusDays } from '@safety/domain/calendar';
import { AuditRepository, createDataSource, TaskRepository } from '@safety/persistence';
import { HOLIDAY_YEARS, seedReferenceData } from '../../seeds/reference-data';

const fmt = (n: number, unit: string) => `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${unit}`;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main(): Promise<void> {
  const admin = process.env.PG_ADMIN_URL;
  if (!admin) throw new Error('PG_ADMIN_URL is not set (run npm run bench)');
  const results: Array<[string, string]> = [];

  // 1. Pure calendar arithmetic.
  const cal = new WorkingDayCalendar(HOLIDAY_YEARS);
  const n = 200_000;
  let t = performance.now();
  for (let i = 0; i < n; i++) cal.addWorkingDays(plusDays('2025-01-01', i % 600), 1 + (i % 10));
  results.push(['calendar: addWorkingDays (1–10 days)', fmt(n / ((performance.now() - t) / 1000), 'ops/s')]);
  t = performance.now();
  for (let i = 0; i < n; i++) cal.addCalendarDays(plusDays('2025-01-01', i % 600), 15 + (i % 60));
  results.push(['calendar: addCalendarDays (15–75 days)', fmt(n / ((performance.now() - t) / 1000), 'ops/s')]);

  // 2. PostgreSQL: a database of the benchmark's own.
  const dbName = `bench_${Date.now()}`;
  const c = new Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(admin);
  url.pathname = `/${dbName}`;
  const ds = await createDataSource(url.toString()).initialize();
  try {
    await ds.runMigrations();
    await seedReferenceData(ds);
    const audit = new AuditRepository(ds);
    const rows = 5_000;
    t = performance.now();
    for (let i = 0; i < rows; i++)
      await audit.append({ occurredAt: new Date(), caseId: null, action: 'BENCH', summary: { i } });
    results.push([
      'audit: sequential append (hash chain, own transaction)',
      fmt(rows / ((performance.now() - t) / 1000), 'rows/s'),
    ]);
    t = performance.now();
    await Promise.all(
      Array.from({ length: 1_000 }, (_, i) =>
        audit.append({ occurredAt: new Date(), action: 'BENCH_PAR', summary: { i } }),
      ),
    );
    results.push([
      'audit: 1,000 concurrent appends (pool of 10)',
      fmt(1_000 / ((performance.now() - t) / 1000), 'rows/s'),
    ]);
    t = performance.now();
    const v = await audit.verifyChain();
    results.push([`audit: verify chain of ${v.checked} rows`, fmt(performance.now() - t, 'ms')]);

    // 3. Inbox query over 20,000 tasks in 20 departments.
    const region = (
      await ds.query(`INSERT INTO regions (code, name, level) VALUES ('B1','bench','COUNTY') RETURNING id`)
    )[0].id;
    const deps: string[] = [];
    for (let d = 0; d < 20; d++)
      deps.push(
        (
          await ds.query(
            `INSERT INTO departments (code, name, kind, level, region_id) VALUES ($1,$1,'EMERGENCY_MANAGEMENT','COUNTY',$2) RETURNING id`,
            [`BD${d}`, region],
          )
        )[0].id,
      );
    const user = (
      await ds.query(
        `INSERT INTO users (username, password_hash, display_name, department_id, roles) VALUES ('bench','x','bench',$1,'{AGENCY_HEAD}') RETURNING id`,
        [deps[0]],
      )
    )[0].id;
    const caseId = (
      await ds.query(
        `INSERT INTO cases (case_type, title, status, department_id, workflow_id, created_by) VALUES ('PENALTY','b','X',$1,'bench-wf',$2) RETURNING id`,
        [deps[0], user],
      )
    )[0].id;
    await ds.query(
      `INSERT INTO tasks (task_key, case_id, workflow_id, type, title, candidate_roles, department_id, status, due_at, escalation)
       SELECT 'k' || g, $1, 'bench-wf', 'FILING_APPROVAL', 't', '{AGENCY_HEAD}', ($2::uuid[])[1 + g % 20],
              CASE WHEN g % 5 = 0 THEN 'COMPLETED' ELSE 'OPEN' END, now() + (g % 30) * interval '1 day',
              CASE WHEN g % 7 = 0 THEN 'RED' ELSE 'NONE' END
         FROM generate_series(1, 20000) g`,
      [caseId, deps],
    );
    await ds.query('ANALYZE tasks');
    const tasks = new TaskRepository(ds);
    const lat: number[] = [];
    for (let i = 0; i < 200; i++) {
      const s = performance.now();
      await tasks.inbox({
        userId: randomUUID(),
        roles: ['AGENCY_HEAD'],
        departmentIds: [deps[i % 20]],
        offset: 0,
        limit: 20,
        escalation: i % 2 ? 'RED' : undefined,
      });
      lat.push(performance.now() - s);
    }
    results.push(['inbox: page of 20 from 20,000 tasks (p50)', fmt(pct(lat, 50), 'ms')]);
    results.push(['inbox: page of 20 from 20,000 tasks (p95)', fmt(pct(lat, 95), 'ms')]);
    const s = performance.now();
    await tasks.countsByDepartment(deps);
    results.push(['dashboard: counts over 20 departments', fmt(performance.now() - s, 'ms')]);
  } finally {
    await ds.destroy();
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await c.end();
  }
  results.push(['process: peak RSS', fmt(process.memoryUsage().rss / 1024 / 1024, 'MiB')]);
  const width = Math.max(...results.map(([k]) => k.length));
  for (const [k, v] of results) console.log(`${k.padEnd(width)}  ${v}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
