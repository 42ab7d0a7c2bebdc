import { randomUUID } from 'node:crypto';
import { OrgHarness, startOrgHarness } from '../support/harness';
import { TestOrg, TestUser } from '../support/fixtures';
import { loadTestCalendar2027 } from '../support/accident-fixtures';
import { expectEventually } from '../support/eventually';
import { recordHistoryIfAsked } from '../support/history';

type Who = keyof TestOrg['users'] | 'otherDiscipline';

/**
 * 线索移交 proposed from a penalty case: the head of the case's department approves, the lead reaches
 * the discipline body's inbox through the accident referrals' own steps, the case shows it answered, and
 * nobody else (another department, a supervisor above, another discipline body) ever sees it.
 */
describe('discipline referrals proposed from a case, over HTTP on the Temporal dev server', () => {
  let h: OrgHarness;
  let org: TestOrg;
  let otherDisciplineToken: string;

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    org = h.org;
    await loadTestCalendar2027(h.db.ds);
    // A discipline body of another city: its region chain does not contain the test county.
    const one = async (sql: string, params: unknown[]) => (await h.db.ds.query(sql, params))[0].id as string;
    const region = await one(`INSERT INTO regions (code, name, level) VALUES ($1,$2,'CITY') RETURNING id`, [
      `Z${org.suffix}`,
      `别市${org.suffix}`,
    ]);
    const department = await one(
      `INSERT INTO departments (code, name, kind, level, region_id) VALUES ($1,$2,'DISCIPLINE','CITY',$3) RETURNING id`,
      [`DI-Z${org.suffix}`, `别市纪委监委${org.suffix}`, region],
    );
    const user: TestUser = { ...org.users.discipline, username: `discipline2.${org.suffix}`, departmentId: department };
    user.id = await one(
      `INSERT INTO users (username, password_hash, display_name, department_id, roles)
         SELECT $1, password_hash, 'discipline2', $2, roles FROM users WHERE id = $3 RETURNING id`,
      [user.username, department, org.users.discipline.id],
    );
    otherDisciplineToken = await h.login(user);
  });
  afterAll(async () => h?.close());

  const as = (who: Who) =>
    who === 'otherDiscipline' ? { Authorization: `Bearer ${otherDisciplineToken}` } : h.as(who);

  async function penaltyCaseWithEvidence(who: Who = 'officerA') {
    const opened = await h
      .http()
      .post('/cases/penalty')
      .set(as(who))
      .send({ title: '未按规定开展安全检查', enterpriseId: org.enterpriseId });
    expect(opened.status).toBe(201);
    const attached = await h
      .http()
      .post(`/cases/${opened.body.id}/attachments`)
      .set(as(who))
      .send({ kind: 'NOTE', text: '询问笔录：镇安监站站长收受企业财物，未依法查处' });
    expect(attached.status).toBe(201);
    return { caseId: opened.body.id as string, attachmentId: attached.body.id as string };
  }

  const lead = (attachmentIds: string[]) => ({
    official: { name: '王五', post: '安监站站长', organisation: '测试镇人民政府' },
    misconduct: '明知企业重大事故隐患未依法查处，涉嫌收受企业财物',
    attachmentIds,
  });

  const propose = (caseId: string, body: unknown, who: Who = 'officerA') =>
    h
      .http()
      .post(`/cases/${caseId}/discipline-referrals`)
      .set(as(who))
      .send(body as object);

  async function openTask(caseId: string, who: Who, type: string) {
    return expectEventually(async () => {
      const res = await h.http().get('/tasks').query({ caseId, type }).set(as(who));
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      return res.body.items[0] as {
        id: string;
        caseId: string;
        departmentId: string;
        candidateRoles: string[];
        dueAt: string | null;
      };
    });
  }

  const caseReferrals = async (caseId: string, who: Who = 'officerA') => {
    const res = await h.http().get(`/cases/${caseId}/discipline-referrals`).set(as(who));
    expect(res.status).toBe(200);
    return res.body.items as Array<Record<string, unknown> & { id: string; status: string }>;
  };

  it('publishes the head’s approval step with a titled payload contract', async () => {
    const res = await h.http().get('/task-types').set(as('head'));
    expect(res.status).toBe(200);
    const step = res.body.items.find((t: { type: string }) => t.type === 'DISCIPLINE_REFERRAL_APPROVAL');
    expect(step).toMatchObject({
      title: { zh: '纪检监察线索移交：负责人审批', en: 'Discipline referral: head approval' },
      roles: ['AGENCY_HEAD'],
    });
    const reject = step.outcomes.find((o: { outcome: string }) => o.outcome === 'REJECT');
    expect(reject.schema).toMatchObject({
      required: ['reason'],
      properties: { reason: { title: '不予移交理由', 'x-title-en': 'Reason for refusing' } },
    });
  });

  it('goes from a penalty case to the discipline body once the head approves, and the case shows it answered', async () => {
    const { caseId, attachmentId } = await penaltyCaseWithEvidence();

    const proposed = await propose(caseId, lead([attachmentId]));
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      caseId,
      status: 'PROPOSED',
      official: { name: '王五' },
      attachmentIds: [attachmentId],
      receivingDepartmentId: org.disciplineDepartmentId,
      referralId: null,
      result: null,
    });
    const proposalId = proposed.body.id as string;
    // Nothing reaches the discipline body before the head approves.
    expect(
      (await h.http().get('/discipline-referrals').set(as('discipline'))).body.items.filter(
        (r: { sourceCaseId: string }) => r.sourceCaseId === caseId,
      ),
    ).toEqual([]);

    // The head of the case's department decides; an officer, a supervisor above and the proposer may not.
    const approval = await openTask(caseId, 'head', 'DISCIPLINE_REFERRAL_APPROVAL');
    expect(approval).toMatchObject({ departmentId: org.departmentId, candidateRoles: ['AGENCY_HEAD'] });
    const complete = (who: Who, outcome: string, payload: Record<string, unknown>) =>
      h.http().post(`/tasks/${approval.id}/complete`).set(as(who)).send({ outcome, payload });
    const byOfficer = await complete('officerB', 'APPROVE', {});
    expect([byOfficer.status, byOfficer.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const byCityHead = await complete('cityHead', 'APPROVE', {});
    expect([byCityHead.status, byCityHead.body.code]).toEqual([403, 'FORBIDDEN_JURISDICTION']);
    const approved = await complete('head', 'APPROVE', { comment: '同意移交' });
    expect(approved.status).toBe(200);

    const sent = await expectEventually(async () => {
      const [item] = await caseReferrals(caseId);
      expect(item).toMatchObject({ id: proposalId, status: 'APPROVED', decision: { comment: '同意移交' } });
      return item;
    });
    const referralId = sent.referralId as string;
    const seen = await h.http().get(`/discipline-referrals/${referralId}`).set(as('discipline'));
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      side: 'RECEIVER',
      status: 'SENT',
      sourceCaseId: caseId,
      senderDepartmentId: org.departmentId,
      subject: { name: '王五', position: '安监站站长', organisation: '测试镇人民政府' },
      evidence: { case: { caseId, caseType: 'PENALTY' }, proposal: { id: proposalId } },
    });
    expect(seen.body.evidence.attachments.map((a: { id: string }) => a.id)).toEqual([attachmentId]);
    const listed = await h.http().get('/discipline-referrals').set(as('discipline'));
    expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(referralId);

    // In the discipline body's inbox: the accident referrals' own acknowledge step, on the referral's case.
    const ack = await openTask(seen.body.referralCaseId, 'discipline', 'DISCIPLINE_REFERRAL_ACK');
    expect(ack.departmentId).toBe(org.disciplineDepartmentId);
    expect(ack.dueAt).not.toBeNull();
    const file = await h
      .http()
      .get(`/discipline-referrals/${referralId}/attachments/${attachmentId}/content`)
      .set(as('discipline'));
    expect(file.status).toBe(200);

    // Invisible to everyone but the sending department and the receiving body.
    for (const who of ['otherOfficer', 'cityHead', 'otherDiscipline', 'discipline', 'sysadmin'] as Who[]) {
      const res = await h.http().get(`/cases/${caseId}/discipline-referrals`).set(as(who));
      expect({ who, status: res.status, code: res.body.code }).toEqual({ who, status: 404, code: 'NOT_FOUND' });
    }
    const otherBody = await h.http().get('/discipline-referrals').set(as('otherDiscipline'));
    expect(otherBody.status).toBe(200);
    expect(JSON.stringify(otherBody.body)).not.toContain(referralId);
    const otherInbox = await h
      .http()
      .get('/tasks')
      .query({ type: 'DISCIPLINE_REFERRAL_ACK' })
      .set(as('otherDiscipline'));
    expect(otherInbox.status).toBe(200);
    expect(otherInbox.body.items).toEqual([]);
    for (const who of ['otherDiscipline', 'otherOfficer', 'cityHead', 'officerA'] as Who[]) {
      const res = await h.http().get(`/discipline-referrals/${referralId}`).set(as(who));
      expect({ who, status: res.status }).toEqual({ who, status: 403 });
    }
    expect((await h.http().get(`/tasks/${ack.id}`).set(as('otherDiscipline'))).status).toBe(403);
    expect(
      (await h.http().post(`/discipline-referrals/${referralId}/acknowledge`).set(as('otherDiscipline'))).status,
    ).toBe(403);

    // The body signs for it and reports the result; the case follows.
    expect((await h.http().post(`/discipline-referrals/${referralId}/acknowledge`).set(as('discipline'))).status).toBe(
      200,
    );
    await expectEventually(async () => expect((await caseReferrals(caseId))[0].status).toBe('ACKNOWLEDGED'));
    await openTask(ack.caseId, 'discipline', 'DISCIPLINE_REFERRAL_RESULT');
    const result = await h
      .http()
      .post(`/discipline-referrals/${referralId}/result`)
      .set(as('discipline'))
      .send({ outcome: 'SANCTIONED', summary: '给予政务记过处分' });
    expect(result.status).toBe(200);
    const answered = await expectEventually(async () => {
      const [item] = await caseReferrals(caseId);
      expect(item.status).toBe('ANSWERED');
      return item;
    });
    expect(answered).toMatchObject({ result: { outcome: 'SANCTIONED', summary: '给予政务记过处分' } });
    expect(answered.acknowledgedAt).toEqual(expect.any(String));

    // Every act is on the case's full-process record, without the lead's content.
    const timeline = await h.http().get(`/cases/${caseId}/timeline`).query({ limit: 100 }).set(as('officerA'));
    expect(timeline.status).toBe(200);
    const actions: string[] = timeline.body.items.map((e: { action: string }) => e.action);
    const order = [
      'DISCIPLINE_REFERRAL_PROPOSED',
      'DISCIPLINE_REFERRAL_APPROVED',
      'DISCIPLINE_REFERRAL_ACKNOWLEDGED',
      'DISCIPLINE_REFERRAL_ANSWERED',
    ].map((action) => actions.indexOf(action));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(actions).toContain('DISCIPLINE_REFERRALS_LISTED');
    expect(JSON.stringify(timeline.body)).not.toContain('王五');

    const proposalWorkflow = (
      await h.db.ds.query('SELECT workflow_id FROM discipline_referral_proposals WHERE id = $1', [proposalId])
    )[0].workflow_id as string;
    await h.client.workflow.getHandle(proposalWorkflow).result();
    recordHistoryIfAsked(proposalWorkflow, 'case-discipline-referral-proposal-approved');
    const referralWorkflow = (
      await h.db.ds.query('SELECT workflow_id FROM discipline_referrals WHERE id = $1', [referralId])
    )[0].workflow_id as string;
    expect(referralWorkflow).toBe(`discipline-referral-${caseId}-1`);
    await h.client.workflow.getHandle(referralWorkflow).result();
    recordHistoryIfAsked(referralWorkflow, 'discipline-referral-v2-kernel-from-case-answered');
  });

  it('stays on the case when the head refuses it', async () => {
    const { caseId, attachmentId } = await penaltyCaseWithEvidence();
    const proposed = await propose(caseId, lead([attachmentId]));
    expect(proposed.status).toBe(201);
    const approval = await openTask(caseId, 'head', 'DISCIPLINE_REFERRAL_APPROVAL');
    const missingReason = await h
      .http()
      .post(`/tasks/${approval.id}/complete`)
      .set(as('head'))
      .send({ outcome: 'REJECT', payload: {} });
    expect(missingReason.status).toBe(400);
    const refused = await h
      .http()
      .post(`/tasks/${approval.id}/complete`)
      .set(as('head'))
      .send({ outcome: 'REJECT', payload: { reason: '现有材料不足以认定公职人员违纪违法' } });
    expect(refused.status).toBe(200);
    const [item] = await expectEventually(async () => {
      const items = await caseReferrals(caseId);
      expect(items[0].status).toBe('REJECTED');
      return items;
    });
    expect(item).toMatchObject({
      referralId: null,
      decision: { decidedBy: org.users.head.id, comment: '现有材料不足以认定公职人员违纪违法' },
    });
    const sent = await h.db.ds.query('SELECT id FROM discipline_referrals WHERE source_case_id = $1', [caseId]);
    expect(sent).toEqual([]);
  });

  it('refuses a head approving their own proposal', async () => {
    const { caseId, attachmentId } = await penaltyCaseWithEvidence('head');
    expect((await propose(caseId, lead([attachmentId]), 'head')).status).toBe(201);
    const approval = await openTask(caseId, 'head', 'DISCIPLINE_REFERRAL_APPROVAL');
    const own = await h
      .http()
      .post(`/tasks/${approval.id}/complete`)
      .set(as('head'))
      .send({ outcome: 'APPROVE', payload: {} });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('FORBIDDEN_SEPARATION_OF_DUTIES');
  });

  it('rejects evidence of another case (422), outsiders and unknown cases (404), other roles (403) and bad bodies (400)', async () => {
    const { caseId, attachmentId } = await penaltyCaseWithEvidence();
    const other = await penaltyCaseWithEvidence();

    const foreign = await propose(caseId, lead([attachmentId, other.attachmentId]));
    expect(foreign.status).toBe(422);
    expect(foreign.body).toMatchObject({ code: 'RULE_VIOLATION', details: { attachmentIds: [other.attachmentId] } });

    const unknown = await propose(randomUUID(), lead([attachmentId]));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    const outsider = await propose(caseId, lead([attachmentId]), 'otherOfficer');
    expect(outsider.status).toBe(404);
    const discipline = await propose(caseId, lead([attachmentId]), 'discipline');
    expect(discipline.status).toBe(403);
    expect(discipline.body.code).toBe('FORBIDDEN_ROLE');
    expect((await h.http().get(`/cases/${randomUUID()}/discipline-referrals`).set(as('officerA'))).status).toBe(404);

    const invalid = await propose(caseId, { official: { name: '' }, attachmentIds: [] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
    const paths = invalid.body.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'official.name',
        'official.post',
        'official.organisation',
        'misconduct',
        'attachmentIds',
      ]),
    );

    // None of the refused attempts left a proposal behind.
    expect(await caseReferrals(caseId)).toEqual([]);
  });
});
