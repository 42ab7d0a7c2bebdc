import { Harness, startHarness } from '../support/harness';
import { createOrg, TestOrg } from '../support/fixtures';
import { AccidentOrg, createAccidentOrg } from '../support/accident-fixtures';
import { countyAccident, createUpwardChainOrg, UpwardChainOrg } from '../support/upward-report-fixtures';
import { expectEventually } from '../support/eventually';
import { recordClientHistoryIfAsked } from '../support/history';

type Who = keyof TestOrg['users'] | keyof AccidentOrg['users'] | keyof UpwardChainOrg['users'];
const HOUR = 3_600_000;
/** The China local date of an instant. */
const chinaDate = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

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

  /** An accident `occurredAgoMs` before now (the unit head told 5 minutes ago: reported in time). */
  async function reportAccident(deaths: number, sectorCode: string, occurredAgoMs = 10 * 60_000) {
    const serverNow = Math.min(await h.env!.currentTimeMs(), Date.now());
    const res = await h
      .http()
      .post('/accidents')
      .set(as('officerA'))
      .send(
        countyAccident(org, {
          deaths,
          sectorCode,
          occurredAt: serverNow - occurredAgoMs,
          unitNotifiedAt: serverNow - 5 * 60_000,
        }),
      );
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
    // Counted from when the regrade was received (entered today: its entry), not from the city's earlier report.
    const [revision] = (await h.http().get(`/accidents/${a.id}`).set(as('officerA'))).body.casualtyRevisions;
    expect(revision).toMatchObject({
      receivedOn: chinaDate(Date.parse(revision.reportedAt)),
      receiptAttachmentIds: [],
    });
    expect(Date.parse(provinceTask.dueAt)).toBeGreaterThan(Date.parse(cityDone.completedAt) + 2 * HOUR);
    expect(Math.abs(Date.parse(provinceTask.dueAt) - (Date.parse(revision.reportedAt) + 2 * HOUR))).toBeLessThan(
      60_000,
    );
    await reportsOf(a.id, 2);
    await recordClientHistoryIfAsked(h.client, `accident-${a.id}`, 'accident-v4-bubao-regrade-received');
  });

  it('a 补报 carries the day the agency received it: an earlier day with its receipt, bounded, the officer audited', async () => {
    const a = await reportAccident(1, 'INDUSTRY_TRADE', 3 * 24 * HOUR);
    const today = chinaDate(Date.now());
    const day = (n: number) => chinaDate(Date.parse(`${today}T12:00:00+08:00`) + n * 24 * HOUR);
    const receipt = await h
      .http()
      .post(`/cases/${a.id}/attachments`)
      .set(as('officerA'))
      .send({ kind: 'NOTE', text: `企业补报传真，收件日期 ${day(-1)}` });
    expect(receipt.status).toBe(201);
    const post = (body: Record<string, unknown>) =>
      h.http().post(`/accidents/${a.id}/casualty-updates`).set(as('officerA')).send(body);
    const figures = { deaths: 2, seriousInjuries: 1 };

    const noReceipt = await post({ ...figures, receivedOn: day(-1) });
    expect(noReceipt.status).toBe(400);
    expect(noReceipt.body.details.fields).toEqual([expect.objectContaining({ path: 'receiptAttachmentIds' })]);
    const future = await post({ ...figures, receivedOn: day(1), receiptAttachmentIds: [receipt.body.id] });
    expect(future.status).toBe(400);
    expect(future.body.details.fields).toEqual([{ path: 'receivedOn', message: 'must not be in the future' }]);
    const beforeAccident = await post({ ...figures, receivedOn: day(-5), receiptAttachmentIds: [receipt.body.id] });
    expect(beforeAccident.status).toBe(400);
    expect(beforeAccident.body.details.fields).toEqual([
      { path: 'receivedOn', message: expect.stringContaining('when the accident occurred') },
    ]);

    const accepted = await post({ ...figures, receivedOn: day(-1), receiptAttachmentIds: [receipt.body.id] });
    expect(accepted.status).toBe(200);
    expect(accepted.body.grade).toBe('GENERAL');
    const detail = (await h.http().get(`/accidents/${a.id}`).set(as('officerA'))).body;
    expect(detail.casualtyRevisions).toEqual([
      expect.objectContaining({
        deaths: 2,
        seriousInjuries: 1,
        receivedOn: day(-1),
        receiptAttachmentIds: [receipt.body.id],
        reportedBy: org.users.officerA.id,
      }),
    ]);
    expect(chinaDate(Date.parse(detail.casualtyRevisions[0].reportedAt))).toBe(today);
    // The record keeps who entered it, when, the day received and the receipt.
    const revised = (
      await h.http().get(`/cases/${a.id}/timeline`).query({ limit: 100 }).set(as('officerA'))
    ).body.items.find((e: { action: string }) => e.action === 'ACCIDENT_CASUALTIES_REVISED');
    expect(revised.actorId).toBe(org.users.officerA.id);
    expect(revised.summary).toEqual(
      expect.objectContaining({
        receivedOn: day(-1),
        enteredAt: detail.casualtyRevisions[0].reportedAt,
        receiptAttachmentIds: [receipt.body.id],
      }),
    );
    await recordClientHistoryIfAsked(h.client, `accident-${a.id}`, 'accident-v4-bubao-received-earlier');
  });
});
