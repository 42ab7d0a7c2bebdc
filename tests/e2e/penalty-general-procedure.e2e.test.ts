import { OrgHarness, startOrgHarness } from '../support/harness';
import { expectEventually } from '../support/eventually';
import { recordHistoryIfAsked } from '../support/history';
import { penaltyFlow } from '../support/penalty-flow';

/**
 * A full 行政处罚一般程序 case over HTTP on the dev server — opening to disclosure and archive —
 * plus bad input answered with clear 4xx codes and nothing changed.
 */
describe('penalty general procedure over HTTP (dev server)', () => {
  let h: OrgHarness;
  let f: ReturnType<typeof penaltyFlow>;

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    f = penaltyFlow(h);
    await f.loadTestYear2027();
  });
  afterAll(async () => h?.close());

  it('runs a case from 立案 through investigation, 集体讨论, 告知, decision, service, payment, disclosure and archive', async () => {
    const { org, as } = h;
    const c = await f.openCase();
    await f.file(c.id);
    await f.waitStatus(c.id, 'INVESTIGATING');

    // 先行登记保存 (Art.56): requested during the investigation, approved by the head, decided within 7 working days.
    const pres = await h
      .http()
      .post(`/cases/penalty/${c.id}/evidence-preservations`)
      .set(as('officerA'))
      .send({ items: ['员工安全培训档案 1 册'], reason: '证据可能灭失', location: '企业办公室' });
    expect(pres.status).toBe(201);
    const approval = await f.completeOk(c.id, 'EVIDENCE_PRESERVATION_APPROVAL', 'head', 'APPROVE', { comment: '同意' });
    const disposal = await f.openTask(c.id, 'EVIDENCE_PRESERVATION_DISPOSAL');
    const approvedAt: Date = (await h.db.ds.query('SELECT completed_at FROM tasks WHERE id = $1', [approval.id]))[0]
      .completed_at;
    const expectedDisposalDue = await h
      .http()
      .get('/calendar/due-date')
      .set(as('officerA'))
      .query({ start: f.localDate(approvedAt.getTime()), unit: 'working_days', amount: 7 });
    expect(disposal.due_at!.toISOString()).toBe(expectedDisposalDue.body.dueAt);
    expect((await f.complete(disposal.id, 'officerB', 'KEEP_AS_EVIDENCE', { decision: '作为证据留存' })).status).toBe(
      200,
    );

    // Art.42/55: one officer on an evidence item is refused; nothing changes.
    const inv = await f.openTask(c.id, 'INVESTIGATION');
    const lone = await f.complete(
      inv.id,
      'officerA',
      'SUBMIT',
      f.evidence([{ officerId: org.users.officerA.id, credentialNo: `A${org.suffix}` }]),
    );
    // The step contract requires two officers per item (行政处罚法 Art.42, 55): a 400 naming each item.
    expect(lone.status).toBe(400);
    expect(lone.body.details.fields.map((f: { path: string }) => f.path)).toEqual([
      'payload.evidence.0.officers',
      'payload.evidence.1.officers',
    ]);
    const forged = await f.complete(
      inv.id,
      'officerA',
      'SUBMIT',
      f.evidence([
        { officerId: org.users.officerA.id, credentialNo: `A${org.suffix}` },
        { officerId: org.users.officerB.id, credentialNo: 'FAKE-1' },
      ]),
    );
    expect(forged.status).toBe(422);
    expect(forged.body.message).toMatch(/does not match/);
    expect((await h.db.ds.query('SELECT status FROM tasks WHERE id = $1', [inv.id]))[0].status).toBe('OPEN');
    await f.investigate(c.id);

    // The proposal is checked against the discretion benchmark: outside the range → 422 OUT_OF_RANGE, nothing changed.
    const prop = await f.openTask(c.id, 'PENALTY_PROPOSAL');
    const tooHigh = await f.complete(
      prop.id,
      'officerA',
      'PROPOSE_PENALTY',
      f.proposal({ circumstance: 'LENIENT', fineYuan: 50_000 }),
    );
    expect(tooHigh.status).toBe(422);
    expect(tooHigh.body.code).toBe('OUT_OF_RANGE');
    const noPayload = await f.complete(prop.id, 'officerA', 'PROPOSE_PENALTY', { violationType: 'SPL-97-3' });
    expect(noPayload.status).toBe(400);
    // Every missing field at once, by path.
    expect(noPayload.body.details.fields.map((f: { path: string }) => f.path)).toEqual([
      'payload.facts',
      'payload.measures',
    ]);
    expect((await h.db.ds.query('SELECT status FROM tasks WHERE id = $1', [prop.id]))[0].status).toBe('OPEN');
    expect((await f.complete(prop.id, 'officerA', 'PROPOSE_PENALTY', f.proposal({ serious: true }))).status).toBe(200);
    // 40,000 for an organisation gives a hearing right, so it is a line of the default 法制审核目录 (Art.58).
    await f.completeOk(c.id, 'LEGAL_REVIEW', 'legal', 'APPROVE', { opinion: '事实清楚，适用法律正确' });

    // 告知: the notice document is numbered in the agency format and escapes its data.
    await f.openTask(c.id, 'PENALTY_NOTICE_SERVICE');
    const docs = await h.http().get(`/cases/${c.id}/documents`).set(as('officerA'));
    expect(docs.status).toBe(200);
    const notice = docs.body.items.find((d: { kind: string }) => d.kind === 'PENALTY_NOTICE');
    expect(notice.number).toMatch(/^〔\d{4}〕测应急罚告〔0001〕号$/);
    const html = await h.http().get(`/documents/${notice.id}/html`).set(as('officerB'));
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.text).toContain('40,000.00 元');
    expect(html.text).toContain('要求举行听证');
    expect(html.headers['x-content-sha256']).toBe(notice.sha256);
    const foreignDoc = await h.http().get(`/documents/${notice.id}/html`).set(as('otherOfficer'));
    expect(foreignDoc.status).toBe(403);

    // A payment before any decision is a step out of order.
    const early = await h
      .http()
      .post(`/cases/penalty/${c.id}/payments`)
      .set(as('officerA'))
      .send({ amountYuan: 100, paidOn: f.localDate(Date.now()), receiptNo: 'R-0' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('STEP_OUT_OF_ORDER');

    await f.serveNotice(c.id);
    const st = await f.state(c.id);
    expect(st.procedure!.notice.hearingEligible).toBe(true);
    expect(st.procedure!.notice.hearingGrounds).toEqual(['LARGE_FINE']);
    expect((await f.waive(c.id, ['STATEMENT', 'HEARING'])).status).toBe(201);

    // 集体讨论 (Art.57) for a serious case, then the decision by a head who did not propose it.
    await f.completeOk(c.id, 'COLLECTIVE_DISCUSSION', 'head', 'DECIDE_PENALTY', {
      participants: ['局长', '副局长甲', '副局长乙'],
      minutes: '一致同意按告知内容处罚',
    });
    const dec = await f.openTask(c.id, 'PENALTY_DECISION');
    const raised = await f.complete(dec.id, 'head', 'DECIDE_PENALTY', { reasons: '违法事实清楚', fineYuan: 45_000 });
    expect(raised.status).toBe(422);
    expect(raised.body.message).toMatch(/告知|Art\.4[45]/);
    const wrongOutcome = await f.complete(dec.id, 'head', 'NO_PENALTY', { reasons: 'x' });
    expect(wrongOutcome.status).toBe(422);
    expect(wrongOutcome.body.message).toMatch(/collective discussion/);
    expect(
      (
        await f.complete(dec.id, 'head', 'DECIDE_PENALTY', {
          reasons: '违法事实清楚，证据确凿',
          seriousViolation: true,
        })
      ).status,
    ).toBe(200);
    await f.waitStatus(c.id, 'DECIDED');

    await f.completeOk(c.id, 'DECISION_SERVICE', 'officerA', 'SERVED', {
      servedAt: new Date().toISOString(),
      method: 'DIRECT',
      recipient: '企业法定代表人',
    });
    await f.waitStatus(c.id, 'AWAITING_PAYMENT');
    const owed = await h.http().get(`/cases/penalty/${c.id}/amount-owed`).set(as('officerA'));
    expect(owed.status).toBe(200);
    expect(owed.body).toMatchObject({ fineYuan: 40_000, surchargeYuan: 0, outstandingYuan: 40_000, settled: false });

    // 公示 within 7 working days (安全生产法 Art.78): the public endpoint needs no login and shows no personal data.
    const pubTask = await f.openTask(c.id, 'DECISION_PUBLICATION');
    const decidedAt = Date.parse((await f.state(c.id)).procedure!.decision.decidedAt);
    const pubDue = await h
      .http()
      .get('/calendar/due-date')
      .set(as('officerA'))
      .query({ start: f.localDate(decidedAt), unit: 'working_days', amount: 7 });
    expect(pubTask.due_at!.toISOString()).toBe(pubDue.body.dueAt);
    expect(
      (
        await f.complete(pubTask.id, 'officerB', 'PUBLISH', {
          violationSummary: '未按规定开展安全培训，联系电话13900001111，身份证320202198001011234',
        })
      ).status,
    ).toBe(200);
    const pub = await expectEventually(async () => {
      const res = await h.http().get('/public/penalty-decisions').query({ limit: 100 });
      expect(res.status).toBe(200);
      const mine = res.body.items.find((x: { decisionNumber: string }) => x.decisionNumber.includes('罚决'));
      expect(mine).toBeDefined();
      return mine;
    });
    expect(pub).toMatchObject({
      partyName: expect.stringContaining('测试企业'),
      fineYuan: 40_000,
      penalty: '罚款40000元',
    });
    expect(pub.violation).toBe('未按规定开展安全培训，联系电话139********，身份证320202************');
    expect(JSON.stringify(pub)).not.toContain('13900001111');
    expect(pub).not.toHaveProperty('caseId');
    expect(pub).not.toHaveProperty('id');
    const dishonest = await h.http().get('/public/dishonest-entities');
    expect(dishonest.body.items.map((x: { decisionNumber: string }) => x.decisionNumber)).toContain(pub.decisionNumber);

    const paid = await h
      .http()
      .post(`/cases/penalty/${c.id}/payments`)
      .set(as('officerA'))
      .send({ amountYuan: 40_000, paidOn: f.localDate(Date.now()), receiptNo: 'FS-2026-001' });
    expect(paid.status).toBe(201);
    expect(paid.body.detail).toMatchObject({ settled: true, outstandingYuan: 0 });
    await f.waitStatus(c.id, 'EXECUTED');

    // 结案归档: the case file with documents and the audit timeline, fingerprinted.
    await f.completeOk(c.id, 'CASE_ARCHIVE', 'head', 'ARCHIVE', { comment: '结案' });
    await f.waitStatus(c.id, 'ARCHIVED');
    const archive = await h.http().get(`/cases/${c.id}/archive`).set(as('head'));
    expect(archive.status).toBe(200);
    expect(archive.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(archive.body.caseFile.documents.map((d: { kind: string }) => d.kind)).toEqual([
      'FILING_APPROVAL_FORM',
      'PENALTY_NOTICE',
      'PENALTY_DECISION',
    ]);
    const actions = (
      await h.http().get(`/cases/${c.id}/timeline`).query({ limit: 100 }).set(as('head'))
    ).body.items.map((e: { action: string }) => e.action);
    for (const a of [
      'CASE_FILED',
      'EVIDENCE_PRESERVATION_REQUESTED',
      'PENALTY_PROPOSED',
      'PENALTY_NOTICE_SERVED',
      'PARTY_RIGHTS_WAIVED',
      'COLLECTIVE_DISCUSSION_RECORDED',
      'PENALTY_DECIDED',
      'DECISION_SERVED',
      'DECISION_PUBLISHED',
      'DISHONEST_ENTITY_LISTED',
      'PAYMENT_RECORDED',
      'PENALTY_EXECUTED',
      'CASE_FILE_ARCHIVED',
      'CASE_ARCHIVED',
    ]) {
      expect(actions).toContain(a);
    }
    const after = await h
      .http()
      .post(`/cases/penalty/${c.id}/statements`)
      .set(as('officerA'))
      .send({ summary: 'late' });
    expect(after.status).toBe(409);
    await h.client.workflow.getHandle(c.workflowId).result();
    recordHistoryIfAsked(c.workflowId, 'penalty-case-v4-local-activities-general-procedure');

    // 案卷评查: heads draw a reproducible sample; officers may not; a reviewer scores it.
    const draw = await h.http().post('/file-reviews/samples').set(as('head')).send({ size: 1, seed: '2026-Q4' });
    expect(draw.status).toBe(201);
    expect(draw.body.caseIds).toEqual([c.id]);
    const again = await h.http().post('/file-reviews/samples').set(as('admin')).send({ size: 1, seed: '2026-Q4' });
    expect(again.body.caseIds).toEqual(draw.body.caseIds);
    expect((await h.http().post('/file-reviews/samples').set(as('officerA')).send({ size: 1, seed: 'x' })).status).toBe(
      403,
    );
    const score = await h
      .http()
      .post(`/file-reviews/samples/${draw.body.id}/scores`)
      .set(as('legal'))
      .send({
        caseId: c.id,
        score: 92,
        findings: '文书齐全，程序合法',
        items: [
          { criterion: '实体', score: 46, maxScore: 50 },
          { criterion: '程序', score: 46, maxScore: 50 },
        ],
      });
    expect(score.status).toBe(201);

    // 信用修复: the listing department records the application, its head (who did not record it) approves.
    const listing = (await h.http().get('/dishonest-entities').set(as('officerA'))).body.items.find(
      (x: { caseId: string }) => x.caseId === c.id,
    );
    expect(listing.status).toBe('LISTED');
    expect(
      (await h.db.ds.query('SELECT credit_status FROM enterprises WHERE id = $1', [org.enterpriseId]))[0].credit_status,
    ).toBe('DISHONEST');
    const req = await h
      .http()
      .post(`/dishonest-entities/${listing.id}/repair-requests`)
      .set(as('officerA'))
      .send({ statement: '已整改', rectificationEvidence: '培训记录' });
    expect(req.status).toBe(201);
    const tooSoon = await h
      .http()
      .post(`/credit-repairs/${req.body.id}/decision`)
      .set(as('head'))
      .send({ approve: true, comment: '同意' });
    expect(tooSoon.status).toBe(422);
    const policy = await h
      .http()
      .put(`/enforcement/policies/${org.departmentId}`)
      .set(as('admin'))
      .send({ overrides: { creditRepairMinListedDays: 0 } });
    expect(policy.status).toBe(200);
    const ok = await h
      .http()
      .post(`/credit-repairs/${req.body.id}/decision`)
      .set(as('head'))
      .send({ approve: true, comment: '同意修复' });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('APPROVED');
    const publicAfter = await h.http().get('/public/dishonest-entities');
    expect(publicAfter.body.items.map((x: { decisionNumber: string }) => x.decisionNumber)).not.toContain(
      listing.decisionNumber,
    );
    expect(
      (await h.db.ds.query('SELECT credit_status FROM enterprises WHERE id = $1', [org.enterpriseId]))[0].credit_status,
    ).toBe('NORMAL');
  });

  it('answers bad input with clear 4xx codes and changes nothing', async () => {
    const { as } = h;
    const unknownEnterprise = await h
      .http()
      .post('/cases/penalty')
      .set(as('officerA'))
      .send({ title: 'x', enterpriseId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownEnterprise.status).toBe(404);

    const c = await f.openCase();
    // Before 立案 every non-task action is out of order.
    const tooEarly = await h
      .http()
      .post(`/cases/penalty/${c.id}/hearing-request`)
      .set(as('officerA'))
      .send({ channel: 'WRITTEN' });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.code).toBe('STEP_OUT_OF_ORDER');
    await f.file(c.id);
    await f.investigate(c.id);
    await f.completeOk(
      c.id,
      'PENALTY_PROPOSAL',
      'officerA',
      'PROPOSE_PENALTY',
      f.proposal({ fineYuan: 5_000, violationType: 'SPL-99-3', circumstance: 'LENIENT' }),
    );
    // A hearing request before the notice is served is out of order; an unknown field is a 400; another department is 403.
    const beforeNotice = await h
      .http()
      .post(`/cases/penalty/${c.id}/hearing-request`)
      .set(as('officerA'))
      .send({ channel: 'WRITTEN' });
    expect(beforeNotice.status).toBe(409);
    const extra = await h
      .http()
      .post(`/cases/penalty/${c.id}/statements`)
      .set(as('officerA'))
      .send({ summary: 'x', fine: 1 });
    expect(extra.status).toBe(400);
    const foreign = await h
      .http()
      .post(`/cases/penalty/${c.id}/statements`)
      .set(as('otherOfficer'))
      .send({ summary: 'x' });
    expect(foreign.status).toBe(403);
    await f.serveNotice(c.id);
    // 5,000 yuan for an organisation carries no hearing right (Art.63).
    const noRight = await h
      .http()
      .post(`/cases/penalty/${c.id}/hearing-request`)
      .set(as('officerA'))
      .send({ channel: 'WRITTEN' });
    expect(noRight.status).toBe(422);
    expect(noRight.body.code).toBe('RULE_VIOLATION');
    const statement = await h
      .http()
      .post(`/cases/penalty/${c.id}/statements`)
      .set(as('officerA'))
      .send({ summary: '当事人称已开始整改' });
    expect(statement.status).toBe(201);
    expect((await f.waive(c.id, ['STATEMENT'])).status).toBe(201);
    // The decision window: the party argued, so the fine may not go up (Art.45); an officer may not decide (403).
    const dec = await f.openTask(c.id, 'PENALTY_DECISION');
    expect((await f.complete(dec.id, 'officerA', 'DECIDE_PENALTY', { reasons: 'x' })).status).toBe(403);
    const up = await f.complete(dec.id, 'head', 'DECIDE_PENALTY', { reasons: 'x', fineYuan: 6_000 });
    expect(up.status).toBe(422);
    expect(up.body.message).toMatch(/Art\.45/);
    // Below the benchmark range after the defence is OUT_OF_RANGE unless the circumstance changes.
    const below = await f.complete(dec.id, 'head', 'DECIDE_PENALTY', { reasons: 'x', fineYuan: 500 });
    expect(below.status).toBe(422);
    expect(below.body.code).toBe('OUT_OF_RANGE');
    const ext = await h
      .http()
      .post(`/cases/penalty/${c.id}/decision-extensions`)
      .set(as('head'))
      .send({ days: 200, reason: 'x' });
    expect(ext.status).toBe(400);
    const ext2 = await h
      .http()
      .post(`/cases/penalty/${c.id}/decision-extensions`)
      .set(as('head'))
      .send({ days: 91, reason: '案情复杂' });
    expect(ext2.status).toBe(422);
    // While the year the extended period would end in has no holiday calendar, the extension is refused and not spent.
    await h.db.ds.query(`CREATE TABLE holiday_years_aside AS SELECT * FROM holiday_years WHERE year = 2027`);
    await h.db.ds.query(`DELETE FROM holiday_years WHERE year = 2027`);
    const uncomputable = await h
      .http()
      .post(`/cases/penalty/${c.id}/decision-extensions`)
      .set(as('head'))
      .send({ days: 30, reason: '案情复杂' });
    await h.db.ds.query(`INSERT INTO holiday_years SELECT * FROM holiday_years_aside`);
    await h.db.ds.query(`DROP TABLE holiday_years_aside`);
    expect(uncomputable.status).toBe(422);
    expect(uncomputable.body).toMatchObject({ code: 'CALENDAR_YEAR_NOT_LOADED', details: { year: 2027 } });
    const ext3 = await h
      .http()
      .post(`/cases/penalty/${c.id}/decision-extensions`)
      .set(as('head'))
      .send({ days: 30, reason: '案情复杂' });
    expect(ext3.status).toBe(201);
    const extended = await h
      .http()
      .get('/calendar/due-date')
      .set(as('officerA'))
      .query({ start: f.localDate(Date.now()), unit: 'calendar_days', amount: 90 + 30 });
    expect(ext3.body.detail.decisionDueDate).toBe(extended.body.dueDate);
    await expectEventually(async () => {
      const t = (await h.db.ds.query('SELECT due_at FROM tasks WHERE id = $1', [dec.id]))[0];
      expect(t.due_at.toISOString()).toBe(ext3.body.detail.decisionDueAt);
    });
    expect((await h.db.ds.query('SELECT status FROM tasks WHERE id = $1', [dec.id]))[0].status).toBe('OPEN');
    expect(await f.status(c.id)).toBe('AWAITING_DECISION');
    // 撤案 ends the case without a penalty; the archive step follows.
    expect((await f.complete(dec.id, 'head', 'WITHDRAW', { reasons: '违法事实不能成立' })).status).toBe(200);
    await f.waitStatus(c.id, 'WITHDRAWN');
    await f.completeOk(c.id, 'CASE_ARCHIVE', 'head', 'ARCHIVE');
    await f.waitStatus(c.id, 'ARCHIVED');
  });
});
