import { RouteEntry, routePermissions } from '../../apps/api/src/auth/route-permissions';
import { OrgHarness, startOrgHarness } from '../support/harness';

type Schema = Record<string, unknown>;
interface MediaType {
  schema?: Schema;
}
interface Operation {
  parameters?: Array<{ name: string; in: string; schema?: Schema }>;
  requestBody?: { content?: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
  security?: unknown[];
}
type Paths = Record<string, Record<string, Operation>>;

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** `/users/:id/deactivate` → `/users/{id}/deactivate`, the OpenAPI spelling. */
const openApiPath = (route: RouteEntry) => route.path.replace(/:(\w+)/g, '{$1}');

/** The published contract: every operation's body, errors and parameters, and the edge validation behind it. */
describe('OpenAPI contracts of the converted areas', () => {
  let h: OrgHarness;
  let paths: Paths;
  let components: Record<string, Schema>;
  let publicOperations: Set<string>;
  const operations = () =>
    Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })),
    );

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    const doc = await h.http().get('/docs/openapi.json');
    expect(doc.status).toBe(200);
    paths = doc.body.paths;
    components = doc.body.components.schemas;
    publicOperations = new Set(
      routePermissions(h.app)
        .filter((route) => route.permission.kind === 'public')
        .map((route) => `${route.method} ${openApiPath(route)}`),
    );
  });
  afterAll(async () => h?.close());

  it('publishes a success body for every operation, 401 unless public, and uuid path ids', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const { key, operation } of all) {
      const success = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) problems.push(`${key}: no 2xx response`);
      for (const [status, response] of success) {
        const media = Object.entries(response.content ?? {});
        if (media.length === 0 || media.some(([, type]) => !type.schema))
          problems.push(`${key} ${status}: no content schema`);
      }
      if (!publicOperations.has(key)) {
        if (!operation.responses['401']) problems.push(`${key}: 401 not declared`);
        if (!operation.security?.length) problems.push(`${key}: no bearer security requirement`);
      }
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === 'path' && /^(id|\w+Id)$/.test(parameter.name) && parameter.schema?.format !== 'uuid')
          problems.push(`${key}: path parameter ${parameter.name} is not format uuid`);
      }
      for (const [type, body] of Object.entries(operation.requestBody?.content ?? {})) {
        if (!body.schema) problems.push(`${key}: request body ${type} has no schema`);
      }
      if (!operation.responses['503']) problems.push(`${key}: 503 not declared`);
    }
    expect(problems).toEqual([]);
  });

  it('documents the status each operation really answers, and non-JSON bodies by media type', () => {
    const responses = (method: string, path: string) => Object.keys(paths[path][method].responses);
    expect(responses('post', '/auth/login')).toEqual(expect.arrayContaining(['200', '400', '401', '429']));
    expect(responses('post', '/auth/login')).not.toContain('201');
    expect(responses('post', '/users')).toContain('201');
    expect(responses('post', '/users/{id}/deactivate')).toContain('200');
    expect(responses('post', '/credit-repairs/{id}/decision')).toContain('200');
    expect(responses('post', '/enforcement/benchmarks')).toContain('201');
    expect(responses('post', '/file-reviews/samples/{id}/scores')).toContain('201');
    expect(responses('post', '/inspections')).toEqual(expect.arrayContaining(['201', '400', '409', '422']));
    expect(responses('post', '/simple-penalties')).toContain('201');
    expect(responses('post', '/criminal-transfers')).toContain('201');
    expect(responses('post', '/inspection/plans/{id}/draws')).toContain('201');
    expect(responses('post', '/inspection/plans/{id}/approve')).toEqual(expect.arrayContaining(['200', '409']));
    expect(responses('post', '/inspection/plans/{id}/approve')).not.toContain('201');
    expect(responses('post', '/inspection/conflicts/{id}/deactivate')).toContain('200');
    expect(responses('get', '/public/inspection-draws')).not.toContain('401');
    expect(responses('post', '/public/complaints')).toEqual(expect.arrayContaining(['201', '400', '429']));
    expect(responses('post', '/public/complaints')).not.toContain('401');
    expect(responses('get', '/public/complaints/{code}')).toEqual(expect.arrayContaining(['200', '404', '429']));
    expect(responses('post', '/complaints')).toContain('201');

    // Readiness answers 503 with the same report as 200.
    const ready = paths['/health/ready'].get.responses;
    expect(ready['503'].content!['application/json'].schema).toEqual(ready['200'].content!['application/json'].schema);
    expect(paths['/metrics'].get.responses['200'].content).toEqual({ 'text/plain': { schema: { type: 'string' } } });
    expect(Object.keys(paths['/cases/{id}/attachments/{attachmentId}/content'].get.responses['200'].content!)).toEqual([
      'application/octet-stream',
    ]);
    // Request bodies are published too.
    const createUserRef = paths['/users'].post.requestBody!.content!['application/json'].schema!.$ref as string;
    const createUser = components[createUserRef.replace('#/components/schemas/', '')];
    expect(createUser).toMatchObject({ required: expect.arrayContaining(['username', 'password', 'roles']) });
  });

  it('answers every converted read with its declared body (an undeclared or mistyped field would be a 500)', async () => {
    const period = {
      from: encodeURIComponent('2026-01-01T00:00:00+08:00'),
      to: encodeURIComponent(new Date().toISOString()),
    };
    const reads: Array<[string, keyof OrgHarness['org']['users']]> = [
      ['/me', 'officerA'],
      ['/calendar/years', 'officerA'],
      ['/departments?level=COUNTY', 'officerA'],
      ['/enterprises', 'officerA'],
      [`/enterprises/${h.org.enterpriseId}`, 'officerA'],
      ['/users', 'admin'],
      [`/enforcement/policies/${h.org.departmentId}`, 'head'],
      [`/enforcement/legal-review-catalogues/${h.org.departmentId}`, 'officerA'],
      ['/enforcement/benchmarks', 'head'],
      ['/enforcement/benchmarks/applicable', 'head'],
      ['/enforcement/benchmarks/DEFAULT-2026', 'legal'],
      ['/dishonest-entities', 'officerA'],
      ['/credit-repairs', 'head'],
      ['/file-reviews/samples', 'head'],
      ['/audit/verify', 'sysadmin'],
      ['/accidents', 'officerA'],
      [`/accidents/statistics?from=${period.from}&to=${period.to}&groupBy=region`, 'head'],
      ['/accidents/near-misses', 'officerA'],
      [`/accidents/near-misses/analysis?from=${period.from}&to=${period.to}`, 'officerA'],
      ['/discipline-referrals', 'head'],
      ['/complaints', 'officerA'],
      [`/complaints/statistics?from=${period.from}&to=${period.to}&groupBy=channel`, 'head'],
      ['/inspections', 'officerA'],
      ['/simple-penalties', 'officerA'],
      ['/criminal-transfers', 'head'],
      ['/inspection/plans', 'officerA'],
      ['/inspection/draws', 'officerA'],
      ['/inspection/conflicts', 'admin'],
    ];
    for (const [path, who] of reads) {
      const res = await h.http().get(path).set(h.as(who));
      expect({ path, status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({
        path,
        status: 200,
        body: 'ok',
      });
    }
    for (const path of [
      '/public/penalty-decisions',
      '/public/dishonest-entities',
      '/public/accident-reports',
      '/public/inspection-draws',
      '/public/summonses',
      '/health/live',
    ]) {
      expect({ path, status: (await h.http().get(path)).status }).toEqual({ path, status: 200 });
    }
    const me = await h.http().get('/me').set(h.as('officerA'));
    expect(Object.keys(me.body).sort()).toEqual(
      ['credentialNo', 'departmentId', 'id', 'legalQualified', 'roles', 'username', 'visibleDepartmentIds'].sort(),
    );
  });

  it('validates requests at the edge, listing every invalid or missing field', async () => {
    const dueDate = await h
      .http()
      .get('/calendar/due-date')
      .query({ start: '2026-09-28', unit: 'working_days', amount: 0 })
      .set(h.as('officerA'));
    expect(dueDate.status).toBe(400);
    expect(dueDate.body.code).toBe('VALIDATION_FAILED');
    expect(dueDate.body.details.fields.map((field: { path: string }) => field.path)).toEqual(['query.amount']);

    const user = await h.http().post('/users').set(h.as('admin')).send({
      username: 'No Spaces!',
      password: 'a-long-enough-password',
      displayName: '张伟',
      departmentId: h.org.departmentId,
    });
    expect(user.status).toBe(400);
    expect(user.body.details.fields.map((field: { path: string }) => field.path).sort()).toEqual(['roles', 'username']);

    const login = await h.http().post('/auth/login').send({});
    expect(login.status).toBe(400);
    expect(login.body.details.fields.map((field: { path: string }) => field.path).sort()).toEqual([
      'password',
      'username',
    ]);

    const badId = await h.http().get('/enterprises/not-a-uuid').set(h.as('officerA'));
    expect(badId.status).toBe(400);
    expect(badId.body.details.fields.map((field: { path: string }) => field.path)).toEqual(['params.id']);

    const accident = await h
      .http()
      .post('/accidents')
      .set(h.as('officerA'))
      .send({ deaths: -1, flags: ['LATE'] });
    expect(accident.status).toBe(400);
    expect(accident.body.details.fields.map((field: { path: string }) => field.path).sort()).toEqual([
      'deaths',
      'directLossYuan',
      'flags.0',
      'occurredAt',
      'place',
      'sectorCode',
      'seriousInjuries',
      'summary',
    ]);

    const badAccidentId = await h.http().get('/accidents/not-a-uuid').set(h.as('officerA'));
    expect(badAccidentId.status).toBe(400);
    expect(badAccidentId.body.details.fields.map((field: { path: string }) => field.path)).toEqual(['params.id']);

    const returned = await h
      .http()
      .post('/accidents/00000000-0000-4000-8000-000000000000/approval')
      .set(h.as('head'))
      .send({ decision: 'RETURN', transferTeamIds: [] });
    expect(returned.status).toBe(400);
    expect(returned.body.details.fields.map((field: { path: string }) => field.path).sort()).toEqual([
      'reason',
      'transferTeamIds',
    ]);

    const badYear = await h.http().get('/calendar/years/99999999999999999999').set(h.as('officerA'));
    expect(badYear.status).toBe(400);
    expect(badYear.body.details.fields.map((field: { path: string }) => field.path)).toEqual(['params.year']);

    const paths = (res: { body: { details: { fields: Array<{ path: string }> } } }) =>
      res.body.details.fields.map((field) => field.path).sort();
    const malformedPenalty = await h
      .http()
      .post('/simple-penalties')
      .set(h.as('officerA'))
      .send({ partyType: 'INDIVIDUAL', fineYuan: 0.001, paymentMethod: 'CHEQUE', extra: 1 });
    expect(malformedPenalty.status).toBe(400);
    expect(paths(malformedPenalty)).toEqual(['extra', 'fineYuan', 'legalBasis', 'paymentMethod', 'violation']);
    // The body's own rules, each at its field: a warning carries no fine and no payment; an organisation names its enterprise.
    const inconsistentPenalty = await h.http().post('/simple-penalties').set(h.as('officerA')).send({
      partyType: 'ORGANISATION',
      violation: '未设置安全警示标志',
      legalBasis: '《安全生产法》第三十五条',
      warningOnly: true,
      fineYuan: 5,
      paymentMethod: 'CASH_ON_SPOT',
    });
    expect(inconsistentPenalty.status).toBe(400);
    expect(paths(inconsistentPenalty)).toEqual(['enterpriseId', 'fineYuan', 'paymentMethod']);
    const noTarget = await h.http().post('/inspections').set(h.as('officerA')).send({ unannounced: 'yes' });
    expect(paths(noTarget)).toEqual(['unannounced']);
    const emptyInspection = await h.http().post('/inspections').set(h.as('officerA')).send({});
    expect(paths(emptyInspection)).toEqual(['enterpriseId']);
    const badCursor = await h
      .http()
      .get('/inspections')
      .query({ cursor: 'not a cursor', limit: 0 })
      .set(h.as('officerA'));
    expect(paths(badCursor)).toEqual(['query.cursor', 'query.limit']);
    const badPlanId = await h.http().get('/inspection/plans/not-a-uuid').set(h.as('officerA'));
    expect(paths(badPlanId)).toEqual(['params.id']);

    const unknownField = await h
      .http()
      .post('/credit-repairs/00000000-0000-4000-8000-000000000000/decision')
      .set(h.as('head'))
      .send({ approve: 'yes', comment: ' ', extra: 1 });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.details.fields.map((field: { path: string }) => field.path).sort()).toEqual([
      'approve',
      'comment',
      'extra',
    ]);
  });
});
