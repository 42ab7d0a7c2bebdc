import { Harness, startHarness } from '../support/harness';
import { TestOrg } from '../support/fixtures';
import {
  countyAccident,
  UpwardChainOrg,
  upwardChainSetup,
  UpwardReportRow as UpwardReport,
  UpwardTask as Task,
  UpwardWho as Who,
} from '../support/upward-report-fixtures';
import { expectEventually } from '../support/eventually';
import { recordHistoryIfAsked } from '../support/history';

const HOUR = 3_600_000;
const all4 = ['POLICE', 'HUMAN_RESOURCES_SOCIAL_SECURITY', 'TRADE_UNION', 'PROCURATORATE'];

/**
 * 条例 Art.10(1) over HTTP on the dev server: a 重大 accident's chains go on from the province to the
 * State Council's departments (a task of the province's), also after a regrade; and every department
 * that received the report records its notification of 公安、劳动保障、工会、检察院.
 */
describe('accident reports to the State Council level and the Art.10 notifications', () => {
  let h: Harness;
  let org: TestOrg;
  let up: UpwardChainOrg;
  let as: (who: Who) => { Authorization: string };

  beforeAll(async () => {
    h = await startHarness({ temporal: 'dev' });
    ({ org, up, as } = await upwardChainSetup(h, { housingProvince: true }));
  });
  afterAll(async () => h?.close());

  async function reportAccident(deaths: number, sectorCode: string) {
    const res = await h
      .http()
      .post('/accidents')
      .set(as('officerA'))
      .send(
        countyAccident(org, {
          deaths,
          sectorCode,
          occurredAt: Date.now() - 20 * 60_000,
          unitNotifiedAt: Date.now() - 10 * 60_000,
        }),
      );
    expect(res.status).toBe(201);
    return res.body as { id: string; reportedAt: string };
  }
  const detail = async (id: string) => {
    const res = await h.http().get(`/accidents/${id}`).set(as('officerA'));
    expect(res.status).toBe(200);
    return res.body as { upwardReports: UpwardReport[]; reportNotifications: DepartmentNotifications[] };
  };
  const openTask = (who: Who, caseId: string, type: string) =>
    expectEventually(async () => {
      const res = await h.http().get('/tasks').query({ caseId, type }).set(as(who));
      expect(res.status).toBe(200);
      const open = res.body.items.filter((t: { status: string }) => t.status === 'OPEN' || t.status === 'CLAIMED');
      expect(open).toHaveLength(1);
      return open[0] as Task;
    });
  const complete = (who: Who, taskId: string, outcome: string, payload: Record<string, unknown>) =>
    h.http().post(`/tasks/${taskId}/complete`).set(as(who)).send({ outcome, payload });
  const reportLevel = async (who: Who, caseId: string) => {
    const task = await openTask(who, caseId, 'ACCIDENT_UPWARD_REPORT');
    const done = await complete(who, task.id, 'REPORTED', {});
    expect(done.status).toBe(200);
    return done.body as { completedAt: string };
  };
  const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

  it('a 重大 accident goes level by level to the province, then to the State Council department from the province', async () => {
    const a = await reportAccident(10, 'CONSTRUCTION');
    await reportLevel('cityOfficerA', a.id);
    const provinceDone = await reportLevel('provinceOfficer', a.id);

    // The province's own inbox holds the report to the State Council, due 2 hours after it received it.
    const national = await openTask('provinceOfficer', a.id, 'ACCIDENT_NATIONAL_REPORT');
    expect(national.departmentId).toBe(up.provinceDepartmentId);
    expect(national.title).toBe('上报国务院应急管理部门（应急管理部）');
    expect(Date.parse(national.dueAt!)).toBe(Date.parse(provinceDone.completedAt) + 2 * HOUR);

    // When, how and to whom: a report time in the future is refused with its field; the city cannot complete it.
    const report = { reportedAt: minutesAgo(1), means: 'PHONE', recipient: '应急管理部总值班室' };
    const future = await complete('provinceOfficer', national.id, 'REPORTED', {
      ...report,
      reportedAt: new Date(Date.now() + HOUR).toISOString(),
    });
    expect(future.status).toBe(400);
    expect(future.body.details.fields).toEqual([{ path: 'reportedAt', message: 'must not be in the future' }]);
    expect((await complete('cityOfficerA', national.id, 'REPORTED', report)).status).toBe(403);
    expect((await complete('provinceOfficer', national.id, 'REPORTED', report)).status).toBe(200);

    // The sector chain (住房和城乡建设) reports to its ministry from its province bureau.
    await reportLevel('housingCityOfficer', a.id);
    await reportLevel('housingProvinceOfficer', a.id);
    const sectorNational = await openTask('housingProvinceOfficer', a.id, 'ACCIDENT_NATIONAL_REPORT');
    expect(sectorNational.title).toBe('上报国务院住房和城乡建设主管部门（住房和城乡建设部）');

    const reports = await expectEventually(async () => {
      const all = (await detail(a.id)).upwardReports;
      expect(all.filter((r) => r.reportedAt !== null)).toHaveLength(5);
      return all;
    });
    expect(reports.map((r) => [r.chain, r.level, r.departmentId])).toEqual([
      ['EMERGENCY_MANAGEMENT', 'CITY', org.cityDepartmentId],
      ['EMERGENCY_MANAGEMENT', 'PROVINCE', up.provinceDepartmentId],
      ['EMERGENCY_MANAGEMENT', 'STATE_COUNCIL', null],
      ['SECTOR', 'CITY', up.housingCityDepartmentId],
      ['SECTOR', 'PROVINCE', up.housingProvinceDepartmentId],
      ['SECTOR', 'STATE_COUNCIL', null],
    ]);
    expect(reports[2]).toMatchObject({
      departmentName: '国务院应急管理部门（应急管理部）',
      inboxDepartmentId: up.provinceDepartmentId,
      recipient: '应急管理部总值班室',
      means: 'PHONE',
      reportedAt: new Date(Date.parse(report.reportedAt)).toISOString(),
      late: false,
      taskId: national.id,
    });
    expect(reports[5]).toMatchObject({
      reportedAt: null,
      recipient: null,
      inboxDepartmentId: up.housingProvinceDepartmentId,
    });
    await recordHistoryIfAsked(`accident-${a.id}`, 'accident-v5-upward-state-council');
  });

  it('a 补报 regrading 较大 to 重大 extends the chain from the province to the State Council', async () => {
    const a = await reportAccident(3, 'INDUSTRY_TRADE');
    await reportLevel('cityOfficerA', a.id);
    await reportLevel('provinceOfficer', a.id);
    // 较大 stops at the province: both levels reported, nothing opened above it.
    await expectEventually(async () => {
      const reports = (await detail(a.id)).upwardReports;
      expect(reports.map((r) => [r.level, r.reportedAt !== null])).toEqual([
        ['CITY', true],
        ['PROVINCE', true],
      ]);
    });
    const none = await h
      .http()
      .get('/tasks')
      .query({ caseId: a.id, type: 'ACCIDENT_NATIONAL_REPORT' })
      .set(as('provinceOfficer'));
    expect(none.body.items).toEqual([]);

    const revised = await h
      .http()
      .post(`/accidents/${a.id}/casualty-updates`)
      .set(as('officerA'))
      .send({ deaths: 10, seriousInjuries: 0 });
    expect(revised.status).toBe(200);
    expect(revised.body.grade).toBe('MAJOR');
    const national = await openTask('provinceOfficer', a.id, 'ACCIDENT_NATIONAL_REPORT');
    // Counted from the regrade's receipt (entered now), not from the province's earlier report.
    expect(Math.abs(Date.parse(national.dueAt!) - (Date.now() + 2 * HOUR))).toBeLessThan(2 * 60_000);
    const reports = (await detail(a.id)).upwardReports;
    expect(reports.map((r) => [r.level, r.departmentId, r.inboxDepartmentId])).toEqual([
      ['CITY', org.cityDepartmentId, org.cityDepartmentId],
      ['PROVINCE', up.provinceDepartmentId, up.provinceDepartmentId],
      ['STATE_COUNCIL', null, up.provinceDepartmentId],
    ]);
    await recordHistoryIfAsked(`accident-${a.id}`, 'accident-v5-regrade-to-state-council');
  });

  it('each department that received the report records its notifications; the bodies not notified are shown', async () => {
    const a = await reportAccident(1, 'INDUSTRY_TRADE');
    // The county took the first report: its notification step is in its own inbox.
    const first = await openTask('officerA', a.id, 'ACCIDENT_REPORT_NOTIFICATIONS');
    expect(first.departmentId).toBe(org.departmentId);
    const all = ['POLICE', 'HUMAN_RESOURCES_SOCIAL_SECURITY', 'TRADE_UNION', 'PROCURATORATE'];
    expect((await detail(a.id)).reportNotifications).toEqual([
      expect.objectContaining({ departmentId: org.departmentId, notified: [], missing: all, openTaskId: first.id }),
    ]);

    const notifiedAt = minutesAgo(5);
    const recorded = await complete('officerA', first.id, 'RECORDED', {
      notifications: [
        { body: 'POLICE', notifiedAt, means: 'PHONE', recipient: '县公安局指挥中心' },
        { body: 'TRADE_UNION', notifiedAt, means: 'FAX' },
      ],
    });
    expect(recorded.status).toBe(200);
    // Two are missing: the step comes back for them; a body already notified is refused.
    const again = await openTask('officerA', a.id, 'ACCIDENT_REPORT_NOTIFICATIONS');
    expect(again.id).not.toBe(first.id);
    const twice = await complete('officerA', again.id, 'RECORDED', {
      notifications: [{ body: 'POLICE', notifiedAt, means: 'PHONE' }],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.details.fields).toEqual([{ path: 'notifications.0.body', message: 'was already notified' }]);
    const county = (await detail(a.id)).reportNotifications.find((d) => d.departmentId === org.departmentId)!;
    expect(county.notified).toEqual([
      {
        body: 'POLICE',
        notifiedAt: new Date(Date.parse(notifiedAt)).toISOString(),
        means: 'PHONE',
        recipient: '县公安局指挥中心',
        notifiedBy: org.users.officerA.id,
      },
      expect.objectContaining({ body: 'TRADE_UNION', means: 'FAX', recipient: null }),
    ]);
    expect(county.missing).toEqual(['HUMAN_RESOURCES_SOCIAL_SECURITY', 'PROCURATORATE']);

    const rest = await complete('officerA', again.id, 'RECORDED', {
      notifications: [
        { body: 'HUMAN_RESOURCES_SOCIAL_SECURITY', notifiedAt, means: 'DOCUMENT' },
        { body: 'PROCURATORATE', notifiedAt, means: 'INFORMATION_SYSTEM' },
      ],
    });
    expect(rest.status).toBe(200);

    // The city received the report when it completed its level: its own notification step opens.
    await reportLevel('cityOfficerA', a.id);
    const cityStep = await openTask('cityOfficerA', a.id, 'ACCIDENT_REPORT_NOTIFICATIONS');
    expect(cityStep.departmentId).toBe(org.cityDepartmentId);
    const views = await expectEventually(async () => {
      const v = (await detail(a.id)).reportNotifications;
      expect(v).toHaveLength(2);
      return v;
    });
    expect(views.map((v) => [v.departmentId, v.missing, v.openTaskId])).toEqual([
      [org.departmentId, [], null],
      [org.cityDepartmentId, all, cityStep.id],
    ]);
    const audited = (
      await h.http().get(`/cases/${a.id}/timeline`).query({ limit: 100 }).set(as('officerA'))
    ).body.items.filter((e: { action: string }) => e.action === 'ACCIDENT_REPORT_NOTIFIED');
    expect(audited).toHaveLength(2);
    await recordHistoryIfAsked(`accident-${a.id}`, 'accident-v5-report-notifications');
  });

  it('a department configured without the procuratorate is not asked for it; one on the default is asked all four', async () => {
    const policyUrl = `/accidents/policies/${org.departmentId}`;
    const three = ['POLICE', 'HUMAN_RESOURCES_SOCIAL_SECURITY', 'TRADE_UNION'];
    const put = (who: Who, notifiedBodies: unknown) =>
      h.http().put(policyUrl).set(as(who)).send({ overrides: { notifiedBodies } });
    // The list is validated: known bodies (400), each once and at least one (422); administrators only (403).
    expect((await put('admin', ['POLICE', 'COURT'])).status).toBe(400);
    const repeated = await put('admin', ['POLICE', 'POLICE']);
    expect([repeated.status, repeated.body.code]).toEqual([422, 'OUT_OF_RANGE']);
    expect((await put('admin', [])).status).toBe(422);
    expect((await put('officerA', three)).status).toBe(403);
    // Given in any order, kept in the statute's.
    const saved = await put('admin', ['TRADE_UNION', 'POLICE', 'HUMAN_RESOURCES_SOCIAL_SECURITY']);
    expect(saved.status).toBe(200);
    expect(saved.body.effective).toEqual({ notifiedBodies: three });
    const read = await h.http().get(policyUrl).set(as('officerA'));
    expect(read.body).toMatchObject({
      overrides: { notifiedBodies: expect.any(Array) },
      effective: { notifiedBodies: three },
    });
    const city = await h.http().get(`/accidents/policies/${org.cityDepartmentId}`).set(as('cityHead'));
    expect(city.body).toEqual({
      departmentId: org.cityDepartmentId,
      overrides: {},
      effective: { notifiedBodies: all4 },
    });

    const a = await reportAccident(1, 'INDUSTRY_TRADE');
    const first = await openTask('officerA', a.id, 'ACCIDENT_REPORT_NOTIFICATIONS');
    expect(first.title).toMatch(/^事故报告通知公安、人社、工会：/);
    expect((await detail(a.id)).reportNotifications).toEqual([
      expect.objectContaining({ departmentId: org.departmentId, missing: three, openTaskId: first.id }),
    ]);
    const notifiedAt = minutesAgo(5);
    const procuratorate = await complete('officerA', first.id, 'RECORDED', {
      notifications: [{ body: 'PROCURATORATE', notifiedAt, means: 'PHONE' }],
    });
    expect(procuratorate.status).toBe(400);
    expect(procuratorate.body.details.fields).toEqual([
      { path: 'notifications.0.body', message: 'is not among the bodies this department notifies' },
    ]);
    const done = await complete('officerA', first.id, 'RECORDED', {
      notifications: three.map((body) => ({ body, notifiedAt, means: 'PHONE' })),
    });
    expect(done.status).toBe(200);

    // The city (default policy) received the report when it completed its level: asked for all four.
    await reportLevel('cityOfficerA', a.id);
    const cityStep = await openTask('cityOfficerA', a.id, 'ACCIDENT_REPORT_NOTIFICATIONS');
    expect(cityStep.title).toContain('事故报告通知公安、人社、工会、检察院：');
    const views = await expectEventually(async () => {
      const v = (await detail(a.id)).reportNotifications;
      expect(v).toHaveLength(2);
      return v;
    });
    // The county's three are done: no step came back for the procuratorate (it would be open by now).
    expect(views.map((v) => [v.departmentId, v.notified.length, v.missing, v.openTaskId])).toEqual([
      [org.departmentId, 3, [], null],
      [org.cityDepartmentId, 0, all4, cityStep.id],
    ]);
    await recordHistoryIfAsked(`accident-${a.id}`, 'accident-v6-notified-bodies-policy');
  });
});

interface DepartmentNotifications {
  departmentId: string;
  departmentName: string;
  notified: Array<{
    body: string;
    notifiedAt: string;
    means: string;
    recipient: string | null;
    notifiedBy: string | null;
  }>;
  missing: string[];
  openTaskId: string | null;
}
