import { endOfLocalDay, plusDays } from '@safety/domain/calendar';
import { OrgHarness, startOrgHarness } from '../support/harness';
import { expectEventually } from '../support/eventually';
import { penaltyFlow } from '../support/penalty-flow';

/**
 * Issue 4 acceptance, end to end through HTTP: an on-site inspection orders rectification; the
 * 复查 at the deadline finds it unrectified and a penalty case opens by itself; that case runs the
 * 一般程序 to a decision, is served, published on the public endpoint within 7 working days
 * (安全生产法 Art.78), paid, and archived.
 */
describe('administrative enforcement from inspection to public disclosure (time-skipping server)', () => {
  let h: OrgHarness;

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'time-skipping' });
  });
  afterAll(async () => h?.close());

  it('runs inspection → rectification order → 复查 → automatic penalty case → decision → service → 公示 → payment → archive', async () => {
    const { org, as } = h;
    const f = penaltyFlow(h);
    await f.loadTestYear2027();
    const confirmations = f.twoOfficers();

    // 1. On-site inspection by two credentialed officers; a hazard with a rectification deadline.
    const opened = await h
      .http()
      .post('/inspections')
      .set(as('officerA'))
      .send({
        enterpriseId: org.enterpriseId,
        inspectorIds: [org.users.officerA.id, org.users.officerB.id],
        unannounced: true,
      });
    expect(opened.status).toBe(201);
    const inspectionId = opened.body.id as string;
    const orderedOn = await f.today();
    const deadline = plusDays(orderedOn, 3);
    await f.completeOk(inspectionId, 'INSPECTION_RECORD', 'officerA', 'RECTIFY', {
      confirmations,
      rectificationDeadline: deadline,
      findings: [
        { description: '从业人员未经安全培训上岗', hazardLevel: 'GENERAL', legalBasis: '《安全生产法》第二十八条' },
      ],
    });
    await f.waitStatus(inspectionId, 'RECTIFICATION_ORDERED');
    const orderDocs = await h.http().get(`/cases/${inspectionId}/documents`).set(as('officerA'));
    expect(orderDocs.status).toBe(200);
    expect(orderDocs.body.items.map((d: { kind: string }) => d.kind)).toContain('RECTIFICATION_ORDER');

    // 2. The durable timer opens the 复查 at the deadline; unrectified → a penalty case opens automatically.
    await h.skipTo(endOfLocalDay(deadline).getTime() + 60_000);
    await f.completeOk(inspectionId, 'REINSPECTION', 'officerB', 'NOT_RECTIFIED', {
      confirmations,
      opinion: '逾期未整改',
    });
    const penaltyId = await expectEventually(async () => {
      const rows = await h.db.ds.query(
        `SELECT id FROM cases WHERE case_type = 'PENALTY' AND data->>'sourceCaseId' = $1`,
        [inspectionId],
      );
      expect(rows).toHaveLength(1);
      return rows[0].id as string;
    });

    const tooEarly = await h.http().get(`/cases/penalty/${penaltyId}/continuing-daily-fine`).set(as('officerA'));
    expect(tooEarly.status).toBe(409); // no fine decided yet

    // 3. 一般程序: 立案, 调查取证 (≥2 officers), proposal within the benchmark, 告知, waiver, decision.
    await f.file(penaltyId);
    await f.investigate(penaltyId);
    await f.completeOk(
      penaltyId,
      'PENALTY_PROPOSAL',
      'officerA',
      'PROPOSE_PENALTY',
      f.proposal({ fineYuan: 5_000, violationType: 'SPL-99-3', circumstance: 'LENIENT' }),
    );
    await f.serveNotice(penaltyId);
    expect((await f.waive(penaltyId, ['STATEMENT'])).status).toBe(201);
    await f.completeOk(penaltyId, 'PENALTY_DECISION', 'head', 'DECIDE_PENALTY', {
      reasons: '逾期未整改，违法事实清楚',
    });
    await f.waitStatus(penaltyId, 'DECIDED');
    // 安全生产法 Art.112: refusing to correct after the fine → the original amount per day from the day after the order.
    const asOf = await f.today();
    const daily = await h
      .http()
      .get(`/cases/penalty/${penaltyId}/continuing-daily-fine`)
      .query({ asOf })
      .set(as('officerA'));
    expect(daily.status).toBe(200);
    const days = (Date.parse(asOf) - Date.parse(orderedOn)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(3);
    expect(daily.body).toMatchObject({
      rule: '安全生产法 Art.112',
      from: plusDays(orderedOn, 1),
      until: asOf,
      days,
      perDayYuan: 5_000,
      amountYuan: 5_000 * days,
    });
    await f.completeOk(penaltyId, 'DECISION_SERVICE', 'officerA', 'SERVED', {
      servedAt: new Date(await f.nowMs()).toISOString(),
      method: 'DIRECT',
      recipient: '企业法定代表人',
    });
    await f.waitStatus(penaltyId, 'AWAITING_PAYMENT');

    // 4. 公示: due 7 working days after the decision day, on the official calendar.
    const pubTask = await f.openTask(penaltyId, 'DECISION_PUBLICATION');
    const decidedAt = Date.parse((await f.state(penaltyId)).procedure!.decision.decidedAt);
    const due = await h
      .http()
      .get('/calendar/due-date')
      .set(as('officerA'))
      .query({ start: f.localDate(decidedAt), unit: 'working_days', amount: 7 });
    expect(pubTask.due_at!.toISOString()).toBe(due.body.dueAt);
    await f.completeOk(penaltyId, 'DECISION_PUBLICATION', 'officerB', 'PUBLISH', {
      violationSummary: '从业人员未经安全培训上岗，逾期未整改',
    });
    // Published in time: the workflow's own due-date timer never turned the task red.
    const pubRow = (await h.db.ds.query('SELECT status, escalation FROM tasks WHERE id = $1', [pubTask.id]))[0];
    expect(pubRow).toEqual({ status: 'COMPLETED', escalation: 'NONE' });
    const creditCode = (await h.db.ds.query('SELECT credit_code FROM enterprises WHERE id = $1', [org.enterpriseId]))[0]
      .credit_code as string;
    const published = await expectEventually(async () => {
      const res = await h.http().get('/public/penalty-decisions').query({ limit: 100 });
      expect(res.status).toBe(200);
      const mine = res.body.items.find((x: { creditCode: string }) => x.creditCode === creditCode);
      expect(mine).toBeDefined();
      return mine;
    });
    expect(published).toMatchObject({ decisionDate: f.localDate(decidedAt) });
    expect(Number(published.fineYuan)).toBe(5_000);

    // 5. Payment within 15 days (Art.67), then 结案归档.
    const paid = await h
      .http()
      .post(`/cases/penalty/${penaltyId}/payments`)
      .set(as('officerA'))
      .send({ amountYuan: 5_000, paidOn: await f.today(), receiptNo: `FS-${org.suffix}` });
    expect(paid.status).toBe(201);
    await f.waitStatus(penaltyId, 'EXECUTED');
    await f.completeOk(penaltyId, 'CASE_ARCHIVE', 'head', 'ARCHIVE', { comment: '结案' });
    await f.waitStatus(penaltyId, 'ARCHIVED');

    // The inspection links to its penalty case, and both full-process records verify.
    const timeline = (
      await h.http().get(`/cases/${inspectionId}/timeline`).query({ limit: 100 }).set(as('officerA'))
    ).body.items.map((e: { action: string }) => e.action);
    expect(timeline).toEqual(
      expect.arrayContaining(['RECTIFICATION_ORDERED', 'LINKED_CASE_CREATED', 'PENALTY_CASE_OPENED_AUTOMATICALLY']),
    );
    const verify = await h.http().get('/audit/verify').set(as('admin'));
    expect(verify.body.ok).toBe(true);
  });
});
