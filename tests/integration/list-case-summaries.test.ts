import { randomUUID } from 'node:crypto';
import { CaseRepository } from '@safety/persistence';
import { createTestDatabase, TestDatabase } from '../support/db';
import { createOrg, TestOrg } from '../support/fixtures';

/**
 * What an inbox or search page shows of each row's case, read for the whole page at once, and the
 * enterprise-name search whose total is counted in one scan over several departments.
 */
describe('case summaries and enterprise-name totals of list pages (real PostgreSQL)', () => {
  let db: TestDatabase;
  let org: TestOrg;
  let cases: CaseRepository;
  const insertCase = async (departmentId: string, enterpriseId: string | null, title: string, i: number) =>
    (
      await db.ds.query(
        `INSERT INTO cases (id, case_type, reference_no, title, status, department_id, enterprise_id, workflow_id, created_by, created_at)
         VALUES ($1, 'PENALTY', $2, $3, 'FILED', $4, $5, $6, $7, timestamptz '2025-07-01' + $8 * interval '1 minute')
         RETURNING id`,
        [
          randomUUID(),
          i % 2 ? `SUM-${org.suffix}-${i}` : null,
          title,
          departmentId,
          enterpriseId,
          `summary-${org.suffix}-${i}`,
          org.users.officerA.id,
          i,
        ],
      )
    )[0].id as string;

  beforeAll(async () => {
    db = await createTestDatabase();
    org = await createOrg(db.ds);
    cases = new CaseRepository(db.ds);
  });
  afterAll(async () => db?.drop());

  it('returns number, title, status and enterprise name of every case asked for, once each', async () => {
    const withEnterprise = await insertCase(org.departmentId, org.enterpriseId, '汇总测试一', 1);
    const without = await insertCase(org.departmentId, null, '汇总测试二', 2);
    const [enterprise] = await db.ds.query(`SELECT name FROM enterprises WHERE id = $1`, [org.enterpriseId]);
    const found = await cases.summaries([withEnterprise, without, withEnterprise, randomUUID()]);
    expect(found.sort((a, b) => a.title.localeCompare(b.title))).toEqual([
      {
        id: withEnterprise,
        caseType: 'PENALTY',
        referenceNo: `SUM-${org.suffix}-1`,
        title: '汇总测试一',
        status: 'FILED',
        enterpriseId: org.enterpriseId,
        enterpriseName: enterprise.name,
      },
      {
        id: without,
        caseType: 'PENALTY',
        referenceNo: null,
        title: '汇总测试二',
        status: 'FILED',
        enterpriseId: null,
        enterpriseName: null,
      },
    ]);
    await expect(cases.summaries([])).resolves.toEqual([]);
  });

  it('counts an enterprise-name search over several departments exactly, and only in them', async () => {
    const named = (
      await db.ds.query(
        `INSERT INTO enterprises (credit_code, name, sector_code, region_id, enforcement_department_id, risk_grade)
         VALUES ($1, '汇总精细化工测试有限公司', 'HAZARDOUS_CHEMICALS', $2, $3, 'RED') RETURNING id`,
        [`S${org.suffix}`.padEnd(18, '0'), org.regionId, org.departmentId],
      )
    )[0].id as string;
    const expected: string[] = [];
    for (let i = 10; i < 25; i++) {
      const department = [org.departmentId, org.otherDepartmentId, org.cityDepartmentId][i % 3];
      const id = await insertCase(department, i % 4 === 0 ? org.enterpriseId : named, `名称检索${i}`, i);
      if (i % 4 !== 0 && department !== org.cityDepartmentId) expected.unshift(id);
    }
    const ids: string[] = [];
    let cursor: string | null = null;
    let total = -1;
    do {
      const page = await cases.search({
        departmentIds: [org.departmentId, org.otherDepartmentId],
        enterpriseName: '汇总精细化工',
        limit: 3,
        cursor,
      });
      ids.push(...page.items.map((c) => c.id));
      total = page.total;
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual(expected);
    expect(total).toBe(expected.length);
  });
});
