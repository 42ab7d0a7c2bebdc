import { OrgHarness, startOrgHarness } from '../support/harness';
import { TestOrg } from '../support/fixtures';
import { expectEventually } from '../support/eventually';

/**
 * Statutory clocks on the official time-skipping server: a task turns yellow at
 * its warning time, red and escalated when overdue; an approved extension moves the due date and
 * the workflow's durable timer; with no calendar for the year the task is flagged for a manual date.
 */
describe('task deadlines on the time-skipping server', () => {
  let h: OrgHarness;
  let org: TestOrg;
  let as: OrgHarness['as'];

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'time-skipping' });
    ({ org, as } = h);
  });
  afterAll(async () => h?.close());
  const taskRow = async (caseId: string) =>
    (
      await h.db.ds.query(
        'SELECT id, status, escalation, due_at, warn_at, needs_manual_due_date FROM tasks WHERE case_id = $1',
        [caseId],
      )
    )[0];
  // Guarded skips: never leave a timer about to fire when the test acts next (tests/support/time-skipping.ts).
  const sleepUntil = (instantMs: number) => h.skipTo(instantMs);

  async function openCase() {
    const res = await h
      .http()
      .post('/cases/penalty')
      .set(as('officerA'))
      .send({ title: '期限测试', enterpriseId: org.enterpriseId });
    expect(res.status).toBe(201);
    const task = await expectEventually(async () => {
      const t = await taskRow(res.body.id);
      expect(t).toBeDefined();
      return t;
    });
    return { caseId: res.body.id as string, task };
  }

  it('sets the due date from the working-day calendar, turns yellow, then red and escalated', async () => {
    const { caseId, task } = await openCase();
    // The expectation comes from the calendar API (5 working days after the local date the workflow started), not a hard-coded date.
    const started = (await h.client.workflow.getHandle(`penalty-${caseId}`).describe()).startTime;
    const localStart = new Date(started.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const due = await h
      .http()
      .get('/calendar/due-date')
      .query({ start: localStart, unit: 'working_days', amount: 5 })
      .set(as('head'));
    expect(due.status).toBe(200);
    expect(new Date(task.due_at).toISOString()).toBe(due.body.dueAt);
    expect(task.escalation).toBe('NONE');

    await sleepUntil(new Date(task.warn_at).getTime() + 60_000);
    await expectEventually(async () => expect((await taskRow(caseId)).escalation).toBe('YELLOW'));

    await sleepUntil(new Date(task.due_at).getTime() + 60_000);
    await expectEventually(async () => expect((await taskRow(caseId)).escalation).toBe('RED'));
    const audit = await h.db.ds.query(`SELECT action FROM audit_log WHERE task_id = $1 ORDER BY seq`, [task.id]);
    expect(audit.map((r: { action: string }) => r.action)).toEqual([
      'TASK_OPENED',
      'TASK_DUE_SOON',
      'TASK_OVERDUE_ESCALATED',
    ]);

    // Escalation reaches the head: the red task shows in the head's inbox filter and on the dashboard.
    const red = await h.http().get('/tasks').query({ escalation: 'RED' }).set(as('head'));
    expect(red.body.items.map((t: { id: string }) => t.id)).toContain(task.id);
    const dash = await h.http().get('/tasks/dashboard').set(as('head'));
    expect(dash.status).toBe(200);
    expect(
      dash.body.departments.find((d: { departmentId: string }) => d.departmentId === org.departmentId),
    ).toMatchObject({ open: expect.any(Number), overdue: expect.any(Number) });
    expect(
      dash.body.departments.find((d: { departmentId: string }) => d.departmentId === org.departmentId).overdue,
    ).toBeGreaterThanOrEqual(1);
  });

  it('moves the due date and the durable timer when the head approves an extension', async () => {
    const { caseId, task } = await openCase();
    const originalDue = new Date(task.due_at).getTime();
    const newDue = new Date(originalDue + 10 * 86_400_000).toISOString();

    const officer = await h
      .http()
      .post(`/tasks/${task.id}/deadline`)
      .set(as('officerA'))
      .send({ dueAt: newDue, reason: '延期' });
    expect(officer.status).toBe(403);
    const moved = await h
      .http()
      .post(`/tasks/${task.id}/deadline`)
      .set(as('head'))
      .send({ dueAt: newDue, reason: '负责人批准延期10日' });
    expect(moved.status).toBe(200);
    expect(moved.body.task.dueAt).toBe(newDue);

    // Past the ORIGINAL due date the task must not be red any more: the timer moved.
    await sleepUntil(originalDue + 3_600_000);
    const midway = await taskRow(caseId);
    expect(midway.escalation).toBe('NONE');

    await sleepUntil(new Date(newDue).getTime() + 60_000);
    await expectEventually(async () => expect((await taskRow(caseId)).escalation).toBe('RED'));
    const changes = await h.db.ds.query(
      `SELECT summary FROM audit_log WHERE task_id = $1 AND action = 'TASK_DEADLINE_CHANGED'`,
      [task.id],
    );
    expect(changes).toHaveLength(1);
    expect(changes[0].summary.after).toBe(newDue);
  });

  it('fails closed without a calendar for the year: the task asks for a manual date, which the head then sets', async () => {
    const year = new Date((await h.env!.currentTimeMs()) + 8 * 3_600_000).getUTCFullYear();
    await h.db.ds.query('DELETE FROM holiday_years WHERE year = $1', [year]);
    const noCalendar = await h
      .http()
      .get('/calendar/due-date')
      .query({ start: `${year}-03-02`, unit: 'working_days', amount: 5 })
      .set(as('head'));
    expect(noCalendar.status).toBe(422);
    expect(noCalendar.body.code).toBe('CALENDAR_YEAR_NOT_LOADED');

    const { caseId, task } = await openCase();
    expect(task.needs_manual_due_date).toBe(true);
    expect(task.due_at).toBeNull();
    // The head's dashboard counts it; the readiness report names the year to load (not for officers).
    const dashboardRow = async () =>
      (await h.http().get('/tasks/dashboard').set(as('head'))).body.departments.find(
        (row: { departmentId: string }) => row.departmentId === org.departmentId,
      );
    expect(await dashboardRow()).toMatchObject({ withoutDueDate: 1 });
    const readiness = await h.http().get('/calendar/readiness').set(as('head'));
    expect(readiness.status).toBe(200);
    expect(readiness.body.loadedYears).not.toContain(year);
    expect(readiness.body.tasksAwaitingCalendar).toEqual([{ year, openTasks: 1 }]);
    expect((await h.http().get('/calendar/readiness').set(as('officerA'))).status).toBe(403);
    const manual = new Date((await h.env!.currentTimeMs()) + 3 * 86_400_000).toISOString();
    const set = await h
      .http()
      .post(`/tasks/${task.id}/deadline`)
      .set(as('head'))
      .send({ dueAt: manual, reason: '日历缺失，人工确定期限' });
    expect(set.status).toBe(200);
    const after = await taskRow(caseId);
    expect(after.needs_manual_due_date).toBe(false);
    expect(new Date(after.due_at).toISOString()).toBe(manual);
    expect(await dashboardRow()).toMatchObject({ withoutDueDate: 0 });
    expect((await h.http().get('/calendar/readiness').set(as('head'))).body.tasksAwaitingCalendar).toEqual([]);
    await sleepUntil(Date.parse(manual) + 60_000);
    await expectEventually(async () => expect((await taskRow(caseId)).escalation).toBe('RED'));
  });
});
