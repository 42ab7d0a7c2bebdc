import { hashPassword } from '@safety/application/identity.service';
import { plusDays, toLocalDate } from '@safety/domain/calendar/local-date';
import { Role } from '@safety/domain/identity/roles';
import { SummonsSteps, SupervisionSteps } from '@safety/temporal/steps/supervision.steps';
import { DEMO_PLAN_ISSUER_HEAD, seedDemoData } from '../../seeds/demo-data';
import { demoPlanRequests } from '../../seeds/supervision-demo-plan';
import type { TestUser } from '../support/fixtures';
import { OrgHarness, startOrgHarness } from '../support/harness';
import { expectEventually } from '../support/eventually';
import { recordClientHistoryIfAsked } from '../support/history';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

interface TaskRow {
  id: string;
  type: string;
  title: string;
  dueAt: string | null;
  escalation: string;
  departmentId: string;
}
type JsonSchema = { title?: string; 'x-title-en'?: string; type?: string; properties?: Record<string, JsonSchema> };

/**
 * 督办 and 约谈 over HTTP on real PostgreSQL and the time-skipping server: a supervision item with
 * one lead and two co-responsible departments collects weekly reports, a missed milestone turns
 * red on the issuer's board and is answered with a summons whose commitment is tracked to its
 * verification, and the item closes when the issuer accepts; a department taking no part sees
 * nothing of it.
 */
describe('supervision items and summonses (time-skipping server)', () => {
  let h: OrgHarness;
  const tokens = new Map<string, string>();
  const people: Record<string, TestUser> = {};
  let issuerDepartmentId: string;
  let thirdDepartmentId: string;
  let outsiderDepartmentId: string;

  const auth = (who: string) => ({ Authorization: `Bearer ${tokens.get(who)}` });
  const workflowToday = async () => toLocalDate(new Date(await h.env!.currentTimeMs()));

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'time-skipping' });
    const { org } = h;
    const hash = await hashPassword('pw-supervision-test');
    const one = async (sql: string, params: unknown[]) => (await h.db.ds.query(sql, params))[0].id as string;
    const department = (code: string, name: string, kind: string) =>
      one(
        `INSERT INTO departments (code, name, kind, level, region_id, parent_id) VALUES ($1,$2,$3,'COUNTY',$4,NULL) RETURNING id`,
        [`${code}-${org.suffix}`, `${name}${org.suffix}`, kind, org.regionId],
      );
    const user = async (key: string, departmentId: string, roles: Role[]) => {
      const username = `${key}.${org.suffix}`;
      const id = await one(
        `INSERT INTO users (username, password_hash, display_name, department_id, roles) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
        [username, hash, key, departmentId, roles],
      );
      people[key] = { id, username, password: 'pw-supervision-test', departmentId, roles };
      tokens.set(key, await h.login(people[key]));
    };
    issuerDepartmentId = await department('SCO', '测试县安全生产委员会办公室', 'SAFETY_COMMITTEE_OFFICE');
    thirdDepartmentId = await department('HC', '测试县住房和城乡建设局', 'HOUSING_CONSTRUCTION');
    outsiderDepartmentId = await department('TR', '测试县交通运输局', 'TRANSPORT');
    await user('issuerHead', issuerDepartmentId, [Role.AGENCY_HEAD]);
    await user('issuerOfficer', issuerDepartmentId, [Role.ENFORCEMENT_OFFICER]);
    await user('thirdOfficer', thirdDepartmentId, [Role.ENFORCEMENT_OFFICER]);
    await user('outsiderOfficer', outsiderDepartmentId, [Role.ENFORCEMENT_OFFICER]);
    await user('outsiderHead', outsiderDepartmentId, [Role.AGENCY_HEAD]);
    for (const key of ['officerA', 'head', 'otherOfficer'] as const) tokens.set(key, h.as(key).Authorization.slice(7));
  });
  afterAll(async () => h?.close());

  const tasksOf = async (caseId: string, type: string, who: string): Promise<TaskRow[]> => {
    const res = await h.http().get('/tasks').query({ caseId, type }).set(auth(who));
    expect(res.status).toBe(200);
    return res.body.items as TaskRow[];
  };
  const openTask = (caseId: string, type: string, who: string, title?: string) =>
    expectEventually(async () => {
      const items = (await tasksOf(caseId, type, who)).filter((task) => !title || task.title.includes(title));
      expect(items).toHaveLength(1);
      return items[0];
    });
  const complete = (taskId: string, who: string, outcome: string, payload: Record<string, unknown>) =>
    h.http().post(`/tasks/${taskId}/complete`).set(auth(who)).send({ outcome, payload });
  const step = async (caseId: string, type: string, who: string, outcome: string, payload: Record<string, unknown>) => {
    const task = await openTask(caseId, type, who);
    const res = await complete(task.id, who, outcome, payload);
    expect({ type, status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({
      type,
      status: 200,
      body: 'ok',
    });
    return task;
  };
  const report = (caseId: string, who: string, title: string, payload: Record<string, unknown> = {}) =>
    expectEventually(async () => {
      const task = await openTask(caseId, 'SUPERVISION_PROGRESS_REPORT', who, title);
      const res = await complete(task.id, who, 'REPORT', { progress: '按计划推进', percentComplete: 30, ...payload });
      expect(res.status).toBe(200);
      return task;
    });

  it('publishes every supervision and summons step in GET /task-types with its titled payload schema', async () => {
    const res = await h.http().get('/task-types').set(auth('issuerOfficer'));
    expect(res.status).toBe(200);
    const published = new Map<string, { outcomes: Array<{ outcome: string; schema: JsonSchema }> }>(
      res.body.items.map((item: { type: string }) => [item.type, item]),
    );
    const steps = [...Object.values(SupervisionSteps), ...Object.values(SummonsSteps)];
    expect(steps.every((s) => s.type.startsWith('SUPERVISION_') || s.type.startsWith('SUMMONS_'))).toBe(true);
    expect(steps.filter((s) => !published.has(s.type)).map((s) => s.type)).toEqual([]);
    expect(published.has('SUMMONS_COMMITMENT_VERIFICATION')).toBe(true);
    const untitled: string[] = [];
    for (const s of steps) {
      const outcomes = published.get(s.type)!.outcomes;
      expect(outcomes.map((outcome) => outcome.outcome)).toEqual(Object.keys(s.outcomes));
      for (const outcome of outcomes) {
        expect(outcome.schema.type).toBe('object');
        for (const [key, field] of Object.entries(outcome.schema.properties ?? {}))
          if (!field.title || !field['x-title-en']) untitled.push(`${s.type}.${key}`);
      }
    }
    expect(untitled).toEqual([]);
  });

  it('refuses a malformed item, an officer creating one, and a co-responsible department that is the lead', async () => {
    const today = toLocalDate(new Date());
    const body = {
      title: '测试任务',
      description: '交付物',
      basis: { kind: 'PLAN_TASK', reference: '规划任务分工 第1项' },
      leadDepartmentId: h.org.departmentId,
      coResponsibleDepartmentIds: [h.org.departmentId],
      deadline: plusDays(today, 20),
      milestones: [],
      reportingFrequency: 'WEEKLY',
    };
    const asLead = await h.http().post('/supervision-items').set(auth('issuerHead')).send(body);
    expect(asLead.status).toBe(400);
    expect(asLead.body.details.fields[0].path).toBe('coResponsibleDepartmentIds');
    const past = await h
      .http()
      .post('/supervision-items')
      .set(auth('issuerHead'))
      .send({ ...body, coResponsibleDepartmentIds: [], milestones: [{ title: 'x', dueDate: plusDays(today, 30) }] });
    expect(past.status).toBe(400);
    expect(past.body.details.fields[0].path).toBe('milestones.0.dueDate');
    const officer = await h
      .http()
      .post('/supervision-items')
      .set(auth('issuerOfficer'))
      .send({ ...body, coResponsibleDepartmentIds: [] });
    expect(officer.status).toBe(403);
    const unknown = await h
      .http()
      .post('/supervision-items')
      .set(auth('issuerHead'))
      .send({ ...body, coResponsibleDepartmentIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknown.status).toBe(400);
  });

  it('collects periodic reports, escalates a missed milestone, tracks a summons commitment and closes on acceptance', async () => {
    const { org } = h;
    const today = await workflowToday();
    const created = await h
      .http()
      .post('/supervision-items')
      .set(auth('issuerHead'))
      .send({
        title: '危险化学品企业重大危险源安全包保责任落实',
        description: '全面落实重大危险源包保责任制，完成隐患排查整治',
        basis: { kind: 'PLAN_TASK', reference: '“十四五”安全生产规划任务分工 第3项' },
        leadDepartmentId: org.departmentId,
        coResponsibleDepartmentIds: [org.otherDepartmentId, thirdDepartmentId],
        deadline: plusDays(today, 24),
        milestones: [{ title: '完成隐患排查', dueDate: plusDays(today, 10) }],
        reportingFrequency: 'WEEKLY',
      });
    expect(created.status).toBe(201);
    const { id, caseId } = created.body as { id: string; caseId: string };

    // Every responsible department has its own first-period report; a department taking part reads the item.
    for (const who of ['officerA', 'otherOfficer', 'thirdOfficer'])
      await openTask(caseId, 'SUPERVISION_PROGRESS_REPORT', who, '第1期');
    expect((await h.http().get(`/supervision-items/${id}`).set(auth('otherOfficer'))).status).toBe(200);
    // A department taking no part sees nothing: not the item, not the list, not its tasks, not its evidence upload.
    expect((await h.http().get(`/supervision-items/${id}`).set(auth('outsiderHead'))).status).toBe(403);
    const outsiderList = await h.http().get('/supervision-items').set(auth('outsiderHead'));
    expect(outsiderList.status).toBe(200);
    expect(outsiderList.body.items.map((item: { id: string }) => item.id)).not.toContain(id);
    expect((await h.http().get('/tasks').query({ caseId }).set(auth('outsiderOfficer'))).body.items).toEqual([]);
    const upload = { fileName: '排查台账.png', contentType: 'image/png', contentBase64: PNG.toString('base64') };
    expect(
      (await h.http().post(`/supervision-items/${id}/attachments`).set(auth('outsiderOfficer')).send(upload)).status,
    ).toBe(403);
    expect((await h.http().get(`/cases/${caseId}`).set(auth('outsiderOfficer'))).status).toBe(403);

    // The lead reports with evidence it uploaded to the item; the co-responsible departments report too.
    const evidence = await h.http().post(`/supervision-items/${id}/attachments`).set(auth('officerA')).send(upload);
    expect(evidence.status).toBe(201);
    await report(caseId, 'officerA', '第1期', { attachmentIds: [evidence.body.id] });
    // A supervision item is a source of discipline referrals (an official who leaves the task undone).
    const referral = await h
      .http()
      .post(`/cases/${caseId}/discipline-referrals`)
      .set(auth('issuerOfficer'))
      .send({
        official: { name: '赵六', post: '科长', organisation: `测试县应急管理局${org.suffix}` },
        misconduct: '督办事项长期不落实，涉嫌失职',
        attachmentIds: [evidence.body.id],
      });
    expect(referral.status).toBe(201);
    // A co-responsible department opens its step's form with the case beside it; an outsider may not.
    const coTask = await openTask(caseId, 'SUPERVISION_PROGRESS_REPORT', 'otherOfficer', '第1期');
    const coDetail = await h.http().get(`/tasks/${coTask.id}`).set(auth('otherOfficer'));
    expect(coDetail.status).toBe(200);
    expect(coDetail.body.case.id).toBe(caseId);
    expect((await h.http().get(`/tasks/${coTask.id}`).set(auth('outsiderOfficer'))).status).toBe(403);
    await report(caseId, 'otherOfficer', '第1期');
    await report(caseId, 'thirdOfficer', '第1期');

    // A summons is opened only from an overdue milestone.
    const milestoneTask = await openTask(caseId, 'SUPERVISION_MILESTONE', 'issuerOfficer');
    const summons = {
      targetKind: 'DEPARTMENT_LEADER',
      targetName: `测试县应急管理局${org.suffix}`,
      principalName: '王主任',
      reason: '重大危险源包保责任落实滞后，排查节点逾期',
      basis: '安全生产约谈办法',
      scheduledOn: plusDays(today, 12),
      attendees: [{ name: '李副主任', position: '安委会办公室副主任' }],
    };
    const early = await complete(milestoneTask.id, 'issuerOfficer', 'OPEN_SUMMONS', { summons });
    expect(early.status).toBe(422);

    // The first period ends: the second period's reports open; only the lead reports this time.
    const firstReport = (await h.http().get(`/supervision-items/${id}`).set(auth('issuerHead'))).body;
    expect(firstReport.reports).toHaveLength(3);
    expect(firstReport.reports.every((r: { onTime: boolean }) => r.onTime)).toBe(true);
    const period1 = await h.db.ds.query(
      `SELECT max(due_at) AS due FROM tasks WHERE case_id = $1 AND type = 'SUPERVISION_PROGRESS_REPORT'`,
      [caseId],
    );
    await h.skipTo(new Date(period1[0].due).getTime() + 60_000);
    // Another department cannot file the lead's report.
    const leadSecond = await openTask(caseId, 'SUPERVISION_PROGRESS_REPORT', 'officerA', '第2期');
    const foreign = await complete(leadSecond.id, 'otherOfficer', 'REPORT', { progress: '代报', percentComplete: 50 });
    expect(foreign.status).toBe(403);
    await report(caseId, 'officerA', '第2期');
    for (const who of ['otherOfficer', 'thirdOfficer'])
      await openTask(caseId, 'SUPERVISION_PROGRESS_REPORT', who, '第2期');

    // The milestone passes unconfirmed: red on the issuer's board and dashboard.
    await h.skipTo(new Date(milestoneTask.dueAt!).getTime() + 60_000);
    const red = await expectEventually(async () => {
      const row = await openTask(caseId, 'SUPERVISION_MILESTONE', 'issuerOfficer');
      expect(row.escalation).toBe('RED');
      return row;
    });
    const dashboard = await h.http().get('/tasks/dashboard').set(auth('issuerHead'));
    const issuerRow = dashboard.body.departments.find(
      (d: { departmentId: string }) => d.departmentId === issuerDepartmentId,
    );
    expect(issuerRow.overdue).toBeGreaterThanOrEqual(1);
    // The co-responsible departments that did not report the second period turn red on their own boards.
    const late = await openTask(caseId, 'SUPERVISION_PROGRESS_REPORT', 'otherOfficer', '第2期');
    await h.skipTo(new Date(late.dueAt!).getTime() + 60_000);
    await expectEventually(async () => {
      const row = await openTask(caseId, 'SUPERVISION_PROGRESS_REPORT', 'otherOfficer', '第2期');
      expect(row.escalation).toBe('RED');
    });
    await openTask(caseId, 'SUPERVISION_PROGRESS_REPORT', 'thirdOfficer', '第3期');

    // The issuer answers the overdue milestone with a 约谈.
    const opened = await complete(red.id, 'issuerOfficer', 'OPEN_SUMMONS', { summons });
    expect(opened.status).toBe(200);
    const item = await expectEventually(async () => {
      const res = await h.http().get(`/supervision-items/${id}`).set(auth('issuerHead'));
      expect(res.body.milestones[0]).toMatchObject({ outcome: 'SUMMONED', summonsCaseId: expect.any(String) });
      return res.body;
    });
    const summonsCaseId = item.milestones[0].summonsCaseId as string;
    const listed = await h.http().get('/summonses').set(auth('issuerHead'));
    const summonsRow = listed.body.items.find((row: { caseId: string }) => row.caseId === summonsCaseId);
    expect(summonsRow).toMatchObject({ supervisionItemId: id, status: 'SCHEDULED', principalName: '王**' });
    const full = await h.http().get(`/summonses/${summonsRow.id}`).set(auth('issuerHead'));
    expect(full.body.principalName).toBe('王主任');
    const masked = await h.http().get(`/summonses/${summonsRow.id}`).set(auth('officerA'));
    expect(masked.status).toBe(200);
    expect(masked.body.principalName).toBe('王**');
    expect((await h.http().get(`/summonses/${summonsRow.id}`).set(auth('outsiderHead'))).status).toBe(403);

    // Minutes and one commitment, tracked to its verification (not met once, then met); the record is published.
    const heldOn = await workflowToday();
    await step(summonsCaseId, 'SUMMONS_MINUTES', 'issuerOfficer', 'HELD', {
      heldOn,
      attendees: [
        { name: '王主任', position: '测试县应急管理局主任' },
        { name: '李副主任', position: '安委会办公室副主任' },
      ],
      minutes: '约谈指出排查工作滞后，要求限期完成',
      commitments: [
        { content: '五个工作日内完成全部重大危险源隐患排查', deadline: plusDays(heldOn, 5), responsible: '王主任' },
      ],
    });
    const firstCheck = await openTask(summonsCaseId, 'SUMMONS_COMMITMENT_VERIFICATION', 'issuerOfficer');
    expect(firstCheck.dueAt).not.toBeNull();
    const notMet = await complete(firstCheck.id, 'issuerOfficer', 'NOT_MET', {
      findings: '尚有两家企业未完成排查',
      newDeadline: plusDays(heldOn, 8),
    });
    expect(notMet.status).toBe(200);
    await expectEventually(async () => {
      const rows = await tasksOf(summonsCaseId, 'SUMMONS_COMMITMENT_VERIFICATION', 'issuerOfficer');
      expect(rows.map((row) => row.id)).not.toContain(firstCheck.id);
      expect(rows).toHaveLength(1);
    });
    await step(summonsCaseId, 'SUMMONS_COMMITMENT_VERIFICATION', 'issuerOfficer', 'VERIFIED', {
      findings: '已全部完成排查，台账齐全',
    });
    const published = () => h.http().get('/public/summonses').query({ departmentId: summonsRow.departmentId });
    // Nothing is public before the department publishes the record.
    expect((await published()).body.items).toEqual([]);
    await step(summonsCaseId, 'SUMMONS_PUBLICATION', 'issuerOfficer', 'PUBLISHED', {
      publishedOn: heldOn,
      channel: 'WEBSITE',
      summary: '县安委办约谈县应急管理局，督促落实包保责任',
    });
    const closedSummons = await expectEventually(async () => {
      const res = await h.http().get(`/summonses/${summonsRow.id}`).set(auth('issuerHead'));
      expect(res.body.status).toBe('CLOSED');
      return res.body;
    });
    expect(closedSummons.commitments).toEqual([
      expect.objectContaining({ index: 0, status: 'VERIFIED', rounds: 2, deadline: plusDays(heldOn, 8) }),
    ]);
    expect(closedSummons.publication).toMatchObject({ channel: 'WEBSITE', publishedOn: heldOn });
    // 约谈情况公开: anyone reads the published record; the person summoned masked, attendees and minutes left out.
    const shown = await published();
    expect(shown.status).toBe(200);
    expect(shown.body.items).toEqual([
      expect.objectContaining({
        targetName: closedSummons.targetName,
        principalName: '王**',
        publishedOn: heldOn,
        channel: 'WEBSITE',
        channelLabel: '政府网站',
        summary: '县安委办约谈县应急管理局，督促落实包保责任',
        commitments: [expect.objectContaining({ status: 'VERIFIED', statusLabel: '已核实' })],
      }),
    ]);
    expect(JSON.stringify(shown.body)).not.toMatch(/王主任|李副主任|约谈指出|caseId/);

    // The lead consolidates; the issuer returns it once, then accepts; only a head of the issuer accepts.
    await step(caseId, 'SUPERVISION_CONSOLIDATION', 'officerA', 'PROPOSE_COMPLETION', { summary: '各责任单位已完成' });
    const acceptance = await openTask(caseId, 'SUPERVISION_ACCEPTANCE', 'issuerHead');
    expect((await complete(acceptance.id, 'issuerOfficer', 'ACCEPT', {})).status).toBe(403);
    expect((await complete(acceptance.id, 'issuerHead', 'RETURN', { reason: '住建局台账不全' })).status).toBe(200);
    await step(caseId, 'SUPERVISION_CONSOLIDATION', 'officerA', 'PROPOSE_COMPLETION', { summary: '已补齐台账' });
    await step(caseId, 'SUPERVISION_ACCEPTANCE', 'issuerHead', 'ACCEPT', { comment: '同意销号' });

    const closed = await expectEventually(async () => {
      const res = await h.http().get(`/supervision-items/${id}`).set(auth('issuerHead'));
      expect(res.body.status).toBe('CLOSED');
      return res.body;
    });
    expect(closed.completion.map((round: { stage: string }) => round.stage)).toEqual([
      'PROPOSED',
      'RETURNED',
      'PROPOSED',
      'ACCEPTED',
    ]);
    expect(closed.reports.filter((r: { period: number }) => r.period === 2)).toHaveLength(1);
    // The reports nobody filed left the inboxes when the item closed.
    const stillOpen = await h.db.ds.query(
      `SELECT count(*)::int AS n FROM tasks WHERE case_id = $1 AND type LIKE 'SUPERVISION%' AND status IN ('OPEN','CLAIMED')`,
      [caseId],
    );
    expect(stillOpen[0].n).toBe(0);
    const caseRow = await h.http().get(`/cases/${caseId}`).set(auth('issuerHead'));
    expect(caseRow.body.status).toBe('CLOSED');
    const timeline = await h.http().get(`/cases/${caseId}/timeline`).query({ limit: 100 }).set(auth('issuerHead'));
    const actions = (timeline.body.items as Array<{ action: string }>).map((entry) => entry.action);
    for (const action of [
      'SUPERVISION_CREATED',
      'SUPERVISION_REPORTED',
      'SUPERVISION_MILESTONE_SUMMONED',
      'SUPERVISION_COMPLETION_RETURNED',
      'SUPERVISION_COMPLETION_ACCEPTED',
      'SUPERVISION_CLOSED',
    ])
      expect(actions).toContain(action);
    await recordClientHistoryIfAsked(h.client, `supervision-${caseId}`, 'supervision-v1-summoned-accepted');
    const summonsWorkflowId = (await h.db.ds.query(`SELECT workflow_id FROM cases WHERE id = $1`, [summonsCaseId]))[0]
      .workflow_id as string;
    await recordClientHistoryIfAsked(h.client, summonsWorkflowId, 'summons-v1-verified-published');
  });

  it('opens a summons directly and configures the policy per department', async () => {
    const today = toLocalDate(new Date());
    const body = {
      targetKind: 'ENTERPRISE_PRINCIPAL',
      targetName: '测试示范化工有限公司',
      principalName: '赵总',
      reason: '一年内发生两起一般事故',
      basis: '安全生产约谈办法',
      scheduledOn: plusDays(today, 3),
      attendees: [{ name: '钱科长', position: '危化科科长' }],
    };
    expect((await h.http().post('/summonses').set(auth('issuerOfficer')).send(body)).status).toBe(403);
    expect(
      (
        await h
          .http()
          .post('/summonses')
          .set(auth('issuerHead'))
          .send({ ...body, scheduledOn: plusDays(today, -1) })
      ).status,
    ).toBe(400);
    const created = await h.http().post('/summonses').set(auth('issuerHead')).send(body);
    expect(created.status).toBe(201);
    await openTask(created.body.caseId, 'SUMMONS_MINUTES', 'issuerOfficer');
    expect((await h.http().get(`/summonses/${created.body.id}`).set(auth('officerA'))).status).toBe(403);

    const path = `/supervision-items/policies/${issuerDepartmentId}`;
    const defaults = await h.http().get(path).set(auth('issuerHead'));
    expect(defaults.status).toBe(200);
    expect(defaults.body.effective).toMatchObject({
      reportPeriods: { WEEKLY: { unit: 'working_days', amount: 5 } },
      publishSummonses: true,
    });
    expect((await h.http().put(path).set(auth('issuerHead')).send({ overrides: {} })).status).toBe(403);
    const put = await h
      .http()
      .put(`/supervision-items/policies/${h.org.departmentId}`)
      .set(h.as('admin'))
      .send({ overrides: { publishSummonses: false, unknownField: 1 } });
    expect(put.status).toBe(400);
    const saved = await h
      .http()
      .put(`/supervision-items/policies/${h.org.departmentId}`)
      .set(h.as('admin'))
      .send({ overrides: { publishSummonses: false } });
    expect(saved.status).toBe(200);
    expect(saved.body.effective.publishSummonses).toBe(false);
    const bad = await h
      .http()
      .put(`/supervision-items/policies/${h.org.departmentId}`)
      .set(h.as('admin'))
      .send({ overrides: { acceptanceWorkingDays: 0 } });
    expect(bad.status).toBe(422);
  });

  it('creates the demo plan through the API, each task in its lead and co-responsible departments’ inboxes', async () => {
    await seedDemoData(h.db.ds, 'demo-password-supervision');
    const demoUser = async (username: string) => {
      const [row] = await h.db.ds.query(`SELECT id, department_id, roles FROM users WHERE username = $1`, [username]);
      const user = {
        id: row.id,
        username,
        password: 'demo-password-supervision',
        departmentId: row.department_id,
        roles: row.roles,
      };
      return { Authorization: `Bearer ${await h.login(user)}` };
    };
    const rows: Array<{ code: string; id: string }> = await h.db.ds.query(`SELECT code, id FROM departments`);
    const codes = new Map(rows.map((row) => [row.code, row.id]));
    const issuer = await demoUser(DEMO_PLAN_ISSUER_HEAD);
    const bodies = demoPlanRequests((code) => codes.get(code), toLocalDate(new Date()));
    const caseIds: string[] = [];
    for (const body of bodies) {
      const res = await h.http().post('/supervision-items').set(issuer).send(body);
      expect({ title: body.title, status: res.status }).toEqual({ title: body.title, status: 201 });
      caseIds.push(res.body.caseId);
    }
    const housing = await demoUser('officer.zhujian');
    await expectEventually(async () => {
      const inbox = await h.http().get('/tasks').query({ type: 'SUPERVISION_PROGRESS_REPORT', limit: 50 }).set(housing);
      const mine = new Set(inbox.body.items.map((task: { caseId: string }) => task.caseId));
      expect(caseIds.filter((id) => mine.has(id)).length).toBeGreaterThanOrEqual(2);
    });
    const milestones = await demoUser('officer.anwei');
    const board = await h.http().get('/tasks').query({ type: 'SUPERVISION_MILESTONE', limit: 50 }).set(milestones);
    expect(board.body.items.length).toBeGreaterThanOrEqual(bodies.length);
  });
});
