import { OrgHarness, startOrgHarness } from '../support/harness';
import { penaltyFlow } from '../support/penalty-flow';
import { DirectoryRecord, JsonSchema, payloadFromSchema } from '../support/schema-payload';

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
});
