import { AccidentSteps } from '@safety/temporal/steps/accident.steps';
import { DisciplineReferralSteps } from '@safety/temporal/steps/discipline-referral.steps';
import { OrgHarness, startOrgHarness } from '../support/harness';
import { penaltyFlow } from '../support/penalty-flow';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

/** The published step contracts, over HTTP on the dev server: catalogue, forms, validation before Temporal. */
describe('step contracts over HTTP (dev server)', () => {
  let h: OrgHarness;
  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
  });
  afterAll(async () => h?.close());

  it('publishes every step with its roles, labelled outcomes and a JSON Schema of each payload', async () => {
    const res = await h.http().get('/task-types').set(h.as('officerA'));
    expect(res.status).toBe(200);
    const investigation = res.body.items.find((item: { type: string }) => item.type === 'INVESTIGATION');
    expect(investigation).toMatchObject({
      title: { zh: '调查取证', en: 'Investigation' },
      roles: ['ENFORCEMENT_OFFICER'],
      outcomes: [{ outcome: 'SUBMIT', label: { zh: '提交调查结果' }, component: 'StepPayload_INVESTIGATION_SUBMIT' }],
    });
    const schema = investigation.outcomes[0].schema as JsonSchema;
    expect(schema.required).toEqual(['findings', 'evidence']);
    expect(schema.properties!.findings).toMatchObject({ type: 'string', title: '调查发现', maxLength: 20_000 });
  });

  it('publishes every accident and discipline-referral step, each field titled in Chinese and English', async () => {
    const res = await h.http().get('/task-types').set(h.as('officerA'));
    expect(res.status).toBe(200);
    const published = new Map<string, { title: { zh: string; en: string }; outcomes: Array<{ schema: JsonSchema }> }>(
      res.body.items.map((item: { type: string }) => [item.type, item]),
    );
    const areaSteps = [...Object.values(AccidentSteps), ...Object.values(DisciplineReferralSteps)];
    expect(areaSteps.filter((step) => !published.has(step.type)).map((step) => step.type)).toEqual([]);
    const untitled: string[] = [];
    const visit = (schema: JsonSchema, path: string) => {
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        if (!child.title || !child['x-title-en']) untitled.push(`${path}.${key}`);
        visit(child, `${path}.${key}`);
        const items = child.items as JsonSchema | undefined;
        if (items?.type === 'object') visit(items, `${path}.${key}[]`);
      }
    };
    for (const step of areaSteps) {
      const item = published.get(step.type)!;
      expect(item.title).toEqual({ zh: step.title.zh, en: step.title.en });
      expect(item.outcomes.map((outcome) => outcome.schema.type)).toEqual(
        Object.keys(step.outcomes).map(() => 'object'),
      );
      for (const outcome of item.outcomes) visit(outcome.schema, step.type);
    }
    expect(untitled).toEqual([]);
  });

  it('answers an empty investigation with 400 naming every missing field, before anything reaches the workflow', async () => {
    const f = penaltyFlow(h);
    const opened = await f.openCase();
    await f.file(opened.id);
    const task = await f.openTask(opened.id, 'INVESTIGATION');
    const detail = await h.http().get(`/tasks/${task.id}`).set(h.as('officerA'));
    expect(detail.body.form.outcomes.map((o: { outcome: string }) => o.outcome)).toEqual(['SUBMIT']);

    const empty = await f.complete(task.id, 'officerA', 'SUBMIT', {});
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(empty.body.details.fields).toEqual([
      { path: 'payload.findings', message: 'Required' },
      { path: 'payload.evidence', message: 'Required' },
    ]);
    const chinese = await h
      .http()
      .post(`/tasks/${task.id}/complete`)
      .set(h.as('officerA'))
      .set('accept-language', 'zh-CN,zh;q=0.9')
      .send({ outcome: 'SUBMIT', payload: { findings: '发现问题' } });
    expect(chinese.body.details.fields).toEqual([{ path: 'payload.evidence', message: '必填' }]);
    const wrongOutcome = await f.complete(task.id, 'officerA', 'APPROVE', {});
    expect(wrongOutcome.status).toBe(400);
    expect(wrongOutcome.body.details.fields).toEqual([{ path: 'outcome', message: 'must be one of SUBMIT' }]);
    // Nothing reached the workflow: the task is open and its record shows no completion attempt.
    const rows = await h.db.ds.query('SELECT status FROM tasks WHERE id = $1', [task.id]);
    expect(rows[0].status).toBe('OPEN');
  });

  it('completes a step using only the field names its schema publishes, and answers with the next task', async () => {
    const f = penaltyFlow(h);
    const opened = await f.openCase();
    const filing = await f.openTask(opened.id, 'FILING_APPROVAL');
    const form = (await h.http().get(`/tasks/${filing.id}`).set(h.as('head'))).body.form;
    const approve = form.outcomes.find((o: { outcome: string }) => o.outcome === 'APPROVE');
    const payload = Object.fromEntries(
      Object.entries((approve.schema as JsonSchema).properties!)
        .filter(([, field]) => field.type === 'string')
        .map(([name]) => [name, '同意立案']),
    );
    const done = await f.complete(filing.id, 'head', 'APPROVE', payload);
    expect(done.status).toBe(200);
    expect(done.body.nextTasks).toEqual([expect.objectContaining({ type: 'INVESTIGATION', id: expect.any(String) })]);
    // The next task is there at once: no 409 for acting right away.
    const investigation = await h.http().get(`/tasks/${done.body.nextTasks[0].id}`).set(h.as('officerA'));
    expect(investigation.status).toBe(200);
  });

  it('refuses a claim by someone who could not complete the task (403), so the task is not hidden from others', async () => {
    const f = penaltyFlow(h);
    // The head handles the case, so may not approve its filing (separation of duties).
    const opened = await h
      .http()
      .post('/cases/penalty')
      .set(h.as('head'))
      .send({ title: '某企业未落实安全培训', enterpriseId: h.org.enterpriseId });
    expect(opened.status).toBe(201);
    const filing = await f.openTask(opened.body.id, 'FILING_APPROVAL');
    const claim = await h.http().post(`/tasks/${filing.id}/claim`).set(h.as('head'));
    expect(claim.status).toBe(403);
    expect(claim.body.code).toBe('FORBIDDEN_SEPARATION_OF_DUTIES');
    expect((await h.db.ds.query('SELECT status FROM tasks WHERE id = $1', [filing.id]))[0].status).toBe('OPEN');
  });

  it('describes step payloads, responses and errors in the OpenAPI 3.1 document', async () => {
    const doc = (await h.http().get('/docs/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas.StepPayload_INVESTIGATION_SUBMIT).toMatchObject({
      required: ['findings', 'evidence'],
    });
    const complete = doc.paths['/tasks/{id}/complete'].post;
    const variants = complete.requestBody.content['application/json'].schema.oneOf;
    expect(variants).toContainEqual(
      expect.objectContaining({
        properties: {
          outcome: { const: 'SUBMIT' },
          payload: { $ref: '#/components/schemas/StepPayload_INVESTIGATION_SUBMIT' },
        },
      }),
    );
    expect(Object.keys(complete.responses).sort()).toEqual(
      ['200', '400', '401', '403', '404', '409', '413', '415', '422', '503'].sort(),
    );
    const idParam = complete.parameters.find((p: { name: string }) => p.name === 'id');
    expect(idParam.schema).toMatchObject({ format: 'uuid' });
    expect(Object.keys(doc.paths['/cases/penalty'].post.responses)).toContain('201');
  });
});
