import { OrgHarness, startOrgHarness } from '../support/harness';
import { TestOrg } from '../support/fixtures';
import { expectEventually } from '../support/eventually';
import { recordHistoryIfAsked } from '../support/history';

/** The thin end-to-end slice plus the inbox and jurisdiction rules it touches. */
describe('penalty case slice over HTTP on the Temporal dev server', () => {
  let h: OrgHarness;
  let org: TestOrg;
  let as: OrgHarness['as'];

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    ({ org, as } = h);
  });
  afterAll(async () => h?.close());

  async function openCase(extra: Record<string, unknown> = {}) {
    const res = await h
      .http()
      .post('/cases/penalty')
      .set(as('officerA'))
      .send({ title: '未按规定开展安全检查', enterpriseId: org.enterpriseId, ...extra });
    expect(res.status).toBe(201);
    return res.body as { id: string; workflowId: string; handlerIds: string[] };
  }

  async function filingTask(caseId: string) {
    return expectEventually(async () => {
      const res = await h.http().get('/tasks').query({ caseId }).set(as('head'));
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      return res.body.items[0] as { id: string; type: string; status: string; dueAt: string; candidateRoles: string[] };
    });
  }

  it('starts the workflow from HTTP, writes the task and status to PostgreSQL, and round-trips a query and an update', async () => {
    const c = await openCase();
    expect(c.workflowId).toBe(`penalty-${c.id}`);
    const task = await filingTask(c.id);
    expect(task).toMatchObject({ type: 'FILING_APPROVAL', status: 'OPEN', candidateRoles: ['AGENCY_HEAD'] });
    expect(task.dueAt).not.toBeNull();

    const before = await h.http().get(`/cases/${c.id}`).set(as('officerA'));
    expect(before.status).toBe(200);
    expect(before.body.workflow.status).toBe('PENDING_FILING');

    const done = await h
      .http()
      .post(`/tasks/${task.id}/complete`)
      .set(as('head'))
      .send({ outcome: 'APPROVE', payload: { comment: '同意立案' } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ outcome: 'APPROVE', task: { status: 'COMPLETED' } });

    // Since the penalty-general-procedure patch a filed case goes on to the investigation
    // (tests/e2e/penalty-general-procedure.e2e.test.ts); the v1 history of this test stays in tests/replay.
    await expectEventually(async () => {
      const rows = await h.db.ds.query('SELECT status FROM cases WHERE id = $1', [c.id]);
      expect(rows[0].status).toBe('INVESTIGATING');
    });
    const after = await h.http().get(`/cases/${c.id}`).set(as('officerA'));
    expect(after.body.workflow.history.map((x: { status: string }) => x.status).slice(0, 2)).toEqual([
      'PENDING_FILING',
      'FILED',
    ]);

    const timeline = await h.http().get(`/cases/${c.id}/timeline`).set(as('officerA'));
    expect(timeline.body.items.map((e: { action: string }) => e.action).slice(0, 5)).toEqual([
      'CASE_CREATED',
      'CASE_OPENED',
      'TASK_OPENED',
      'TASK_COMPLETED',
      'CASE_FILED',
    ]);
  });

  it('rejects a task completed twice with 409', async () => {
    const c = await openCase();
    const task = await filingTask(c.id);
    const first = await h.http().post(`/tasks/${task.id}/complete`).set(as('head')).send({ outcome: 'REJECT' });
    expect(first.status).toBe(200);
    const second = await h.http().post(`/tasks/${task.id}/complete`).set(as('head')).send({ outcome: 'APPROVE' });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('TASK_ALREADY_COMPLETED');
    await expectEventually(async () => {
      const rows = await h.db.ds.query('SELECT status FROM cases WHERE id = $1', [c.id]);
      expect(rows[0].status).toBe('NOT_FILED');
    });
    await h.client.workflow.getHandle(c.workflowId).result();
    recordHistoryIfAsked(c.workflowId, 'penalty-case-v4-local-activities-not-filed-double-completion');
  });

  it('lets the workflow validator reject a bad outcome (400) and a wrong role (403) without changing anything', async () => {
    const c = await openCase();
    const task = await filingTask(c.id);
    const bad = await h.http().post(`/tasks/${task.id}/complete`).set(as('head')).send({ outcome: 'MAYBE' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const officer = await h.http().post(`/tasks/${task.id}/complete`).set(as('officerA')).send({ outcome: 'APPROVE' });
    expect(officer.status).toBe(403);
    expect(officer.body.code).toBe('FORBIDDEN_ROLE');
    const rows = await h.db.ds.query('SELECT status FROM tasks WHERE id = $1', [task.id]);
    expect(rows[0].status).toBe('OPEN');
  });

  it('enforces separation of duties: a head who handles the case cannot approve its filing', async () => {
    const c = await openCase({ handlerIds: [org.users.head.id] });
    const task = await filingTask(c.id);
    const res = await h.http().post(`/tasks/${task.id}/complete`).set(as('head')).send({ outcome: 'APPROVE' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN_SEPARATION_OF_DUTIES');
  });

  it("hides another department's case (403, audited) and refuses a case against an enterprise of another level", async () => {
    const c = await openCase();
    const res = await h.http().get(`/cases/${c.id}`).set(as('otherOfficer'));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN_JURISDICTION');
    const denied = await h.db.ds.query(
      `SELECT summary FROM audit_log WHERE action = 'ACCESS_DENIED' AND actor_id = $1`,
      [org.users.otherOfficer.id],
    );
    expect(denied.length).toBeGreaterThanOrEqual(1);

    const list = await h.http().get('/cases').set(as('otherOfficer'));
    expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    // The city head supervises the county below.
    const city = await h.http().get(`/cases/${c.id}`).set(as('cityHead'));
    expect(city.status).toBe(200);

    const foreign = await h
      .http()
      .post('/cases/penalty')
      .set(as('officerA'))
      .send({ title: '越级立案', enterpriseId: org.otherEnterpriseId });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('FORBIDDEN_JURISDICTION');
  });

  it('answers bad input with clear 4xx codes', async () => {
    const unknownField = await h
      .http()
      .post('/cases/penalty')
      .set(as('officerA'))
      .send({ title: 'x', enterpriseId: org.enterpriseId, fine: 5 });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.code).toBe('VALIDATION_FAILED');
    const unknownEnterprise = await h
      .http()
      .post('/cases/penalty')
      .set(as('officerA'))
      .send({ title: 'x', enterpriseId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownEnterprise.status).toBe(404);
    // 按日连续处罚 only follows an unobeyed rectification order (安全生产法 Art.112).
    const manual = await openCase();
    const daily = await h.http().get(`/cases/penalty/${manual.id}/continuing-daily-fine`).set(as('officerA'));
    expect(daily.status).toBe(422);
    expect(daily.body.code).toBe('RULE_VIOLATION');
    const noToken = await h.http().get('/cases');
    expect(noToken.status).toBe(401);
    const discipline = await h.http().post('/cases/penalty').set(as('discipline')).send({ title: 'x' });
    expect(discipline.status).toBe(403);
    expect(discipline.body.code).toBe('FORBIDDEN_ROLE');
  });
});
