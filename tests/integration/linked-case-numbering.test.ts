import { AuditService, LinkedCaseService } from '@safety/application';
import { AuditRepository, CaseRepository, UnitOfWork } from '@safety/persistence';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { createTestDatabase, TestDatabase } from '../support/db';
import { createOrg, TestOrg } from '../support/fixtures';

/** Linked cases (automatic penalty cases, criminal transfers, referrals) are numbered per source case by the database. */
describe('linked case numbering (PostgreSQL)', () => {
  let db: TestDatabase;
  let org: TestOrg;
  let cases: LinkedCaseService;
  let sourceCaseId: string;

  const request = (linkKey: string, caseType: 'PENALTY' | 'CRIMINAL_TRANSFER' = 'CRIMINAL_TRANSFER') => ({
    linkKey,
    caseType,
    title: '涉嫌犯罪案件移送',
    sourceCaseId,
    departmentId: org.departmentId,
    enterpriseId: org.enterpriseId,
    createdBy: org.users.officerA.id,
    handlerIds: [org.users.officerA.id],
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    org = await createOrg(db.ds);
    const uow = new UnitOfWork(db.ds);
    cases = new LinkedCaseService(uow, new CaseRepository(db.ds), new AuditService(new AuditRepository(db.ds)));
    sourceCaseId = (
      await db.ds.query(
        `INSERT INTO cases (case_type, title, status, department_id, enterprise_id, workflow_id, created_by, handler_ids)
         VALUES ('INSPECTION', '检查', 'OPEN', $1, $2, $3, $4, ARRAY[$4]::uuid[]) RETURNING id`,
        [org.departmentId, org.enterpriseId, `inspection-test-${org.suffix}`, org.users.officerA.id],
      )
    )[0].id;
  });
  afterAll(async () => db?.drop());

  it('numbers concurrent openings 1..n per source and prefix, and finds the same case for a repeated link key', async () => {
    const opened = await Promise.all(Array.from({ length: 6 }, (_, i) => cases.openLinked(request(`source:${i}`))));
    const numbers = opened.map((linked) => Number(linked.workflowId.split('-').pop())).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
    expect(opened[0].workflowId).toMatch(new RegExp(`^criminal-transfer-${sourceCaseId}-\\d$`));

    const again = await cases.openLinked(request('source:3'));
    expect(again.caseId).toBe(opened[3].caseId);
    const penalty = await cases.openLinked(request('source:penalty', 'PENALTY'));
    expect(penalty.workflowId).toBe(`penalty-${sourceCaseId}-1`);
  });

  it('finds the taken numbers through an index range on the workflow id, not by scanning every case', async () => {
    // The repository's own statement, captured as it is sent.
    const sent = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    await new UnitOfWork(db.ds).transaction((tx) =>
      new CaseRepository(db.ds).nextLinkedWorkflowId(sourceCaseId, 'criminal-transfer', tx),
    );
    const lookup = sent.mock.calls.find(([sql]) => /SELECT workflow_id FROM cases/.test(sql));
    sent.mockRestore();
    expect(lookup).toBeDefined();
    const [sql, parameters] = lookup!;
    const plan = await db.ds.transaction(async (manager) => {
      // The test table is tiny, so the planner would scan it anyway: forbid that to see whether an index can serve.
      await manager.query('SET LOCAL enable_seqscan = off');
      const rows: Array<{ 'QUERY PLAN': string }> = await manager.query(`EXPLAIN (COSTS OFF) ${sql}`, parameters);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('cases_workflow_id_prefix_idx');
    expect(plan).toMatch(/Index Cond: .*workflow_id ~>=~/);
  });
});
