import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import {
  AuditRepository,
  CaseRepository,
  EnforcementRepository,
  InboxSort,
  PAGE_TOTAL_CAP,
  TaskRepository,
} from '@safety/persistence';
import { createTestDatabase, TestDatabase } from '../support/db';
import { createOrg, TestOrg } from '../support/fixtures';

/** Keyset pages over real PostgreSQL: every order and filter pages through exactly the rows a plain query returns. */
describe('lists that grow: keyset pages (real PostgreSQL)', () => {
  let db: TestDatabase;
  let org: TestOrg;
  let tasks: TaskRepository;
  let cases: CaseRepository;

  interface TaskRow {
    id: string;
    status: string;
    escalation: string;
    type: string;
    department_id: string;
    assignee_id: string | null;
    candidate_roles: string[];
    due_us: string | null;
    created_us: string;
  }
  let allTasks: TaskRow[];

  beforeAll(async () => {
    db = await createTestDatabase();
    org = await createOrg(db.ds);
    tasks = new TaskRepository(db.ds);
    cases = new CaseRepository(db.ds);
    const caseId = (
      await db.ds.query(
        `INSERT INTO cases (case_type, title, status, department_id, workflow_id, created_by)
         VALUES ('PENALTY', '测试', 'FILED', $1, $2, $3) RETURNING id`,
        [org.departmentId, `wf-${org.suffix}`, org.users.officerA.id],
      )
    )[0].id;
    // 240 tasks: statuses, escalations, roles, departments, assignees and due dates mixed; creation
    // times with microseconds and deliberate ties, due dates sometimes missing.
    await db.ds.query(
      `INSERT INTO tasks (task_key, case_id, workflow_id, type, title, candidate_roles, department_id, assignee_id, status,
                          due_at, escalation, created_at)
       SELECT 'k' || g || '-' || $5, $1, 'wf', (ARRAY['A_STEP','B_STEP','C_STEP'])[1 + g % 3], 't',
              CASE WHEN g % 4 = 0 THEN '{AGENCY_HEAD}'::text[] ELSE '{ENFORCEMENT_OFFICER}'::text[] END,
              CASE WHEN g % 9 = 0 THEN $2::uuid ELSE $3::uuid END,
              CASE WHEN g % 5 = 1 THEN $4::uuid END,
              CASE WHEN g % 5 = 1 THEN 'CLAIMED' WHEN g % 7 = 0 THEN 'COMPLETED' ELSE 'OPEN' END,
              CASE WHEN g % 6 = 0 THEN NULL ELSE timestamptz '2026-03-01' + (g % 17) * interval '1 hour' END,
              (ARRAY['NONE','NONE','YELLOW','RED'])[1 + g % 4],
              timestamptz '2026-01-01' + (g / 3) * interval '1.000123 second'
         FROM generate_series(1, 240) g`,
      [caseId, org.otherDepartmentId, org.departmentId, org.users.officerA.id, org.suffix],
    );
    allTasks = await db.ds.query(
      `SELECT id, status, escalation, type, department_id, assignee_id, candidate_roles,
              (extract(epoch FROM due_at) * 1000000)::bigint::text AS due_us,
              (extract(epoch FROM created_at) * 1000000)::bigint::text AS created_us
         FROM tasks`,
    );
  });
  afterAll(async () => db?.drop());

  const big = (v: string | null) => (v === null ? BigInt('9'.repeat(30)) : BigInt(v));
  const cmp = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
  const RANK: Record<string, number> = { RED: 0, YELLOW: 1, NONE: 2 };
  const expectedOrder = (rows: TaskRow[], sort: InboxSort) =>
    [...rows].sort((a, b) => {
      if (sort === 'created') return cmp(big(b.created_us), big(a.created_us)) || (b.id < a.id ? -1 : 1);
      const rank = sort === 'priority' ? RANK[a.escalation] - RANK[b.escalation] : 0;
      return (
        rank || cmp(big(a.due_us), big(b.due_us)) || cmp(big(a.created_us), big(b.created_us)) || (a.id < b.id ? -1 : 1)
      );
    });
  const officerSees = (t: TaskRow) =>
    t.assignee_id === org.users.officerA.id ||
    (t.assignee_id === null &&
      t.department_id === org.departmentId &&
      t.candidate_roles.includes('ENFORCEMENT_OFFICER'));

  const walk = async (filter: Partial<Parameters<TaskRepository['inboxPage']>[0]>, sort: InboxSort, limit = 7) => {
    const ids: string[] = [];
    let cursor: string | null | undefined;
    let total = -1;
    for (let i = 0; i < 100; i++) {
      const page = await tasks.inboxPage({
        userId: org.users.officerA.id,
        roles: ['ENFORCEMENT_OFFICER'],
        departmentIds: [org.departmentId],
        sort,
        limit,
        cursor,
        ...filter,
      });
      ids.push(...page.items.map((t) => t.id));
      total = page.total;
      expect(page.totalExact).toBe(true);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return { ids, total };
  };

  it.each(['due', 'created', 'priority'] as const)(
    'pages the inbox in %s order without skipping or repeating',
    async (sort) => {
      const expected = expectedOrder(
        allTasks.filter((t) => officerSees(t) && ['OPEN', 'CLAIMED'].includes(t.status)),
        sort,
      ).map((t) => t.id);
      expect(expected.length).toBeGreaterThan(50);
      await expect(walk({}, sort)).resolves.toEqual({ ids: expected, total: expected.length });
    },
  );

  it.each([
    [
      'escalation RED',
      { escalation: 'RED' as const },
      (t: TaskRow) => t.escalation === 'RED' && t.status !== 'COMPLETED',
    ],
    ['status CLAIMED', { status: 'CLAIMED' as const }, (t: TaskRow) => t.status === 'CLAIMED'],
    ['status COMPLETED', { status: 'COMPLETED' as const }, (t: TaskRow) => t.status === 'COMPLETED'],
    ['type', { type: 'B_STEP' }, (t: TaskRow) => t.type === 'B_STEP' && t.status !== 'COMPLETED'],
  ])('applies the filter %s in every order', async (_name, filter, keep) => {
    for (const sort of ['due', 'created', 'priority'] as const) {
      const expected = expectedOrder(
        allTasks.filter((t) => officerSees(t) && keep(t)),
        sort,
      ).map((t) => t.id);
      await expect(walk(filter, sort, 5)).resolves.toEqual({ ids: expected, total: expected.length });
    }
  });

  it('refuses a cursor of another order or an edited one with 400 on query.cursor', async () => {
    const first = await tasks.inboxPage({
      userId: org.users.officerA.id,
      roles: ['ENFORCEMENT_OFFICER'],
      departmentIds: [org.departmentId],
      sort: 'due',
      limit: 3,
    });
    for (const cursor of [first.nextCursor!, `${first.nextCursor!.slice(0, -2)}xx`]) {
      const attempt = tasks.inboxPage({
        userId: org.users.officerA.id,
        roles: ['ENFORCEMENT_OFFICER'],
        departmentIds: [org.departmentId],
        sort: cursor === first.nextCursor ? 'created' : 'due',
        limit: 3,
        cursor,
      });
      await expect(attempt).rejects.toBeInstanceOf(DomainError);
      await expect(attempt).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        details: { fields: [{ path: 'query.cursor' }] },
      });
    }
  });

  it('keeps the dashboard counters equal to a count of the open tasks through inserts, updates and deletes', async () => {
    const counted = async () =>
      (
        await db.ds.query(
          `SELECT department_id AS "departmentId", count(*)::int AS open,
                  (count(*) FILTER (WHERE escalation = 'YELLOW'))::int AS "dueSoon",
                  (count(*) FILTER (WHERE escalation = 'RED'))::int AS overdue
             FROM tasks WHERE status IN ('OPEN','CLAIMED') AND department_id = ANY($1::uuid[])
            GROUP BY department_id ORDER BY department_id`,
          [[org.departmentId, org.otherDepartmentId, org.cityDepartmentId]],
        )
      ).map((r: Record<string, unknown>) => r);
    const deps = [org.departmentId, org.otherDepartmentId, org.cityDepartmentId];
    expect(await tasks.countsByDepartment(deps)).toEqual(await counted());
    await db.ds.query(`UPDATE tasks SET status = 'COMPLETED' WHERE task_key LIKE 'k1%'`);
    await db.ds.query(`UPDATE tasks SET escalation = 'RED' WHERE task_key LIKE 'k2%' AND escalation = 'NONE'`);
    await db.ds.query(`UPDATE tasks SET department_id = $1 WHERE task_key LIKE 'k3%'`, [org.cityDepartmentId]);
    await db.ds.query(
      `UPDATE tasks SET status = 'CLAIMED', assignee_id = $1 WHERE task_key LIKE 'k4%' AND status = 'OPEN'`,
      [org.users.officerB.id],
    );
    await db.ds.query(`DELETE FROM tasks WHERE task_key LIKE 'k5%'`);
    expect(await tasks.countsByDepartment(deps)).toEqual(await counted());
    allTasks = await db.ds.query(
      `SELECT id, status, escalation, type, department_id, assignee_id, candidate_roles,
              (extract(epoch FROM due_at) * 1000000)::bigint::text AS due_us,
              (extract(epoch FROM created_at) * 1000000)::bigint::text AS created_us
         FROM tasks`,
    );
  });

  it('says the total is not exact beyond the cap', async () => {
    const caseId = (await db.ds.query(`SELECT id FROM cases LIMIT 1`))[0].id;
    await db.ds.query(
      `INSERT INTO tasks (task_key, case_id, workflow_id, type, title, candidate_roles, department_id, status)
       SELECT 'cap' || g, $1, 'wf', 'A_STEP', 't', '{LEGAL_REVIEWER}', $2, 'OPEN' FROM generate_series(1, $3::int) g`,
      [caseId, org.departmentId, PAGE_TOTAL_CAP + 5],
    );
    const page = await tasks.inboxPage({
      userId: org.users.legal.id,
      roles: ['LEGAL_REVIEWER'],
      departmentIds: [org.departmentId],
      sort: 'due',
      limit: 20,
    });
    expect(page).toMatchObject({ total: PAGE_TOTAL_CAP, totalExact: false });
    expect(page.items).toHaveLength(20);
  });

  describe('case search', () => {
    const titles = [
      '未按规定开展安全培训案',
      '特种作业人员未持证上岗案',
      '有限空间作业专项检查',
      '粉尘涉爆专项检查',
      'Forklift inspection',
    ];
    let rows: Array<{ id: string; title: string; created_us: string; reference_no: string | null; ent: string | null }>;

    beforeAll(async () => {
      const other = (
        await db.ds.query(
          `INSERT INTO enterprises (credit_code, name, sector_code, region_id, enforcement_department_id, risk_grade)
           VALUES ($1, '江阴精细化工物流有限公司', 'HAZARDOUS_CHEMICALS', $2, $3, 'RED') RETURNING id`,
          [`F${org.suffix}`.padEnd(18, '0'), org.regionId, org.departmentId],
        )
      )[0].id;
      for (let i = 0; i < 90; i++) {
        await db.ds.query(
          `INSERT INTO cases (id, case_type, reference_no, title, status, department_id, enterprise_id, workflow_id, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, timestamptz '2025-06-01' + $10 * interval '1 hour' + $11 * interval '1 microsecond')`,
          [
            randomUUID(),
            i % 3 === 0 ? 'INSPECTION' : 'PENALTY',
            i % 2 ? `NO-${org.suffix}-${i}` : null,
            `${titles[i % titles.length]}${i}`,
            i % 4 === 0 ? 'CLOSED' : 'FILED',
            i % 10 === 0 ? org.otherDepartmentId : org.departmentId,
            i % 3 === 1 ? other : i % 3 === 2 ? org.enterpriseId : null,
            `search-${org.suffix}-${i}`,
            org.users.officerA.id,
            Math.floor(i / 2),
            i % 7,
          ],
        );
      }
      rows = await db.ds.query(
        `SELECT c.id, c.title, c.reference_no, e.name AS ent,
                (extract(epoch FROM c.created_at) * 1000000)::bigint::text AS created_us
           FROM cases c LEFT JOIN enterprises e ON e.id = c.enterprise_id
          WHERE c.department_id = $1`,
        [org.departmentId],
      );
    });

    const newest = (list: typeof rows) =>
      [...list].sort((a, b) => cmp(big(b.created_us), big(a.created_us)) || (b.id < a.id ? -1 : 1)).map((r) => r.id);
    const walkSearch = async (q: Partial<Parameters<CaseRepository['search']>[0]>) => {
      const ids: string[] = [];
      let cursor: string | null | undefined;
      for (let i = 0; i < 100; i++) {
        const page = await cases.search({ departmentIds: [org.departmentId], limit: 6, cursor, ...q });
        ids.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
        if (!cursor) return { ids, total: page.total };
      }
      throw new Error('too many pages');
    };

    it.each([
      ['everything', {}, () => true],
      ['title contains 作业 (2 characters)', { title: '作业' }, (r: (typeof rows)[number]) => r.title.includes('作业')],
      [
        'title contains 特种作业人员',
        { title: '特种作业人员' },
        (r: (typeof rows)[number]) => r.title.includes('特种作业人员'),
      ],
      [
        'title contains a letter case-insensitively',
        { title: 'FORK' },
        (r: (typeof rows)[number]) => r.title.startsWith('Fork'),
      ],
      [
        'enterprise name contains 精细化工',
        { enterpriseName: '精细化工' },
        (r: (typeof rows)[number]) => r.ent?.includes('精细化工') ?? false,
      ],
      [
        'title and enterprise name',
        { title: '检查', enterpriseName: '测试企业' },
        (r: (typeof rows)[number]) => r.title.includes('检查') && (r.ent?.includes('测试企业') ?? false),
      ],
    ])('finds %s, newest first, across pages', async (_name, q, keep) => {
      const expected = newest(rows.filter((r) => keep(r as (typeof rows)[number])));
      expect(expected.length).toBeGreaterThan(0);
      await expect(walkSearch(q)).resolves.toEqual({ ids: expected, total: expected.length });
    });

    it('finds a case by its number exactly, and only in the given departments', async () => {
      const target = rows.find((r) => r.reference_no)!;
      await expect(walkSearch({ caseNumber: target.reference_no! })).resolves.toEqual({ ids: [target.id], total: 1 });
      await expect(walkSearch({ caseNumber: target.reference_no!.slice(0, -1) })).resolves.toMatchObject({ total: 0 });
      await expect(
        walkSearch({ caseNumber: target.reference_no!, departmentIds: [org.otherDepartmentId] }),
      ).resolves.toMatchObject({ ids: [] });
    });

    it('merges several departments in one order (status and date filters too)', async () => {
      const all = await db.ds.query(
        `SELECT c.id, c.title, c.reference_no, NULL AS ent, (extract(epoch FROM c.created_at) * 1000000)::bigint::text AS created_us
           FROM cases c WHERE c.workflow_id LIKE 'search-%' AND c.status = 'FILED'
            AND c.created_at >= timestamptz '2025-06-01 10:00+00' AND c.created_at < timestamptz '2025-06-02 10:00+00'`,
      );
      await expect(
        walkSearch({
          departmentIds: [org.departmentId, org.otherDepartmentId],
          status: 'FILED',
          createdFrom: new Date('2025-06-01T10:00:00Z'),
          createdBefore: new Date('2025-06-02T10:00:00Z'),
        }),
      ).resolves.toEqual({ ids: newest(all), total: all.length });
    });
  });
  it("pages a case's timeline oldest first across appends, and refuses another list's cursor", async () => {
    const audit = new AuditRepository(db.ds);
    const caseId = randomUUID();
    const append = (i: number) =>
      audit.append({ occurredAt: new Date(), caseId, action: 'TEST_EVENT', actorId: null, summary: { i } });
    for (let i = 0; i < 13; i++) await append(i);
    const seen: string[] = [];
    let cursor: string | null | undefined;
    for (let pageNo = 0; pageNo < 20; pageNo++) {
      const page = await audit.caseTimeline(caseId, { limit: 4, cursor });
      seen.push(...page.items.map((r) => String(r.seq)));
      // Rows appended while paging appear on later pages, once.
      if (pageNo === 1) await append(13);
      cursor = page.nextCursor;
      if (!cursor) {
        expect(page).toMatchObject({ total: 14, totalExact: true });
        break;
      }
    }
    const all = await db.ds.query(`SELECT seq::text AS seq FROM audit_log WHERE case_id = $1 ORDER BY audit_log.seq`, [
      caseId,
    ]);
    expect(seen).toEqual(all.map((r: { seq: string }) => r.seq));
    const inboxCursor = (
      await tasks.inboxPage({
        userId: org.users.officerA.id,
        roles: ['ENFORCEMENT_OFFICER'],
        departmentIds: [org.departmentId],
        sort: 'due',
        limit: 1,
      })
    ).nextCursor!;
    await expect(audit.caseTimeline(caseId, { limit: 4, cursor: inboxCursor })).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: { fields: [{ path: 'query.cursor' }] },
    });
  });

  it('pages the public disclosure lists newest first with ties on the instant, only in their status and departments', async () => {
    const enforcement = new EnforcementRepository(db.ds);
    // 23 publications and 23 listings over 23 cases; instants tie in threes, every fourth row is withdrawn/repaired.
    await db.ds.query(
      `WITH made AS (
         INSERT INTO cases (case_type, title, status, department_id, enterprise_id, workflow_id, created_by)
         SELECT 'PENALTY', '公示' || g, 'CLOSED', CASE WHEN g % 5 = 0 THEN $2::uuid ELSE $1::uuid END, $3,
                'disclosure-' || g || '-' || $5, $4
         FROM generate_series(1, 23) AS g RETURNING id, department_id, title)
       , numbered AS (SELECT made.*, row_number() OVER (ORDER BY title) AS g FROM made)
       , published AS (
         INSERT INTO published_penalty_decisions (case_id, publication_key, department_id, department_name, party_name,
                decision_number, violation, legal_basis, penalty, decision_date, published_at, status)
         SELECT id, 'pub-' || id, department_id, '测试局', '测试企业', 'N' || g, 'v', 'b', 'p', date '2026-05-01',
                timestamptz '2026-05-01 08:00:00.123456Z' + (g / 3) * interval '1 minute',
                CASE WHEN g % 4 = 0 THEN 'WITHDRAWN' ELSE 'PUBLISHED' END
         FROM numbered RETURNING id)
       INSERT INTO dishonest_entities (enterprise_id, case_id, department_id, party_name, credit_code, reason,
              decision_number, listed_on, status, created_at)
       SELECT $3, id, department_id, '测试企业', '91320000000000000X', 'r', 'N' || g, date '2026-05-01',
              CASE WHEN g % 4 = 0 THEN 'REPAIRED' ELSE 'LISTED' END,
              timestamptz '2026-05-01 08:00:00.654321Z' + (g / 3) * interval '1 minute'
       FROM numbered`,
      [org.departmentId, org.otherDepartmentId, org.enterpriseId, org.users.officerA.id, org.suffix],
    );
    const follow = async <T extends { id: string }>(
      pageOf: (cursor: string | null | undefined) => Promise<{ items: T[]; nextCursor: string | null; total: number }>,
    ) => {
      const ids: string[] = [];
      let cursor: string | null | undefined;
      let total = -1;
      for (let pageNo = 0; pageNo < 30; pageNo++) {
        const page = await pageOf(cursor);
        ids.push(...page.items.map((item) => item.id));
        total = page.total;
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return { ids, total };
    };
    const expected = async (sql: string, params: unknown[]) =>
      ((await db.ds.query(sql, params)) as Array<{ id: string }>).map((row) => row.id);

    const published = await expected(
      `SELECT id FROM published_penalty_decisions WHERE status = 'PUBLISHED' ORDER BY published_at DESC, id DESC`,
      [],
    );
    expect(published.length).toBeGreaterThan(10);
    await expect(
      follow((cursor) => enforcement.publicationsPage({ status: 'PUBLISHED', limit: 4, cursor })),
    ).resolves.toEqual({ ids: published, total: published.length });

    const listed = await expected(
      `SELECT id FROM dishonest_entities WHERE status = 'LISTED' ORDER BY created_at DESC, id DESC`,
      [],
    );
    await expect(follow((cursor) => enforcement.listingsPage({ status: 'LISTED', limit: 5, cursor }))).resolves.toEqual(
      { ids: listed, total: listed.length },
    );
    const ofDepartment = await expected(
      `SELECT id FROM dishonest_entities WHERE department_id = $1 ORDER BY created_at DESC, id DESC`,
      [org.departmentId],
    );
    await expect(
      follow((cursor) => enforcement.listingsPage({ departmentIds: [org.departmentId], limit: 3, cursor })),
    ).resolves.toEqual({ ids: ofDepartment, total: ofDepartment.length });
  });
});
