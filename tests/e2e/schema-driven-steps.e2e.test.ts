import { OrgHarness, startOrgHarness } from '../support/harness';
import { AccidentOrg, createAccidentOrg, largerAccident } from '../support/accident-fixtures';
import { expectEventually } from '../support/eventually';
import { penaltyFlow } from '../support/penalty-flow';
import { DirectoryRecord, JsonSchema, PayloadSources, payloadFromSchema } from '../support/schema-payload';

interface FormOutcome {
  outcome: string;
  schema: JsonSchema;
}

/**
 * A client that knows only the published contracts: for a step of each enforcement workflow it reads
 * the task's form, fills the payload from the outcome's JSON Schema (field names, formats, enums,
 * bounds) and the directory, and completes the step. The workflow accepts it and opens its next task.
 */
describe('steps completed from their published schema alone (dev server)', () => {
  let h: OrgHarness;
  let directory: Map<string, DirectoryRecord>;
  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    const users = await h.http().get('/users?limit=100').set(h.as('admin'));
    expect(users.status).toBe(200);
    directory = new Map(users.body.items.map((record: DirectoryRecord) => [record.id, record]));
  });
  afterAll(async () => h?.close());

  const person = (who: keyof OrgHarness['org']['users']) => {
    const record = directory.get(h.org.users[who].id);
    if (!record) throw new Error(`${who} is not in the directory`);
    return record;
  };

  async function completeFromSchema(
    caseId: string,
    type: string,
    who: keyof OrgHarness['org']['users'],
    outcome: string,
    people: DirectoryRecord[],
  ) {
    const f = penaltyFlow(h);
    const row = await f.openTask(caseId, type);
    const task = await h.http().get(`/tasks/${row.id}`).set(h.as(who));
    expect(task.status).toBe(200);
    const offered = task.body.form.outcomes as FormOutcome[];
    const chosen = offered.find((candidate) => candidate.outcome === outcome);
    expect(chosen).toBeDefined();
    const payload = payloadFromSchema(chosen!.schema, { people, today: await f.today() });
    for (const name of chosen!.schema.required ?? []) expect(payload).toHaveProperty(name);
    const done = await f.complete(row.id, who, outcome, payload);
    expect({ status: done.status, body: done.status === 200 ? null : done.body }).toEqual({ status: 200, body: null });
    return done.body as { nextTasks: Array<{ type: string }> };
  }

  it('penalty case: 立案审批 and 调查取证 (evidence signed by two officers from the directory)', async () => {
    const f = penaltyFlow(h);
    const opened = await f.openCase();
    const filed = await completeFromSchema(opened.id, 'FILING_APPROVAL', 'head', 'APPROVE', [person('head')]);
    expect(filed.nextTasks.map((next) => next.type)).toContain('INVESTIGATION');
    const officers = [person('officerA'), person('officerB')];
    const investigated = await completeFromSchema(opened.id, 'INVESTIGATION', 'officerA', 'SUBMIT', officers);
    expect(investigated.nextTasks.map((next) => next.type)).toContain('PENALTY_PROPOSAL');
  });

  it('inspection: 现场检查记录 signed by the two inspecting officers', async () => {
    const opened = await h
      .http()
      .post('/inspections')
      .set(h.as('officerA'))
      .send({ enterpriseId: h.org.enterpriseId, inspectorIds: [h.org.users.officerA.id, h.org.users.officerB.id] });
    expect(opened.status).toBe(201);
    await completeFromSchema(opened.body.id, 'INSPECTION_RECORD', 'officerA', 'NO_ISSUE', [
      person('officerA'),
      person('officerB'),
    ]);
  });

  it('criminal transfer: 移送审批 by the head', async () => {
    const f = penaltyFlow(h);
    const source = await f.openCase();
    const proposed = await h
      .http()
      .post('/criminal-transfers')
      .set(h.as('officerA'))
      .send({
        sourceCaseId: source.id,
        teamIds: [h.org.users.officerA.id, h.org.users.officerB.id],
        suspectedOffence: '危险作业罪',
        grounds: ['关闭可燃气体报警装置'],
      });
    expect(proposed.status).toBe(201);
    const approved = await completeFromSchema(proposed.body.id, 'CRIMINAL_TRANSFER_APPROVAL', 'head', 'APPROVE', [
      person('head'),
    ]);
    expect(approved.nextTasks.map((next) => next.type)).toContain('CRIMINAL_TRANSFER_HANDOVER');
  });

  it('simple procedure: 当场处罚决定书备案', async () => {
    const opened = await h
      .http()
      .post('/simple-penalties')
      .set(h.as('officerA'))
      .send({
        partyType: 'INDIVIDUAL',
        partyName: '张三',
        violation: '未佩戴安全帽进入作业区',
        legalBasis: '《安全生产法》第五十七条',
        fineYuan: 100,
        paymentMethod: 'CASH_ON_SPOT',
        officerIds: [h.org.users.officerB.id],
      });
    expect(opened.status).toBe(201);
    await completeFromSchema(opened.body.id, 'SIMPLE_PENALTY_FILING', 'officerA', 'FILED', [person('officerA')]);
  });

  describe('accident: every human step from 逐级上报 and 组建调查组 to 整改核查, and the discipline referral it sends', () => {
    let acc: AccidentOrg;
    const tokens = new Map<string, string>();
    type AccidentUser = keyof AccidentOrg['users'];
    type Who = keyof OrgHarness['org']['users'] | AccidentUser;
    const userOf = (who: Who) =>
      who in acc.users ? acc.users[who as AccidentUser] : h.org.users[who as keyof OrgHarness['org']['users']];
    const auth = (who: Who) => ({ Authorization: `Bearer ${tokens.get(userOf(who).id)}` });

    beforeAll(async () => {
      acc = await createAccidentOrg(h.db.ds, h.org);
      for (const user of [...Object.values(h.org.users), ...Object.values(acc.users)])
        tokens.set(user.id, await h.login(user));
    });

    /** The open task of a type on a case, as its assignee or a holder of its roles finds it in the inbox. */
    const inboxTask = (caseId: string, who: Who, type: string) =>
      expectEventually(async () => {
        const res = await h.http().get('/tasks').query({ caseId, type, status: 'OPEN' }).set(auth(who));
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeGreaterThanOrEqual(1);
        return res.body.items as Array<{ id: string; assigneeId: string | null }>;
      });

    /** Reads GET /tasks/{id}, fills the outcome's payload from its form alone, completes it and returns the next tasks. */
    async function completeTask(
      taskId: string,
      who: Who,
      outcome: string,
      sources: Partial<PayloadSources> = {},
    ): Promise<Array<{ type: string }>> {
      const task = await h.http().get(`/tasks/${taskId}`).set(auth(who));
      expect(task.status).toBe(200);
      const offered = task.body.form.outcomes as FormOutcome[];
      const form = offered.find((candidate) => candidate.outcome === outcome);
      expect(form).toBeDefined();
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const payload = payloadFromSchema(form!.schema, { people: [], today, ...sources });
      const done = await h.http().post(`/tasks/${taskId}/complete`).set(auth(who)).send({ outcome, payload });
      expect({ status: done.status, body: done.status === 200 ? null : done.body }).toEqual({
        status: 200,
        body: null,
      });
      return (done.body as { nextTasks: Array<{ type: string }> }).nextTasks;
    }

    it('forms the team from the roles its form requires, then runs findings, report, 批复, referral and rectification', async () => {
      // The accident itself is reported, not a step: a 较大 accident, investigated by the city bureau.
      const reported = await h.http().post('/accidents').set(auth('officerA')).send(largerAccident(h.org.enterpriseId));
      expect(reported.status).toBe(201);
      const caseId = reported.body.id as string;

      // 逐级上报 (条例 Art.10–11): the city's task, completed from its form (this organisation has no province above).
      const [upward] = await inboxTask(caseId, 'cityOfficerA', 'ACCIDENT_UPWARD_REPORT');
      const reportedUp = await completeTask(upward.id, 'cityOfficerA', 'REPORTED');
      expect(reportedUp.map((next) => next.type)).not.toContain('ACCIDENT_UPWARD_REPORT');
      // 条例 Art.10(1): the county (first report) and the city each notify the four bodies; the step comes back
      // for those missing, and the client picks each body from the form's published options.
      for (const who of ['officerA', 'cityOfficerA'] as Who[]) {
        for (const body of ['POLICE', 'HUMAN_RESOURCES_SOCIAL_SECURITY', 'TRADE_UNION', 'PROCURATORATE']) {
          const [notify] = await inboxTask(caseId, who, 'ACCIDENT_REPORT_NOTIFICATIONS');
          await completeTask(notify.id, who, 'RECORDED', { choices: { 'notifications.0.body': body } });
        }
      }

      // 组建调查组: the task's form names the roles the policy requires (members must `contains` each).
      const [formation] = await inboxTask(caseId, 'cityHead', 'ACCIDENT_TEAM_FORMATION');
      const members = (await h.http().get(`/tasks/${formation.id}`).set(auth('cityHead'))).body.form.outcomes[0].schema
        .properties.members as JsonSchema;
      const required = (members.allOf ?? []).map((rule) => rule.contains?.properties?.teamRole?.const);
      expect(required).toEqual(['DISCIPLINE', 'POLICE', 'TRADE_UNION']);
      expect(members.description).toContain('DISCIPLINE');
      // The head names the people; which colleague serves in which role is the head's choice.
      const byRole: Record<string, Who> = { DISCIPLINE: 'discipline', POLICE: 'police', TRADE_UNION: 'union' };
      const personFor = (path: string, siblings: Record<string, unknown>): DirectoryRecord => {
        const who = path === 'leadId' ? 'lead' : byRole[String(siblings.teamRole)];
        if (!who) throw new Error(`no one to name at ${path}`);
        return { id: userOf(who).id };
      };
      const formed = await completeTask(formation.id, 'cityHead', 'FORM', { personFor });
      expect(formed.map((next) => next.type)).toEqual(
        expect.arrayContaining(['ACCIDENT_INVESTIGATION_REPORT', 'ACCIDENT_MEMBER_FINDINGS']),
      );

      // Each member's findings, from the member's own inbox.
      for (const who of ['discipline', 'police', 'union'] as Who[]) {
        const [mine] = await inboxTask(caseId, who, 'ACCIDENT_MEMBER_FINDINGS');
        expect(mine.assigneeId).toBe(userOf(who).id);
        await completeTask(mine.id, who, 'SUBMIT');
      }

      // The report: the schema's conditional rules say which handling a public official takes and that
      // the official's unit is then required; the lead picks the kind of party, nothing more.
      const [report] = await inboxTask(caseId, 'lead', 'ACCIDENT_INVESTIGATION_REPORT');
      const submitted = await completeTask(report.id, 'lead', 'SUBMIT', {
        choices: { 'responsibleParties.0.kind': 'PUBLIC_OFFICIAL' },
      });
      expect(submitted.map((next) => next.type)).toContain('ACCIDENT_REPORT_APPROVAL');

      // 批复: approving sends the official's lead to the discipline body in the same step.
      const [approval] = await inboxTask(caseId, 'cityHead', 'ACCIDENT_REPORT_APPROVAL');
      const approved = await completeTask(approval.id, 'cityHead', 'APPROVE');
      expect(approved.map((next) => next.type)).toContain('ACCIDENT_RECTIFICATION_EVIDENCE');
      const referral = await expectEventually(async () => {
        const res = await h.http().get('/tasks').query({ type: 'DISCIPLINE_REFERRAL_ACK' }).set(auth('discipline'));
        expect(res.body.items).toHaveLength(1);
        return res.body.items[0] as { id: string; caseId: string };
      });
      const acknowledged = await completeTask(referral.id, 'discipline', 'ACKNOWLEDGE');
      expect(acknowledged.map((next) => next.type)).toEqual(['DISCIPLINE_REFERRAL_RESULT']);
      const [result] = await inboxTask(referral.caseId, 'discipline', 'DISCIPLINE_REFERRAL_RESULT');
      expect(await completeTask(result.id, 'discipline', 'SANCTIONED')).toEqual([]);
      await expectEventually(async () => {
        const parties = (await h.http().get(`/accidents/${caseId}`).set(auth('cityHead'))).body.responsibleParties;
        // The sender sees only that the official's lead was handled (the referral's result stays with the body).
        expect(parties).toMatchObject([{ kind: 'PUBLIC_OFFICIAL', outcome: 'HANDLED' }]);
      });
      const [party] = await h.db.ds.query('SELECT outcome FROM accident_responsible_parties WHERE case_id = $1', [
        caseId,
      ]);
      expect(party.outcome).toBe('DISCIPLINARY_SANCTION_DECIDED');

      // Rectification: evidence by one officer, verified by another.
      const [evidence] = await inboxTask(caseId, 'cityOfficerA', 'ACCIDENT_RECTIFICATION_EVIDENCE');
      const evidenced = await completeTask(evidence.id, 'cityOfficerA', 'SUBMIT');
      expect(evidenced.map((next) => next.type)).toEqual(['ACCIDENT_RECTIFICATION_VERIFICATION']);
      const [verification] = await inboxTask(caseId, 'cityOfficerB', 'ACCIDENT_RECTIFICATION_VERIFICATION');
      await completeTask(verification.id, 'cityOfficerB', 'VERIFIED');
      await expectEventually(async () => {
        const gates = (await h.http().get(`/accidents/${caseId}/gates`).set(auth('cityHead'))).body;
        expect(gates).toMatchObject({
          causesEstablished: true,
          responsiblePartiesHandled: true,
          rectificationVerified: true,
        });
      });
    });
  });
});
