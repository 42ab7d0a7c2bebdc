import { createServer, Server } from 'node:http';
import { createTestDatabase, TestDatabase } from '../support/db';
import { expectEventually } from '../support/eventually';
import { createOrg, TestOrg } from '../support/fixtures';
import { freePort, ProcessStack, randomSecret } from '../support/processes';

jest.setTimeout(300_000);

interface ReceivedSpan {
  service: string;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
}

/** OTLP/JSON ids are hex strings; accept base64 too, so the assertion does not hang on the encoding. */
const hex = (id: unknown): string =>
  typeof id !== 'string' || /^[0-9a-f]*$/.test(id) ? String(id ?? '') : Buffer.from(id, 'base64').toString('hex');

/** A minimal OTLP/HTTP collector: what the standard exporter sends to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT. */
function otlpReceiver(spans: ReceivedSpan[]): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      for (const resourceSpans of body.resourceSpans ?? []) {
        const service = (resourceSpans.resource?.attributes ?? []).find(
          (a: { key: string }) => a.key === 'service.name',
        )?.value?.stringValue;
        for (const scope of resourceSpans.scopeSpans ?? [])
          for (const span of scope.spans ?? [])
            spans.push({
              service,
              name: span.name,
              traceId: hex(span.traceId),
              spanId: hex(span.spanId),
              parentSpanId: hex(span.parentSpanId),
            });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
}

/**
 * Telemetry of the compiled processes: one trace from the HTTP request through the Temporal client into the
 * workflow and its activities (OTLP to a collector), the trace id in the JSON logs, the worker's SDK metrics
 * on Prometheus, and the worker's refusal to start with a heap limit other than the configured one.
 */
describe('traces, logs and worker metrics of the real processes', () => {
  let db: TestDatabase;
  let org: TestOrg;
  let stack: ProcessStack;
  let receiver: Server;
  const spans: ReceivedSpan[] = [];
  let workerMetricsUrl: string;
  let api: Awaited<ReturnType<ProcessStack['startApi']>>;
  const taskQueue = `telemetry-${randomSecret().slice(0, 10)}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    org = await createOrg(db.ds);
    receiver = otlpReceiver(spans);
    const collectorPort = await freePort();
    await new Promise<void>((resolve) => receiver.listen(collectorPort, '127.0.0.1', resolve));
    const tracing = {
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `http://127.0.0.1:${collectorPort}/v1/traces`,
      OTEL_BSP_SCHEDULE_DELAY: '200',
    };
    stack = new ProcessStack(
      {
        NODE_ENV: 'test',
        DATABASE_URL: db.url,
        TEMPORAL_TASK_QUEUE: taskQueue,
        JWT_SECRET: randomSecret(),
        LOG_LEVEL: 'info',
        WORKFLOW_BUNDLE_PATH: process.env.WORKFLOW_BUNDLE_PATH ?? '',
      },
      'telemetry',
    );
    await stack.startTemporal();
    const workerMetricsPort = await freePort();
    workerMetricsUrl = `http://127.0.0.1:${workerMetricsPort}/metrics`;
    await stack.startWorker('worker', { ...tracing, WORKER_METRICS_ADDRESS: `127.0.0.1:${workerMetricsPort}` });
    api = await stack.startApi('api', tracing);
  });

  afterAll(async () => {
    await stack?.stopAll();
    await new Promise((resolve) => receiver?.close(resolve));
    await db?.drop();
  });

  it('traces a case start from the HTTP request into the workflow and its activities, and logs the trace id', async () => {
    const login = await api
      .http()
      .post('/auth/login')
      .send({ username: org.users.officerA.username, password: org.users.officerA.password });
    expect(login.status).toBe(200);
    const created = await api
      .http()
      .post('/cases/penalty')
      .set({ Authorization: `Bearer ${login.body.accessToken}` })
      .send({ title: '链路追踪测试', enterpriseId: org.enterpriseId });
    expect(created.status).toBe(201);

    const trace = await expectEventually(
      () => {
        const server = spans.find((s) => s.service === 'safety-api' && s.name === 'POST /cases/penalty');
        expect(server).toBeDefined();
        const inTrace = spans.filter((s) => s.traceId === server!.traceId);
        const names = inTrace.map((s) => `${s.service} ${s.name}`);
        // The workflow's own RunWorkflow span ends (and is exported) when the case ends; the activities it
        // scheduled (StartActivity, from inside the workflow sandbox) and ran (RunActivity) are there now.
        expect(names).toEqual(
          expect.arrayContaining([
            'safety-api StartWorkflow:penaltyCaseWorkflow',
            'safety-worker StartActivity:openTask',
            'safety-worker RunActivity:openTask',
          ]),
        );
        return { server: server!, inTrace };
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    // One tree: the request → the workflow start; each activity run → its scheduling in the workflow.
    const named = (name: string) => trace.inTrace.find((s) => s.name === name)!;
    expect(named('StartWorkflow:penaltyCaseWorkflow').parentSpanId).toBe(trace.server.spanId);
    expect(named('RunActivity:openTask').parentSpanId).toBe(named('StartActivity:openTask').spanId);
    // The API's JSON request log carries the same trace id.
    await expectEventually(() => {
      const lines = stack
        .log('api')
        .split('\n')
        .filter((line) => line.includes('/cases/penalty') && line.includes('"trace_id"'));
      expect(lines.some((line) => JSON.parse(line).trace_id === trace.server.traceId)).toBe(true);
    });
  });

  it('serves the Temporal SDK metrics of the worker in the Prometheus format', async () => {
    const res = await fetch(workerMetricsUrl);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^# TYPE temporal_\w+/m);
    expect(text).toMatch(new RegExp(`^temporal_\\w+\\{[^}]*task_queue="${taskQueue}"`, 'm'));
  });

  it('refuses to start a worker whose heap limit differs from WORKER_MAX_HEAP_MB', async () => {
    const refused = await stack.workerExit('worker-misconfigured', 2048, { WORKER_MAX_HEAP_MB: '768' });
    expect(refused.code).toBe(1);
    expect(refused.log).toMatch(/V8 heap limit is 2096 MB but WORKER_MAX_HEAP_MB is 768/);
  });
});
