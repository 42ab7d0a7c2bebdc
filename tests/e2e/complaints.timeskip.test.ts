import { OrgHarness, startOrgHarness } from '../support/harness';
import { TestOrg } from '../support/fixtures';
import { expectEventually } from '../support/eventually';
import { recordClientHistoryIfAsked } from '../support/history';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const INFORMANT = { anonymous: false, name: '李举报', phone: '13912345678', address: '某县某路8号' };

type Who = keyof TestOrg['users'];
interface TaskRow {
  id: string;
  type: string;
  dueAt: string | null;
  escalation: string;
}

/**
 * 投诉举报 (12350) over HTTP on real PostgreSQL and the time-skipping server: public intake with a
 * photo, acceptance, verification, result, feedback on time, reward; a transfer into another
 * department's inbox; late feedback turning red; the informant never shown to the public, a head or
 * another department.
 */
describe('complaints and tip-offs (time-skipping server)', () => {
  let h: OrgHarness;
  let org: TestOrg;
  /** Every body answered to someone who must not learn who the informant is. */
  const outsiderBodies: unknown[] = [];

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'time-skipping' });
    org = h.org;
  });
  afterAll(async () => h?.close());

  const as = (who: Who) => h.as(who);
  const openTask = (caseId: string, type: string, who: Who = 'officerA') =>
    expectEventually(async () => {
      const res = await h.http().get('/tasks').query({ caseId, type }).set(as(who));
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      return res.body.items[0] as TaskRow;
    });
  const complete = async (taskId: string, who: Who, outcome: string, payload: Record<string, unknown> = {}) =>
    h.http().post(`/tasks/${taskId}/complete`).set(as(who)).send({ outcome, payload });
  const step = async (caseId: string, type: string, who: Who, outcome: string, payload: Record<string, unknown>) => {
    const task = await openTask(caseId, type, who);
    const res = await complete(task.id, who, outcome, payload);
    expect({ type, status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({
      type,
      status: 200,
      body: 'ok',
    });
    return task;
  };
  const track = (code: string, secret: string) => h.http().get(`/public/complaints/${code}`).query({ secret });
  const detail = async (id: string, who: Who) => {
    const res = await h.http().get(`/complaints/${id}`).set(as(who));
    return res;
  };
  const complaintIdOf = async (code: string) =>
    (await h.db.ds.query(`SELECT id, case_id FROM complaints WHERE tracking_code = $1`, [code]))[0] as {
      id: string;
      case_id: string;
    };

  it('takes a public complaint with a photo through acceptance, verification, feedback on time and a reward', async () => {
    const filed = await h
      .http()
      .post('/public/complaints')
      .send({
        description: '企业关闭可燃气体报警装置，夜间违规动火作业',
        place: '测试县化工园区',
        enterpriseName: `测试企业E${org.suffix}A`,
        contact: INFORMANT,
        evidence: [{ fileName: '../现场<照片>.png', contentType: 'image/png', contentBase64: PNG.toString('base64') }],
      });
    expect(filed.status).toBe(201);
    expect(Object.keys(filed.body).sort()).toEqual(['code', 'secret']);
    outsiderBodies.push(filed.body);
    const { code, secret } = filed.body as { code: string; secret: string };
    const { id, case_id: caseId } = await complaintIdOf(code);

    // The secret is stored hashed; a wrong secret and an unknown code answer the same 404.
    const stored = await h.db.ds.query(`SELECT secret_hash FROM complaints WHERE id = $1`, [id]);
    expect(stored[0].secret_hash).not.toContain(secret);
    const wrong = await track(code, 'wrong-secret-0000');
    const unknown = await track('TS2345678923', secret);
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(wrong.body.message).toBe(unknown.body.message);
    const received = await track(code, secret);
    expect(received.status).toBe(200);
    expect(received.body).toEqual({ code, status: 'RECEIVED', statusLabel: '已收到，待受理审查', feedback: null });

    // Matched to the directory: the enterprise's enforcement department has it in its inbox.
    const acceptance = await openTask(caseId, 'COMPLAINT_ACCEPTANCE');
    expect(acceptance.dueAt).not.toBeNull();
    // The photo is evidence of the case, sanitised and never served inline.
    const attachments = await h.http().get(`/cases/${caseId}/attachments`).set(as('officerA'));
    expect(attachments.body.items).toHaveLength(1);
    expect(attachments.body.items[0]).toMatchObject({ contentType: 'image/png', uploadedBy: null });
    expect(attachments.body.items[0].fileName).not.toContain('/');
    const photoId = attachments.body.items[0].id as string;
    const download = await h.http().get(`/cases/${caseId}/attachments/${photoId}/content`).set(as('officerA'));
    expect(download.headers['content-disposition']).toMatch(/^attachment/);

    await step(caseId, 'COMPLAINT_ACCEPTANCE', 'officerA', 'ACCEPT', { comment: '属本部门管辖，予以受理' });

    // The handling officer reads the informant (audited); a colleague who is no handler, the head and another department do not.
    const asHandler = await detail(id, 'officerA');
    expect(asHandler.status).toBe(200);
    expect(asHandler.body.informant).toEqual(INFORMANT);
    for (const who of ['officerB', 'head'] as const) {
      const asColleague = await detail(id, who);
      expect(asColleague.status).toBe(200);
      expect(asColleague.body).toMatchObject({ anonymous: false, informant: null });
      outsiderBodies.push(asColleague.body);
    }
    const asOther = await detail(id, 'otherOfficer');
    expect(asOther.status).toBe(403);
    outsiderBodies.push(asOther.body);
    const reads = await h.db.ds.query(
      `SELECT action, actor_id FROM audit_log WHERE case_id = $1 AND action LIKE 'COMPLAINT%READ' ORDER BY seq`,
      [caseId],
    );
    expect(reads).toEqual([
      { action: 'COMPLAINT_INFORMANT_READ', actor_id: org.users.officerA.id },
      { action: 'COMPLAINT_READ', actor_id: org.users.officerB.id },
      { action: 'COMPLAINT_READ', actor_id: org.users.head.id },
    ]);

    // Only the handling officers verify.
    const verification = await openTask(caseId, 'COMPLAINT_VERIFICATION');
    const verified = {
      findings: '现场核实：可燃气体报警装置被关闭',
      grade: 'GENERAL_HAZARD',
      attachmentIds: [photoId],
    };
    const notHandler = await complete(verification.id, 'officerB', 'VERIFIED_TRUE', verified);
    expect(notHandler.status).toBe(403);
    outsiderBodies.push(notHandler.body);
    await complete(verification.id, 'officerA', 'VERIFIED_TRUE', verified).then((res) => expect(res.status).toBe(200));
    await step(caseId, 'COMPLAINT_RESULT', 'officerA', 'RECORD', { result: '责令立即改正，依法立案查处' });
    const feedback = await openTask(caseId, 'COMPLAINT_FEEDBACK');
    expect(feedback.escalation).toBe('NONE');
    await step(caseId, 'COMPLAINT_FEEDBACK', 'officerA', 'SENT', {
      feedback: '经核查，举报属实，已依法处理。',
      method: 'ONLINE',
    });
    await expectEventually(async () => {
      const answered = await track(code, secret);
      expect(answered.body).toEqual({
        code,
        status: 'ANSWERED',
        statusLabel: '已答复',
        feedback: '经核查，举报属实，已依法处理。',
      });
      outsiderBodies.push(answered.body);
    });

    // 奖励: the amount must fall in the policy's tier for the verified grade (default 200–3000 yuan).
    const proposal = await openTask(caseId, 'COMPLAINT_REWARD_PROPOSAL');
    const tooMuch = await complete(proposal.id, 'officerA', 'PROPOSE', { amountYuan: 5000, basis: '一般事故隐患' });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('OUT_OF_RANGE');
    await complete(proposal.id, 'officerA', 'PROPOSE', { amountYuan: 800, basis: '一般事故隐患举报属实' }).then((res) =>
      expect(res.status).toBe(200),
    );
    await step(caseId, 'COMPLAINT_REWARD_APPROVAL', 'head', 'APPROVE', { comment: '同意' });
    await step(caseId, 'COMPLAINT_REWARD_PAYMENT', 'officerA', 'PAID', { paidOn: '2026-03-02', voucherNo: 'JL-001' });

    await expectEventually(async () => {
      const closed = await detail(id, 'officerA');
      expect(closed.body).toMatchObject({
        status: 'CLOSED',
        verifiedTrue: true,
        verifiedGrade: 'GENERAL_HAZARD',
        feedbackOnTime: true,
        reward: { status: 'PAID', amountYuan: 800 },
      });
    });
    // The full-process record of the case, without the informant.
    const timeline = await h.http().get(`/cases/${caseId}/timeline`).query({ limit: 100 }).set(as('head'));
    expect(timeline.status).toBe(200);
    outsiderBodies.push(timeline.body);
    const actions = (timeline.body.items as Array<{ action: string }>).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'COMPLAINT_RECEIVED',
        'EVIDENCE_ATTACHED',
        'COMPLAINT_ACCEPTED',
        'COMPLAINT_VERIFIED',
        'COMPLAINT_ANSWERED',
        'COMPLAINT_REWARD_PAID',
        'COMPLAINT_CLOSED',
      ]),
    );
    const list = await h.http().get('/complaints').set(as('head'));
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(id);
    outsiderBodies.push(list.body);
    const task = await h.http().get(`/tasks/${proposal.id}`).set(as('head'));
    outsiderBodies.push(task.body);
    await recordClientHistoryIfAsked(h.client, `complaint-${caseId}`, 'complaint-v2-local-activities-rewarded');
  });

  it('lands a transferred complaint in the other department’s inbox', async () => {
    const registered = await h
      .http()
      .post('/complaints')
      .set(as('officerA'))
      .send({
        channel: 'HOTLINE_12350',
        receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
        description: '邻县某矿山超层越界开采',
        place: '邻县',
        contact: INFORMANT,
      });
    expect(registered.status).toBe(201);
    const { id, code } = registered.body as { id: string; code: string };
    const { case_id: caseId } = await complaintIdOf(code);
    const acceptance = await openTask(caseId, 'COMPLAINT_ACCEPTANCE');
    // A discipline body is not a competent department for a work-safety complaint.
    const toDiscipline = await complete(acceptance.id, 'officerA', 'TRANSFER', {
      departmentId: org.disciplineDepartmentId,
      reason: '不属本部门管辖',
    });
    expect(toDiscipline.status).toBe(422);
    await complete(acceptance.id, 'officerA', 'TRANSFER', {
      departmentId: org.otherDepartmentId,
      reason: '属邻县管辖',
    }).then((res) => expect(res.status).toBe(200));

    const inOther = await openTask(caseId, 'COMPLAINT_ACCEPTANCE', 'otherOfficer');
    expect(inOther.id).not.toBe(acceptance.id);
    const mine = await h.http().get('/tasks').query({ caseId, type: 'COMPLAINT_ACCEPTANCE' }).set(as('officerA'));
    expect(mine.body.items ?? []).toHaveLength(0);
    // The receiving department handles it, but its officers are not yet handlers: no informant for them.
    const asReceiver = await detail(id, 'otherOfficer');
    expect(asReceiver.status).toBe(200);
    expect(asReceiver.body).toMatchObject({ departmentId: org.otherDepartmentId, informant: null });
    expect(asReceiver.body.transfers).toHaveLength(1);
    outsiderBodies.push(asReceiver.body);
    const inbox = await h.http().get('/tasks').set(as('otherOfficer'));
    outsiderBodies.push(inbox.body);
    // The registering officer still may.
    expect((await detail(id, 'officerA')).body.informant).toEqual(INFORMANT);
    await recordClientHistoryIfAsked(h.client, `complaint-${caseId}`, 'complaint-v2-local-activities-transferred');
  });

  it('turns late feedback red and counts it as not on time', async () => {
    const filed = await h
      .http()
      .post('/public/complaints')
      .send({
        description: '某仓库违规存放危险化学品',
        place: '测试县',
        departmentId: org.departmentId,
        contact: { anonymous: true },
      });
    expect(filed.status).toBe(201);
    const { code, secret } = filed.body as { code: string; secret: string };
    const { id, case_id: caseId } = await complaintIdOf(code);
    await step(caseId, 'COMPLAINT_ACCEPTANCE', 'officerA', 'ACCEPT', {});
    await step(caseId, 'COMPLAINT_VERIFICATION', 'officerA', 'VERIFIED_FALSE', { findings: '现场未发现' });
    await step(caseId, 'COMPLAINT_RESULT', 'officerA', 'RECORD', { result: '举报不属实，不予处理' });
    const feedback = await openTask(caseId, 'COMPLAINT_FEEDBACK');
    await h.skipTo(new Date(feedback.dueAt!).getTime() + 60_000);
    await expectEventually(async () => expect((await openTask(caseId, 'COMPLAINT_FEEDBACK')).escalation).toBe('RED'));
    await complete(feedback.id, 'officerA', 'SENT', { feedback: '经核查，举报不属实。', method: 'ONLINE' }).then(
      (res) => expect(res.status).toBe(200),
    );
    await expectEventually(async () => {
      const closed = await detail(id, 'officerA');
      expect(closed.body).toMatchObject({ status: 'CLOSED', verifiedTrue: false, feedbackOnTime: false, reward: null });
    });
    expect((await track(code, secret)).body).toEqual({
      code,
      status: 'CLOSED',
      statusLabel: '已办结',
      feedback: '经核查，举报不属实。',
    });
    await recordClientHistoryIfAsked(h.client, `complaint-${caseId}`, 'complaint-v2-local-activities-late-feedback');

    const stats = await h
      .http()
      .get('/complaints/statistics')
      .query({ from: '2020-01-01T00:00:00+08:00', to: new Date(Date.now() + 400 * 86_400_000).toISOString() })
      .set(as('head'));
    expect(stats.status).toBe(200);
    expect(stats.body.items).toEqual([
      expect.objectContaining({
        // The transferred one counts where it was received, as transferred.
        received: 3,
        transferred: 1,
        accepted: 2,
        verified: 2,
        verifiedTrue: 1,
        verifiedTrueRate: 0.5,
        answered: 2,
        answeredOnTime: 1,
        onTimeFeedbackRate: 0.5,
        rewardsPaid: 1,
        rewardsPaidYuan: 800,
      }),
    ]);

    // By region: the matched enterprise's region, else the handling department's, so the complaint transferred to the
    // neighbouring county counts there although this county received it.
    const byRegion = await h
      .http()
      .get('/complaints/statistics')
      .query({
        from: '2020-01-01T00:00:00+08:00',
        to: new Date(Date.now() + 400 * 86_400_000).toISOString(),
        groupBy: 'region',
      })
      .set(as('head'));
    expect(byRegion.status).toBe(200);
    const regionOf = async (departmentId: string) =>
      (await h.db.ds.query('SELECT region_id FROM departments WHERE id = $1', [departmentId]))[0].region_id as string;
    const items = byRegion.body.items as Array<{ key: string; label: string; received: number; transferred: number }>;
    expect(items.map((item) => [item.key, item.label, item.received, item.transferred]).sort()).toEqual(
      [
        [org.regionId, `测试县${org.suffix}`, 2, 0],
        [await regionOf(org.otherDepartmentId), `邻县${org.suffix}`, 1, 1],
      ].sort(),
    );
  });

  it('verifies a complaint through a linked inspection, which the complaint follows', async () => {
    const filed = await h
      .http()
      .post('/public/complaints')
      .send({
        description: '企业车间安全警示标志缺失，消防通道堵塞',
        place: '测试县工业园',
        enterpriseName: `测试企业E${org.suffix}A有限公司`,
        contact: INFORMANT,
      });
    expect(filed.status).toBe(201);
    const { code, secret } = filed.body as { code: string; secret: string };
    const { id, case_id: caseId } = await complaintIdOf(code);
    await step(caseId, 'COMPLAINT_ACCEPTANCE', 'officerA', 'ACCEPT', {});
    const verification = await openTask(caseId, 'COMPLAINT_VERIFICATION');
    // Two different credentialed officers of the department (安全生产法 Art.68).
    const alone = await complete(verification.id, 'officerA', 'OPEN_INSPECTION', {
      inspectorIds: [org.users.officerA.id, org.users.head.id],
      reason: '核查举报',
    });
    expect(alone.status).toBe(422);
    await complete(verification.id, 'officerA', 'OPEN_INSPECTION', {
      inspectorIds: [org.users.officerA.id, org.users.officerB.id],
      unannounced: true,
      reason: '核查举报',
    }).then((res) => expect(res.status).toBe(200));

    const inspection = await expectEventually(async () => {
      const rows = await h.db.ds.query(
        `SELECT id, workflow_id FROM cases WHERE case_type = 'INSPECTION' AND data->>'sourceCaseId' = $1`,
        [caseId],
      );
      expect(rows).toHaveLength(1);
      return rows[0] as { id: string; workflow_id: string };
    });
    expect(inspection.workflow_id).toBe(`inspection-${caseId}-1`);
    expect((await detail(id, 'officerA')).body).toMatchObject({
      status: 'UNDER_INSPECTION',
      inspectionCaseId: inspection.id,
    });
    expect((await track(code, secret)).body.status).toBe('UNDER_INSPECTION');

    const record = await openTask(inspection.id, 'INSPECTION_RECORD');
    await complete(record.id, 'officerB', 'PROPOSE_PENALTY', {
      confirmations: [
        { officerId: org.users.officerA.id, credentialNo: `A${org.suffix}` },
        { officerId: org.users.officerB.id, credentialNo: `B${org.suffix}` },
      ],
      findings: [{ description: '安全警示标志缺失', hazardLevel: 'GENERAL', legalBasis: '安全生产法第三十五条' }],
      penaltyReason: '未设置明显的安全警示标志',
    }).then((res) => expect(res.status).toBe(200));

    // The inspection ended: the finding is made with its result in view.
    const after = await openTask(caseId, 'COMPLAINT_VERIFICATION');
    expect(after.id).not.toBe(verification.id);
    const full = await h.http().get(`/tasks/${after.id}`).set(as('officerA'));
    expect(full.body.payload).toMatchObject({ inspectionCaseId: inspection.id, inspectionResult: 'PENALTY_PROPOSED' });
    expect(full.body.form.outcomes.map((outcome: { outcome: string }) => outcome.outcome)).toEqual([
      'VERIFIED_TRUE',
      'VERIFIED_FALSE',
    ]);
    // The inspection proposed the penalty case already: not a second one for the same matter.
    const second = await complete(after.id, 'officerA', 'VERIFIED_TRUE', {
      findings: '经现场检查，举报属实',
      grade: 'GENERAL_HAZARD',
      openPenaltyCase: true,
    });
    expect([second.status, second.body.message]).toEqual([
      422,
      'the inspection already opened a penalty case for this complaint',
    ]);
    await complete(after.id, 'officerA', 'VERIFIED_TRUE', {
      findings: '经现场检查，举报属实，已建议立案处罚',
      grade: 'GENERAL_HAZARD',
    }).then((res) => expect(res.status).toBe(200));
    await expectEventually(async () =>
      expect((await detail(id, 'officerA')).body).toMatchObject({ status: 'VERIFIED', verifiedTrue: true }),
    );
    await recordClientHistoryIfAsked(
      h.client,
      `complaint-${caseId}`,
      'complaint-v2-local-activities-linked-inspection',
    );
  });

  it('merges a duplicate into the complaint about the same matter, whose answer its informant then reads', async () => {
    const send = async (description: string) => {
      const res = await h
        .http()
        .post('/public/complaints')
        .send({
          description,
          place: '测试县城南',
          departmentId: org.departmentId,
          contact: { anonymous: true },
        });
      expect(res.status).toBe(201);
      const { code, secret } = res.body as { code: string; secret: string };
      return { code, secret, ...(await complaintIdOf(code)) };
    };
    const first = await send('城南某加油站违规卸油');
    const duplicate = await send('城南加油站卸油时无人监护，违规作业');
    await step(first.case_id, 'COMPLAINT_ACCEPTANCE', 'officerA', 'ACCEPT', {});
    const acceptance = await openTask(duplicate.case_id, 'COMPLAINT_ACCEPTANCE');
    const unknown = await complete(acceptance.id, 'officerA', 'MERGE', { intoComplaintId: duplicate.id });
    expect(unknown.status).toBe(422);
    await complete(acceptance.id, 'officerA', 'MERGE', { intoComplaintId: first.id, comment: '同一事项' }).then((res) =>
      expect(res.status).toBe(200),
    );
    await expectEventually(async () =>
      expect((await detail(duplicate.id, 'officerA')).body).toMatchObject({ status: 'MERGED', mergedIntoId: first.id }),
    );
    expect((await track(duplicate.code, duplicate.secret)).body).toEqual({
      code: duplicate.code,
      status: 'ACCEPTED',
      statusLabel: '已受理',
      feedback: null,
    });
    const merged = await h.db.ds.query(
      `SELECT action FROM audit_log WHERE case_id = $1 AND action = 'COMPLAINT_DUPLICATE_MERGED'`,
      [first.case_id],
    );
    expect(merged).toHaveLength(1);
    const open = await h.http().get('/tasks').query({ caseId: duplicate.case_id }).set(as('officerA'));
    expect(open.body.items).toHaveLength(0);
  });

  it('refuses a received-on time in the future and never shows the informant to outsiders', async () => {
    const future = await h
      .http()
      .post('/complaints')
      .set(as('officerA'))
      .send({
        channel: 'LETTER',
        receivedAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        description: '来信举报',
        place: '测试县',
        contact: { anonymous: true },
      });
    expect(future.status).toBe(400);
    expect(future.body.details.fields.map((field: { path: string }) => field.path)).toEqual(['receivedAt']);

    expect(outsiderBodies.length).toBeGreaterThan(8);
    const seen = JSON.stringify(outsiderBodies);
    expect(seen).not.toContain(INFORMANT.phone);
    expect(seen).not.toContain(INFORMANT.name);
    expect(seen).not.toContain(INFORMANT.address);
  });

  it('keeps the periods and tiers as per-department policy values, defaults until an administrator overrides them', async () => {
    const path = `/complaints/policies/${org.departmentId}`;
    const defaults = await h.http().get(path).set(as('officerA'));
    expect(defaults.status).toBe(200);
    expect(defaults.body).toMatchObject({
      overrides: {},
      effective: { acceptanceWorkingDays: 5, feedbackWorkingDays: 15 },
    });
    expect((await h.http().put(path).set(as('officerA')).send({ overrides: {} })).status).toBe(403);
    const unknown = await h
      .http()
      .put(path)
      .set(as('admin'))
      .send({ overrides: { feedbackDays: 3 } });
    expect(unknown.status).toBe(400);
    const tooLong = await h
      .http()
      .put(path)
      .set(as('admin'))
      .send({ overrides: { acceptanceWorkingDays: 0 } });
    expect(tooLong.status).toBe(422);
    const saved = await h
      .http()
      .put(path)
      .set(as('admin'))
      .send({ overrides: { feedbackWorkingDays: 10 } });
    expect(saved.status).toBe(200);
    expect(saved.body.effective).toMatchObject({ feedbackWorkingDays: 10, acceptanceWorkingDays: 5 });
    expect((await h.http().get(path).set(as('head'))).body.overrides).toEqual({ feedbackWorkingDays: 10 });
    expect((await h.http().get(`/complaints/policies/${org.otherDepartmentId}`).set(as('officerA'))).status).toBe(403);
  });

  it('throttles public intake per address like login', async () => {
    let refused: { status: number; body: { code?: string; details?: { retryAfterSeconds?: number } } } | null = null;
    for (let attempt = 0; attempt < 12 && !refused; attempt++) {
      const res = await h
        .http()
        .post('/public/complaints')
        .send({
          description: `批量举报 ${attempt}`,
          place: '测试县',
          departmentId: org.departmentId,
          contact: { anonymous: true },
        });
      if (res.status === 429) refused = res;
      else expect(res.status).toBe(201);
    }
    expect(refused?.body.code).toBe('RATE_LIMITED');
    expect(refused?.body.details?.retryAfterSeconds).toBeGreaterThan(0);
  });
});
