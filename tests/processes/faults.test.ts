import request from 'supertest';
import { createTestDatabase, TestDatabase } from '../support/db';
import { expectEventually } from '../support/eventually';
import { createOrg, TestOrg } from '../support/fixtures';
import { FlowHarness, penaltyFlow } from '../support/penalty-flow';
import { ProcessStack, randomSecret, restartPostgres } from '../support/processes';

jest.setTimeout(600_000);

type Who = keyof TestOrg['users'];

/** The steps every case here walks, and the task each completion opens next. */
const STEPS = ['FILING_APPROVAL', 'INVESTIGATION', 'PENALTY_PROPOSAL'] as const;
// The proposal's 40,000 fine for an organisation is a line of the default 法制审核目录 (行政处罚法 Art.58).
const AFTER_LAST_STEP = 'LEGAL_REVIEW';

/**
 * Faults against the compiled processes: two APIs and two workers on one PostgreSQL and one Temporal dev
 * server (SQLite file). Each test injects one fault in the middle of a step and then checks that the case
 * went on, that no step was lost or done twice, that no task was opened twice, and that the hash chain of
 * the full-process record still verifies.
 */
describe('fault tier: kill -9, restarts, two APIs and two workers', () => {
  let db: TestDatabase;
  let org: TestOrg;
  let stack: ProcessStack;
  const apis: Array<{ url: string; http: () => ReturnType<typeof request> }> = [];
  const tokens = new Map<Who, string>();
  let turn = 0;
  let flow: ReturnType<typeof penaltyFlow>;

  const workerEnv = () => ({});

  beforeAll(async () => {
    db = await createTestDatabase();
    org = await createOrg(db.ds);
    stack = new ProcessStack(
      {
        NODE_ENV: 'test',
        DATABASE_URL: db.url,
        TEMPORAL_TASK_QUEUE: `fault-${randomSecret().slice(0, 10)}`,
        JWT_SECRET: randomSecret(),
        LOG_LEVEL: 'info',
        WORKFLOW_BUNDLE_PATH: process.env.WORKFLOW_BUNDLE_PATH ?? '',
      },
      'faults',
    );
    await stack.startTemporal();
    apis.push(await stack.startApi('api-a'), await stack.startApi('api-b'));
    await stack.startWorker('worker-a', workerEnv());
    await stack.startWorker('worker-b', workerEnv());
    for (const [who, user] of Object.entries(org.users) as Array<[Who, TestOrg['users'][Who]]>) {
      const res = await apis[0].http().post('/auth/login').send({ username: user.username, password: user.password });
      if (res.status !== 200) throw new Error(`login ${who}: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(who, res.body.accessToken);
    }
    // Every HTTP call goes to the other API than the one before: each case is advanced through both.
    const harness: FlowHarness = {
      org,
      db,
      env: null,
      as: (who) => ({ Authorization: `Bearer ${tokens.get(who)}` }),
      http: () => apis[turn++ % apis.length].http(),
    };
    flow = penaltyFlow(harness);
  });

  afterAll(async () => {
    await stack?.stopAll();
    await db?.drop();
  });

  const stepCompletion = (caseId: string, step: (typeof STEPS)[number]) => {
    switch (step) {
      case 'FILING_APPROVAL':
        return flow.completeOk(caseId, step, 'head', 'APPROVE', { comment: '同意立案' });
      case 'INVESTIGATION':
        return flow.completeOk(caseId, step, 'officerA', 'SUBMIT', flow.evidence(flow.twoOfficers()));
      case 'PENALTY_PROPOSAL':
        return flow.completeOk(caseId, step, 'officerA', 'PROPOSE_PENALTY', flow.proposal({ serious: true }));
    }
  };

  /** Completed steps in order, the one open task, and no task or record row twice. */
  async function expectConsistent(caseId: string, completed: readonly string[], open: string) {
    await expectEventually(
      async () => {
        const tasks: Array<{ type: string; status: string }> = await db.ds.query(
          `SELECT type, status FROM tasks WHERE case_id = $1 ORDER BY created_at`,
          [caseId],
        );
        expect(tasks.filter((t) => t.status === 'COMPLETED').map((t) => t.type)).toEqual(completed);
        expect(tasks.filter((t) => t.status === 'OPEN' || t.status === 'CLAIMED').map((t) => t.type)).toEqual([open]);
        expect(tasks.filter((t) => t.status === 'CANCELLED')).toEqual([]);
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    const repeated = await db.ds.query(
      `SELECT task_id, action, count(*)::int AS n FROM audit_log
        WHERE case_id = $1 AND action IN ('TASK_OPENED','TASK_COMPLETED') GROUP BY task_id, action HAVING count(*) > 1`,
      [caseId],
    );
    expect(repeated).toEqual([]);
    const verify = await apis[turn++ % apis.length]
      .http()
      .get('/audit/verify')
      .set({ Authorization: `Bearer ${tokens.get('admin')}` });
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true, firstBrokenSeq: null });
  }

  /**
   * The completion that was in flight when the fault hit: its caller may have seen an error (PostgreSQL
   * went away under the API's own reads), so it asks again, as a client would; a step already applied then
   * answers 409 TASK_ALREADY_COMPLETED, and the consistency check proves it was applied once.
   */
  async function settleInFlight(caseId: string, step: (typeof STEPS)[number], failure: Promise<unknown>) {
    if (!(await failure)) return;
    await expectEventually(
      async () => {
        const [task] = await db.ds.query(
          `SELECT status FROM tasks WHERE case_id = $1 AND type = $2 ORDER BY created_at DESC LIMIT 1`,
          [caseId, step],
        );
        if (task?.status === 'COMPLETED') return;
        await stepCompletion(caseId, step);
      },
      { timeoutMs: 120_000, intervalMs: 1_000 },
    );
  }

  /** Runs the case's steps; `fault` runs while the given step's completion is in flight. */
  async function caseWithFault(
    faultDuring: (typeof STEPS)[number],
    fault: () => Promise<void>,
    after?: () => Promise<void>,
  ) {
    const created = await flow.openCase();
    for (const [index, step] of STEPS.entries()) {
      if (step === faultDuring) {
        await flow.openTask(created.id, step);
        // Its failure is taken as it comes: it may come while the fault is still being injected.
        const failure = stepCompletion(created.id, step).then(
          () => null,
          (e: unknown) => e,
        );
        // The fault lands while the completion is in flight: the Update and the activities it triggers.
        await new Promise((resolve) => setTimeout(resolve, 150));
        await fault();
        await settleInFlight(created.id, step, failure);
        await after?.();
      } else {
        await stepCompletion(created.id, step);
      }
      await expectConsistent(created.id, STEPS.slice(0, index + 1), STEPS[index + 1] ?? AFTER_LAST_STEP);
    }
  }

  it('kill -9 of every worker in the middle of a step: a fresh worker finishes it, once', async () => {
    await caseWithFault(
      'INVESTIGATION',
      async () => {
        await Promise.all([stack.kill('worker-a'), stack.kill('worker-b')]);
        await stack.startWorker('worker-a', workerEnv());
      },
      () => stack.startWorker('worker-b', workerEnv()),
    );
  });

  it('PostgreSQL restarted in the middle of a step: activities retry, the API reconnects', async () => {
    await caseWithFault('FILING_APPROVAL', restartPostgres);
  });

  it('Temporal dev server killed and restarted on its SQLite file in the middle of a step', async () => {
    await caseWithFault('PENALTY_PROPOSAL', async () => {
      await stack.kill('temporal');
      await stack.startTemporal();
    });
  });

  it('a case advanced alternately through both APIs while one of the two workers is killed', async () => {
    await caseWithFault(
      'INVESTIGATION',
      () => stack.kill('worker-b'),
      () => stack.startWorker('worker-b', workerEnv()),
    );
    expect(stack.running('worker-a') && stack.running('worker-b')).toBe(true);
  });
});
