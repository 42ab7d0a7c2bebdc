import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, MIGRATIONS } from '@safety/persistence';
import { seedDemoData } from '../../seeds/demo-data';
import { seedReferenceData } from '../../seeds/reference-data';

/** Bump when the generator changes: the cached database is rebuilt. */
const GENERATOR_VERSION = 3;
export const BENCH_PASSWORD = 'bench-password-not-secret';
/** The demo department the benchmarked officer and head work in; it holds a tenth of all rows. */
export const HOT_DEPARTMENT_CODE = 'EMERGENCY_MANAGEMENT-320281';

export interface Dataset {
  url: string;
  name: string;
  cases: number;
  tasks: number;
  built: boolean;
  buildSeconds: number;
}

const withClient = async <T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> => {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
};

const dbUrl = (admin: string, name: string): string => {
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * The synthetic installation (cached under a name that hashes the migrations' code, this generator's
 * version and the size): the seeded demo organisation, ten officers, a head and a legal
 * reviewer per department, 400 enterprises per department, `rows` cases (one in ten in the demo
 * county bureau, the rest spread over every department, three years of history) and one task per
 * case (70 % completed, 10 % claimed, 20 % open; of the open ones 10 % overdue and 20 % due soon).
 * Generated in SQL, loaded with the indexes dropped and rebuilt from the migrations' own
 * definitions, then cached under a name that hashes the migrations and this generator.
 */
export async function ensureDataset(admin: string, rows: number, log: (msg: string) => void): Promise<Dataset> {
  const key = createHash('sha256')
    .update(JSON.stringify([MIGRATIONS.map((m) => m.toString()), GENERATOR_VERSION, rows]))
    .digest('hex')
    .slice(0, 12);
  const name = `bench_${key}`;
  const exists = await withClient(
    admin,
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount,
  );
  if (exists) return { url: dbUrl(admin, name), name, cases: rows, tasks: rows, built: false, buildSeconds: 0 };

  const started = performance.now();
  const building = `${name}_build`;
  await withClient(admin, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${building}`);
    // Older generations of the cache are of no further use.
    const stale = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE 'bench\\_%' AND datname <> $1`, [
      building,
    ]);
    for (const r of stale.rows as Array<{ datname: string }>) await c.query(`DROP DATABASE ${r.datname} WITH (FORCE)`);
  });
  const ds = await createDataSource(dbUrl(admin, building)).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await seedReferenceData(ds);
    await seedDemoData(ds, BENCH_PASSWORD);
    await generate(ds, rows, log);
  } finally {
    await ds.destroy();
  }
  await withClient(admin, (c) => c.query(`ALTER DATABASE ${building} RENAME TO ${name}`));
  const buildSeconds = (performance.now() - started) / 1000;
  log(`dataset ${name} built in ${buildSeconds.toFixed(0)} s`);
  return { url: dbUrl(admin, name), name, cases: rows, tasks: rows, built: true, buildSeconds };
}

async function step(ds: DataSource, log: (msg: string) => void, what: string, sql: string, params: unknown[] = []) {
  const t = performance.now();
  await ds.query(sql, params);
  log(`  ${what}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

async function generate(ds: DataSource, rows: number, log: (msg: string) => void): Promise<void> {
  await ds.query(`SET maintenance_work_mem = '1GB'`);
  await ds.query(`SET max_parallel_maintenance_workers = 2`);
  await ds.query(`SET work_mem = '256MB'`);
  const passwordHash = (await ds.query(`SELECT password_hash FROM users WHERE username = 'officer.zhang'`))[0]
    .password_hash as string;

  await step(
    ds,
    log,
    'departments',
    `
    CREATE TABLE bench_departments AS
      SELECT (row_number() OVER (ORDER BY d.code) - 1)::int AS idx, d.id, d.code,
             regexp_replace(r.name, '(省|市|县|街道)$', '') AS place
        FROM departments d JOIN regions r ON r.id = d.region_id`,
  );
  await step(
    ds,
    log,
    'users',
    `
    INSERT INTO users (username, password_hash, display_name, department_id, roles, credential_no, legal_qualified)
    SELECT 'bench.' || d.idx || '.' || n, $1, '压测' || d.idx || '-' || n, d.id,
           CASE WHEN n <= 10 THEN '{ENFORCEMENT_OFFICER}'::text[] WHEN n = 11 THEN '{AGENCY_HEAD}'::text[]
                ELSE '{LEGAL_REVIEWER}'::text[] END,
           CASE WHEN n <= 11 THEN 'B' || lpad(d.idx::text, 3, '0') || lpad(n::text, 3, '0') END, n = 12
      FROM bench_departments d CROSS JOIN generate_series(1, 12) AS n
    UNION ALL
    SELECT 'bench.province.head', $1, '压测省厅负责人', id, '{AGENCY_HEAD}', 'BPROV0001', false
      FROM departments WHERE code = 'EMERGENCY_MANAGEMENT-320000'`,
    [passwordHash],
  );
  await step(
    ds,
    log,
    'users by department',
    `
    CREATE TABLE bench_department_users AS
      SELECT d.idx,
             array_agg(u.id ORDER BY u.username) FILTER (WHERE 'ENFORCEMENT_OFFICER' = ANY(u.roles)) AS officers,
             array_agg(u.id ORDER BY u.username) FILTER (WHERE 'AGENCY_HEAD' = ANY(u.roles)) AS heads,
             array_agg(u.id ORDER BY u.username) FILTER (WHERE 'LEGAL_REVIEWER' = ANY(u.roles)) AS reviewers
        FROM bench_departments d JOIN users u ON u.department_id = d.id GROUP BY d.idx`,
  );

  await step(
    ds,
    log,
    'enterprises',
    `
    INSERT INTO enterprises (credit_code, name, sector_code, region_id, enforcement_department_id, risk_grade,
                             principal_name, principal_phone)
    SELECT '91B' || lpad((d.idx * 400 + n)::text, 15, '0'),
           d.place || (ARRAY['精细化工','机械制造','建材','冶金','纺织印染','电子科技','食品加工','物流','危化仓储','矿业',
                             '新能源','新材料','金属制品','塑料制品','造纸','制药','燃气','船舶修造','钢结构','粉末冶金'])[1 + n % 20]
             || (ARRAY['','实业','科技','工贸','集团','发展','股份'])[1 + (n / 20) % 7] || n || '有限公司',
           (SELECT array_agg(code ORDER BY code) FROM sectors)[1 + n % (SELECT count(*) FROM sectors)::int],
           (SELECT region_id FROM departments WHERE id = d.id), d.id,
           (ARRAY['RED','ORANGE','YELLOW','BLUE'])[1 + n % 4], '压测负责人', '13800000000'
      FROM bench_departments d CROSS JOIN generate_series(1, 400) AS n;
    CREATE TABLE bench_enterprises AS
      SELECT d.idx, array_agg(e.id ORDER BY e.credit_code) AS ids
        FROM bench_departments d JOIN enterprises e ON e.enforcement_department_id = d.id GROUP BY d.idx;`,
  );

  // Load without secondary indexes and triggers (rebuilt below from the migrations' definitions).
  const indexes: Array<{ indexname: string; indexdef: string }> = await ds.query(
    `SELECT indexname, indexdef FROM pg_indexes
      WHERE tablename IN ('cases', 'tasks') AND indexname NOT IN ('cases_pkey', 'tasks_pkey')
        AND indexdef NOT LIKE 'CREATE UNIQUE%'`,
  );
  for (const index of indexes) await ds.query(`DROP INDEX ${index.indexname}`);
  await ds.query(`SET session_replication_role = replica`);

  await step(
    ds,
    log,
    `${rows.toLocaleString('en-US')} cases`,
    `
    INSERT INTO cases (id, case_type, reference_no, title, status, department_id, enterprise_id, workflow_id, created_by,
                       handler_ids, data, created_at, updated_at)
    SELECT md5('case' || g)::uuid, kind.case_type,
           CASE WHEN g % 10 < 7 THEN d.code || '-' || extract(year FROM pick.at)::int || '-' || g END,
           left(e.name || kind.phrase, 200),
           (kind.statuses)[1 + g % cardinality(kind.statuses)],
           d.id, e.id, 'bench-case-' || g, (u.officers)[1 + g % cardinality(u.officers)],
           ARRAY[(u.officers)[1 + g % cardinality(u.officers)]], '{}'::jsonb, pick.at, pick.at
      FROM generate_series(1, $1::int) AS g
      CROSS JOIN LATERAL (SELECT CASE WHEN g % 10 = 0
                                      THEN (SELECT idx FROM bench_departments WHERE code = $2)
                                      ELSE ((g::bigint * 7919) % (SELECT count(*) FROM bench_departments))::int END AS idx,
                                 now() - ((g::bigint * 104729) % (1095 * 86400)) * interval '1 second' AS at) AS pick
      JOIN bench_departments d ON d.idx = pick.idx
      JOIN bench_department_users u ON u.idx = pick.idx
      JOIN bench_enterprises ents ON ents.idx = pick.idx
      CROSS JOIN LATERAL (SELECT ents.ids[1 + (g / 7) % cardinality(ents.ids)] AS id) AS eid
      JOIN enterprises e ON e.id = eid.id
      CROSS JOIN LATERAL (
        SELECT * FROM (VALUES
          (0, 'PENALTY', '涉嫌未按规定开展安全生产教育培训案', ARRAY['FILED','INVESTIGATING','DECIDED','ARCHIVED','ARCHIVED']),
          (1, 'PENALTY', '涉嫌未如实记录安全生产教育和培训情况案', ARRAY['FILED','LEGAL_REVIEW','DECIDED','ARCHIVED']),
          (2, 'INSPECTION', '日常执法检查', ARRAY['INSPECTING','RECTIFICATION_ORDERED','CLOSED','CLOSED']),
          (3, 'INSPECTION', '重大事故隐患专项检查', ARRAY['INSPECTING','RECTIFICATION_ORDERED','CLOSED']),
          (4, 'PENALTY', '涉嫌特种作业人员未持证上岗案', ARRAY['FILED','NOTIFIED','DECIDED','ARCHIVED']),
          (5, 'INSPECTION', '粉尘涉爆专项检查', ARRAY['INSPECTING','CLOSED']),
          (6, 'PENALTY', '涉嫌未按规定设置安全警示标志案', ARRAY['FILED','DECIDED','ARCHIVED']),
          (7, 'ACCIDENT', '一般生产安全事故调查', ARRAY['INVESTIGATING','REPORT_APPROVED','CLOSED']),
          (8, 'CRIMINAL_TRANSFER', '涉嫌重大责任事故罪移送', ARRAY['PROPOSED','TRANSFERRED']),
          (9, 'INSPECTION', '有限空间作业专项检查', ARRAY['INSPECTING','CLOSED'])
        ) AS v(n, case_type, phrase, statuses) WHERE v.n = (g / 3) % 10) AS kind`,
    [rows, HOT_DEPARTMENT_CODE],
  );

  await step(
    ds,
    log,
    `${rows.toLocaleString('en-US')} tasks`,
    `
    INSERT INTO tasks (id, task_key, case_id, workflow_id, type, title, candidate_roles, department_id, assignee_id,
                       status, due_at, warn_at, needs_manual_due_date, escalation, payload, completed_by, completed_at,
                       created_at, updated_at)
    SELECT md5('task' || c.g)::uuid, 'bench-task-' || c.g, c.id, c.workflow_id, step.type, step.title, step.roles,
           c.department_id, assignee.id, state.status,
           CASE WHEN c.g % 37 = 0 THEN NULL ELSE c.created_at + ((c.g % 25) + 3) * interval '1 day' END,
           CASE WHEN c.g % 37 = 0 THEN NULL ELSE c.created_at + ((c.g % 25) + 2) * interval '1 day' END,
           c.g % 37 = 0,
           CASE WHEN state.status IN ('OPEN','CLAIMED') AND c.g % 10 = 8 AND c.g % 3 = 0 THEN 'RED'
                WHEN state.status IN ('OPEN','CLAIMED') AND c.g % 5 = 4 THEN 'YELLOW' ELSE 'NONE' END,
           '{}'::jsonb,
           CASE WHEN state.status = 'COMPLETED' THEN assignee.id END,
           CASE WHEN state.status = 'COMPLETED' THEN c.created_at + interval '2 days' END,
           c.created_at + interval '1 hour', c.created_at + interval '1 hour'
      FROM (SELECT cs.*, substr(cs.workflow_id, 12)::int AS g FROM cases cs WHERE cs.workflow_id LIKE 'bench-case-%') AS c
      JOIN bench_departments d ON d.id = c.department_id
      JOIN bench_department_users u ON u.idx = d.idx
      CROSS JOIN LATERAL (SELECT CASE WHEN c.g % 10 < 7 THEN 'COMPLETED' WHEN c.g % 10 = 7 THEN 'CLAIMED' ELSE 'OPEN' END
                                 AS status) AS state
      CROSS JOIN LATERAL (
        SELECT * FROM (VALUES
          (0, 'PENALTY_INVESTIGATION', '调查取证', '{ENFORCEMENT_OFFICER}'::text[]),
          (1, 'INSPECTION_RECORD', '现场检查', '{ENFORCEMENT_OFFICER}'::text[]),
          (2, 'PENALTY_FILING_APPROVAL', '立案审批', '{AGENCY_HEAD}'::text[]),
          (3, 'PENALTY_PROPOSAL', '处罚建议', '{ENFORCEMENT_OFFICER}'::text[]),
          (4, 'PENALTY_LEGAL_REVIEW', '法制审核', '{LEGAL_REVIEWER}'::text[]),
          (5, 'REINSPECTION', '复查', '{ENFORCEMENT_OFFICER}'::text[]),
          (6, 'PENALTY_DECISION', '决定', '{AGENCY_HEAD}'::text[]),
          (7, 'PENALTY_SERVICE', '送达', '{ENFORCEMENT_OFFICER}'::text[]),
          (8, 'PENALTY_COLLECTIVE_DISCUSSION', '集体讨论', '{AGENCY_HEAD}'::text[]),
          (9, 'PENALTY_NOTICE', '告知送达', '{ENFORCEMENT_OFFICER}'::text[])
        ) AS v(n, type, title, roles) WHERE v.n = (c.g / 11) % 10) AS step
      CROSS JOIN LATERAL (
        SELECT CASE WHEN state.status = 'OPEN' THEN NULL
                    WHEN step.roles = '{AGENCY_HEAD}' THEN (u.heads)[1 + c.g % cardinality(u.heads)]
                    WHEN step.roles = '{LEGAL_REVIEWER}' THEN (u.reviewers)[1 + c.g % cardinality(u.reviewers)]
                    ELSE (u.officers)[1 + c.g % cardinality(u.officers)] END AS id) AS assignee`,
  );

  await ds.query(`SET session_replication_role = origin`);
  for (const index of indexes) await step(ds, log, `index ${index.indexname}`, index.indexdef);
  await step(
    ds,
    log,
    'dashboard counters',
    `DELETE FROM task_open_counts;
     INSERT INTO task_open_counts (department_id, escalation, shard, open)
     SELECT department_id, escalation, task_count_shard(id), count(*) FROM tasks
      WHERE status IN ('OPEN', 'CLAIMED') GROUP BY 1, 2, 3`,
  );
  await ds.query(`DROP TABLE bench_departments, bench_department_users, bench_enterprises`);
  await step(ds, log, 'vacuum analyze', 'VACUUM (ANALYZE) cases, tasks, enterprises, users, task_open_counts');
}

/**
 * Loads the tables and indexes the measured queries read into shared buffers, so the first
 * measurements see the memory-resident working set a running installation has (pg_prewarm, contrib).
 */
export async function prewarm(url: string): Promise<number> {
  return withClient(url, async (c) => {
    await c.query('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
    const rows = await c.query(
      `SELECT coalesce(sum(pg_prewarm(r.oid)), 0)::bigint AS pages FROM pg_class r
        WHERE r.relname IN ('cases', 'tasks', 'enterprises', 'task_open_counts', 'users', 'departments')
           OR r.oid IN (SELECT indexrelid FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                         WHERE t.relname IN ('cases', 'tasks', 'enterprises', 'task_open_counts', 'users'))`,
    );
    return Number(rows.rows[0].pages);
  });
}
