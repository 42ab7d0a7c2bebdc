import { OrgHarness, startOrgHarness } from '../support/harness';
import { TestOrg } from '../support/fixtures';
import { loadTestCalendar2027 } from '../support/accident-fixtures';
import { expectEventually } from '../support/eventually';
import { recordHistoryIfAsked } from '../support/history';

type Who = keyof TestOrg['users'];

interface TaskRow {
  id: string;
  type: string;
}

/**
 * 核查 of a complaint verified true opens a penalty case (立案查处) against the complaint's enterprise: the
 * case is linked to the complaint, its workflow runs on its own, and the complaint records it and goes on.
 */
describe('a penalty case opened from a complaint’s verification, over HTTP on the Temporal dev server', () => {
  let h: OrgHarness;
  let org: TestOrg;

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    org = h.org;
    // The complaint's periods run past the year's end.
    await loadTestCalendar2027(h.db.ds);
  });
  afterAll(async () => h?.close());

  const as = (who: Who) => h.as(who);
  const openTask = (caseId: string, type: string, who: Who = 'officerA') =>
    expectEventually(async () => {
      const res = await h.http().get('/tasks').query({ caseId, type }).set(as(who));
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      return res.body.items[0] as TaskRow;
    });
  const complete = (taskId: string, who: Who, outcome: string, payload: Record<string, unknown> = {}) =>
    h.http().post(`/tasks/${taskId}/complete`).set(as(who)).send({ outcome, payload });
  const file = async (body: Record<string, unknown>) => {
    const filed = await h
      .http()
      .post('/public/complaints')
      .send({ place: '测试县工业园', contact: { anonymous: true }, ...body });
    expect(filed.status).toBe(201);
    const rows = await h.db.ds.query(`SELECT id, case_id FROM complaints WHERE tracking_code = $1`, [filed.body.code]);
    return rows[0] as { id: string; case_id: string };
  };
  const accept = async (caseId: string) => {
    const acceptance = await openTask(caseId, 'COMPLAINT_ACCEPTANCE');
    const res = await complete(acceptance.id, 'officerA', 'ACCEPT', { handlerIds: [org.users.officerB.id] });
    expect(res.status).toBe(200);
  };

  it('opens the penalty case linked to the complaint, with its credentialed handlers, and the complaint goes on', async () => {
    const { id, case_id: caseId } = await file({
      description: '企业未对重大危险源进行监控，举报人称多次发现报警装置被关闭',
      enterpriseName: `测试企业E${org.suffix}A`,
    });
    await accept(caseId);
    const verification = await openTask(caseId, 'COMPLAINT_VERIFICATION');
    const verified = await complete(verification.id, 'officerA', 'VERIFIED_TRUE', {
      findings: '经核查，报警装置确被关闭，举报属实',
      grade: 'MAJOR_HAZARD',
      openPenaltyCase: true,
    });
    expect(verified.status).toBe(200);

    const penalty = await expectEventually(async () => {
      const rows = await h.db.ds.query(
        `SELECT id, workflow_id, department_id, enterprise_id, handler_ids FROM cases
          WHERE case_type = 'PENALTY' AND data->>'sourceCaseId' = $1`,
        [caseId],
      );
      expect(rows).toHaveLength(1);
      return rows[0] as {
        id: string;
        workflow_id: string;
        department_id: string;
        enterprise_id: string;
        handler_ids: string[];
      };
    });
    expect(penalty).toMatchObject({
      workflow_id: `penalty-${caseId}-1`,
      department_id: org.departmentId,
      enterprise_id: org.enterpriseId,
    });
    // Both handlers of the complaint hold enforcement credentials (行政处罚法 Art.42), so they handle the case.
    expect([...penalty.handler_ids].sort()).toEqual([org.users.officerA.id, org.users.officerB.id].sort());
    // The penalty case's own workflow runs: its 立案审批 is in the head's inbox.
    await openTask(penalty.id, 'FILING_APPROVAL', 'head');

    const complaint = await h.http().get(`/complaints/${id}`).set(as('officerA'));
    expect(complaint.body).toMatchObject({ status: 'VERIFIED', verifiedTrue: true, penaltyCaseId: penalty.id });
    // The result step shows the case it opened.
    const result = await openTask(caseId, 'COMPLAINT_RESULT');
    const resultTask = await h.http().get(`/tasks/${result.id}`).set(as('officerA'));
    expect(resultTask.body.payload).toMatchObject({ penaltyCaseId: penalty.id, verifiedTrue: true });
    const audited = await h.db.ds.query(
      `SELECT summary FROM audit_log WHERE case_id = $1 AND action = 'COMPLAINT_PENALTY_CASE_OPENED'`,
      [caseId],
    );
    expect(audited).toEqual([{ summary: expect.objectContaining({ penaltyCaseId: penalty.id }) }]);
    recordHistoryIfAsked(`complaint-${caseId}`, 'complaint-v2-penalty-case');
  });

  it('refuses a penalty case for a complaint matched to no enterprise and keeps the step open', async () => {
    const { case_id: caseId } = await file({
      description: '某无名作坊违规储存烟花爆竹',
      departmentId: org.departmentId,
    });
    await accept(caseId);
    const verification = await openTask(caseId, 'COMPLAINT_VERIFICATION');
    const refused = await complete(verification.id, 'officerA', 'VERIFIED_TRUE', {
      findings: '举报属实',
      grade: 'ILLEGAL_OPERATION',
      openPenaltyCase: true,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/enterprise/);
    expect((await openTask(caseId, 'COMPLAINT_VERIFICATION')).id).toBe(verification.id);
    const linked = await h.db.ds.query(`SELECT id FROM cases WHERE data->>'sourceCaseId' = $1`, [caseId]);
    expect(linked).toEqual([]);
  });
});
