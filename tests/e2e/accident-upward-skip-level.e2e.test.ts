import { Harness, startHarness } from '../support/harness';
import { TestOrg } from '../support/fixtures';
import {
  countyAccident,
  UpwardChainOrg,
  upwardChainSetup,
  UpwardReportRow,
  UpwardTask,
  UpwardWho as Who,
} from '../support/upward-report-fixtures';
import { expectEventually } from '../support/eventually';
import { recordHistoryIfAsked } from '../support/history';

const HOUR = 3_600_000;

/**
 * 越级上报 (条例 Art.10 para.2) over HTTP on the dev server: while the city's report is open, the county
 * reports straight to the province, whose task opens at once (2 hours from then, Art.11) and from which
 * the chain goes on; the city still gets and completes its own report (逐级上报 goes on).
 */
describe('越级上报: a level below reports past the level waiting for the report', () => {
  let h: Harness;
  let org: TestOrg;
  let up: UpwardChainOrg;
  let as: (who: Who) => { Authorization: string };

  beforeAll(async () => {
    h = await startHarness({ temporal: 'dev' });
    ({ org, up, as } = await upwardChainSetup(h));
  });
  afterAll(async () => h?.close());
  const openTasks = async (who: Who, caseId: string, type: string) => {
    const res = await h.http().get('/tasks').query({ caseId, type }).set(as(who));
    expect(res.status).toBe(200);
    return (res.body.items as Array<UpwardTask & { status: string }>).filter(
      (t) => t.status === 'OPEN' || t.status === 'CLAIMED',
    );
  };
  const openTask = (who: Who, caseId: string, type: string) =>
    expectEventually(async () => {
      const open = await openTasks(who, caseId, type);
      expect(open).toHaveLength(1);
      return open[0];
    });
  const complete = (who: Who, taskId: string) =>
    h.http().post(`/tasks/${taskId}/complete`).set(as(who)).send({ outcome: 'REPORTED', payload: {} });
  const skip = (who: Who, caseId: string, body: Record<string, unknown>) =>
    h.http().post(`/accidents/${caseId}/upward-reports/skip-level`).set(as(who)).send(body);
  const upwardReports = async (id: string) => {
    const res = await h.http().get(`/accidents/${id}`).set(as('officerA'));
    expect(res.status).toBe(200);
    return res.body.upwardReports as UpwardReportRow[];
  };

  it('a 重大 accident: the county reports past the city to the province, which reports on; the city still reports', async () => {
    const res = await h
      .http()
      .post('/accidents')
      .set(as('officerA'))
      .send(
        countyAccident(org, {
          deaths: 10,
          sectorCode: 'CONSTRUCTION',
          occurredAt: Date.now() - 20 * 60_000,
          unitNotifiedAt: Date.now() - 10 * 60_000,
        }),
      );
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    const city = await openTask('cityOfficerA', id, 'ACCIDENT_UPWARD_REPORT');
    expect(city.departmentId).toBe(org.cityDepartmentId);

    // Only the department holding the report goes past the level waiting for it, to a level above it on the chain.
    expect((await skip('cityOfficerA', id, { chain: 'EMERGENCY_MANAGEMENT', level: 'PROVINCE' })).status).toBe(403);
    expect((await skip('officerA', id, { chain: 'EMERGENCY_MANAGEMENT', level: 'CITY' })).status).toBe(422);
    expect((await skip('officerA', id, { chain: 'SECTOR', level: 'PROVINCE' })).status).toBe(422);
    expect((await skip('officerA', id, { chain: 'EMERGENCY_MANAGEMENT', level: 'TOWN' })).status).toBe(400);

    const before = Date.now();
    const skipped = await skip('officerA', id, { chain: 'EMERGENCY_MANAGEMENT', level: 'PROVINCE' });
    expect(skipped.status).toBe(200);
    expect(skipped.body).toMatchObject({
      chain: 'EMERGENCY_MANAGEMENT',
      level: 'PROVINCE',
      departmentId: up.provinceDepartmentId,
    });
    const dueAt = Date.parse(skipped.body.dueAt);
    expect(dueAt).toBeGreaterThanOrEqual(before + 2 * HOUR - 1000);
    expect(dueAt).toBeLessThanOrEqual(Date.now() + 2 * HOUR);
    // Once per chain.
    expect((await skip('officerA', id, { chain: 'EMERGENCY_MANAGEMENT', level: 'PROVINCE' })).status).toBe(422);

    // The province's task is open at once, due 2 hours from the skip; the city's is still open.
    const province = await openTask('provinceOfficer', id, 'ACCIDENT_SKIP_LEVEL_REPORT');
    expect(province).toMatchObject({
      departmentId: up.provinceDepartmentId,
      title: expect.stringMatching(/^事故越级上报/),
    });
    expect(Date.parse(province.dueAt!)).toBe(dueAt);
    expect((await openTasks('cityOfficerA', id, 'ACCIDENT_UPWARD_REPORT')).map((t) => t.id)).toEqual([city.id]);

    // The province reports on to the State Council's department while the city has not reported yet.
    const provinceDone = await complete('provinceOfficer', province.id);
    expect(provinceDone.status).toBe(200);
    const national = await openTask('provinceOfficer', id, 'ACCIDENT_NATIONAL_REPORT');
    expect(Date.parse(national.dueAt!)).toBe(Date.parse(provinceDone.body.completedAt) + 2 * HOUR);

    // Skipping does not relieve the city: it completes its report, and no second province task opens.
    expect((await complete('cityOfficerA', city.id)).status).toBe(200);
    const reports = await expectEventually(async () => {
      const all = await upwardReports(id);
      expect(all.filter((r) => r.chain === 'EMERGENCY_MANAGEMENT' && r.reportedAt !== null)).toHaveLength(2);
      return all;
    });
    expect(await openTasks('provinceOfficer', id, 'ACCIDENT_UPWARD_REPORT')).toHaveLength(0);
    expect(
      reports
        .filter((r) => r.chain === 'EMERGENCY_MANAGEMENT')
        .map((r) => [r.level, r.departmentId, r.skipLevel, r.reportedFromDepartmentId]),
    ).toEqual([
      ['CITY', org.cityDepartmentId, false, null],
      ['PROVINCE', up.provinceDepartmentId, true, org.departmentId],
      ['STATE_COUNCIL', null, false, null],
    ]);
    const recorded = await h.db.ds.query(
      `SELECT level FROM accident_upward_reports WHERE case_id = $1 AND chain = 'EMERGENCY_MANAGEMENT' ORDER BY reported_at`,
      [id],
    );
    expect(recorded.map((r: { level: string }) => r.level)).toEqual(['PROVINCE', 'CITY']);
    await recordHistoryIfAsked(`accident-${id}`, 'accident-v6-skip-level-report');
  });
});
