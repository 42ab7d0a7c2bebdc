import { AccidentRepository, InspectionRepository } from '@safety/persistence';
import { createTestDatabase, TestDatabase } from '../support/db';
import { createOrg, TestOrg } from '../support/fixtures';

/** The public accident reports and 双随机 draws: keyset pages of published rows only, newest publication first. */
describe('public lists (real PostgreSQL)', () => {
  let db: TestDatabase;
  let org: TestOrg;

  beforeAll(async () => {
    db = await createTestDatabase();
    org = await createOrg(db.ds);
  });
  afterAll(async () => db?.drop());

  const follow = async <T>(
    pageOf: (cursor: string | null | undefined) => Promise<{ items: T[]; nextCursor: string | null; total: number }>,
    idOf: (item: T) => string,
  ) => {
    const ids: string[] = [];
    const totals = new Set<number>();
    let cursor: string | null | undefined;
    for (let pageNo = 0; pageNo < 30; pageNo++) {
      const page = await pageOf(cursor);
      ids.push(...page.items.map(idOf));
      totals.add(page.total);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return { ids, totals: [...totals] };
  };
  const idsOf = async (sql: string, params: unknown[] = []) =>
    ((await db.ds.query(sql, params)) as Array<{ id: string }>).map((row) => row.id);

  it('lists only published accident reports: approved ones awaiting publication neither fill pages nor count', async () => {
    // 20 accidents; every third report is approved but not yet published, every fifth was returned.
    // Publication instants tie in pairs.
    await db.ds.query(
      `WITH made AS (
         INSERT INTO cases (case_type, title, status, department_id, enterprise_id, workflow_id, created_by)
         SELECT 'ACCIDENT', '事故' || lpad(g::text, 2, '0'), 'INVESTIGATING', $1, $2, 'accident-public-' || g || '-' || $5, $3
         FROM generate_series(1, 20) AS g RETURNING id, title)
       , numbered AS (SELECT made.*, row_number() OVER (ORDER BY title) AS g FROM made)
       , accidents AS (
         INSERT INTO accidents (case_id, occurred_at, reported_at, place, summary, enterprise_id, sector_code, sector_class,
                region_id, deaths, serious_injuries, direct_loss_yuan, grade, investigating_level,
                investigating_level_exact, reporting_department_id, investigating_department_id, report_timeliness,
                policy, created_by)
         SELECT id, timestamptz '2026-05-01 08:00Z', timestamptz '2026-05-01 08:30Z', '现场', '经过', $2,
                'HAZARDOUS_CHEMICALS', 'OTHER', $4, 1, 0, 0, 'GENERAL', 'COUNTY', true, $1, $1, 'ON_TIME', '{}', $3
         FROM numbered RETURNING case_id)
       INSERT INTO accident_reports (case_id, version, status, direct_causes, indirect_causes, education_measures,
              submitted_by, submitted_at, decided_by, decided_at, published_at)
       SELECT n.id, 1, CASE WHEN n.g % 5 = 0 THEN 'RETURNED' ELSE 'APPROVED' END, '直接原因', '间接原因', '教育',
              $3, timestamptz '2026-06-01Z', $3, timestamptz '2026-06-02Z',
              CASE WHEN n.g % 3 = 0 OR n.g % 5 = 0 THEN NULL
                   ELSE timestamptz '2026-06-03 08:00:00.123456Z' + (n.g / 2) * interval '1 minute' END
       FROM numbered n JOIN accidents a ON a.case_id = n.id`,
      [org.departmentId, org.enterpriseId, org.users.officerA.id, org.regionId, org.suffix],
    );
    const published = await idsOf(
      `SELECT id FROM accident_reports WHERE status = 'APPROVED' AND published_at IS NOT NULL
        ORDER BY published_at DESC, id DESC`,
    );
    expect(published.length).toBeGreaterThan(8);
    const repo = new AccidentRepository(db.ds);
    const first = await repo.publishedReportsPage({ limit: 3 });
    // The newest rows come first although approved, unpublished reports exist (they would sort first as NULLs).
    expect(first.items.map((row) => row.report.id)).toEqual(published.slice(0, 3));
    expect(first.items[0]).toMatchObject({
      enterpriseName: expect.stringContaining('测试企业'),
      sectorName: expect.any(String),
    });
    await expect(
      follow(
        (cursor) => repo.publishedReportsPage({ limit: 3, cursor }),
        (row) => row.report.id,
      ),
    ).resolves.toEqual({
      ids: published,
      totals: [published.length],
    });
  });

  it('lists published draws newest first, ties broken by id, optionally of one department', async () => {
    const planId = (
      await db.ds.query(
        `INSERT INTO inspection_plans (department_id, year, kind, title, config, status, created_by)
         VALUES ($1, 2026, 'ANNUAL', '年度计划', '{}', 'APPROVED', $2) RETURNING id`,
        [org.departmentId, org.users.officerA.id],
      )
    )[0].id;
    const otherPlanId = (
      await db.ds.query(
        `INSERT INTO inspection_plans (department_id, year, kind, title, config, status, created_by)
         VALUES ($1, 2026, 'SPECIAL', '专项计划', '{}', 'APPROVED', $2) RETURNING id`,
        [org.otherDepartmentId, org.users.otherOfficer.id],
      )
    )[0].id;
    // 17 draws, every fourth unpublished, every third of the other department; instants tie in threes.
    await db.ds.query(
      `INSERT INTO inspection_draws (draw_no, plan_id, department_id, seed, algorithm, config, pool, quotas, drawn_by, published_at)
       SELECT 'D-' || $5 || '-' || g, CASE WHEN g % 3 = 0 THEN $2::uuid ELSE $1::uuid END,
              CASE WHEN g % 3 = 0 THEN $4::uuid ELSE $3::uuid END, 's', 'a', '{}', '{}', '{}', $6,
              CASE WHEN g % 4 = 0 THEN NULL ELSE timestamptz '2026-04-01 08:00:00.5Z' + (g / 3) * interval '1 second' END
       FROM generate_series(1, 17) AS g`,
      [planId, otherPlanId, org.departmentId, org.otherDepartmentId, org.suffix, org.users.officerA.id],
    );
    const repo = new InspectionRepository(db.ds);
    const all = await idsOf(
      `SELECT id FROM inspection_draws WHERE published_at IS NOT NULL ORDER BY published_at DESC, id DESC`,
    );
    expect(all.length).toBe(13);
    await expect(
      follow(
        (cursor) => repo.publishedDrawsPage({ limit: 4, cursor }),
        (draw) => draw.id,
      ),
    ).resolves.toEqual({
      ids: all,
      totals: [all.length],
    });
    const mine = await idsOf(
      `SELECT id FROM inspection_draws WHERE published_at IS NOT NULL AND department_id = $1
        ORDER BY published_at DESC, id DESC`,
      [org.departmentId],
    );
    await expect(
      follow(
        (cursor) => repo.publishedDrawsPage({ limit: 2, cursor, departmentId: org.departmentId }),
        (draw) => draw.id,
      ),
    ).resolves.toEqual({ ids: mine, totals: [mine.length] });
  });
});
