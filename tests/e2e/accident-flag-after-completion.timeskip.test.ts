import { Harness, startHarness } from '../support/harness';
import { createOrg, TestOrg } from '../support/fixtures';
import { AccidentOrg, createAccidentOrg, loadTestCalendar2027, teamPayload } from '../support/accident-fixtures';
import { expectEventually } from '../support/eventually';
import { skipUntil as skipUntilInstant } from '../support/time-skipping';

type Who = keyof TestOrg['users'] | keyof AccidentOrg['users'];
const DAY = 86_400_000;

/**
 * 条例 Art.36 after the accident's workflow completed (closed and the one-year evaluation done), on the
 * time-skipping server: the flag still opens the penalty case against the principal.
 */
describe('a reporting flag after the accident workflow completed', () => {
  let h: Harness;
  let org: TestOrg;
  let acc: AccidentOrg;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness({ temporal: 'time-skipping' });
    org = await createOrg(h.db.ds);
    acc = await createAccidentOrg(h.db.ds, org);
    await loadTestCalendar2027(h.db.ds);
    for (const [k, u] of [...Object.entries(org.users), ...Object.entries(acc.users)]) tokens[k] = await h.login(u);
  });
  afterAll(async () => h?.close());

  const as = (who: Who) => ({ Authorization: `Bearer ${tokens[who]}` });
  const localDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  const skipUntil = (instantMs: number) => skipUntilInstant(h, instantMs);
  const task = (caseId: string, who: Who, type: string) =>
    expectEventually(async () => {
      const res = await h.http().get('/tasks').query({ caseId, type, status: 'OPEN' }).set(as(who));
      expect(res.body.items.length).toBeGreaterThanOrEqual(1);
      return res.body.items[0] as { id: string };
    });
  const complete = async (who: Who, taskId: string, outcome: string, payload: Record<string, unknown> = {}) => {
    const res = await h.http().post(`/tasks/${taskId}/complete`).set(as(who)).send({ outcome, payload });
    expect({ status: res.status, body: res.status === 200 ? null : res.body }).toEqual({ status: 200, body: null });
  };

  it('opens the penalty case against the principal once the workflow has completed, and audits it', async () => {
    const serverNow = Math.min(await h.env!.currentTimeMs(), Date.now());
    const reported = await h
      .http()
      .post('/accidents')
      .set(as('officerA'))
      .send({
        occurredAt: new Date(serverNow - 10 * 60_000).toISOString(),
        place: '测试县工业园',
        summary: '坍塌',
        enterpriseId: org.enterpriseId,
        sectorCode: 'INDUSTRY_TRADE',
        deaths: 3,
        seriousInjuries: 0,
        directLossYuan: 0,
      });
    expect(reported.status).toBe(201);
    const id = reported.body.id as string;
    await task(id, 'cityHead', 'ACCIDENT_TEAM_FORMATION');
    expect((await h.http().post(`/accidents/${id}/team`).set(as('cityHead')).send(teamPayload(org, acc))).status).toBe(
      200,
    );
    await task(id, 'lead', 'ACCIDENT_INVESTIGATION_REPORT');
    const submitted = await h
      .http()
      .post(`/accidents/${id}/report`)
      .set(as('lead'))
      .send({
        directCauses: '支护失效',
        indirectCauses: '管理缺失',
        educationMeasures: '警示教育',
        findsNoResponsibleParty: true,
        responsibleParties: [],
        rectificationMeasures: [
          { description: '加固支护', owner: '测试企业', dueDate: localDate(serverNow + 30 * DAY) },
        ],
      });
    expect(submitted.status).toBe(200);
    await task(id, 'cityHead', 'ACCIDENT_REPORT_APPROVAL');
    expect(
      (await h.http().post(`/accidents/${id}/approval`).set(as('cityHead')).send({ decision: 'APPROVE' })).status,
    ).toBe(200);
    const evidence = await task(id, 'cityOfficerA', 'ACCIDENT_RECTIFICATION_EVIDENCE');
    await complete('cityOfficerA', evidence.id, 'SUBMIT', { evidence: '支护已加固' });
    const verification = await task(id, 'cityOfficerB', 'ACCIDENT_RECTIFICATION_VERIFICATION');
    await complete('cityOfficerB', verification.id, 'VERIFIED');
    expect(
      (
        await h
          .http()
          .post(`/accidents/${id}/education-sessions`)
          .set(as('cityOfficerA'))
          .send({ heldOn: localDate(serverNow), topic: '事故警示教育', attendees: [{ name: '王五' }] })
      ).status,
    ).toBe(201);
    const closed = await expectEventually(async () => {
      const res = await h.http().post(`/accidents/${id}/close`).set(as('cityHead')).send({});
      expect(res.status).toBe(200);
      return res;
    });
    expect(closed.body.status).toBe('CLOSED');

    // The workflow ends once the one-year evaluation is done (安全生产法 Art.86).
    const opensAt = await expectEventually(async () => {
      const res = await h.http().get(`/accidents/${id}`).set(as('cityHead'));
      expect(res.body.workflow.evaluation.opensAt).not.toBeNull();
      return Date.parse(res.body.workflow.evaluation.opensAt);
    });
    await skipUntil(opensAt + 3_600_000);
    const evaluation = await task(id, 'cityHead', 'ACCIDENT_ONE_YEAR_EVALUATION');
    await complete('cityHead', evaluation.id, 'COMPLETE', {
      findings: '整改措施已落实',
      teamIds: [org.users.cityHead.id],
    });
    const handle = h.client.workflow.getHandle(`accident-${id}`);
    await expectEventually(async () => expect((await handle.describe()).status.name).toBe('COMPLETED'));

    const flagged = await h
      .http()
      .post(`/accidents/${id}/reporting-flags`)
      .set(as('officerA'))
      .send({ flag: 'OMITTED', reason: '漏报重伤人员' });
    expect(flagged.status).toBe(201);
    expect(flagged.body.consequences).toEqual([
      { flag: 'OMITTED', target: 'PRINCIPAL', kind: 'PENALTY', caseId: expect.any(String) },
    ]);
    const [penalty] = await h.db.ds.query(`SELECT workflow_id, data FROM cases WHERE id = $1`, [
      flagged.body.consequences[0].caseId,
    ]);
    expect(penalty.data).toMatchObject({ origin: 'ACCIDENT_REPORTING_VIOLATION', violation: 'OMITTED' });
    expect((await h.client.workflow.getHandle(penalty.workflow_id).describe()).status.name).toBe('RUNNING');
    const timeline = (await h.http().get(`/cases/${id}/timeline`).query({ limit: 100 }).set(as('cityHead'))).body
      .items as Array<{ action: string; summary: Record<string, unknown> }>;
    expect(timeline.find((e) => e.action === 'ACCIDENT_REPORTING_CONSEQUENCES_OPENED')?.summary).toMatchObject({
      flag: 'OMITTED',
      after: 'WORKFLOW_ENDED',
    });
  });
});
