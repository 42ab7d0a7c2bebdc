import { randomUUID } from 'node:crypto';
import { OrgHarness, startOrgHarness } from '../support/harness';

type Problem = { path: string; message: string };

/** Bad input is a 4xx with the error body, never a 500: sizes, characters, numbers, nesting, keys, media types, dates. */
describe('input hardening over HTTP', () => {
  let h: OrgHarness;
  let caseId: string;

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    const res = await h
      .http()
      .post('/cases/penalty')
      .set(h.as('officerA'))
      .send({ title: '输入校验测试', enterpriseId: h.org.enterpriseId });
    expect(res.status).toBe(201);
    caseId = res.body.id;
  });
  afterAll(async () => h?.close());

  /** A raw JSON text (so lone surrogates and special keys reach the server exactly as written). */
  const postRaw = (path: string, json: string, contentType = 'application/json') =>
    h.http().post(path).set(h.as('officerA')).set('content-type', contentType).send(json);

  const expectError = (res: { status: number; body: Record<string, unknown> }, status: number, code: string) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(typeof res.body.message).toBe('string');
    expect(typeof res.body.requestId).toBe('string');
  };

  it('answers 413 for a JSON body over the size limit', async () => {
    const title = 'x'.repeat(13 * 1024 * 1024);
    const res = await postRaw('/cases/penalty', JSON.stringify({ title }));
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it.each([
    ['a NUL character', '"标题\\u0000尾"'],
    ['a lone high surrogate', '"标题\\ud800尾"'],
    ['a lone low surrogate', '"\\udc00"'],
  ])('rejects %s in a text field with 400 naming the field', async (_what, title) => {
    const res = await postRaw('/cases/penalty', `{"title":${title}}`);
    expectError(res, 400, 'VALIDATION_FAILED');
    expect((res.body.details as { fields: Problem[] }).fields).toEqual([
      { path: 'title', message: expect.any(String) },
    ]);
  });

  it('rejects a NUL in an evidence file name, nested fields and keys', async () => {
    const file = await postRaw(
      `/cases/${caseId}/attachments`,
      JSON.stringify({
        kind: 'FILE',
        fileName: 'a\u0000.pdf',
        contentBase64: Buffer.from('%PDF-1.4').toString('base64'),
      }),
    );
    expectError(file, 400, 'VALIDATION_FAILED');
    expect((file.body.details as { fields: Problem[] }).fields.map((f) => f.path)).toEqual(['fileName']);
    const nested = await postRaw(
      `/tasks/${randomUUID()}/complete`,
      '{"outcome":"X","payload":{"list":[1,"a\\u0000"]}}',
    );
    expectError(nested, 400, 'VALIDATION_FAILED');
    expect((nested.body.details as { fields: Problem[] }).fields.map((f) => f.path)).toEqual(['payload.list.1']);
  });

  it('answers Chinese messages when Accept-Language prefers zh', async () => {
    const res = await postRaw('/cases/penalty', '{"title":"\\u0000"}').set(
      'accept-language',
      'zh-CN,zh;q=0.9,en;q=0.5',
    );
    expectError(res, 400, 'VALIDATION_FAILED');
    expect((res.body.details as { fields: Problem[] }).fields[0].message).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects the key %s at any depth', async (key) => {
    const top = await postRaw('/cases/penalty', `{"title":"t","${key}":{"polluted":true}}`);
    expectError(top, 400, 'VALIDATION_FAILED');
    expect((top.body.details as { fields: Problem[] }).fields.map((f) => f.path)).toEqual([key]);
    const deep = await postRaw(`/tasks/${randomUUID()}/complete`, `{"outcome":"X","payload":{"a":[{"${key}":1}]}}`);
    expectError(deep, 400, 'VALIDATION_FAILED');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects a 5,000-level nested body with 400 before the task is looked up', async () => {
    const depth = 5000;
    const body = `{"outcome":"X","payload":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
    const task = await postRaw(`/tasks/${randomUUID()}/complete`, body);
    expectError(task, 400, 'VALIDATION_FAILED');
    const array = await postRaw('/cases/penalty', `{"title":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    expectError(array, 400, 'VALIDATION_FAILED');
    // Legitimately nested payloads still pass the guard (and reach the handler: 404 for an unknown task).
    const fine = await postRaw(`/tasks/${randomUUID()}/complete`, '{"outcome":"X","payload":{"a":{"b":[{"c":[1]}]}}}');
    expect(fine.status).toBe(404);
  });

  it.each([
    ['application/x-www-form-urlencoded', 'title=x'],
    ['text/plain', '{"title":"x"}'],
    ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--b--\r\n'],
    ['application/xml', '<title>x</title>'],
  ])('answers 415 for a %s body on a JSON endpoint', async (contentType, body) => {
    const res = await postRaw('/cases/penalty', body, contentType);
    expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('still accepts bodiless POSTs and JSON with a charset', async () => {
    const withCharset = await postRaw(
      '/cases/penalty',
      JSON.stringify({ title: '带字符集', enterpriseId: h.org.enterpriseId }),
      'application/json; charset=utf-8',
    );
    expect(withCharset.status).toBe(201);
    const bodiless = await h.http().post(`/tasks/${randomUUID()}/claim`).set(h.as('officerA'));
    expect(bodiless.status).toBe(404);
  });

  it.each([
    ['/cases', { limit: '100000000000000000000' }, 'query.limit'],
    ['/tasks', { limit: '100000000000000000000' }, 'query.limit'],
    ['/accidents', { limit: '1e21' }, 'query.limit'],
    ['/inspection/plans', { year: '100000000000000000000' }, 'query.year'],
  ])('answers 400 for an out-of-range number in %s %j', async (path, query, field) => {
    const res = await h.http().get(path).query(query).set(h.as('head'));
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).toContain(field.split('.')[1]);
  });

  // Not base64url; base64url of `{"v":1}` (not a cursor); a real cursor's text with its key edited.
  const forged = Buffer.from(JSON.stringify({ v: 1, s: 'due', k: ['yesterday', 'x', 'y'] })).toString('base64url');
  it.each([
    ['/tasks', 'not a cursor!'],
    ['/tasks', Buffer.from('{"v":1}').toString('base64url')],
    ['/tasks', forged],
    ['/cases', forged],
    ['/accidents', forged],
    ['/tasks?sort=created', forged],
  ])('answers 400 on query.cursor for a malformed cursor on %s (%s)', async (path, cursor) => {
    const res = await h.http().get(path).query({ cursor }).set(h.as('head'));
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.details.fields).toEqual([expect.objectContaining({ path: 'query.cursor' })]);
  });

  it.each(['100000000000000000000', '-5', '99999'])('answers 400 for calendar year %s', async (year) => {
    const res = await h.http().get(`/calendar/years/${year}`).set(h.as('head'));
    expectError(res, 400, 'VALIDATION_FAILED');
  });

  it('rejects a NUL in a query string', async () => {
    const res = await h.http().get('/cases').query({ status: 'a\u0000b' }).set(h.as('head'));
    expectError(res, 400, 'VALIDATION_FAILED');
  });

  it.each([
    ['1970-01-01T08:00:00+08:00', 'occurredAt'],
    ['2007-05-31T23:59:59+08:00', 'occurredAt'],
  ])('rejects an accident occurring at %s with a clear 400', async (occurredAt, field) => {
    const res = await h.http().post('/accidents').set(h.as('officerA')).send({
      occurredAt,
      place: '测试县',
      summary: '历史事故',
      enterpriseId: h.org.enterpriseId,
      sectorCode: 'HAZARDOUS_CHEMICALS',
      deaths: 0,
      seriousInjuries: 0,
      directLossYuan: 0,
    });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.message).toContain(field);
  });

  it('rejects an accident in the future and a near miss in 1970', async () => {
    const future = await h
      .http()
      .post('/accidents')
      .set(h.as('officerA'))
      .send({
        occurredAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
        place: '测试县',
        summary: '未来',
        sectorCode: 'HAZARDOUS_CHEMICALS',
        deaths: 0,
        seriousInjuries: 0,
        directLossYuan: 0,
      });
    expectError(future, 400, 'VALIDATION_FAILED');
    const nearMiss = await h.http().post('/accidents/near-misses').set(h.as('officerA')).send({
      kind: 'NEAR_MISS',
      occurredAt: '1970-01-01T00:00:00Z',
      place: '测试县',
      sectorCode: 'HAZARDOUS_CHEMICALS',
      causeCategory: 'UNSAFE_ACT',
      description: '险情',
    });
    expectError(nearMiss, 400, 'VALIDATION_FAILED');
  });
});
