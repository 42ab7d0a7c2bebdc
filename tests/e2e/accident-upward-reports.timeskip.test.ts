import { Harness, startHarness } from '../support/harness';
import { createOrg, TestOrg } from '../support/fixtures';
import { AccidentOrg, createAccidentOrg } from '../support/accident-fixtures';
import { createUpwardChainOrg, UpwardChainOrg } from '../support/upward-report-fixtures';
import { expectEventually } from '../support/eventually';
import { recordClientHistoryIfAsked } from '../support/history';

type Who = keyof TestOrg['users'] | keyof AccidentOrg['users'] | keyof UpwardChainOrg['users'];
const HOUR = 3_600_000;

interface UpwardReport {
  chain: string;
  level: string;
  departmentId: string;
  taskId: string;
  dueAt: string | null;
  reportedAt: string | null;
  late: boolean;
}

/** 逐级上报 (条例 Art.10–11) through the API, on real PostgreSQL and the time-skipping server. */
describe('accident upward reports on the time-skipping server', () => {
  let h: Harness;
  let org: TestOrg;
  let acc: AccidentOrg;
  let up: UpwardChainOrg;
  const tokens: Record<string, string> = {};

  // A fresh server per test: the first level's 2 hours count from the report's receipt, which the API
  // takes from its own (wall) clock; on a server an earlier test moved ahead the task would open overdue.
  beforeEach(async () => {
    h = await startHarness({ temporal: 'time-skipping' });
    org = await createOrg(h.db.ds);
    acc = await createAccidentOrg(h.db.ds, org);
    up = await createUpwardChainOrg(h.db.ds, org);
    for (const [k, u] of [...Object.entries(org.users), ...Object.entries(acc.users), ...Object.entries(up.users)])
      tokens[k] = await h.login(u);
  });
  afterEach(async () => h?.close());

  const as = (who: Who) => ({ Authorization: `Bearer ${tokens[who]}` });

  async function reportAccident(deaths: number, sectorCode: string) {
    const serverNow = Math.min(await h.env!.currentTimeMs(), Date.now());
    const res = await h
      .http()
      .post('/accidents')
      .set(as('officerA'))
      .send({
        occurredAt: new Date(serverNow - 10 * 60_000).toISOString(),
        place: '测试县工业园',
        summary: '坍塌',
        enterpriseId: org.enterpriseId,
        sectorCode,
        deaths,
        seriousInjuries: 0,
        directLossYuan: 0,
      });
    expect(res.status).toBe(201);
    return res.body as { id: string; reportedAt: string };
  }

  const upwardReports = async (id: string) => {
    const res = await h.http().get(`/accidents/${id}`).set(as('officerA'));
    expect(res.status).toBe(200);
    return res.body.upwardReports as UpwardReport[];
  };
  const reportsOf = (id: string, count: number) =>
    expectEventually(async () => {
      const reports = await upwardReports(id);
      expect(reports).toHaveLength(count);
      return reports;
    });
  const openInbox = (who: Who, caseId: string) =>
    expectEventually(async () => {
      const res = await h.http().get('/tasks').query({ caseId, type: 'ACCIDENT_UPWARD_REPORT' }).set(as(who));
      expect(res.status).toBe(200);
      const open = res.body.items.filter((t: { status: string }) => t.status === 'OPEN' || t.status === 'CLAIMED');
      expect(open).toHaveLength(1);
      return open[0] as { id: string; dueAt: string; escalation: string; departmentId: string };
    });
  const complete = async (who: Who, taskId: string) => {
    const res = await h
      .http()
      .post(`/tasks/${taskId}/complete`)
      .set(as(who))
      .send({ outcome: 'REPORTED', payload: { note: '已接报' } });
    expect(res.status).toBe(200);
    return res.body as { completedAt: string };
  };

  it('a 较大 accident opens report tasks level by level up to the province, each on a 2-hour clock; late after 2 hours', async () => {
    const a = await reportAccident(3, 'CONSTRUCTION');
    const received = Date.parse(a.reportedAt);

    // Both chains open their first level at once, due 2 hours after the first report reached the county.
    const first = await reportsOf(a.id, 2);
    expect(first).toEqual([
      expect.objectContaining({
        chain: 'EMERGENCY_MANAGEMENT',
        level: 'CITY',
        departmentId: org.cityDepartmentId,
        dueAt: new Date(received + 2 * HOUR).toISOString(),
        reportedAt: null,
        late: false,
      }),
      expect.objectContaining({
        chain: 'SECTOR',
        level: 'CITY',
        departmentId: up.housingCityDepartmentId,
        dueAt: new Date(received + 2 * HOUR).toISOString(),
        late: false,
      }),
    ]);
    // The tasks are in the inboxes of the levels they reach; the county does not see them as its own.
    const cityTask = await openInbox('cityOfficerA', a.id);
    expect(cityTask.departmentId).toBe(org.cityDepartmentId);
    const hcTask = await openInbox('housingCityOfficer', a.id);
    expect(
      (
        await h
          .http()
          .post(`/tasks/${cityTask.id}/complete`)
          .set(as('provinceOfficer'))
          .send({ outcome: 'REPORTED', payload: {} })
      ).status,
    ).toBe(403);

    // The city reports: the province's task opens, due 2 hours from then (条例 Art.11: per level).
    const cityDone = await complete('cityOfficerA', cityTask.id);
    const provinceTask = await openInbox('provinceOfficer', a.id);
    expect(provinceTask.departmentId).toBe(up.provinceDepartmentId);
    expect(Date.parse(provinceTask.dueAt)).toBe(Date.parse(cityDone.completedAt) + 2 * HOUR);
    await complete('housingCityOfficer', hcTask.id);

    // The province is 3 hours late: red on its clock, and late once reported.
    await h.skip(3 * HOUR);
    await expectEventually(async () =>
      expect((await h.db.ds.query('SELECT escalation FROM tasks WHERE id = $1', [provinceTask.id]))[0].escalation).toBe(
        'RED',
      ),
    );
    const provinceDone = await complete('provinceOfficer', provinceTask.id);
    const reports = await reportsOf(a.id, 3);
    expect(reports.map((r) => [r.chain, r.level, r.late])).toEqual([
      ['EMERGENCY_MANAGEMENT', 'CITY', false],
      ['EMERGENCY_MANAGEMENT', 'PROVINCE', true],
      ['SECTOR', 'CITY', false],
    ]);
    expect(reports[0].reportedAt).toBe(cityDone.completedAt);
    expect(reports[1].reportedAt).toBe(provinceDone.completedAt);
    // No housing bureau at the province: the sector chain ends where the organisation does.
    expect(reports.filter((r) => r.chain === 'SECTOR')).toHaveLength(1);
    await recordClientHistoryIfAsked(h.client, `accident-${a.id}`, 'accident-v3-upward-reports-larger');
  });

  it('a 一般 accident stops at the city; a 补报 regrading it 较大 extends the chain to the province', async () => {
    const a = await reportAccident(1, 'INDUSTRY_TRADE');
    // 工贸 is supervised by emergency management itself: one chain.
    const cityTask = await openInbox('cityOfficerA', a.id);
    const cityDone = await complete('cityOfficerA', cityTask.id);
    const reports = await reportsOf(a.id, 1);
    expect(reports[0]).toMatchObject({ chain: 'EMERGENCY_MANAGEMENT', level: 'CITY', late: false });
    const opened = await h.db.ds.query(`SELECT count(*)::int AS n FROM tasks WHERE case_id = $1 AND type = $2`, [
      a.id,
      'ACCIDENT_UPWARD_REPORT',
    ]);
    expect(opened[0].n).toBe(1);

    const revised = await h
      .http()
      .post(`/accidents/${a.id}/casualty-updates`)
      .set(as('officerA'))
      .send({ deaths: 3, seriousInjuries: 0 });
    expect(revised.status).toBe(200);
    expect(revised.body.grade).toBe('LARGER');
    const provinceTask = await openInbox('provinceOfficer', a.id);
    // Counted from the city's report: the regrade came later, so the level is already behind.
    expect(Date.parse(provinceTask.dueAt)).toBe(Date.parse(cityDone.completedAt) + 2 * HOUR);
    await reportsOf(a.id, 2);
    await recordClientHistoryIfAsked(h.client, `accident-${a.id}`, 'accident-v3-upward-reports-regraded');
  });
});
