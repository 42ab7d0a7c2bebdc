import { investigationDeadline } from '@safety/domain/accident';
import { addMonths } from '@safety/domain/calendar/months';
import { endOfLocalDay, WorkingDayCalendar } from '@safety/domain/calendar';
import { Harness, startHarness } from '../support/harness';
import { createOrg, TestOrg } from '../support/fixtures';
import { AccidentOrg, createAccidentOrg, loadTestCalendar2027, teamPayload } from '../support/accident-fixtures';
import { expectEventually } from '../support/eventually';
import { skipUntil as skipUntilInstant } from '../support/time-skipping';

type Who = keyof TestOrg['users'] | keyof AccidentOrg['users'];
const DAY = 86_400_000;

/** Statutory waits of the accident workflow on the time-skipping server (条例 Art.27/29; 安全生产法 Art.86). */
describe('accident clocks on the time-skipping server', () => {
  let h: Harness;
  let org: TestOrg;
  let acc: AccidentOrg;
  let calendar: WorkingDayCalendar;
  const tokens: Record<string, string> = {};

  // A fresh time-skipping server for each test. The accident's date is a fact the API bounds by its own
  // (wall) clock, and the workflow counts the investigation from it: on a server an earlier test moved
  // months ahead, the report step would open already overdue and its timers would fire as the test acts.
  beforeEach(async () => {
    h = await startHarness({ temporal: 'time-skipping' });
    org = await createOrg(h.db.ds);
    acc = await createAccidentOrg(h.db.ds, org);
    await loadTestCalendar2027(h.db.ds);
    const years = await h.db.ds.query(
      'SELECT year, notice_number, notice_date, source, holidays, makeup_workdays FROM holiday_years ORDER BY year',
    );
    calendar = new WorkingDayCalendar(
      years.map((y: Record<string, unknown>) => ({
        year: y.year,
        noticeNumber: y.notice_number,
        noticeDate: y.notice_date,
        source: y.source,
        holidays: y.holidays,
        makeupWorkdays: y.makeup_workdays,
      })),
    );
    for (const [k, u] of [...Object.entries(org.users), ...Object.entries(acc.users)]) tokens[k] = await h.login(u);
  });
  afterEach(async () => h?.close());

  const as = (who: Who) => ({ Authorization: `Bearer ${tokens[who]}` });
  const skipUntil = (instantMs: number) => skipUntilInstant(h, instantMs);
  const localDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

  async function reportAccident(deaths: number) {
    // The accident happens "now": the test's fresh server starts at the wall clock, and the API refuses a future accident.
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
        sectorCode: 'INDUSTRY_TRADE',
        deaths,
        seriousInjuries: 0,
        directLossYuan: 0,
      });
    expect(res.status).toBe(201);
    return res.body as { id: string; occurredAt: string; workflowId: string };
  }

  async function task(caseId: string, who: Who, type: string) {
    return expectEventually(async () => {
      const res = await h.http().get('/tasks').query({ caseId, type }).set(as(who));
      expect(res.body.items.length).toBeGreaterThanOrEqual(1);
      return res.body.items[0] as { id: string; dueAt: string | null; escalation: string };
    });
  }
  const taskRow = async (id: string) =>
    (await h.db.ds.query('SELECT due_at, escalation FROM tasks WHERE id = $1', [id]))[0] as {
      due_at: Date | null;
      escalation: string;
    };

  it('runs the 60-day clock of a 较大 accident at city level, moved by an extension and an appraisal pause; red only after the moved date', async () => {
    const a = await reportAccident(3);
    const accidentDate = localDate(Date.parse(a.occurredAt));
    await task(a.id, 'cityHead', 'ACCIDENT_TEAM_FORMATION');
    expect(
      (await h.http().post(`/accidents/${a.id}/team`).set(as('cityHead')).send(teamPayload(org, acc))).status,
    ).toBe(200);
    const reportTask = await task(a.id, 'lead', 'ACCIDENT_INVESTIGATION_REPORT');

    // 条例 Art.29: 60 calendar days from the accident.
    const d0 = investigationDeadline({ accidentDate }, calendar).due!;
    await expectEventually(async () =>
      expect((await taskRow(reportTask.id)).due_at?.toISOString()).toBe(endOfLocalDay(d0).toISOString()),
    );

    // One extension of ≤ 60 days, approved by the head; a second is refused.
    const ext = await h
      .http()
      .post(`/accidents/${a.id}/investigation/extension`)
      .set(as('cityHead'))
      .send({ days: 20, reason: '案情复杂' });
    expect(ext.status).toBe(200);
    const d1 = investigationDeadline({ accidentDate, extensions: [{ amount: 20 }] }, calendar).due!;
    expect(ext.body).toMatchObject({ dueDate: d1, extensionDays: 20, paused: false });
    const again = await h
      .http()
      .post(`/accidents/${a.id}/investigation/extension`)
      .set(as('cityHead'))
      .send({ days: 10, reason: '再次延期' });
    expect(again.status).toBe(422);
    expect(
      (
        await h
          .http()
          .post(`/accidents/${a.id}/investigation/extension`)
          .set(as('head'))
          .send({ days: 10, reason: 'x' })
      ).status,
    ).toBe(403);

    // 条例 Art.27: technical appraisal stops the clock.
    const start = await h
      .http()
      .post(`/accidents/${a.id}/appraisals/start`)
      .set(as('lead'))
      .send({ reason: '委托技术鉴定' });
    expect(start.status).toBe(200);
    expect(start.body).toMatchObject({ paused: true, dueDate: null });
    const from = start.body.appraisals[0].from as string;
    await expectEventually(async () => expect((await taskRow(reportTask.id)).due_at).toBeNull());
    await h.skip(10 * DAY);
    const end = await h
      .http()
      .post(`/accidents/${a.id}/appraisals/end`)
      .set(as('lead'))
      .send({ reason: '鉴定报告已出具' });
    expect(end.status).toBe(200);
    const to = end.body.appraisals[0].to as string;
    const d2 = investigationDeadline(
      { accidentDate, appraisalPauses: [{ from, to }], extensions: [{ amount: 20 }] },
      calendar,
    ).due!;
    expect(end.body).toMatchObject({ dueDate: d2, paused: false });
    expect(end.body.pausedDays).toBeGreaterThanOrEqual(10);
    expect(d2 > d1).toBe(true);
    await expectEventually(async () =>
      expect((await taskRow(reportTask.id)).due_at?.toISOString()).toBe(endOfLocalDay(d2).toISOString()),
    );

    // Past the original and the extended date, but before the moved one: not red.
    await skipUntil(endOfLocalDay(d1).getTime() + DAY);
    expect((await taskRow(reportTask.id)).escalation).not.toBe('RED');
    await skipUntil(endOfLocalDay(d2).getTime() + 3_600_000);
    await expectEventually(async () => expect((await taskRow(reportTask.id)).escalation).toBe('RED'));
    const escalations = await h.db.ds.query(
      `SELECT occurred_at FROM audit_log WHERE task_id = (SELECT id FROM tasks WHERE id = $1) AND action = 'TASK_OVERDUE_ESCALATED'`,
      [reportTask.id],
    );
    expect(escalations).toHaveLength(1);
  });

  it('lists a county accident for supervision from the city: its own deadline and periodic progress reports', async () => {
    const a = await reportAccident(1);
    await task(a.id, 'head', 'ACCIDENT_TEAM_FORMATION');
    expect(
      (
        await h
          .http()
          .post(`/accidents/${a.id}/supervised-listing`)
          .set(as('head'))
          .send({ noticeNo: '测安委督〔2026〕1号' })
      ).status,
    ).toBe(403);
    const listed = await h
      .http()
      .post(`/accidents/${a.id}/supervised-listing`)
      .set(as('cityHead'))
      .send({ noticeNo: '测安委督〔2026〕1号' });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ deadlineDays: 60, progressReports: 0 });
    const listing = await task(a.id, 'head', 'ACCIDENT_SUPERVISED_LISTING');
    expect(listing.dueAt).not.toBeNull();
    await h.skip(31 * DAY);
    await task(a.id, 'officerA', 'ACCIDENT_SUPERVISED_LISTING_PROGRESS');
  });

  it('opens the one-year evaluation 10 months after the 批复, not before', async () => {
    const a = await reportAccident(3);
    await task(a.id, 'cityHead', 'ACCIDENT_TEAM_FORMATION');
    expect(
      (await h.http().post(`/accidents/${a.id}/team`).set(as('cityHead')).send(teamPayload(org, acc))).status,
    ).toBe(200);
    await task(a.id, 'lead', 'ACCIDENT_INVESTIGATION_REPORT');
    const submitted = await h
      .http()
      .post(`/accidents/${a.id}/report`)
      .set(as('lead'))
      .send({
        directCauses: '支护失效',
        indirectCauses: '管理缺失',
        educationMeasures: '警示教育',
        findsNoResponsibleParty: true,
        responsibleParties: [],
        rectificationMeasures: [{ description: '加固支护', owner: '测试企业', dueDate: '2027-06-30' }],
      });
    expect(submitted.status).toBe(200);
    await task(a.id, 'cityHead', 'ACCIDENT_REPORT_APPROVAL');
    const approval = await h
      .http()
      .post(`/accidents/${a.id}/approval`)
      .set(as('cityHead'))
      .send({ decision: 'APPROVE' });
    expect({ status: approval.status, body: approval.status === 200 ? null : approval.body }).toEqual({
      status: 200,
      body: null,
    });

    const state = await expectEventually(async () => {
      const res = await h.http().get(`/accidents/${a.id}`).set(as('cityHead'));
      expect(res.body.workflow.approvedAt).not.toBeNull();
      expect(res.body.workflow.evaluation.opensAt).not.toBeNull();
      return res.body.workflow as { approvedAt: string; evaluation: { opensAt: string } };
    });
    const approvalDate = localDate(Date.parse(state.approvedAt));
    const opensAt = Date.parse(state.evaluation.opensAt);
    expect(opensAt).toBe(Date.parse(`${addMonths(approvalDate, 10)}T00:00:00+08:00`));

    await skipUntil(opensAt - DAY);
    const before = await h
      .http()
      .get('/tasks')
      .query({ caseId: a.id, type: 'ACCIDENT_ONE_YEAR_EVALUATION' })
      .set(as('cityHead'));
    expect(before.body.items).toHaveLength(0);
    await skipUntil(opensAt + 3_600_000);
    await task(a.id, 'cityHead', 'ACCIDENT_ONE_YEAR_EVALUATION');
    const ev = await h.db.ds.query('SELECT opened_at FROM accident_evaluations WHERE case_id = $1', [a.id]);
    expect(ev).toHaveLength(1);
    expect(new Date(ev[0].opened_at).getTime()).toBeGreaterThanOrEqual(opensAt);
  });
});
