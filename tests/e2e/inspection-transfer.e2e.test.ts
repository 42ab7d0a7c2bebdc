import { Harness, startHarness } from '../support/harness';
import { createOrg, TestOrg } from '../support/fixtures';
import { expectEventually } from '../support/eventually';
import { recordHistoryIfAsked } from '../support/history';

/** 行刑衔接 (国务院令第310号), the 危险作业罪 review prompt, and 简易程序 (行政处罚法 Art.51–52, 68–71). */
describe('criminal transfer, dangerous-operation prompt and simple procedure over HTTP (dev server)', () => {
  let h: Harness;
  let org: TestOrg;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness({ temporal: 'dev' });
    org = await createOrg(h.db.ds);
    for (const [k, u] of Object.entries(org.users)) tokens[k] = await h.login(u);
  });
  afterAll(async () => h?.close());

  const as = (who: keyof TestOrg['users']) => ({ Authorization: `Bearer ${tokens[who]}` });
  const confirmations = () => [
    { officerId: org.users.officerA.id, credentialNo: `A${org.suffix}` },
    { officerId: org.users.officerB.id, credentialNo: `B${org.suffix}` },
  ];

  async function openTask(caseId: string, type: string, who: keyof TestOrg['users'] = 'officerA') {
    return expectEventually(async () => {
      const r = await h.http().get('/tasks').query({ caseId, type }).set(as(who));
      expect(r.body.items).toHaveLength(1);
      return r.body.items[0] as { id: string; type: string; dueAt: string | null; payload: Record<string, unknown> };
    });
  }
  const complete = (
    taskId: string,
    who: keyof TestOrg['users'],
    outcome: string,
    payload: Record<string, unknown> = {},
  ) => h.http().post(`/tasks/${taskId}/complete`).set(as(who)).send({ outcome, payload });

  async function openInspection() {
    const res = await h
      .http()
      .post('/inspections')
      .set(as('officerA'))
      .send({ enterpriseId: org.enterpriseId, inspectorIds: [org.users.officerA.id, org.users.officerB.id] });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  it('runs a transfer: head decides → handed over in 24 h → police decline → reconsideration → procuratorate', async () => {
    const sourceCaseId = await openInspection();
    const proposed = await h
      .http()
      .post('/criminal-transfers')
      .set(as('officerA'))
      .send({
        sourceCaseId,
        teamIds: [org.users.officerA.id, org.users.officerB.id],
        suspectedOffence: '危险作业罪',
        grounds: ['关闭可燃气体报警装置'],
      });
    expect(proposed.status).toBe(201);
    const id = proposed.body.id as string;
    expect(proposed.body.workflowId).toBe(`criminal-transfer-${sourceCaseId}-1`);
    const state = async () => (await h.http().get(`/criminal-transfers/${id}`).set(as('officerA'))).body;

    const decide = await openTask(id, 'CRIMINAL_TRANSFER_APPROVAL', 'head');
    expect(decide.dueAt).not.toBeNull(); // 3 days (calendar days by policy)
    expect((await complete(decide.id, 'officerA', 'APPROVE')).status).toBe(403);
    expect((await complete(decide.id, 'head', 'REJECT')).status).toBe(400); // a refusal needs a reason
    expect((await complete(decide.id, 'head', 'APPROVE', { comment: '同意移送' })).status).toBe(200);

    const handover = await openTask(id, 'CRIMINAL_TRANSFER_HANDOVER');
    const s1 = await state();
    expect(s1.workflow).toMatchObject({ status: 'AWAITING_HANDOVER', answered: false });
    expect(Date.parse(s1.workflow.handoverDueAt) - Date.parse(s1.workflow.headDecision.at)).toBe(24 * 3_600_000);
    expect((await complete(handover.id, 'officerA', 'HANDED_OVER', {})).status).toBe(400);
    expect(
      (await complete(handover.id, 'officerA', 'HANDED_OVER', { policeAgency: '测试县公安局', receiptNo: 'JS-001' }))
        .status,
    ).toBe(200);

    const police = await openTask(id, 'POLICE_FILING_ANSWER');
    expect((await complete(police.id, 'officerB', 'DECLINED', {})).status).toBe(400); // the police's reason is recorded
    expect(
      (await complete(police.id, 'officerB', 'DECLINED', { reason: '认为不构成犯罪', documentNo: '不立字〔2026〕1号' }))
        .status,
    ).toBe(200);
    await expectEventually(async () =>
      expect((await state()).workflow).toMatchObject({ status: 'POLICE_DECLINED', answered: false }),
    );

    const recon = await openTask(id, 'CRIMINAL_TRANSFER_RECONSIDERATION', 'head');
    expect((await complete(recon.id, 'head', 'REQUEST_RECONSIDERATION', { comment: '提请复议' })).status).toBe(200);
    const answer = await openTask(id, 'POLICE_RECONSIDERATION_ANSWER');
    expect((await complete(answer.id, 'officerA', 'DECLINED', { reason: '维持不予立案' })).status).toBe(200);
    await expectEventually(async () =>
      expect((await state()).workflow).toMatchObject({ status: 'RECONSIDERED_DECLINED', answered: true }),
    );
    const q = await h.client.workflow.getHandle(proposed.body.workflowId).query('getCriminalTransferState');
    expect(q).toMatchObject({ answered: true });

    const proc = await openTask(id, 'PROCURATORATE_SUPERVISION', 'head');
    expect((await complete(proc.id, 'head', 'REFER', { comment: '建议立案监督' })).status).toBe(200);
    await h.client.workflow.getHandle(proposed.body.workflowId).result();
    const final = await state();
    expect(final.status).toBe('REFERRED_TO_PROCURATORATE');
    expect(
      final.workflow.policeAnswers.map((a: { stage: string; answer: string }) => `${a.stage}:${a.answer}`),
    ).toEqual(['INITIAL:DECLINED', 'RECONSIDERATION:DECLINED']);
    const actions = (
      await h.http().get(`/cases/${id}/timeline`).query({ limit: 100 }).set(as('officerA'))
    ).body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'CRIMINAL_TRANSFER_PROPOSED',
        'CRIMINAL_TRANSFER_APPROVED',
        'CRIMINAL_TRANSFER_HANDED_OVER',
        'POLICE_DECLINED_CASE',
        'RECONSIDERATION_REQUESTED',
        'POLICE_DECLINED_ON_RECONSIDERATION',
        'REFERRED_TO_PROCURATORATE',
      ]),
    );
    recordHistoryIfAsked(proposed.body.workflowId, 'criminal-transfer-v2-reconsideration-procuratorate');
  });

  it('ends a transfer when the police file the case (answered at once)', async () => {
    const sourceCaseId = await openInspection();
    const proposed = await h
      .http()
      .post('/criminal-transfers')
      .set(as('head'))
      .send({
        sourceCaseId,
        teamIds: [org.users.officerA.id, org.users.officerB.id],
        suspectedOffence: '重大责任事故罪',
        grounds: ['违章指挥'],
      });
    expect(proposed.status).toBe(201);
    const id = proposed.body.id as string;
    expect(
      (await complete((await openTask(id, 'CRIMINAL_TRANSFER_APPROVAL', 'head')).id, 'head', 'APPROVE')).status,
    ).toBe(200);
    expect(
      (
        await complete((await openTask(id, 'CRIMINAL_TRANSFER_HANDOVER')).id, 'officerB', 'HANDED_OVER', {
          policeAgency: '测试县公安局',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await complete((await openTask(id, 'POLICE_FILING_ANSWER')).id, 'officerA', 'FILED', {
          documentNo: '立字〔2026〕9号',
        })
      ).status,
    ).toBe(200);
    const result = await h.client.workflow.getHandle(proposed.body.workflowId).result();
    expect(result).toMatchObject({ status: 'POLICE_FILED', answered: true });
    recordHistoryIfAsked(proposed.body.workflowId, 'criminal-transfer-v2-police-filed');
  });

  it('refuses bad transfer proposals with clear 4xx and creates nothing', async () => {
    const sourceCaseId = await openInspection();
    const count = async () =>
      (await h.db.ds.query(`SELECT count(*)::int AS n FROM cases WHERE case_type = 'CRIMINAL_TRANSFER'`))[0]
        .n as number;
    const before = await count();
    const body = {
      sourceCaseId,
      teamIds: [org.users.officerA.id, org.users.officerB.id],
      suspectedOffence: '危险作业罪',
      grounds: ['x'],
    };
    expect(
      (
        await h
          .http()
          .post('/criminal-transfers')
          .set(as('officerA'))
          .send({ ...body, teamIds: [org.users.officerA.id] })
      ).status,
    ).toBe(422);
    expect(
      (
        await h
          .http()
          .post('/criminal-transfers')
          .set(as('officerA'))
          .send({ ...body, teamIds: [org.users.officerA.id, org.users.legal.id] })
      ).status,
    ).toBe(422);
    expect(
      (
        await h
          .http()
          .post('/criminal-transfers')
          .set(as('officerA'))
          .send({ ...body, sourceCaseId: '00000000-0000-4000-8000-000000000000' })
      ).status,
    ).toBe(404);
    expect((await h.http().post('/criminal-transfers').set(as('otherOfficer')).send(body)).status).toBe(403);
    expect((await h.http().post('/criminal-transfers').set(as('legal')).send(body)).status).toBe(403);
    expect(
      (
        await h
          .http()
          .post('/criminal-transfers')
          .set(as('officerA'))
          .send({ ...body, grounds: [] })
      ).status,
    ).toBe(400);
    expect(await count()).toBe(before);
  });

  it('prompts a criminal-transfer review for a 危险作业罪 finding and opens the proposed penalty case as a child', async () => {
    const caseId = await openInspection();
    const record = await openTask(caseId, 'INSPECTION_RECORD');
    const findings = [
      {
        description: '关闭有毒气体报警装置并篡改监测数据',
        hazardLevel: 'MAJOR',
        legalBasis: '《安全生产法》第三十六条',
        violationCodes: ['MONITORING_DATA_FALSIFIED'],
      },
    ];
    const res = await complete(record.id, 'officerA', 'PROPOSE_PENALTY', {
      confirmations: confirmations(),
      findings,
      penaltyReason: '篡改监测数据',
    });
    expect(res.status).toBe(200);

    const penalty = await expectEventually(async () => {
      const rows = await h.db.ds.query(
        `SELECT id, workflow_id, data FROM cases WHERE case_type = 'PENALTY' AND data->>'sourceCaseId' = $1`,
        [caseId],
      );
      expect(rows).toHaveLength(1);
      return rows[0] as { id: string; workflow_id: string; data: Record<string, unknown> };
    });
    // Linked cases are numbered by the database: `penalty-<inspection>-<n>`.
    expect(penalty.workflow_id).toBe(`penalty-${caseId}-1`);
    expect(penalty.data).toMatchObject({
      origin: { kind: 'INSPECTION', sourceCaseId: caseId },
      continuingDailyFineFrom: null,
    });
    await expectEventually(async () =>
      expect((await h.client.workflow.getHandle(penalty.workflow_id).describe()).status.name).toBe('RUNNING'),
    );

    const review = await openTask(caseId, 'CRIMINAL_TRANSFER_REVIEW');
    expect((review.payload.grounds as Array<{ conduct: string }>).map((g) => g.conduct)).toEqual([
      'MONITORING_DATA_FALSIFIED',
    ]);
    expect((await complete(review.id, 'officerB', 'PROPOSE_TRANSFER', {})).status).toBe(400);
    expect(
      (await complete(review.id, 'officerB', 'PROPOSE_TRANSFER', { reason: '涉嫌危险作业罪，具有现实危险' })).status,
    ).toBe(200);
    const transferId = `criminal-transfer-${caseId}-1`;
    const transfer = await expectEventually(async () => {
      const rows = await h.db.ds.query(`SELECT id, status FROM cases WHERE workflow_id = $1`, [transferId]);
      expect(rows).toHaveLength(1);
      return rows[0] as { id: string };
    });
    await expectEventually(async () =>
      expect((await h.client.workflow.getHandle(transferId).describe()).status.name).toBe('RUNNING'),
    );
    await openTask(transfer.id, 'CRIMINAL_TRANSFER_APPROVAL', 'head');

    await h.client.workflow.getHandle(`inspection-${caseId}`).result();
    const detail = (await h.http().get(`/inspections/${caseId}`).set(as('officerA'))).body;
    expect(detail.status).toBe('CLOSED');
    expect(detail.workflow).toMatchObject({
      result: 'PENALTY_PROPOSED',
      penalty: { caseId: penalty.id },
      criminalReviews: [{ decision: 'PROPOSE_TRANSFER', transferCaseId: transfer.id }],
    });
    expect(detail.data).toMatchObject({ penaltyCaseId: penalty.id });
    recordHistoryIfAsked(`inspection-${caseId}`, 'inspection-v2-penalty-proposed-criminal-review');
  });

  const proposal = (sourceCaseId: string) => ({
    sourceCaseId,
    teamIds: [org.users.officerA.id, org.users.officerB.id],
    suspectedOffence: '危险作业罪',
    grounds: ['关闭可燃气体报警装置'],
  });
  const transfersOf = async (sourceCaseId: string) =>
    (
      await h.db.ds.query(
        `SELECT workflow_id FROM cases WHERE case_type = 'CRIMINAL_TRANSFER' AND data->>'sourceCaseId' = $1 ORDER BY created_at`,
        [sourceCaseId],
      )
    ).map((row: { workflow_id: string }) => row.workflow_id);
  const running = (workflowId: string) =>
    expectEventually(async () =>
      expect((await h.client.workflow.getHandle(workflowId).describe()).type).toBe('criminalTransferWorkflow'),
    );

  it('numbers an inspection’s transfers in one scheme, whether proposed over HTTP or by its 危险作业罪 review', async () => {
    // An inspection: one transfer proposed over HTTP, one from its 危险作业罪 review.
    const caseId = await openInspection();
    const record = await openTask(caseId, 'INSPECTION_RECORD');
    const recorded = await complete(record.id, 'officerA', 'PROPOSE_PENALTY', {
      confirmations: confirmations(),
      findings: [
        {
          description: '关闭可燃气体报警装置',
          hazardLevel: 'MAJOR',
          legalBasis: '《安全生产法》第三十六条',
          violationCodes: ['MONITORING_EQUIPMENT_DISABLED'],
        },
      ],
      penaltyReason: '关闭报警装置',
    });
    expect(recorded.status).toBe(200);
    const review = await openTask(caseId, 'CRIMINAL_TRANSFER_REVIEW');
    const overHttp = await h.http().post('/criminal-transfers').set(as('officerA')).send(proposal(caseId));
    expect(overHttp.status).toBe(201);
    expect(overHttp.body.workflowId).toBe(`criminal-transfer-${caseId}-1`);
    expect((await complete(review.id, 'officerB', 'PROPOSE_TRANSFER', { reason: '具有现实危险' })).status).toBe(200);
    await expectEventually(async () =>
      expect(await transfersOf(caseId)).toEqual([`criminal-transfer-${caseId}-1`, `criminal-transfer-${caseId}-2`]),
    );
    await running(`criminal-transfer-${caseId}-2`);
  });

  it('sends a transfer proposed over HTTP from a penalty case through that case, which then takes no second one', async () => {
    // A penalty case: over HTTP the proposal goes through the case, which so knows it is pending
    // (no fine in place of prosecution, 行政处罚法 Art.27, 82) and takes no second one meanwhile.
    const opened = await h
      .http()
      .post('/cases/penalty')
      .set(as('officerA'))
      .send({ title: '关闭报警装置', enterpriseId: org.enterpriseId, handlerIds: [org.users.officerB.id] });
    expect(opened.status).toBe(201);
    const penaltyId = opened.body.id as string;
    await expectEventually(async () =>
      expect((await h.db.ds.query('SELECT status FROM cases WHERE id = $1', [penaltyId]))[0].status).toBe(
        'PENDING_FILING',
      ),
    );
    const first = await h.http().post('/criminal-transfers').set(as('officerA')).send(proposal(penaltyId));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ caseType: 'CRIMINAL_TRANSFER', workflowId: `criminal-transfer-${penaltyId}-1` });
    const { sourceCaseId: _source, ...body } = proposal(penaltyId);
    const viaCase = () =>
      h.http().post(`/cases/penalty/${penaltyId}/criminal-transfers`).set(as('officerA')).send(body);
    const pending = await viaCase();
    expect({ status: pending.status, code: pending.body.code }).toEqual({ status: 409, code: 'ALREADY_EXISTS' });

    // Once the head refuses the first, the case takes the next one, numbered after it.
    const decide = await openTask(first.body.id, 'CRIMINAL_TRANSFER_APPROVAL', 'head');
    expect((await complete(decide.id, 'head', 'REJECT', { reason: '证据不足' })).status).toBe(200);
    await h.client.workflow.getHandle(first.body.workflowId).result();
    const second = await expectEventually(async () => {
      const res = await viaCase();
      expect(res.status).toBe(201);
      return res.body as { detail: { workflowId: string } };
    });
    expect(second.detail.workflowId).toBe(`criminal-transfer-${penaltyId}-2`);
    expect(await transfersOf(penaltyId)).toEqual([
      `criminal-transfer-${penaltyId}-1`,
      `criminal-transfer-${penaltyId}-2`,
    ]);
    await running(`criminal-transfer-${penaltyId}-2`);
  });

  it('decides a simple-procedure penalty within the limits, numbers it, tracks filing and the cash hand-in', async () => {
    const res = await h
      .http()
      .post('/simple-penalties')
      .set(as('officerA'))
      .send({
        partyType: 'INDIVIDUAL',
        partyName: '张三',
        violation: '未佩戴安全帽进入作业区',
        legalBasis: '《安全生产法》第五十七条',
        fineYuan: 100,
        paymentMethod: 'CASH_ON_SPOT',
        officerIds: [org.users.officerB.id],
      });
    expect(res.status).toBe(201);
    expect(res.body.decisionNo).toMatch(/^〔\d{4}〕.+应急简罚〔0001〕号$/);
    const id = res.body.id as string;
    const filing = await openTask(id, 'SIMPLE_PENALTY_FILING');
    const cash = await openTask(id, 'CASH_HAND_IN');
    expect(cash.dueAt).not.toBeNull(); // 2 working days (Art.71)
    expect((await complete(cash.id, 'officerB', 'HANDED_IN', {})).status).toBe(400);
    expect((await complete(cash.id, 'officerB', 'HANDED_IN', { receiptNo: 'SK-0001' })).status).toBe(200);
    expect((await complete(filing.id, 'officerA', 'FILED', {})).status).toBe(200);
    await h.client.workflow.getHandle(res.body.workflowId).result();
    const detail = (await h.http().get(`/simple-penalties/${id}`).set(as('officerA'))).body;
    expect(detail).toMatchObject({
      status: 'CLOSED',
      referenceNo: res.body.decisionNo,
      workflow: { filed: true, cashHandedIn: true },
    });
    expect(detail.data.decision).toMatchObject({ partyName: '张三', fineYuan: 100, paymentMethod: 'CASH_ON_SPOT' });
    const reads = await h.db.ds.query(`SELECT 1 FROM audit_log WHERE case_id = $1 AND action = 'PERSONAL_DATA_READ'`, [
      id,
    ]);
    expect(reads.length).toBeGreaterThanOrEqual(1);
    recordHistoryIfAsked(res.body.workflowId, 'simple-penalty-v2-cash');

    const org3000 = await h.http().post('/simple-penalties').set(as('officerA')).send({
      partyType: 'ORGANISATION',
      enterpriseId: org.enterpriseId,
      violation: '安全警示标志缺失',
      legalBasis: '《安全生产法》第三十五条',
      fineYuan: 3000,
      paymentMethod: 'BANK_TRANSFER',
    });
    expect(org3000.status).toBe(201);
    expect(org3000.body.decisionNo).toMatch(/简罚〔0002〕号$/);
    const warning = await h.http().post('/simple-penalties').set(as('officerB')).send({
      partyType: 'INDIVIDUAL',
      partyName: '李四',
      violation: '违规吸烟',
      legalBasis: '《安全生产法》',
      warningOnly: true,
      paymentMethod: 'NONE',
    });
    expect(warning.status).toBe(201);
  });

  it('refuses a simple-procedure penalty beyond Art.51/68 (422) or malformed (400/403), creating nothing', async () => {
    const count = async () =>
      (await h.db.ds.query(`SELECT count(*)::int AS n FROM cases WHERE case_type = 'SIMPLE_PENALTY'`))[0].n as number;
    const before = await count();
    const base = { violation: '违规', legalBasis: '《安全生产法》' };
    const post = (who: keyof TestOrg['users'], body: Record<string, unknown>) =>
      h
        .http()
        .post('/simple-penalties')
        .set(as(who))
        .send({ ...base, ...body });
    const over = await post('officerA', {
      partyType: 'INDIVIDUAL',
      partyName: '王五',
      fineYuan: 201,
      paymentMethod: 'BANK_TRANSFER',
    });
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('RULE_VIOLATION');
    expect(
      (
        await post('officerA', {
          partyType: 'ORGANISATION',
          enterpriseId: org.enterpriseId,
          fineYuan: 3000.01,
          paymentMethod: 'BANK_TRANSFER',
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await post('officerA', {
          partyType: 'INDIVIDUAL',
          partyName: '王五',
          fineYuan: 150,
          paymentMethod: 'CASH_ON_SPOT',
        })
      ).status,
    ).toBe(422); // Art.68
    expect(
      (
        await post('officerA', {
          partyType: 'INDIVIDUAL',
          partyName: '王五',
          fineYuan: 50,
          warningOnly: true,
          paymentMethod: 'NONE',
        })
      ).status,
    ).toBe(400);
    expect(
      (await post('officerA', { partyType: 'INDIVIDUAL', partyName: '王五', paymentMethod: 'BANK_TRANSFER' })).status,
    ).toBe(400);
    expect(
      (await post('officerA', { partyType: 'INDIVIDUAL', fineYuan: 50, paymentMethod: 'BANK_TRANSFER' })).status,
    ).toBe(400);
    expect(
      (
        await post('officerA', {
          partyType: 'ORGANISATION',
          enterpriseId: org.otherEnterpriseId,
          fineYuan: 50,
          paymentMethod: 'BANK_TRANSFER',
        })
      ).status,
    ).toBe(403);
    expect(
      (await post('head', { partyType: 'INDIVIDUAL', partyName: '王五', fineYuan: 50, paymentMethod: 'BANK_TRANSFER' }))
        .status,
    ).toBe(403);
    expect(
      (await post('officerA', { partyType: 'INDIVIDUAL', partyName: '王五', fineYuan: 50, paymentMethod: 'CHEQUE' }))
        .status,
    ).toBe(400);
    expect(
      (
        await h
          .http()
          .post('/simple-penalties')
          .send({ ...base, partyType: 'INDIVIDUAL', fineYuan: 50 })
      ).status,
    ).toBe(401);
    expect(await count()).toBe(before);
  });
});
