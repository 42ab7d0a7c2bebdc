import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { OrgHarness, startOrgHarness } from '../support/harness';
import { expectEventually } from '../support/eventually';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const scrape = async (url: string, token?: string) => {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};

/** Metric lines (`name{labels} value`) of one family, for exact assertions. */
const sampleValue = (text: string, pattern: RegExp): number | null => {
  const line = text.split('\n').find((l) => !l.startsWith('#') && pattern.test(l));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : null;
};

async function openPenaltyCase(h: OrgHarness) {
  const res = await h
    .http()
    .post('/cases/penalty')
    .set(h.as('officerA'))
    .send({ title: '运行指标测试', enterpriseId: h.org.enterpriseId });
  expect(res.status).toBe(201);
  await expectEventually(async () => {
    const list = await h.http().get('/tasks').query({ caseId: res.body.id }).set(h.as('head'));
    expect(list.body.items).toHaveLength(1);
  });
  return res.body.id as string;
}

describe('metrics on a separate loopback listener, and readiness that follows the workers', () => {
  let h: OrgHarness;
  let metricsUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    metricsUrl = `http://127.0.0.1:${port}/metrics`;
    // The dev server holds idle polls 5 s in this suite (scripts/test.sh), so 8 s tells a live worker from a dead one.
    h = await startOrgHarness({
      temporal: 'dev',
      config: { METRICS_ADDRESS: `127.0.0.1:${port}`, READINESS_POLLER_MAX_AGE_SECONDS: '8' },
    });
  });
  afterAll(async () => h?.close());

  it('serves request durations by route template and status, task gauges per department and process metrics', async () => {
    await openPenaltyCase(h);
    const unauthenticated = await h.http().get('/tasks');
    expect(unauthenticated.status).toBe(401);
    await h.http().get('/no-such-route').set(h.as('head'));

    const res = await scrape(metricsUrl);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(
      sampleValue(
        res.text,
        /^http_request_duration_seconds_count\{method="POST",route="\/cases\/penalty",status="201"\}/,
      ),
    ).toBe(1);
    expect(
      sampleValue(res.text, /^http_request_duration_seconds_count\{method="GET",route="\/tasks",status="401"\}/),
    ).toBe(1);
    // An unknown path is counted under a fixed label, never under the raw URL.
    const notFound = res.text.match(
      /^http_request_duration_seconds_count\{method="GET",route="([^"]*)",status="404"\} 1$/m,
    );
    expect(notFound).not.toBeNull();
    expect(notFound![1]).not.toContain('no-such-route');
    // Raw URLs (ids) never become label values: the label set stays bounded.
    expect(res.text).not.toMatch(/route="\/tasks\/[0-9a-f-]{36}/);
    expect(sampleValue(res.text, new RegExp(`^safety_tasks_open\\{department_id="${h.org.departmentId}"\\}`))).toBe(1);
    expect(sampleValue(res.text, new RegExp(`^safety_tasks_overdue\\{department_id="${h.org.departmentId}"\\}`))).toBe(
      0,
    );
    expect(sampleValue(res.text, /^process_cpu_user_seconds_total/)).toBeGreaterThan(0);
    expect(sampleValue(res.text, /^nodejs_heap_size_used_bytes/)).toBeGreaterThan(0);

    // Only /metrics on that listener, and not on the API port when a separate listener is configured.
    expect((await scrape(metricsUrl.replace('/metrics', '/tasks'))).status).toBe(404);
    const onApiPort = await h.http().get('/metrics');
    expect(onApiPort.status).toBe(404);
  });

  it('reports ready while workers poll both task queues, 503 once they stop; liveness stays 200', async () => {
    const ready = await h.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.workers).toMatchObject({ status: 'up' });
    expect(ready.body.checks.workers.workflow.live).toBeGreaterThan(0);
    expect(ready.body.checks.workers.activity.live).toBeGreaterThan(0);

    await h.stopWorker();
    const down = await expectEventually(
      async () => {
        const res = await h.http().get('/health/ready');
        expect(res.status).toBe(503);
        return res.body;
      },
      { timeoutMs: 30_000, intervalMs: 1_000 },
    );
    expect(down).toMatchObject({
      status: 'unavailable',
      checks: { postgres: { status: 'up' }, temporal: { status: 'up' }, workers: { status: 'down' } },
    });
    expect(down.checks.workers.workflow.live).toBe(0);
    expect((await h.http().get('/health/live')).status).toBe(200);
  });
});

describe('metrics on the API port behind a token', () => {
  let h: OrgHarness;
  const token = randomBytes(24).toString('hex');

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev', config: { METRICS_TOKEN: token } });
  });
  afterAll(async () => h?.close());

  it('answers 401 without the token or with a user token, 200 with it', async () => {
    expect((await h.http().get('/metrics')).status).toBe(401);
    expect((await h.http().get('/metrics').set(h.as('sysadmin'))).status).toBe(401);
    expect(
      (
        await h
          .http()
          .get('/metrics')
          .set({ Authorization: `Bearer ${token}x` })
      ).status,
    ).toBe(401);
    const ok = await h
      .http()
      .get('/metrics')
      .set({ Authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    expect(ok.text).toMatch(/^# HELP /m);
    expect(ok.text).toMatch(/http_request_duration_seconds_bucket\{/);
  });
});
