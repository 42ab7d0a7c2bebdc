/*
 * npm run bench (scripts/bench.sh provides PG_ADMIN_URL, TEMPORAL_ADDRESS and WORKFLOW_BUNDLE_PATH).
 * Not a test: it prints figures and one `BENCH {json}` line; docs/benchmarks.md compares them with the targets.
 */
import 'reflect-metadata';
import { ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { createServer } from 'node:net';
import { writeFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@safety/persistence';
import { measureAuditAppends } from './audit-throughput';
import { Breakdown, breakdown, findEvent, summarise, typeOf } from './breakdown';
import { bareFinish, bareStep } from './bare.workflow';
import { BENCH_PASSWORD, ensureDataset, prewarm } from './dataset';
import { Http, Latencies, processMemory, round, sleep, timed, until, untilSteady } from './measure';
import { explainPlans } from './plans';

const ROOT = resolve(__dirname, '../../..');
const log = (msg: string) => console.error(`[bench] ${msg}`);
const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is not set (run npm run bench)`);
  return value;
};
const ROWS = Number(env('BENCH_ROWS', '1000000'));
const OPEN_CASES = Number(env('BENCH_OPEN_CASES', '10000'));
const READ_SAMPLES = Number(env('BENCH_READ_SAMPLES', '150'));
const STEP_ROUNDS = Number(env('BENCH_STEP_ROUNDS', '40'));
const START_WINDOW_S = Number(env('BENCH_START_WINDOW_SECONDS', '8'));
const FILL_TIMEOUT_S = Number(env('BENCH_FILL_TIMEOUT_SECONDS', '420'));
const DRAIN_TIMEOUT_S = Number(env('BENCH_DRAIN_TIMEOUT_SECONDS', '600'));

const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => done(port));
    });
  });

async function main(): Promise<void> {
  const admin = env('PG_ADMIN_URL');
  const temporalAddress = env('TEMPORAL_ADDRESS');
  const startedAt = new Date();
  const load: { start: number[]; end: number[] } = { start: loadavg().map((l) => round(l, 2)), end: [] };
  log(`machine: ${cpus().length} cores, ${round(totalmem() / 2 ** 30)} GiB, load average ${load.start.join(' ')}`);

  // 1. The dataset (cached between runs).
  const dataset = await ensureDataset(admin, ROWS, log);
  log(`dataset ${dataset.name}: ${dataset.built ? `built in ${round(dataset.buildSeconds)} s` : 'cached'}`);
  log(`prewarmed ${Math.round(((await prewarm(dataset.url)) * 8) / 1024)} MiB into shared buffers`);

  // 2. The API and worker as the real processes, and the bare baseline's worker.
  const port = await freePort();
  const taskQueue = `bench-${randomBytes(4).toString('hex')}`;
  const appEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: dataset.url,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    JWT_SECRET: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'warn',
    PORT: String(port),
    WORKER_MAX_HEAP_MB: env('WORKER_MAX_HEAP_MB', '768'),
  };
  const children: ChildProcess[] = [];
  const start = (name: string, script: string, nodeArgs: string[] = []) => {
    const child = spawn(process.execPath, [...nodeArgs, join(ROOT, script)], {
      env: appEnv,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) => code && log(`${name} exited with ${code}`));
    children.push(child);
    return child;
  };
  // The worker checks at boot that its V8 heap limit is the configured one (as scripts/start.sh starts it).
  const workerHeapMb = appEnv.WORKER_MAX_HEAP_MB;
  // BENCH_WORKER_NODE_ARGS adds node flags to the worker (e.g. `--cpu-prof --cpu-prof-dir=.data/bench/prof`).
  const workerNodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const worker = start('worker', 'dist/apps/worker/src/main.js', [
    `--max-old-space-size=${workerHeapMb}`,
    ...workerNodeArgs,
  ]);
  start('api', 'dist/apps/api/src/main.js');
  const bareQueue = `${taskQueue}-bare`;
  const bareWorker = fork(join(__dirname, 'bare-worker.js'), [], {
    env: { ...appEnv, BARE_TASK_QUEUE: bareQueue },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.push(bareWorker);
  const cleanup = () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM'));
  process.once('exit', cleanup);

  const db = new Client({ connectionString: dataset.url });
  await db.connect();
  const temporal = new TemporalClient({ connection: await Connection.connect({ address: temporalAddress }) });
  const http = new Http(`http://127.0.0.1:${port}`);
  await until(
    async () =>
      (await http.request('GET', '/health/ready').catch(() => ({ status: 0 }))).status === 200 ? true : undefined,
    90_000,
    'the API to be ready',
  );
  await new Promise<void>((done) => bareWorker.once('message', () => done()));
  log('API, worker and bare worker are up');

  const users = Object.fromEntries(
    (
      await db.query(
        `SELECT username, id FROM users WHERE username IN ('officer.zhang','officer.li','head.wang','head.zhou','bench.province.head')`,
      )
    ).rows.map((r: { username: string; id: string }) => [r.username, r.id]),
  ) as Record<string, string>;
  const login = async (username: string) =>
    (await http.post<{ accessToken: string }>('/auth/login', undefined, { username, password: BENCH_PASSWORD }, 200))
      .accessToken;
  const tokens = {
    officer: await login('officer.zhang'),
    head: await login('head.wang'),
    cityHead: await login('head.zhou'),
    provinceHead: await login('bench.province.head'),
  };
  const enterpriseId = (await db.query(`SELECT id FROM enterprises WHERE credit_code = '91320281MA1DEMO01X'`)).rows[0]
    .id as string;

  const results: Array<[string, string]> = [];
  // Each figure is logged as soon as it is measured, so a later failure does not lose it.
  const record = (name: string, figure: string) => {
    results.push([name, figure]);
    log(`${name}: ${figure}`);
  };
  const table = (name: string, l: Latencies) =>
    record(name, `p50 ${round(l.percentile(50))} ms  p99 ${round(l.percentile(99))} ms  (n=${l.count})`);

  // 3. Reads through HTTP at scale.
  const sample = async (path: string, token: string, n = READ_SAMPLES): Promise<Latencies> => {
    for (let i = 0; i < 5; i++) await http.get(path, token); // warm-up
    const l = new Latencies();
    for (let i = 0; i < n; i++) l.add((await timed(() => http.get(path, token))).ms);
    return l;
  };
  /** Follows nextCursor from the first page, timing each page. */
  const pages = async (path: string, token: string, count: number): Promise<Latencies> => {
    const l = new Latencies();
    let cursor: string | null = null;
    for (let i = 0; i < count; i++) {
      const sep = path.includes('?') ? '&' : '?';
      const url: string = cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path;
      const { ms, value } = await timed(() => http.get<{ nextCursor: string | null }>(url, token));
      l.add(ms);
      cursor = value.nextCursor;
      if (!cursor) break;
    }
    return l;
  };
  const someCase = (
    await db.query(`SELECT t.case_id FROM tasks t JOIN users u ON u.id = t.assignee_id
      WHERE u.username = 'officer.zhang' AND t.status = 'CLAIMED' LIMIT 1`)
  ).rows[0]?.case_id as string | undefined;
  const inboxScenarios = (who: 'officer' | 'head') => [
    ['default page', '/tasks'],
    ['sort=created', '/tasks?sort=created'],
    ['sort=priority', '/tasks?sort=priority'],
    ['status=CLAIMED', '/tasks?status=CLAIMED'],
    ['escalation=RED', '/tasks?escalation=RED'],
    ['overdue=true', '/tasks?overdue=true'],
    ['type', who === 'officer' ? '/tasks?type=PENALTY_INVESTIGATION' : '/tasks?type=PENALTY_DECISION'],
    ['limit=100', '/tasks?limit=100'],
    ...(someCase ? [['caseId', `/tasks?caseId=${someCase}`]] : []),
  ];
  const inbox = { officer: new Latencies(), head: new Latencies() };
  for (const who of ['officer', 'head'] as const) {
    for (const [name, path] of inboxScenarios(who)) {
      const l = await sample(path, tokens[who]);
      inbox[who].merge(l);
      table(`inbox ${who}: ${name}`, l);
    }
    for (const sort of ['due', 'created', 'priority']) {
      const l = await pages(`/tasks?sort=${sort}&limit=20`, tokens[who], 50);
      inbox[who].merge(l);
      table(`inbox ${who}: 50 pages by cursor, sort=${sort}`, l);
    }
  }

  const referenceNo = (
    await db.query(
      `SELECT reference_no FROM cases WHERE reference_no IS NOT NULL ORDER BY workflow_id LIMIT 1 OFFSET 5000`,
    )
  ).rows[0].reference_no as string;
  const hotDepartment = (await db.query(`SELECT id FROM departments WHERE code = 'EMERGENCY_MANAGEMENT-320281'`))
    .rows[0].id as string;
  const monthAgo = new Date(Date.now() - 30 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const q = encodeURIComponent;
  const searchScenarios: Array<[string, string, keyof typeof tokens]> = [
    ['officer: newest cases', '/cases', 'officer'],
    ['province head: newest cases (6 departments)', '/cases', 'provinceHead'],
    ['city head: status=CLOSED', '/cases?status=CLOSED', 'cityHead'],
    ['city head: caseType=ACCIDENT', '/cases?caseType=ACCIDENT', 'cityHead'],
    ['province head: case number (exact)', `/cases?caseNumber=${q(referenceNo)}`, 'provinceHead'],
    ['province head: title contains 特种作业', `/cases?title=${q('特种作业')}`, 'provinceHead'],
    ['province head: title contains 有限空间', `/cases?title=${q('有限空间')}`, 'provinceHead'],
    ['officer: title contains 培训 (2 chars)', `/cases?title=${q('培训')}`, 'officer'],
    ['province head: enterprise name contains 精细化工', `/cases?enterpriseName=${q('精细化工')}`, 'provinceHead'],
    ['officer: enterprise name contains 物流实业27', `/cases?enterpriseName=${q('物流实业27')}`, 'officer'],
    ['city head: last 30 days', `/cases?createdFrom=${monthAgo}&createdTo=${today}`, 'cityHead'],
    ['province head: department subtree', `/cases?departmentId=${hotDepartment}`, 'provinceHead'],
    [
      'province head: status + type + 30 days',
      `/cases?status=INSPECTING&caseType=INSPECTION&createdFrom=${monthAgo}`,
      'provinceHead',
    ],
  ];
  const search = new Latencies();
  for (const [name, path, who] of searchScenarios) {
    const l = await sample(path, tokens[who]);
    search.merge(l);
    table(`case search ${name}`, l);
  }
  const searchPages = await pages('/cases?limit=20', tokens.provinceHead, 50);
  search.merge(searchPages);
  table('case search province head: 50 pages by cursor', searchPages);

  const dashboard = new Latencies();
  for (const who of ['head', 'cityHead', 'provinceHead'] as const) {
    const l = await sample('/tasks/dashboard', tokens[who]);
    dashboard.merge(l);
    table(`dashboard ${who}`, l);
  }

  // 4. Workflow side, interleaved with the bare baseline on the same server and database.
  const openPenaltyCase = () =>
    http.post<{ id: string }>(
      '/cases/penalty',
      tokens.officer,
      { title: '压测：未按规定对从业人员进行安全生产教育和培训', enterpriseId, handlerIds: [users['officer.li']] },
      201,
    );
  const firstTask = (caseId: string, type: string) =>
    until(
      async () =>
        (await db.query(`SELECT id FROM tasks WHERE case_id = $1 AND type = $2 AND status = 'OPEN'`, [caseId, type]))
          .rows[0]?.id as string | undefined,
      30_000,
      `${type} of case ${caseId}`,
    );
  const prepared: Array<{ caseId: string; taskId: string }> = [];
  for (let i = 0; i < STEP_ROUNDS; i++) {
    const c = await openPenaltyCase();
    prepared.push({ caseId: c.id, taskId: await firstTask(c.id, 'FILING_APPROVAL') });
  }
  const bareHandle = await temporal.workflow.start('bareUpdateWorkflow', {
    taskQueue: bareQueue,
    workflowId: `bare-update-${taskQueue}`,
  });
  await bareHandle.executeUpdate(bareStep, { args: [0] }); // warm-up
  const stepComplete = new Latencies();
  const nextVisible = new Latencies();
  const bareUpdate = new Latencies();
  for (const [i, c] of prepared.entries()) {
    const started = performance.now();
    await http.post(
      `/tasks/${c.taskId}/complete`,
      tokens.head,
      { outcome: 'APPROVE', payload: { comment: '同意立案' } },
      200,
    );
    stepComplete.add(performance.now() - started);
    await until(
      async () => {
        const page = await http.get<{ items: Array<{ type: string; status: string }> }>(
          `/tasks?caseId=${c.caseId}&limit=5`,
          tokens.officer,
        );
        return page.items.some((t) => t.type === 'INVESTIGATION') ? true : undefined;
      },
      30_000,
      'the next task in the inbox',
    );
    nextVisible.add(performance.now() - started);
    bareUpdate.add((await timed(() => bareHandle.executeUpdate(bareStep, { args: [i + 1] }))).ms);
  }
  await bareHandle.signal(bareFinish);
  table('step completion (POST /tasks/:id/complete)', stepComplete);
  table('next task visible in the inbox after a completion', nextVisible);
  table('bare Temporal: Update with one activity', bareUpdate);
  const workflowIdOf = async (caseId: string) =>
    (await db.query(`SELECT workflow_id FROM cases WHERE id = $1`, [caseId])).rows[0].workflow_id as string;
  const history = async (caseId: string) =>
    (await temporal.workflow.getHandle(await workflowIdOf(caseId)).fetchHistory()).events ?? [];
  const settledAfter = (events: Awaited<ReturnType<typeof history>>, start: number) =>
    findEvent(
      events,
      (type, e) =>
        type === 'WORKFLOW_EXECUTION_UPDATE_COMPLETED' &&
        !!e.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId?.startsWith('settle:'),
      start,
    );
  const stepBreakdowns: Breakdown[] = [];
  for (const c of prepared) {
    const events = await history(c.caseId);
    const accepted = findEvent(
      events,
      (type, e) =>
        type === 'WORKFLOW_EXECUTION_UPDATE_ACCEPTED' &&
        e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'completeTask',
    );
    let from = accepted;
    // From the workflow task that delivered the Update (the server's first sight of the completion).
    while (from > 0 && typeOf(events[from]) !== 'WORKFLOW_TASK_SCHEDULED') from--;
    const to = accepted < 0 ? -1 : settledAfter(events, accepted);
    if (from >= 0 && to > from) stepBreakdowns.push(breakdown(events, from, to));
  }
  summarise('step 立案审批 → 调查取证 from the histories', stepBreakdowns).forEach(log);

  // Starts: alternating windows of the same length and concurrency.
  const concurrency = 8;
  const appStarted: string[] = [];
  const windows = { app: 0, bare: 0, appSeconds: 0, bareSeconds: 0 };
  const runWindow = async (kind: 'app' | 'bare') => {
    const from = new Date();
    const deadline = performance.now() + START_WINDOW_S * 1000;
    const ids: string[] = [];
    let bareDone = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, lane) => {
        for (let i = 0; performance.now() < deadline; i++) {
          if (kind === 'app') ids.push((await openPenaltyCase()).id);
          else {
            await temporal.workflow.execute('bareStartWorkflow', {
              taskQueue: bareQueue,
              workflowId: `bare-start-${taskQueue}-${lane}-${i}-${Date.now()}`,
              args: [i],
            });
            bareDone++;
          }
        }
      }),
    );
    const to = new Date();
    if (kind === 'bare') {
      windows.bare += bareDone;
      windows.bareSeconds += (to.getTime() - from.getTime()) / 1000;
      return;
    }
    // A case has started once its first step is open in the inbox.
    await sleep(3000);
    const opened = await db.query(
      `SELECT count(*)::int AS n FROM tasks WHERE case_id = ANY($1::uuid[]) AND created_at <= $2`,
      [ids, to],
    );
    windows.app += opened.rows[0].n;
    windows.appSeconds += (to.getTime() - from.getTime()) / 1000;
    appStarted.push(...ids);
  };
  for (let r = 0; r < 3; r++) {
    await runWindow('app');
    await runWindow('bare');
  }
  const startsPerSecond = windows.app / windows.appSeconds;
  const bareStartsPerSecond = windows.bare / windows.bareSeconds;
  record('case starts (first step open), 8 concurrent', `${round(startsPerSecond)} /s`);
  const startBreakdowns: Breakdown[] = [];
  for (const caseId of appStarted.slice(0, 20)) {
    const events = await history(caseId);
    const to = settledAfter(events, 0);
    if (to > 0) startBreakdowns.push(breakdown(events, 0, to));
  }
  summarise('case start → first step open from the histories', startBreakdowns).forEach(log);
  record('bare Temporal: starts with one activity, 8 concurrent', `${round(bareStartsPerSecond)} /s`);

  // Worker memory with many open cases (each waiting at its first human step).
  const rssBefore = await processMemory(worker.pid!);
  const open = async () =>
    (
      await db.query(
        `SELECT count(*)::int AS n FROM tasks WHERE workflow_id NOT LIKE 'bench-case-%' AND status IN ('OPEN','CLAIMED')`,
      )
    ).rows[0].n as number;
  const fillDeadline = performance.now() + FILL_TIMEOUT_S * 1000;
  let created = prepared.length + appStarted.length;
  let fillFailures = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (created < OPEN_CASES && performance.now() < fillDeadline) {
        created++;
        // A start that fails or times out is counted, not fatal: the figure is the memory with what is open.
        await openPenaltyCase().catch(() => fillFailures++);
      }
    }),
  );
  await until(
    async () =>
      (await open()) >= Math.min(created, OPEN_CASES) || performance.now() > fillDeadline + 60_000 ? true : undefined,
    180_000,
    'open cases',
  );
  await sleep(5000);
  const openCases = await open();
  const rssOpen = await processMemory(worker.pid!);
  record(
    `worker RSS with ${openCases.toLocaleString('en-US')} open cases`,
    `${rssOpen.rssMb} MiB (peak ${rssOpen.peakMb} MiB; ${rssBefore.rssMb} MiB before filling; ${fillFailures} failed starts)`,
  );

  // The fill can stop with work behind it: starts whose requests timed out here still run in the API, and
  // started workflows still wait for the worker. What follows (argon2id logins above all) would queue behind
  // that, so it waits until every case has its step open and no case has been added for 5 s.
  const backlog = async () =>
    (
      await db.query(
        `SELECT (SELECT count(*)::int FROM cases WHERE workflow_id NOT LIKE 'bench-case-%') AS cases,
                (SELECT count(*)::int FROM tasks WHERE workflow_id NOT LIKE 'bench-case-%'
                    AND status IN ('OPEN','CLAIMED')) AS open`,
      )
    ).rows[0] as { cases: number; open: number };
  const drainStarted = performance.now();
  const drained = await untilSteady(backlog, (b) => b.open >= b.cases, 5000, DRAIN_TIMEOUT_S * 1000);
  const left = await backlog();
  // The other sessions on the dataset (the API's and the worker's pools) by state: a transaction left open
  // behind a start the client gave up on shows here, not in the counts above.
  const sessions = (
    await db.query(
      `SELECT coalesce(state, '?') || ' ' || count(*) AS s FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY state ORDER BY state`,
    )
  ).rows.map((r: { s: string }) => r.s);
  log(
    `fill drained ${drained ? 'in' : 'not within'} ${round((performance.now() - drainStarted) / 1000)} s: ` +
      `${left.open} of ${left.cases} cases at an open step; database sessions ${sessions.join(', ')}`,
  );

  // 5. Audit appends (as the application's database role) and logins.
  const appDs = await new DataSource(dataSourceOptions(dataset.url, { appRole: 'safety_app' })).initialize();
  const audit = await measureAuditAppends(appDs, { writers: 32, streams: 2000, seconds: 6 });
  await appDs.destroy();
  record(
    `audit appends: ${audit.writers} writers over ${audit.streams} cases (pool of 10)`,
    `${Math.round(audit.rowsPerSecond).toLocaleString('en-US')} rows/s; incremental verify of ${audit.verifiedRows.toLocaleString('en-US')} rows ${Math.round(audit.verifyMs)} ms`,
  );
  let logins = 0;
  const loginDeadline = performance.now() + 5000;
  const loginStarted = performance.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (performance.now() < loginDeadline) {
        await login('officer.li');
        logins++;
      }
    }),
  );
  const loginPerSecond = logins / ((performance.now() - loginStarted) / 1000);
  record('logins (argon2id), 4 concurrent', `${round(loginPerSecond)} /s`);

  // 6. Query plans at this size.
  const plansFile = join(ROOT, '.data', 'bench', 'plans.md');
  await mkdir(join(ROOT, '.data', 'bench'), { recursive: true });
  await writeFile(plansFile, await explainPlans(dataset.url, { userIds: users, hotDepartment, referenceNo }));
  log(`query plans written to ${plansFile}`);

  load.end = loadavg().map((l) => round(l, 2));
  const width = Math.max(...results.map(([k]) => k.length));
  console.log(
    `\nbenchmark ${startedAt.toISOString()}: ${ROWS.toLocaleString('en-US')} tasks and cases; ${cpus().length} cores; load average at start ${load.start.join(' ')}, at end ${load.end.join(' ')}\n`,
  );
  for (const [k, v] of results) console.log(`${k.padEnd(width)}  ${v}`);
  const bench = {
    inbox_p50_ms: round(inbox.officer.percentile(50)),
    inbox_p99_ms: round(inbox.officer.percentile(99)),
    inbox_head_p99_ms: round(inbox.head.percentile(99)),
    case_search_p99_ms: round(search.percentile(99)),
    dashboard_p99_ms: round(dashboard.percentile(99)),
    step_complete_p50_ms: round(stepComplete.percentile(50)),
    bare_update_p50_ms: round(bareUpdate.percentile(50)),
    next_task_visible_p50_ms: round(nextVisible.percentile(50)),
    starts_per_s: round(startsPerSecond),
    bare_starts_per_s: round(bareStartsPerSecond),
    worker_rss_mb_10k_open: rssOpen.rssMb,
    open_cases: openCases,
    fill_failed_starts: fillFailures,
    audit_rows_per_s: Math.round(audit.rowsPerSecond),
    login_per_s: round(loginPerSecond),
    rows_tasks: ROWS,
    rows_cases: ROWS,
    cores: cpus().length,
    load_avg_start: load.start[0],
    load_avg_end: load.end[0],
    dataset_built_s: round(dataset.buildSeconds),
  };
  console.log(`\nBENCH ${JSON.stringify(bench)}`);
  await db.end();
  await temporal.connection.close();
  cleanup();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
