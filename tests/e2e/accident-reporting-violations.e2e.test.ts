import { AccidentReportingViolationService } from '@safety/application';
import { Harness, startHarness } from '../support/harness';
import { createOrg, TestOrg } from '../support/fixtures';
import { AccidentOrg, createAccidentOrg, generalAccident } from '../support/accident-fixtures';
import { expectEventually } from '../support/eventually';
import { recordHistoryIfAsked } from '../support/history';

type Who = keyof TestOrg['users'] | keyof AccidentOrg['users'];

interface Consequence {
  id: string;
  flag: string;
  target: string;
  handled: boolean;
  linkedCase?: { id: string; caseType: string; status: string } | null;
}

/** 迟报/漏报/谎报/瞒报 (条例 Art.36) open their consequences, which hold the 四不放过 gates, over HTTP on the dev server. */
describe('accident reporting violations over HTTP on the Temporal dev server', () => {
  let h: Harness;
  let org: TestOrg;
  let acc: AccidentOrg;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness({ temporal: 'dev' });
    org = await createOrg(h.db.ds);
    acc = await createAccidentOrg(h.db.ds, org);
    for (const [k, u] of [...Object.entries(org.users), ...Object.entries(acc.users)]) tokens[k] = await h.login(u);
  });
  afterAll(async () => h?.close());

  const as = (who: Who) => ({ Authorization: `Bearer ${tokens[who]}` });
  const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

  async function reportAccident(extra: Record<string, unknown> = {}) {
    const res = await h.http().post('/accidents').set(as('officerA')).send(generalAccident(org.enterpriseId, extra));
    expect(res.status).toBe(201);
    return res.body as { id: string; reportingFlags: string[] };
  }
  const gates = async (id: string) => {
    const res = await h.http().get(`/accidents/${id}/gates`).set(as('head'));
    expect(res.status).toBe(200);
    return res.body as { closable: boolean; missing: string[]; reportingConsequences: Consequence[] };
  };
  const linkedCases = (id: string) =>
    h.db.ds.query(
      `SELECT id, case_type, workflow_id, data FROM cases WHERE data->>'sourceCaseId' = $1 ORDER BY workflow_id`,
      [id],
    ) as Promise<Array<{ id: string; case_type: string; workflow_id: string; data: Record<string, unknown> }>>;

  it('a 瞒报 flag opens penalty cases against the principal and the enterprise and a referral of the official; all hold the gates', async () => {
    const a = await reportAccident();
    const flagged = await h
      .http()
      .post(`/accidents/${a.id}/reporting-flags`)
      .set(as('officerA'))
      .send({
        flag: 'CONCEALED',
        reason: '企业隐瞒死亡人数',
        officials: [{ name: '李某某', position: '镇安监站站长' }],
      });
    expect(flagged.status).toBe(201);
    expect(flagged.body.reportingFlags).toEqual(['CONCEALED']);
    const opened = flagged.body.consequences as Array<{ target: string; kind: string; caseId: string | null }>;
    expect(opened.map((c) => [c.target, c.kind])).toEqual([
      ['PRINCIPAL', 'PENALTY'],
      ['ENTERPRISE', 'PENALTY'],
      ['OFFICIAL', 'DISCIPLINE_REFERRAL'],
    ]);
    expect(opened[2].caseId).toBeNull();

    // Linked to the accident, numbered per accident, each with its own running workflow.
    const rows = await linkedCases(a.id);
    expect(rows.map((r) => r.case_type).sort()).toEqual(['DISCIPLINE_REFERRAL', 'PENALTY', 'PENALTY']);
    const penalties = rows.filter((r) => r.case_type === 'PENALTY');
    expect(penalties.map((r) => r.id).sort()).toEqual([opened[0].caseId, opened[1].caseId].sort());
    expect(penalties[0].data).toMatchObject({ origin: 'ACCIDENT_REPORTING_VIOLATION', violation: 'CONCEALED' });
    for (const row of rows) {
      expect(row.workflow_id).toMatch(new RegExp(`-${a.id}-\\d+$`));
      const described = await h.client.workflow.getHandle(row.workflow_id).describe();
      expect(described.status.name).toBe('RUNNING');
    }
    const [referral] = await h.db.ds.query(
      `SELECT id, status, receiving_department_id, subject_name FROM discipline_referrals WHERE source_case_id = $1`,
      [a.id],
    );
    expect(referral).toMatchObject({
      status: 'SENT',
      receiving_department_id: org.disciplineDepartmentId,
      subject_name: '李某某',
    });

    // 四不放过: every consequence holds 责任人员未处理不放过 until its case has an answer.
    const before = await gates(a.id);
    expect(before.closable).toBe(false);
    expect(before.reportingConsequences.map((c) => [c.flag, c.target, c.handled])).toEqual([
      ['CONCEALED', 'PRINCIPAL', false],
      ['CONCEALED', 'ENTERPRISE', false],
      ['CONCEALED', 'OFFICIAL', false],
    ]);
    expect(before.reportingConsequences[2].linkedCase).toBeUndefined();
    for (const c of before.reportingConsequences)
      expect(before.missing).toContain(`REPORTING_CONSEQUENCE_PENDING:${c.id}`);

    // Recorded once: a second 瞒报 flag is answered with what the first opened and opens nothing more.
    const again = await h
      .http()
      .post(`/accidents/${a.id}/reporting-flags`)
      .set(as('officerA'))
      .send({ flag: 'CONCEALED', reason: '再次' });
    expect(again.status).toBe(201);
    expect(again.body.reportingFlags).toEqual(['CONCEALED']);
    expect(again.body.consequences).toEqual(opened);
    expect(await linkedCases(a.id)).toHaveLength(3);

    // The opening activities are idempotent by the link key: a retry finds what the first attempt opened.
    const violations = h.app.get(AccidentReportingViolationService);
    const retried = await violations.openPenalty({
      caseId: a.id,
      flag: 'CONCEALED',
      target: 'PRINCIPAL',
      legalBasis: 'x',
      actorId: org.users.officerA.id,
      linkKey: `accident-${a.id}:reporting-CONCEALED-principal`,
    });
    expect(retried.caseId).toBe(opened[0].caseId);
    const retriedReferral = await violations.openReferral({
      caseId: a.id,
      flag: 'CONCEALED',
      official: { name: '李某某' },
      legalBasis: 'x',
      actorId: org.users.officerA.id,
      sentAt: new Date().toISOString(),
      linkKey: `accident-${a.id}:reporting-CONCEALED-official-1`,
    });
    expect(retriedReferral.referralId).toBe(referral.id);
    expect(await linkedCases(a.id)).toHaveLength(3);
    expect(
      (
        await h.db.ds.query('SELECT count(*)::int AS n FROM accident_reporting_consequences WHERE case_id = $1', [a.id])
      )[0].n,
    ).toBe(3);

    // The discipline body answers: the referral no longer holds the gate; the penalty cases still do.
    await expectEventually(async () => {
      const res = await h.http().get('/tasks').query({ type: 'DISCIPLINE_REFERRAL_ACK' }).set(as('discipline'));
      expect(res.body.items.some((t: { caseId: string }) => rows.some((r) => r.id === t.caseId))).toBe(true);
    });
    expect((await h.http().post(`/discipline-referrals/${referral.id}/acknowledge`).set(as('discipline'))).status).toBe(
      200,
    );
    await expectEventually(async () => {
      const res = await h.http().get('/tasks').query({ type: 'DISCIPLINE_REFERRAL_RESULT' }).set(as('discipline'));
      expect(res.body.items.some((t: { caseId: string }) => rows.some((r) => r.id === t.caseId))).toBe(true);
    });
    const answered = await h
      .http()
      .post(`/discipline-referrals/${referral.id}/result`)
      .set(as('discipline'))
      .send({ outcome: 'SANCTIONED', summary: '给予政务记过处分' });
    expect(answered.status).toBe(200);
    const after = await expectEventually(async () => {
      const g = await gates(a.id);
      expect(g.reportingConsequences.map((c) => c.handled)).toEqual([false, false, true]);
      return g;
    });
    expect(after.missing).not.toContain(`REPORTING_CONSEQUENCE_PENDING:${after.reportingConsequences[2].id}`);
    expect(after.missing).toContain(`REPORTING_CONSEQUENCE_PENDING:${after.reportingConsequences[0].id}`);
    recordHistoryIfAsked(`accident-${a.id}`, 'accident-v3-reporting-violation-concealed');
  });

  it('迟报 found at intake opens the penalty case against the principal at once (条例 Art.9, 35)', async () => {
    const a = await reportAccident({ occurredAt: minutesAgo(200), unitNotifiedAt: minutesAgo(190) });
    expect(a.reportingFlags).toEqual(['LATE']);
    const g = await expectEventually(async () => {
      const found = await gates(a.id);
      expect(found.reportingConsequences).toHaveLength(1);
      return found;
    });
    expect(g.reportingConsequences[0]).toMatchObject({
      flag: 'LATE',
      target: 'PRINCIPAL',
      handled: false,
      linkedCase: { caseType: 'PENALTY' },
    });
    expect(g.missing).toContain(`REPORTING_CONSEQUENCE_PENDING:${g.reportingConsequences[0].id}`);
    recordHistoryIfAsked(`accident-${a.id}`, 'accident-v3-late-at-intake');
  });

  it('a 谎报 flag raised after the workflow ended opens the same consequences, each running, and is audited', async () => {
    const a = await reportAccident();
    // The workflow runs until the one-year evaluation is done; ending it here stands in for that end.
    const handle = h.client.workflow.getHandle(`accident-${a.id}`);
    await handle.terminate('the test ends the workflow as its completion would');
    expect((await handle.describe()).status.name).not.toBe('RUNNING');

    const flagged = await h
      .http()
      .post(`/accidents/${a.id}/reporting-flags`)
      .set(as('officerA'))
      .send({
        flag: 'FALSE_REPORT',
        reason: '谎报伤亡人数',
        officials: [{ name: '王某某', position: '县应急管理局科长' }],
      });
    expect(flagged.status).toBe(201);
    const opened = flagged.body.consequences as Array<{ target: string; kind: string; caseId: string | null }>;
    expect(opened.map((c) => [c.target, c.kind])).toEqual([
      ['PRINCIPAL', 'PENALTY'],
      ['ENTERPRISE', 'PENALTY'],
      ['OFFICIAL', 'DISCIPLINE_REFERRAL'],
    ]);

    // The same link keys and numbering as the workflow's openings, each case with its own running workflow.
    const rows = await linkedCases(a.id);
    expect(rows.map((r) => r.case_type).sort()).toEqual(['DISCIPLINE_REFERRAL', 'PENALTY', 'PENALTY']);
    for (const row of rows) {
      expect(row.workflow_id).toMatch(new RegExp(`-${a.id}-\\d+$`));
      const described = await h.client.workflow.getHandle(row.workflow_id).describe();
      expect(described.status.name).toBe('RUNNING');
    }
    const keys = await h.db.ds.query(
      'SELECT link_key FROM accident_reporting_consequences WHERE case_id = $1 ORDER BY link_key',
      [a.id],
    );
    expect(keys.map((k: { link_key: string }) => k.link_key)).toEqual([
      `accident-${a.id}:reporting-FALSE_REPORT-enterprise`,
      `accident-${a.id}:reporting-FALSE_REPORT-official-1`,
      `accident-${a.id}:reporting-FALSE_REPORT-principal`,
    ]);
    // The referral reaches the discipline body's inbox; the gates hold until each is answered.
    await expectEventually(async () => {
      const res = await h.http().get('/tasks').query({ type: 'DISCIPLINE_REFERRAL_ACK' }).set(as('discipline'));
      expect(res.body.items.some((t: { caseId: string }) => rows.some((r) => r.id === t.caseId))).toBe(true);
    });
    const g = await gates(a.id);
    expect(g.reportingConsequences.map((c) => [c.flag, c.target, c.handled])).toEqual([
      ['FALSE_REPORT', 'PRINCIPAL', false],
      ['FALSE_REPORT', 'ENTERPRISE', false],
      ['FALSE_REPORT', 'OFFICIAL', false],
    ]);
    // Audited on the accident: the flag, each opening, and that they opened after the workflow had ended.
    const timeline = (await h.http().get(`/cases/${a.id}/timeline`).query({ limit: 100 }).set(as('officerA'))).body
      .items as Array<{ action: string; actorId: string; summary: Record<string, unknown> }>;
    const actions = timeline.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['ACCIDENT_REPORTING_FLAGGED', 'ACCOUNTABILITY_CASE_OPENED', 'ACCOUNTABILITY_REFERRED']),
    );
    const after = timeline.find((e) => e.action === 'ACCIDENT_REPORTING_CONSEQUENCES_OPENED')!;
    expect(after).toMatchObject({
      actorId: org.users.officerA.id,
      summary: { flag: 'FALSE_REPORT', after: 'WORKFLOW_ENDED' },
    });
  });
});
