import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { CaseActivities } from '@safety/temporal/activities';
import { completeTaskUpdate, getPendingTasksQuery, getPenaltyCaseStateQuery, PenaltyCaseInput } from '@safety/temporal';
import { workflowsEntry } from '@safety/temporal/runtime/bundle';
import { testEnv } from '../support/env';

/**
 * Workflow tier: the penalty workflow and its TaskBoard on the official time-skipping server with
 * strict activity mocks (every CaseActivities method recorded, nothing else callable).
 */
describe('TaskBoard timers and updates (time-skipping server, mocked activities)', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: testEnv().testServerExe() } },
    });
    bundle = await bundleWorkflowCode({ workflowsPath: workflowsEntry() });
  });
  afterAll(async () => env?.teardown());

  function mockActivities(dueInDays: number) {
    const calls: Array<{ name: string; input: unknown }> = [];
    const record =
      <T>(name: string, result: T) =>
      async (input: unknown) => {
        calls.push({ name, input });
        return result;
      };
    const activities: CaseActivities = {
      recordCaseStatus: record('recordCaseStatus', undefined),
      openTask: record('openTask', { taskId: randomUUID() }),
      completeTask: record('completeTask', undefined),
      escalateTask: record('escalateTask', undefined),
      setTaskDeadline: record('setTaskDeadline', undefined),
      setCaseHandlers: record('setCaseHandlers', { handlerIds: [], handlers: [] }),
      computeDeadline: async (input) => {
        calls.push({ name: 'computeDeadline', input });
        const dueAt = new Date((await env.currentTimeMs()) + dueInDays * 86_400_000).toISOString();
        return { dueAt, dueDate: dueAt.slice(0, 10), missingYear: null };
      },
    };
    return { activities, calls };
  }

  const input = (caseId: string, handlerIds: string[] = []): PenaltyCaseInput => ({
    caseId,
    departmentId: randomUUID(),
    enterpriseId: null,
    createdBy: randomUUID(),
    handlerIds,
    openedAt: new Date().toISOString(),
  });

  it('escalates yellow then red across 15 days, then completes through the Update (refusal ends the workflow)', async () => {
    const { activities, calls } = mockActivities(5);
    const taskQueue = `wf-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities,
    });
    await worker.runUntil(async () => {
      const caseId = randomUUID();
      const handle = await env.client.workflow.start('penaltyCaseWorkflow', {
        taskQueue,
        workflowId: `penalty-${caseId}`,
        args: [input(caseId)],
      });
      await env.sleep('15 days');
      expect(calls.filter((c) => c.name === 'escalateTask').map((c) => (c.input as { level: string }).level)).toEqual([
        'YELLOW',
        'RED',
      ]);
      const [pending] = await handle.query(getPendingTasksQuery);
      expect(pending).toMatchObject({ type: 'FILING_APPROVAL', escalation: 'RED' });

      const headId = randomUUID();
      const result = await handle.executeUpdate(completeTaskUpdate, {
        args: [
          {
            taskKey: pending.taskKey,
            actor: { userId: headId, roles: ['AGENCY_HEAD'], departmentId: randomUUID() },
            outcome: 'REJECT',
            payload: {},
          },
        ],
      });
      expect(result.outcome).toBe('REJECT');
      const final = await handle.result();
      expect(final.status).toBe('NOT_FILED');
      expect((await handle.query(getPenaltyCaseStateQuery)).history.map((h) => h.status)).toEqual([
        'PENDING_FILING',
        'NOT_FILED',
      ]);
      expect(calls.map((c) => c.name)).toEqual([
        'recordCaseStatus',
        'computeDeadline',
        'openTask',
        'escalateTask',
        'escalateTask',
        'completeTask',
        'recordCaseStatus',
      ]);
    });
  });

  it('rejects a handler approving their own case in the validator, without running any activity', async () => {
    const { activities, calls } = mockActivities(5);
    const taskQueue = `wf-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities,
    });
    await worker.runUntil(async () => {
      const caseId = randomUUID();
      const handlerHead = randomUUID();
      const handle = await env.client.workflow.start('penaltyCaseWorkflow', {
        taskQueue,
        workflowId: `penalty-${caseId}`,
        args: [input(caseId, [handlerHead])],
      });
      const pending = await (async () => {
        for (;;) {
          const p = await handle.query(getPendingTasksQuery);
          if (p.length) return p[0];
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      const before = calls.length;
      const attempt = handle.executeUpdate(completeTaskUpdate, {
        args: [
          {
            taskKey: pending.taskKey,
            actor: { userId: handlerHead, roles: ['AGENCY_HEAD'], departmentId: randomUUID() },
            outcome: 'APPROVE',
            payload: {},
          },
        ],
      });
      await expect(attempt).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await expect(attempt).rejects.toMatchObject({ cause: { type: 'FORBIDDEN_SEPARATION_OF_DUTIES' } });
      expect(calls.length).toBe(before);
      await handle.terminate('test done');
    });
  });
});
