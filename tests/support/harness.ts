import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';

import request from 'supertest';
import { AppConfig, loadConfig } from '@safety/application/config/app-config';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { createWorker } from '../../apps/worker/src/create-worker';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestDatabase, TestDatabase } from './db';
import { skipTime } from './time-skipping';
import { testEnv } from './env';
import { createOrg, TestOrg, TestUser } from './fixtures';

export interface Harness {
  cfg: AppConfig;
  db: TestDatabase;
  app: INestApplication;
  client: Client;
  /** Present with the time-skipping server: `env.sleep('3 days')` moves time. */
  env: TestWorkflowEnvironment | null;
  http: () => ReturnType<typeof request>;
  /**
   * Time-skipping server only: moves time forward by `ms` (or to the instant `at`) without racing a
   * timer the case workflows are about to fire (tests/support/time-skipping.ts).
   */
  skip(ms: number): Promise<void>;
  skipTo(at: number): Promise<void>;
  login(user: TestUser): Promise<string>;
  /** Stops the worker (drains in-flight tasks) while the API keeps running; close() copes with it. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  temporal: 'dev' | 'time-skipping';
  /** Extra environment for loadConfig (e.g. CORS_ORIGINS), validated like the real process's. */
  config?: Record<string, string>;
}

/**
 * The real stack in one process: its own PostgreSQL database, the API app and a worker on a task
 * queue of its own, against either the Temporal dev server or the official time-skipping server.
 */
export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const db = await createTestDatabase();
  const env =
    opts.temporal === 'time-skipping'
      ? await TestWorkflowEnvironment.createTimeSkipping({
          server: { executable: { type: 'existing-path', path: testEnv().testServerExe() } },
        })
      : null;
  const client = env
    ? env.client
    : new Client({ connection: await Connection.connect({ address: testEnv().temporalAddress() }) });
  const cfg = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.appUrl,
    TEMPORAL_ADDRESS: env ? 'time-skipping' : testEnv().temporalAddress(),
    TEMPORAL_TASK_QUEUE: `test-${randomBytes(5).toString('hex')}`,
    JWT_SECRET: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'silent',
    WORKFLOW_BUNDLE_PATH: testEnv().workflowBundlePath(),
    ...opts.config,
  });
  const app = await createApiApp(cfg, { logs: false, temporalClient: client });
  await app.init();
  const ctx: INestApplicationContext = await NestFactory.createApplicationContext(WorkerModule.forConfig(cfg), {
    logger: false,
  });
  const { worker } = await createWorker(ctx, cfg, env ? { connection: env.nativeConnection } : {});
  const running = worker.run();
  let workerStopped = false;
  const stopWorker = async () => {
    if (workerStopped) return;
    workerStopped = true;
    worker.shutdown();
    await running.catch(() => undefined);
  };
  const server = app.getHttpServer();
  const caseWorkflowIds = async (): Promise<string[]> =>
    (await db.ds.query('SELECT workflow_id FROM cases')).map((r: { workflow_id: string }) => r.workflow_id);
  const skip = async (ms: number) => {
    if (!env) throw new Error('skip() needs the time-skipping server');
    await skipTime(env, client, caseWorkflowIds, ms);
  };
  return {
    cfg,
    db,
    app,
    client,
    env,
    http: () => request(server),
    skip,
    skipTo: async (at: number) => skip(at - (env ? await env.currentTimeMs() : Date.now())),
    async login(user) {
      const res = await request(server).post('/auth/login').send({ username: user.username, password: user.password });
      if (res.status !== 200)
        throw new Error(`login failed for ${user.username}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    stopWorker,
    async close() {
      await stopWorker();
      await ctx.close();
      await app.close();
      if (env) await env.teardown();
      else await client.connection.close();
      await db.drop();
    },
  };
}

export interface OrgHarness extends Harness {
  org: TestOrg;
  /** Authorization header of one of the org's users, logged in once at start. */
  as(who: keyof TestOrg['users']): { Authorization: string };
}

/** A harness plus a fresh organisation whose users are all logged in. */
export async function startOrgHarness(opts: HarnessOptions): Promise<OrgHarness> {
  const h = await startHarness(opts);
  const org = await createOrg(h.db.ds);
  const tokens = new Map<string, string>();
  for (const [key, user] of Object.entries(org.users)) tokens.set(key, await h.login(user));
  return { ...h, org, as: (who) => ({ Authorization: `Bearer ${tokens.get(who)}` }) };
}

/**
 * A second API on the harness's database and secrets whose Temporal is a port nothing listens on: every
 * call to Temporal fails as it does when the cluster is down (a 503 after a short answer timeout), while
 * the database works. Tokens of the harness's API are valid here.
 */
export async function startApiWithoutTemporal(
  h: Harness,
): Promise<{ http: () => ReturnType<typeof request>; close(): Promise<void> }> {
  const probe = createServer();
  const port = await new Promise<number>((resolve) =>
    probe.listen(0, '127.0.0.1', () => resolve((probe.address() as { port: number }).port)),
  );
  await new Promise((resolve) => probe.close(resolve));
  const cfg = Object.assign(Object.create(Object.getPrototypeOf(h.cfg)) as AppConfig, h.cfg, {
    WORKFLOW_ANSWER_TIMEOUT_SECONDS: 2,
  });
  const client = new Client({ connection: Connection.lazy({ address: `127.0.0.1:${port}` }) });
  const app = await createApiApp(cfg, { logs: false, temporalClient: client });
  await app.init();
  const server = app.getHttpServer();
  return {
    http: () => request(server),
    async close() {
      await app.close();
      await client.connection.close().catch(() => undefined);
    },
  };
}
