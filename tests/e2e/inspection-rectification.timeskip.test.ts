import { endOfLocalDay, plusDays, toLocalDate } from '@safety/domain/calendar/local-date';
import { Harness, startHarness } from '../support/harness';
import { createOrg, TestOrg } from '../support/fixtures';
import { loadTestCalendar2027 } from '../support/accident-fixtures';
import { expectEventually } from '../support/eventually';
import { recordClientHistoryIfAsked } from '../support/history';

/** The first instant after a local date: a deadline day counts in full. */
const dayEnd = (date: string) => endOfLocalDay(date).getTime();
const localDate = (ms: number) => toLocalDate(new Date(ms));

/**
 * 责令限期整改 → 复查 on the time-skipping server: the deadline passes unrectified and a penalty case
 * opens automatically; the rectified path closes; 查封/扣押 beyond its term escalates and only one
 * extension is allowed (行政强制法 Art.25); 挂牌督办 is lifted by the head after a review.
 */
describe('inspection rectification, 复查 and field measures (time-skipping server)', () => {
  let h: Harness;
  let org: TestOrg;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness({ temporal: 'time-skipping' });
    org = await createOrg(h.db.ds);
    // The skips below carry the server's clock into the next year, whose official calendar is not seeded.
    await loadTestCalendar2027(h.db.ds);
    for (const [k, u] of Object.entries(org.users)) tokens[k] = await h.login(u);
  });
  afterAll(async () => h?.close());

  const as = (who: keyof TestOrg['users']) => ({ Authorization: `Bearer ${tokens[who]}` });
  const confirmations = () => [
    { officerId: org.users.officerA.id, credentialNo: `A${org.suffix}` },
    { officerId: org.users.officerB.id, credentialNo: `B${org.suffix}` },
  ];
  const finding = (hazardLevel: 'GENERAL' | 'MAJOR' = 'GENERAL') => ({
    description: '可燃气体报警器失效',
    hazardLevel,
    legalBasis: '《安全生产法》第三十六条',
  });
  const today = async () => localDate(await h.env!.currentTimeMs());
  // Guarded skips: never leave a timer about to fire when the test acts next (tests/support/time-skipping.ts).
  const sleepUntil = (instantMs: number) => h.skipTo(instantMs);
  const tasksOf = async (caseId: string, type: string) =>
    (await h.db.ds.query(
      'SELECT id, status, escalation, due_at FROM tasks WHERE case_id = $1 AND type = $2 ORDER BY created_at',
      [caseId, type],
    )) as Array<{ id: string; status: string; escalation: string; due_at: Date | null }>;
  const openTask = (caseId: string, type: string) =>
    expectEventually(async () => {
      const open = (await tasksOf(caseId, type)).filter((t) => t.status === 'OPEN');
      expect(open).toHaveLength(1);
      return open[0];
    });
  const complete = (
    taskId: string,
    who: keyof TestOrg['users'],
    outcome: string,
    payload: Record<string, unknown> = {},
  ) => h.http().post(`/tasks/${taskId}/complete`).set(as(who)).send({ outcome, payload });
  const detail = async (caseId: string) => (await h.http().get(`/inspections/${caseId}`).set(as('officerA'))).body;

  async function inspectWith(outcome: string, payload: Record<string, unknown>) {
    const res = await h
      .http()
      .post('/inspections')
      .set(as('officerA'))
      .send({
        enterpriseId: org.enterpriseId,
        inspectorIds: [org.users.officerA.id, org.users.officerB.id],
        unannounced: true,
      });
    expect(res.status).toBe(201);
    const caseId = res.body.id as string;
    const record = await openTask(caseId, 'INSPECTION_RECORD');
    const done = await complete(record.id, 'officerA', outcome, { confirmations: confirmations(), ...payload });
    expect(done.status).toBe(200);
    await expectEventually(async () => expect((await detail(caseId)).status).toBe('RECTIFICATION_ORDERED'));
    return caseId;
  }

  it('opens a penalty case automatically when the 复查 at the deadline finds the hazard unrectified', async () => {
    const orderedOn = await today();
    const deadline = plusDays(orderedOn, 3);
    const caseId = await inspectWith('RECTIFY', { findings: [finding()], rectificationDeadline: deadline });
    const ordered = await detail(caseId);
    expect(ordered.workflow).toMatchObject({ status: 'RECTIFICATION_ORDERED', rectificationDeadline: deadline });
    const timeline = (await h.http().get(`/cases/${caseId}/timeline`).set(as('officerA'))).body.items.map(
      (e: { action: string }) => e.action,
    );
    expect(timeline).toEqual(
      expect.arrayContaining(['INSPECTION_RECORDED', 'DOCUMENT_ISSUED', 'RECTIFICATION_ORDERED']),
    );
    expect(await tasksOf(caseId, 'REINSPECTION')).toHaveLength(0); // nothing before the deadline

    await sleepUntil(dayEnd(deadline) + 60_000);
    const re = await openTask(caseId, 'REINSPECTION');
    expect(re.due_at).not.toBeNull(); // policy: 10 working days after the deadline (UNVERIFIED)
    expect((await detail(caseId)).status).toBe('AWAITING_REINSPECTION');
    expect((await complete(re.id, 'officerB', 'NOT_RECTIFIED', { confirmations: confirmations() })).status).toBe(400); // opinion required
    expect(
      (await complete(re.id, 'otherOfficer', 'NOT_RECTIFIED', { confirmations: confirmations(), opinion: 'x' })).status,
    ).toBe(403);
    expect(
      (
        await complete(re.id, 'officerB', 'NOT_RECTIFIED', {
          confirmations: confirmations(),
          opinion: '逾期未整改，报警器仍未修复',
        })
      ).status,
    ).toBe(200);

    const penalty = await expectEventually(async () => {
      const rows = await h.db.ds.query(
        `SELECT id, case_type, workflow_id, data FROM cases WHERE case_type = 'PENALTY' AND data->>'sourceCaseId' = $1`,
        [caseId],
      );
      expect(rows).toHaveLength(1);
      return rows[0] as { id: string; workflow_id: string; data: Record<string, unknown> };
    });
    // Linked cases are numbered by the database: `penalty-<inspection>-<n>`.
    const penaltyWorkflowId = `penalty-${caseId}-1`;
    expect(penalty.workflow_id).toBe(penaltyWorkflowId);
    // 安全生产法 Art.112: continuing daily fines may count from the day after the order.
    expect(penalty.data).toMatchObject({
      sourceCaseId: caseId,
      origin: { kind: 'INSPECTION', sourceCaseId: caseId },
      continuingDailyFineFrom: plusDays(orderedOn, 1),
      continuingDailyFine: { rule: '安全生产法 Art.112', rectificationDeadline: deadline },
    });
    await expectEventually(async () =>
      expect((await h.client.workflow.getHandle(penaltyWorkflowId).describe()).status.name).toBe('RUNNING'),
    );
    await expectEventually(async () => {
      const d = await detail(caseId);
      expect(d.status).toBe('CLOSED');
      expect(d.workflow).toMatchObject({ result: 'NOT_RECTIFIED_PENALTY', penalty: { caseId: penalty.id } });
      expect(d.data).toMatchObject({ penaltyCaseId: penalty.id, penaltyWorkflowId });
    });
    const audit = await h.db.ds.query(`SELECT action FROM audit_log WHERE case_id = $1 ORDER BY seq`, [caseId]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining([
        'LINKED_CASE_CREATED',
        'PENALTY_CASE_LINKED',
        'PENALTY_CASE_OPENED_AUTOMATICALLY',
        'INSPECTION_CLOSED',
      ]),
    );
    await recordClientHistoryIfAsked(h.client, `inspection-${caseId}`, 'inspection-v2-not-rectified-penalty');
  });

  it('closes the inspection when the 复查 finds the hazard rectified', async () => {
    const deadline = plusDays(await today(), 2);
    const caseId = await inspectWith('RECTIFY', { findings: [finding()], rectificationDeadline: deadline });
    await sleepUntil(dayEnd(deadline) + 60_000);
    const re = await openTask(caseId, 'REINSPECTION');
    expect(
      (
        await complete(re.id, 'officerA', 'RECTIFIED', {
          confirmations: confirmations(),
          opinion: '已更换报警器，整改完毕',
        })
      ).status,
    ).toBe(200);
    await expectEventually(async () => {
      const d = await detail(caseId);
      expect(d.status).toBe('CLOSED');
      expect(d.workflow).toMatchObject({ result: 'RECTIFIED', penalty: null });
    });
    expect(
      await h.db.ds.query(`SELECT 1 FROM cases WHERE case_type = 'PENALTY' AND data->>'sourceCaseId' = $1`, [caseId]),
    ).toHaveLength(0);
    await recordClientHistoryIfAsked(h.client, `inspection-${caseId}`, 'inspection-v2-rectified');
  });

  it('escalates a 查封/扣押 that runs past its 30 days without an approved extension', async () => {
    const start = await today();
    const caseId = await inspectWith('IMMEDIATE_MEASURES', {
      findings: [finding()],
      rectificationDeadline: plusDays(start, 45),
      measures: { seizure: { items: '不合格压力容器1台', days: 30 } },
    });
    const decision = await openTask(caseId, 'SEIZURE_DECISION');
    expect((await detail(caseId)).workflow.seizure).toMatchObject({
      startedOn: start,
      expiresOn: plusDays(start, 30),
      status: 'ACTIVE',
      overdue: false,
    });
    // 行政强制法 Art.25 bounds the extension in the step's contract (published as maximum: 30).
    const tooLong = await complete(decision.id, 'officerA', 'EXTEND', { days: 31, reason: '需要检测' });
    expect({ status: tooLong.status, fields: tooLong.body.details?.fields }).toEqual({
      status: 400,
      fields: [{ path: 'payload.days', message: expect.any(String) }],
    });

    await sleepUntil(dayEnd(plusDays(start, 30)) + 60_000);
    await expectEventually(async () => {
      const [t] = await tasksOf(caseId, 'SEIZURE_DECISION');
      expect(t.escalation).toBe('RED');
      const audit = await h.db.ds.query(
        `SELECT action FROM audit_log WHERE case_id = $1 AND action = 'SEIZURE_TERM_EXCEEDED'`,
        [caseId],
      );
      expect(audit).toHaveLength(1);
    });
    expect((await detail(caseId)).workflow.seizure).toMatchObject({ overdue: true });
    const late = await complete(decision.id, 'officerA', 'EXTEND', { days: 10, reason: '补办延期' });
    expect(late.status).toBe(422);
    expect((await complete(decision.id, 'officerA', 'RELEASE', { reason: '解除查封' })).status).toBe(200);
    await expectEventually(async () => expect((await detail(caseId)).workflow.seizure.status).toBe('RELEASED'));
    const red = await h.http().get('/tasks').query({ escalation: 'RED', status: 'COMPLETED' }).set(as('head'));
    expect(red.status).toBe(200);
    await recordClientHistoryIfAsked(h.client, `inspection-${caseId}`, 'inspection-v2-seizure-overdue-released');
  });

  it('allows one head-approved extension of a 查封/扣押 and refuses a second (422)', async () => {
    const start = await today();
    const caseId = await inspectWith('IMMEDIATE_MEASURES', {
      findings: [finding()],
      rectificationDeadline: plusDays(start, 30),
      measures: { seizure: { items: '违规储存的危险化学品', days: 10 } },
    });
    const first = await openTask(caseId, 'SEIZURE_DECISION');
    expect((await complete(first.id, 'officerA', 'EXTEND', { days: 20 })).status).toBe(400); // reason required
    expect((await complete(first.id, 'officerA', 'EXTEND', { days: 20, reason: '需要技术检测' })).status).toBe(200);
    const approval = await openTask(caseId, 'SEIZURE_EXTENSION_APPROVAL');
    expect((await complete(approval.id, 'officerB', 'APPROVE')).status).toBe(403);
    expect((await complete(approval.id, 'head', 'APPROVE', { comment: '同意延长20日' })).status).toBe(200);
    await expectEventually(async () =>
      expect((await detail(caseId)).workflow.seizure).toMatchObject({ extended: true, expiresOn: plusDays(start, 30) }),
    );

    const second = await openTask(caseId, 'SEIZURE_DECISION');
    expect(second.id).not.toBe(first.id);
    const again = await complete(second.id, 'officerA', 'EXTEND', { days: 5, reason: '再延长' });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('RULE_VIOLATION');
    expect((await tasksOf(caseId, 'SEIZURE_EXTENSION_APPROVAL')).filter((t) => t.status === 'OPEN')).toHaveLength(0);
    expect((await complete(second.id, 'officerB', 'DISPOSE', { reason: '依法没收' })).status).toBe(200);
    await expectEventually(async () => expect((await detail(caseId)).workflow.seizure.status).toBe('DISPOSED'));
    await recordClientHistoryIfAsked(h.client, `inspection-${caseId}`, 'inspection-v2-seizure-extended-disposed');
  });

  it('lists a 重大事故隐患 for supervision and lifts it after a review and the head’s approval', async () => {
    const start = await today();
    const rejectMinor = await h
      .http()
      .post('/inspections')
      .set(as('officerA'))
      .send({ enterpriseId: org.enterpriseId, inspectorIds: [org.users.officerA.id, org.users.officerB.id] });
    const rec = await openTask(rejectMinor.body.id, 'INSPECTION_RECORD');
    const minor = await complete(rec.id, 'officerA', 'RECTIFY', {
      confirmations: confirmations(),
      findings: [finding()],
      rectificationDeadline: plusDays(start, 20),
      supervisedListing: true,
    });
    expect(minor.status).toBe(422);

    const caseId = await inspectWith('RECTIFY', {
      findings: [finding('MAJOR')],
      rectificationDeadline: plusDays(start, 20),
      supervisedListing: true,
    });
    expect((await detail(caseId)).workflow.listing).toMatchObject({
      listedOn: start,
      dueOn: plusDays(start, 60),
      status: 'LISTED',
    });
    const review = await openTask(caseId, 'LISTING_REVIEW');
    expect((await complete(review.id, 'officerB', 'REMOVED', { opinion: '隐患已消除' })).status).toBe(200);
    const lift = await openTask(caseId, 'LISTING_LIFT_APPROVAL');
    expect((await complete(lift.id, 'head', 'REJECT')).status).toBe(400);
    expect((await complete(lift.id, 'head', 'APPROVE', { comment: '同意销号' })).status).toBe(200);
    await expectEventually(async () => expect((await detail(caseId)).workflow.listing.status).toBe('LIFTED'));
    await recordClientHistoryIfAsked(h.client, `inspection-${caseId}`, 'inspection-v2-listing-lifted');
  });

  it('escalates a criminal transfer not handed over within 24 hours of approval (国务院令第310号 Art.5)', async () => {
    const source = await h
      .http()
      .post('/inspections')
      .set(as('officerA'))
      .send({ enterpriseId: org.enterpriseId, inspectorIds: [org.users.officerA.id, org.users.officerB.id] });
    const proposed = await h
      .http()
      .post('/criminal-transfers')
      .set(as('officerA'))
      .send({
        sourceCaseId: source.body.id,
        teamIds: [org.users.officerA.id, org.users.officerB.id],
        suspectedOffence: '危险作业罪',
        grounds: ['拒不执行停产整顿指令'],
      });
    expect(proposed.status).toBe(201);
    const id = proposed.body.id as string;
    const decide = await openTask(id, 'CRIMINAL_TRANSFER_APPROVAL');
    // Art.5's 3 days count on Temporal's clock, from the workflow's start: this server runs weeks ahead of
    // the API's clock after the skips above, and a due date counted from the API's opening instant would
    // already have passed (the step's timers firing as the head completes it).
    const startedOn = localDate(
      (await h.client.workflow.getHandle(proposed.body.workflowId).describe()).startTime.getTime(),
    );
    const headDue = await h
      .http()
      .get('/calendar/due-date')
      .query({ start: startedOn, unit: 'calendar_days', amount: 3 })
      .set(as('head'));
    expect(headDue.status).toBe(200);
    expect(decide.due_at?.toISOString()).toBe(headDue.body.dueAt);
    expect(decide.due_at!.getTime()).toBeGreaterThan(await h.env!.currentTimeMs());
    expect((await complete(decide.id, 'head', 'APPROVE')).status).toBe(200);
    const handover = await openTask(id, 'CRIMINAL_TRANSFER_HANDOVER');
    const dueAt = Date.parse(
      (await h.http().get(`/criminal-transfers/${id}`).set(as('officerA'))).body.workflow.handoverDueAt,
    );
    await sleepUntil(dueAt + 60_000);
    await expectEventually(async () => {
      const [t] = await tasksOf(id, 'CRIMINAL_TRANSFER_HANDOVER');
      expect(t.escalation).toBe('RED');
      expect(
        await h.db.ds.query(
          `SELECT 1 FROM audit_log WHERE case_id = $1 AND action = 'CRIMINAL_TRANSFER_HANDOVER_OVERDUE'`,
          [id],
        ),
      ).toHaveLength(1);
    });
    expect((await complete(handover.id, 'officerB', 'HANDED_OVER', { policeAgency: '测试县公安局' })).status).toBe(200);
    await expectEventually(async () =>
      expect((await h.http().get(`/criminal-transfers/${id}`).set(as('officerA'))).body.status).toBe('TRANSFERRED'),
    );
    await recordClientHistoryIfAsked(h.client, proposed.body.workflowId, 'criminal-transfer-v3-handover-overdue');
  });
});
