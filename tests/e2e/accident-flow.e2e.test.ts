import { Harness, startHarness } from '../support/harness';
import { createOrg, TestOrg } from '../support/fixtures';
import { AccidentOrg, createAccidentOrg, loadTestCalendar2027, teamPayload } from '../support/accident-fixtures';
import { expectEventually } from '../support/eventually';
import { recordHistoryIfAsked } from '../support/history';
import { penaltyEvidence, penaltyProposal } from '../support/penalty-flow';

type Who = keyof TestOrg['users'] | keyof AccidentOrg['users'];

/** Accident intake, grading, investigation, 批复 with automatic accountability, referral secrecy and the 四不放过 gates. */
describe('accident investigation over HTTP on the Temporal dev server', () => {
  let h: Harness;
  let org: TestOrg;
  let acc: AccidentOrg;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness({ temporal: 'dev' });
    org = await createOrg(h.db.ds);
    acc = await createAccidentOrg(h.db.ds, org);
    await loadTestCalendar2027(h.db.ds);
    for (const [k, u] of [...Object.entries(org.users), ...Object.entries(acc.users)]) tokens[k] = await h.login(u);
  });
  afterAll(async () => h?.close());

  const as = (who: Who) => ({ Authorization: `Bearer ${tokens[who]}` });
  const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
  const report = (extra: Record<string, unknown> = {}) => ({
    occurredAt: minutesAgo(30),
    place: '测试县化工园区',
    summary: '反应釜爆炸',
    enterpriseId: org.enterpriseId,
    sectorCode: 'HAZARDOUS_CHEMICALS',
    deaths: 0,
    seriousInjuries: 0,
    directLossYuan: 0,
    ...extra,
  });

  async function openTask(caseId: string, who: Who, type: string) {
    return expectEventually(async () => {
      const res = await h.http().get('/tasks').query({ caseId, type }).set(as(who));
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThanOrEqual(1);
      return res.body.items[0] as {
        id: string;
        type: string;
        dueAt: string | null;
        departmentId: string;
        assigneeId: string | null;
      };
    });
  }

  it.each([
    // [deaths, serious injuries, direct loss, grade, investigating level] — 条例 Art.3: 以上 includes, 以下 excludes
    [2, 0, 0, 'GENERAL', 'COUNTY'],
    [3, 0, 0, 'LARGER', 'CITY'],
    [9, 0, 0, 'LARGER', 'CITY'],
    [10, 0, 0, 'MAJOR', 'PROVINCE'],
    [29, 0, 0, 'MAJOR', 'PROVINCE'],
    [30, 0, 0, 'EXTRAORDINARY', 'STATE_COUNCIL'],
    [0, 9, 0, 'GENERAL', 'COUNTY'],
    [0, 10, 0, 'LARGER', 'CITY'],
    [0, 49, 0, 'LARGER', 'CITY'],
    [0, 50, 0, 'MAJOR', 'PROVINCE'],
    [0, 99, 0, 'MAJOR', 'PROVINCE'],
    [0, 100, 0, 'EXTRAORDINARY', 'STATE_COUNCIL'],
    [0, 0, 9_999_999.99, 'GENERAL', 'COUNTY'],
    [0, 0, 10_000_000, 'LARGER', 'CITY'],
    [0, 0, 49_999_999.99, 'LARGER', 'CITY'],
    [0, 0, 50_000_000, 'MAJOR', 'PROVINCE'],
    [0, 0, 99_999_999.99, 'MAJOR', 'PROVINCE'],
    [0, 0, 100_000_000, 'EXTRAORDINARY', 'STATE_COUNCIL'],
  ])(
    'grades %p deaths / %p serious injuries / %p yuan as %s, investigated at %s level',
    async (deaths, seriousInjuries, directLossYuan, grade, level) => {
      const res = await h
        .http()
        .post('/accidents')
        .set(as('officerA'))
        .send(report({ deaths, seriousInjuries, directLossYuan }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        grade,
        investigatingLevel: level,
        reportingDepartmentId: org.departmentId,
        reportTimeliness: 'ON_TIME',
      });
      // The county reports; 较大 and above go to the city bureau (no province department exists here: the nearest, flagged not exact).
      expect(res.body.investigatingDepartmentId).toBe(grade === 'GENERAL' ? org.departmentId : org.cityDepartmentId);
      expect(res.body.investigatingLevelExact).toBe(grade === 'GENERAL' || grade === 'LARGER');
    },
  );

  it('flags 迟报 after one hour, records 漏报/瞒报 flags and rejects bad input', async () => {
    const late = await h
      .http()
      .post('/accidents')
      .set(as('officerA'))
      .send(report({ occurredAt: minutesAgo(61), deaths: 1 }));
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ reportTimeliness: 'LATE', reportingFlags: ['LATE'] });
    const flagged = await h
      .http()
      .post(`/accidents/${late.body.id}/reporting-flags`)
      .set(as('officerA'))
      .send({ flag: 'CONCEALED', reason: '隐瞒1人死亡' });
    expect(flagged.status).toBe(201);
    expect(flagged.body.reportingFlags).toEqual(['LATE', 'CONCEALED']);
    const again = await h
      .http()
      .post(`/accidents/${late.body.id}/reporting-flags`)
      .set(as('officerA'))
      .send({ flag: 'CONCEALED', reason: 'x' });
    // A repeat is the retry of the flag: answered as done, still recorded once.
    expect(again.status).toBe(201);
    expect(again.body.reportingFlags).toEqual(['LATE', 'CONCEALED']);

    expect(
      (
        await h
          .http()
          .post('/accidents')
          .set(as('officerA'))
          .send(report({ deaths: -1 }))
      ).status,
    ).toBe(400);
    expect(
      (
        await h
          .http()
          .post('/accidents')
          .set(as('officerA'))
          .send(report({ sectorCode: 'NOPE' }))
      ).status,
    ).toBe(404);
    expect(
      (
        await h
          .http()
          .post('/accidents')
          .set(as('officerA'))
          .send(report({ occurredAt: new Date(Date.now() + 3_600_000).toISOString() }))
      ).status,
    ).toBe(400);
    expect((await h.http().post('/accidents').set(as('legal')).send(report())).status).toBe(403);
    expect((await h.http().get(`/accidents/${late.body.id}`).set(as('otherOfficer'))).status).toBe(403);
  });

  it('regrades on a 补报 within 30 days and moves the investigation up; after the window → 422 DEADLINE_PASSED', async () => {
    const res = await h
      .http()
      .post('/accidents')
      .set(as('officerA'))
      .send(report({ occurredAt: new Date(Date.now() - 20 * 86_400_000).toISOString(), deaths: 1 }));
    expect(res.body).toMatchObject({ grade: 'GENERAL', investigatingDepartmentId: org.departmentId });
    await openTask(res.body.id, 'head', 'ACCIDENT_TEAM_FORMATION');
    const upd = await h
      .http()
      .post(`/accidents/${res.body.id}/casualty-updates`)
      .set(as('officerA'))
      .send({ deaths: 3, seriousInjuries: 2 });
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({
      previousGrade: 'GENERAL',
      grade: 'LARGER',
      movedUp: true,
      departmentId: org.cityDepartmentId,
    });
    const after = await h.http().get(`/accidents/${res.body.id}`).set(as('cityHead'));
    expect(after.body).toMatchObject({
      grade: 'LARGER',
      deaths: 3,
      departmentId: org.cityDepartmentId,
      investigatingDepartmentId: org.cityDepartmentId,
    });
    expect(after.body.casualtyRevisions).toHaveLength(1);
    // The open team-formation step followed the case to the city.
    await openTask(res.body.id, 'cityHead', 'ACCIDENT_TEAM_FORMATION');

    const old = await h
      .http()
      .post('/accidents')
      .set(as('officerA'))
      .send(report({ occurredAt: new Date(Date.now() - 31 * 86_400_000).toISOString(), deaths: 1 }));
    const late = await h
      .http()
      .post(`/accidents/${old.body.id}/casualty-updates`)
      .set(as('officerA'))
      .send({ deaths: 4, seriousInjuries: 0 });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('DEADLINE_PASSED');
    const unchanged = await h.http().get(`/accidents/${old.body.id}`).set(as('officerA'));
    expect(unchanged.body).toMatchObject({ grade: 'GENERAL', deaths: 1 });
    expect(unchanged.body.casualtyRevisions).toHaveLength(0);

    // Fire: 7 days (条例 Art.13).
    const fire = await h
      .http()
      .post('/accidents')
      .set(as('officerA'))
      .send(report({ sectorCode: 'FIRE', occurredAt: new Date(Date.now() - 8 * 86_400_000).toISOString(), deaths: 1 }));
    expect(
      (
        await h
          .http()
          .post(`/accidents/${fire.body.id}/casualty-updates`)
          .set(as('officerA'))
          .send({ deaths: 2, seriousInjuries: 0 })
      ).status,
    ).toBe(422);
  });

  it('runs a 较大 accident from report to closure: 批复 sends the official to the discipline body in the same step, invisible to others; gates block closure until all four hold', async () => {
    const created = await h
      .http()
      .post('/accidents')
      .set(as('officerA'))
      .send(report({ deaths: 3, seriousInjuries: 1, directLossYuan: 4_500_000 }));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ grade: 'LARGER', investigatingDepartmentId: org.cityDepartmentId });

    // Team (条例 Art.22): the county head is not the investigating level; a team without police/union is refused.
    await openTask(id, 'cityHead', 'ACCIDENT_TEAM_FORMATION');
    expect((await h.http().post(`/accidents/${id}/team`).set(as('head')).send(teamPayload(org, acc))).status).toBe(403);
    const partial = await h
      .http()
      .post(`/accidents/${id}/team`)
      .set(as('cityHead'))
      .send({ ...teamPayload(org, acc), members: teamPayload(org, acc).members.slice(0, 1) });
    expect(partial.status).toBe(422);
    const formed = await h.http().post(`/accidents/${id}/team`).set(as('cityHead')).send(teamPayload(org, acc));
    expect(formed.status).toBe(200);

    // Members act through their own inboxes.
    const policeTask = await openTask(id, 'police', 'ACCIDENT_MEMBER_FINDINGS');
    expect(policeTask.assigneeId).toBe(acc.users.police.id);
    expect(
      (
        await h
          .http()
          .post(`/tasks/${policeTask.id}/complete`)
          .set(as('police'))
          .send({ outcome: 'SUBMIT', payload: { findings: '现场勘验完毕' } })
      ).status,
    ).toBe(200);
    await expectEventually(async () =>
      expect((await openTask(id, 'lead', 'ACCIDENT_INVESTIGATION_REPORT')).dueAt).not.toBeNull(),
    );

    // Evidence on the case, listed in the referral bundle later.
    expect(
      (
        await h
          .http()
          .post(`/cases/${id}/attachments`)
          .set(as('cityHead'))
          .send({ kind: 'NOTE', text: '询问笔录：联系电话13912345678' })
      ).status,
    ).toBe(201);

    const body = {
      directCauses: '操作工张三违章动火（身份证110101199003071234）',
      indirectCauses: '企业安全管理缺失；属地监管不到位',
      educationMeasures: '全市危化企业警示教育，由企业主要负责人王五组织',
      summary: '张三、李四对事故负有责任',
      responsibleParties: [
        {
          kind: 'ENTERPRISE',
          name: '测试企业',
          enterpriseId: org.enterpriseId,
          responsibility: '未落实主体责任',
          proposedHandling: 'ADMINISTRATIVE_PENALTY',
        },
        {
          kind: 'PUBLIC_OFFICIAL',
          name: '李四',
          organisation: '测试县应急管理局',
          position: '监管科科长',
          responsibility: '监管不力',
          proposedHandling: 'DISCIPLINE_REFERRAL',
          handlingDetail: '建议给予政务处分',
        },
        {
          kind: 'ENTERPRISE_STAFF',
          name: '张三',
          enterpriseId: org.enterpriseId,
          position: '操作工',
          responsibility: '违章动火',
          proposedHandling: 'INTERNAL_HANDLING',
        },
      ],
      rectificationMeasures: [{ description: '完善动火作业审批', owner: '测试企业', dueDate: '2026-12-31' }],
    };
    expect((await h.http().post(`/accidents/${id}/report`).set(as('police')).send(body)).status).toBe(403);
    expect(
      (
        await h
          .http()
          .post(`/accidents/${id}/report`)
          .set(as('lead'))
          .send({ ...body, responsibleParties: [] })
      ).status,
    ).toBe(400);
    const submitted = await h.http().post(`/accidents/${id}/report`).set(as('lead')).send(body);
    expect(submitted.status).toBe(200);

    const approvalTask = await openTask(id, 'cityHead', 'ACCIDENT_REPORT_APPROVAL');
    // 条例 Art.32: 15 days from receiving the report; only a 特别重大 批复 may be extended, so this one cannot be.
    expect(approvalTask.dueAt).not.toBeNull();
    const extended = await h
      .http()
      .post(`/tasks/${approvalTask.id}/deadline`)
      .set(as('cityHead'))
      .send({ dueAt: new Date(Date.parse(approvalTask.dueAt!) + 86_400_000).toISOString(), reason: '延期批复' });
    expect(extended.status).toBe(422);
    expect(extended.body.code).toBe('OUT_OF_RANGE');
    const earlier = await h
      .http()
      .post(`/tasks/${approvalTask.id}/deadline`)
      .set(as('cityHead'))
      .send({ dueAt: new Date(Date.parse(approvalTask.dueAt!) - 86_400_000).toISOString(), reason: '提前批复' });
    expect(earlier.status).toBe(200);
    const approved = await h
      .http()
      .post(`/accidents/${id}/approval`)
      .set(as('cityHead'))
      .send({ decision: 'APPROVE', comment: '同意' });
    expect(approved.status).toBe(200);

    // Same workflow step as the 批复: the lead is in the discipline body's inbox with no other step in between.
    const ackTask = await expectEventually(async () => {
      const res = await h.http().get('/tasks').query({ type: 'DISCIPLINE_REFERRAL_ACK' }).set(as('discipline'));
      expect(res.body.items).toHaveLength(1);
      return res.body.items[0] as { id: string; caseId: string; departmentId: string };
    });
    expect(ackTask.departmentId).toBe(org.disciplineDepartmentId);
    const actions: string[] = (
      await h.db.ds.query(`SELECT action FROM audit_log WHERE case_id = $1 ORDER BY seq`, [id])
    ).map((r: { action: string }) => r.action);
    expect(actions.indexOf('INVESTIGATION_REPORT_APPROVED')).toBeLessThan(actions.indexOf('ACCOUNTABILITY_REFERRED'));
    const between = actions.slice(
      actions.indexOf('TASK_COMPLETED', actions.indexOf('INVESTIGATION_REPORT_SUBMITTED')),
      actions.indexOf('ACCOUNTABILITY_REFERRED'),
    );
    expect(between).not.toContain('TASK_OPENED');

    const list = await h.http().get('/discipline-referrals').set(as('discipline'));
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const referralId = list.body.items[0].id as string;
    const seen = await h.http().get(`/discipline-referrals/${referralId}`).set(as('discipline'));
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      side: 'RECEIVER',
      subject: { name: '李四' },
      evidence: { reportExcerpt: { directCauses: body.directCauses } },
    });
    expect(seen.body.evidence.attachments).toHaveLength(1);
    expect((await h.http().get(`/discipline-referrals/${referralId}`).set(as('cityHead'))).body.side).toBe('SENDER');
    for (const who of ['officerA', 'head', 'cityOfficerA', 'lead', 'sysadmin'] as Who[]) {
      const denied = await h.http().get(`/discipline-referrals/${referralId}`).set(as(who));
      expect(denied.status).toBe(403);
    }
    expect((await h.http().get(`/tasks/${ackTask.id}`).set(as('cityOfficerA'))).status).toBe(403);
    const reads = await h.db.ds.query(
      `SELECT actor_id FROM audit_log WHERE action = 'DISCIPLINE_REFERRAL_READ' AND summary->>'referralId' = $1`,
      [referralId],
    );
    expect(reads.length).toBeGreaterThanOrEqual(2);

    // Published with personal data masked (the enterprise's principal too); no referral on the public side.
    await h.db.ds.query(`UPDATE enterprises SET principal_name = '王五' WHERE id = $1`, [org.enterpriseId]);
    const pub = await h.http().get('/public/accident-reports');
    expect(pub.status).toBe(200);
    const mine = pub.body.items.find((x: { id: string }) => x.id === id);
    expect(mine).toBeDefined();
    const text = JSON.stringify(pub.body);
    expect(text).not.toMatch(/张三|李四|王五|110101199003071234|13912345678/);
    expect(mine.educationMeasures).toBe('全市危化企业警示教育，由企业主要负责人王*组织');
    // Codes come with their Chinese labels; the day is China's.
    expect(mine).toMatchObject({ grade: 'LARGER', gradeLabel: '较大事故' });
    expect(mine.responsibleParties[1]).toMatchObject({
      kind: 'ENTERPRISE_STAFF',
      kindLabel: '单位人员',
      proposedHandlingLabel: '由事故发生单位处理',
    });
    expect(mine.rectificationMeasures[0]).toMatchObject({ status: 'OPEN', statusLabel: '整改中' });
    const occurredAt = (await h.db.ds.query(`SELECT occurred_at FROM accidents WHERE case_id = $1`, [id]))[0]
      .occurred_at;
    // 01:30 in China is the previous day in UTC: the public day is China's.
    await h.db.ds.query(`UPDATE accidents SET occurred_at = '2026-11-30T17:30:00Z' WHERE case_id = $1`, [id]);
    const again = (await h.http().get(`/public/accident-reports/${id}`)).body;
    expect(again.occurredOn).toBe('2026-12-01');
    await h.db.ds.query(`UPDATE accidents SET occurred_at = $2 WHERE case_id = $1`, [id, occurredAt]);
    expect(pub.body).toMatchObject({ nextCursor: null, totalExact: true });
    expect(text).not.toContain(referralId);
    expect(text).not.toContain('PUBLIC_OFFICIAL');
    expect(mine.responsibleParties.map((p: { name: string }) => p.name)).toEqual(['测试企业', '张*']);

    // Penalty case opened for the enterprise, linked back.
    const detail = await h.http().get(`/accidents/${id}`).set(as('cityHead'));
    const enterprise = detail.body.responsibleParties.find((p: { kind: string }) => p.kind === 'ENTERPRISE');
    expect(enterprise.linkedCaseId).toBeTruthy();
    const penalty = await h.db.ds.query(`SELECT case_type, data FROM cases WHERE id = $1`, [enterprise.linkedCaseId]);
    expect(penalty[0]).toMatchObject({ case_type: 'PENALTY', data: { sourceCaseId: id } });
    expect(detail.body.responsibleParties.find((p: { kind: string }) => p.kind === 'PUBLIC_OFFICIAL')).toMatchObject({
      outcome: 'PENDING',
      linkedCaseId: null,
      outcomeDetail: null,
    });

    // 四不放过: closure refused with the missing list.
    const early = await h.http().post(`/accidents/${id}/close`).set(as('cityHead')).send({});
    expect(early.status).toBe(422);
    expect(early.body.details.missing).toEqual(
      expect.arrayContaining([
        'NO_EDUCATION_SESSION',
        expect.stringMatching(/^RECTIFICATION_UNVERIFIED:/),
        expect.stringMatching(/^RESPONSIBLE_PARTY_PENDING:/),
      ]),
    );
    expect(early.body.details.missing.filter((m: string) => m.startsWith('RESPONSIBLE_PARTY_PENDING:'))).toHaveLength(
      3,
    );

    // (b) the referral answered, the internal handling recorded, the penalty decided.
    expect((await h.http().post(`/discipline-referrals/${referralId}/acknowledge`).set(as('discipline'))).status).toBe(
      200,
    );
    await openTask(ackTask.caseId, 'discipline', 'DISCIPLINE_REFERRAL_RESULT');
    expect(
      (
        await h
          .http()
          .post(`/discipline-referrals/${referralId}/result`)
          .set(as('discipline'))
          .send({ outcome: 'SANCTIONED', summary: '给予政务记过处分' })
      ).status,
    ).toBe(200);
    const internal = await openTask(id, 'cityOfficerA', 'ACCIDENT_ACCOUNTABILITY_OUTCOME');
    expect(
      (
        await h
          .http()
          .post(`/tasks/${internal.id}/complete`)
          .set(as('cityOfficerA'))
          .send({ outcome: 'INTERNAL_ACTION_TAKEN', payload: { summary: '企业解除劳动合同' } })
      ).status,
    ).toBe(200);
    // The linked penalty case runs its real 一般程序 to a decision, by the city bureau's officers and head.
    const penaltyCaseId = enterprise.linkedCaseId as string;
    const penaltyStep = async (who: Who, type: string, outcome: string, payload: Record<string, unknown> = {}) => {
      const t = await openTask(penaltyCaseId, who, type);
      const res = await h.http().post(`/tasks/${t.id}/complete`).set(as(who)).send({ outcome, payload });
      if (res.status !== 200)
        throw new Error(`${type} ${outcome} by ${who}: ${res.status} ${JSON.stringify(res.body)}`);
    };
    const cityOfficers = (
      await h.db.ds.query('SELECT id, credential_no FROM users WHERE id = ANY($1::uuid[]) ORDER BY username', [
        [acc.users.cityOfficerA.id, acc.users.cityOfficerB.id],
      ])
    ).map((u: { id: string; credential_no: string }) => ({ officerId: u.id, credentialNo: u.credential_no }));
    await penaltyStep('cityHead', 'FILING_APPROVAL', 'APPROVE', { comment: '同意立案' });
    // Opened automatically, the case has no 承办人 yet: the head designates two credentialed city officers.
    const notOfficer = await h
      .http()
      .post(`/cases/penalty/${penaltyCaseId}/handlers`)
      .set(as('cityHead'))
      .send({ handlerIds: [acc.users.lead.id] });
    expect(notOfficer.status).toBe(422);
    const designated = await h
      .http()
      .post(`/cases/penalty/${penaltyCaseId}/handlers`)
      .set(as('cityHead'))
      .send({ handlerIds: cityOfficers.map((o: { officerId: string }) => o.officerId) });
    expect(designated.status).toBe(201);
    expect(designated.body.handlerIds).toEqual(
      expect.arrayContaining(cityOfficers.map((o: { officerId: string }) => o.officerId)),
    );
    await penaltyStep('cityOfficerA', 'INVESTIGATION', 'SUBMIT', penaltyEvidence(cityOfficers));
    await penaltyStep(
      'cityOfficerA',
      'PENALTY_PROPOSAL',
      'PROPOSE_PENALTY',
      penaltyProposal({ fineYuan: 5_000, violationType: 'SPL-99-3', circumstance: 'LENIENT' }),
    );
    await penaltyStep('cityOfficerA', 'PENALTY_NOTICE_SERVICE', 'SERVED', {
      servedAt: new Date().toISOString(),
      method: 'DIRECT',
      recipient: '企业安全负责人',
    });
    await expectEventually(async () =>
      expect((await h.db.ds.query('SELECT status FROM cases WHERE id = $1', [penaltyCaseId]))[0].status).toBe(
        'AWAITING_PARTY',
      ),
    );
    expect(
      (
        await h
          .http()
          .post(`/cases/penalty/${penaltyCaseId}/waivers`)
          .set(as('cityOfficerA'))
          .send({ waives: ['STATEMENT'], note: '当事人书面放弃（签字确认书）' })
      ).status,
    ).toBe(201);
    await penaltyStep('cityHead', 'PENALTY_DECISION', 'DECIDE_PENALTY', { reasons: '事故责任单位，违法事实清楚' });
    await expectEventually(async () =>
      expect((await h.db.ds.query('SELECT status FROM cases WHERE id = $1', [penaltyCaseId]))[0].status).toBe(
        'DECIDED',
      ),
    );

    // (c) rectification evidence, verified by someone else.
    const evidence = await openTask(id, 'cityOfficerA', 'ACCIDENT_RECTIFICATION_EVIDENCE');
    expect(
      (
        await h
          .http()
          .post(`/tasks/${evidence.id}/complete`)
          .set(as('cityOfficerA'))
          .send({ outcome: 'SUBMIT', payload: { evidence: '审批制度已修订' } })
      ).status,
    ).toBe(200);
    const verify = await openTask(id, 'cityOfficerB', 'ACCIDENT_RECTIFICATION_VERIFICATION');
    const self = await h
      .http()
      .post(`/tasks/${verify.id}/complete`)
      .set(as('cityOfficerA'))
      .send({ outcome: 'VERIFIED' });
    expect(self.status).toBe(403);
    expect(
      (await h.http().post(`/tasks/${verify.id}/complete`).set(as('cityOfficerB')).send({ outcome: 'VERIFIED' }))
        .status,
    ).toBe(200);

    await expectEventually(async () => {
      const g = await h.http().get(`/accidents/${id}/gates`).set(as('cityHead'));
      expect(g.body).toMatchObject({
        causesEstablished: true,
        responsiblePartiesHandled: true,
        rectificationVerified: true,
        educationRecorded: false,
        missing: ['NO_EDUCATION_SESSION'],
      });
    });
    const stillOpen = await h.http().post(`/accidents/${id}/close`).set(as('cityHead')).send({});
    expect(stillOpen.status).toBe(422);
    expect(stillOpen.body.details.missing).toEqual(['NO_EDUCATION_SESSION']);

    // (d) warning education.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(
      (
        await h
          .http()
          .post(`/accidents/${id}/education-sessions`)
          .set(as('cityOfficerA'))
          .send({ heldOn: today, topic: '事故警示教育', attendees: [{ name: '王五' }, { name: '赵六' }] })
      ).status,
    ).toBe(201);
    expect((await h.http().post(`/accidents/${id}/close`).set(as('cityOfficerA')).send({})).status).toBe(403);
    const closed = await h
      .http()
      .post(`/accidents/${id}/close`)
      .set(as('cityHead'))
      .send({ comment: '四不放过已落实' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('CLOSED');
    await expectEventually(async () => {
      const rows = await h.db.ds.query('SELECT status FROM cases WHERE id = $1', [id]);
      expect(rows[0].status).toBe('CLOSED');
    });
    const party = await h.db.ds.query(`SELECT outcome FROM accident_responsible_parties WHERE id = $1`, [
      enterprise.id,
    ]);
    expect(party[0].outcome).toBe('ADMINISTRATIVE_PENALTY_DECIDED');

    // The database numbers linked cases per accident (one id scheme): the first referral is -1.
    const referralWorkflow = (
      await h.db.ds.query('SELECT workflow_id FROM discipline_referrals WHERE id = $1', [referralId])
    )[0].workflow_id as string;
    expect(referralWorkflow).toBe(`discipline-referral-${id}-1`);
    await h.client.workflow.getHandle(referralWorkflow).result();
    recordHistoryIfAsked(referralWorkflow, 'discipline-referral-v2-kernel-answered');
    // The accident workflow keeps running until the one-year evaluation; its history so far replays too.
    recordHistoryIfAsked(`accident-${id}`, 'accident-v2-kernel-closed-awaiting-evaluation');
  });

  it('reports statistics with the period-over-period change, and records and analyses near misses', async () => {
    const from = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const stats = await h.http().get('/accidents/statistics').query({ from, to, groupBy: 'grade' }).set(as('cityHead'));
    expect(stats.status).toBe(200);
    const larger = stats.body.groups.find((g: { key: string }) => g.key === 'LARGER');
    expect(larger.accidents).toBeGreaterThanOrEqual(1);
    expect(larger.change.accidents).toBe(larger.accidents - larger.previous.accidents);
    expect(stats.body.totals.deaths).toBeGreaterThan(0);
    const byRegion = await h
      .http()
      .get('/accidents/statistics')
      .query({ from, to, groupBy: 'region' })
      .set(as('cityHead'));
    expect(byRegion.body.groups[0].label).toContain('测试县');
    expect(
      (await h.http().get('/accidents/statistics').query({ from: to, to: from, groupBy: 'grade' }).set(as('cityHead')))
        .status,
    ).toBe(400);
    expect(
      (await h.http().get('/accidents/statistics').query({ from, to, groupBy: 'weather' }).set(as('cityHead'))).status,
    ).toBe(400);

    const nm = await h
      .http()
      .post('/accidents/near-misses')
      .set(as('officerA'))
      .send({
        kind: 'NEAR_MISS',
        occurredAt: minutesAgo(60),
        place: '罐区',
        sectorCode: 'HAZARDOUS_CHEMICALS',
        causeCategory: 'UNSAFE_ACT',
        description: '未佩戴防护用品',
      });
    expect(nm.status).toBe(201);
    expect(
      (
        await h
          .http()
          .post('/accidents/near-misses')
          .set(as('officerA'))
          .send({
            kind: 'INJURY_ONLY',
            occurredAt: minutesAgo(60),
            place: '车间',
            sectorCode: 'HAZARDOUS_CHEMICALS',
            causeCategory: 'UNSAFE_CONDITION',
            description: '轻伤',
            minorInjuries: 1,
          })
      ).status,
    ).toBe(201);
    expect(
      (
        await h
          .http()
          .post('/accidents/near-misses')
          .set(as('officerA'))
          .send({
            kind: 'NEAR_MISS',
            occurredAt: minutesAgo(60),
            place: 'x',
            sectorCode: 'HAZARDOUS_CHEMICALS',
            causeCategory: 'UNSAFE_ACT',
            description: 'x',
            minorInjuries: 2,
          })
      ).status,
    ).toBe(400);
    const listed = await h.http().get('/accidents/near-misses').set(as('officerA'));
    expect(listed.body.total).toBe(2);
    const analysis = await h.http().get('/accidents/near-misses/analysis').query({ from, to }).set(as('officerA'));
    expect(analysis.body.total).toEqual({ events: 2, minorInjuries: 1 });
    expect(analysis.body.bySector).toEqual([{ key: 'HAZARDOUS_CHEMICALS', events: 2, minorInjuries: 1 }]);
    expect((await h.http().get('/accidents/near-misses').set(as('otherOfficer'))).body.total).toBe(0);
  });
});
