import { WorkflowUpdateFailedError } from '@temporalio/client';
import { completeTaskUpdate, getPenaltyCaseStateQuery, mayActOnTaskQuery } from '@safety/temporal';
import { ActivityLog, startWorkflowTier, WorkflowTier } from './support/workflow-env';
import { completion, evidenceBy, fineProposal, penaltyActivities, penaltyInput, people } from './support/penalty-mocks';

const DAY = 86_400_000;

/** Workflow tier: the penalty workflow's 立案 and 调查取证 stages with strictly mocked activities. */
describe('penalty workflow: filing and investigation (time-skipping server, mocked activities)', () => {
  let tier: WorkflowTier;
  beforeAll(async () => {
    tier = await startWorkflowTier();
  });
  afterAll(async () => tier?.teardown());

  it('opens 立案审批 in one round trip, escalates yellow then red, and ends NOT_FILED on refusal', async () => {
    const who = people();
    const log = new ActivityLog();
    await tier.withWorker(penaltyActivities(who, log), async (taskQueue) => {
      const input = penaltyInput(who);
      const handle = await tier.env.client.workflow.start('penaltyCaseWorkflow', {
        taskQueue,
        workflowId: `penalty-${input.caseId}`,
        args: [input],
      });
      const filing = await tier.openTask(handle, 'FILING_APPROVAL');
      // One activity opens the task: the case status and the due date go with it.
      expect(log.names()).toEqual(['openTask']);
      expect(log.inputsOf<{ enterStatus: { status: string } }>('openTask')[0].enterStatus.status).toBe(
        'PENDING_FILING',
      );

      await tier.skip([handle], 15 * DAY);
      expect(log.inputsOf<{ level: string }>('escalateTask').map((call) => call.level)).toEqual(['YELLOW', 'RED']);

      const answer = await handle.executeUpdate(completeTaskUpdate, {
        args: [completion(filing.taskKey, who.head, 'REJECT', { comment: '证据不足' })],
      });
      expect(answer).toMatchObject({ outcome: 'REJECT' });
      expect(await tier.settled(handle)).toEqual([]);
      expect((await handle.result()).status).toBe('NOT_FILED');
    });
  });

  it('refuses a handler approving filing and an invalid payload in the validator, running no activity', async () => {
    const who = people();
    const log = new ActivityLog();
    await tier.withWorker(penaltyActivities(who, log), async (taskQueue) => {
      const input = { ...penaltyInput(who), handlerIds: [who.officerA.userId, who.head.userId] };
      const handle = await tier.env.client.workflow.start('penaltyCaseWorkflow', {
        taskQueue,
        workflowId: `penalty-${input.caseId}`,
        args: [input],
      });
      const filing = await tier.openTask(handle, 'FILING_APPROVAL');
      const before = log.calls.length;
      const separated = handle.executeUpdate(completeTaskUpdate, {
        args: [completion(filing.taskKey, who.head, 'APPROVE')],
      });
      await expect(separated).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await expect(separated).rejects.toMatchObject({ cause: { type: 'FORBIDDEN_SEPARATION_OF_DUTIES' } });
      // The claim check asks the same question before anyone takes the task.
      expect(await handle.query(mayActOnTaskQuery, { taskKey: filing.taskKey, actor: who.head })).toMatchObject({
        allowed: false,
        code: 'FORBIDDEN_SEPARATION_OF_DUTIES',
      });
      expect(await handle.query(mayActOnTaskQuery, { taskKey: filing.taskKey, actor: who.otherHead })).toEqual({
        allowed: true,
      });
      const malformed = handle.executeUpdate(completeTaskUpdate, {
        args: [completion(filing.taskKey, who.otherHead, 'APPROVE', { comment: 42, extra: true })],
      });
      await expect(malformed).rejects.toMatchObject({
        cause: {
          type: 'VALIDATION_FAILED',
          details: [{ fields: [{ path: 'payload.comment' }, { path: 'payload.extra' }] }],
        },
      });
      expect(log.calls.length).toBe(before);
      await handle.terminate('test done');
    });
  });

  it('files, investigates with two credentialed handlers, and opens the proposal with the benchmark', async () => {
    const who = people();
    const log = new ActivityLog();
    await tier.withWorker(penaltyActivities(who, log), async (taskQueue) => {
      const input = penaltyInput(who);
      const handle = await tier.env.client.workflow.start('penaltyCaseWorkflow', {
        taskQueue,
        workflowId: `penalty-${input.caseId}`,
        args: [input],
      });
      const filing = await tier.openTask(handle, 'FILING_APPROVAL');
      const filed = await handle.executeUpdate(completeTaskUpdate, {
        args: [completion(filing.taskKey, who.head, 'APPROVE', { comment: '同意立案' })],
      });
      expect(filed.outcome).toBe('APPROVE');
      // Settled again, the workflow names the task it opened in response.
      expect(await tier.settled(handle)).toEqual([
        expect.objectContaining({ type: 'INVESTIGATION', title: '调查取证' }),
      ]);
      const investigation = await tier.openTask(handle, 'INVESTIGATION');

      const outsider = handle.executeUpdate(completeTaskUpdate, {
        args: [
          completion(investigation.taskKey, { ...who.officerA, userId: who.head.userId }, 'SUBMIT', evidenceBy(who)),
        ],
      });
      await expect(outsider).rejects.toMatchObject({ cause: { type: 'FORBIDDEN_ROLE' } });
      const forged = evidenceBy(who);
      forged.evidence[0].officers[1].credentialNo = 'FAKE';
      await expect(
        handle.executeUpdate(completeTaskUpdate, {
          args: [completion(investigation.taskKey, who.officerA, 'SUBMIT', forged)],
        }),
      ).rejects.toMatchObject({ cause: { type: 'RULE_VIOLATION', message: expect.stringMatching(/does not match/) } });

      const before = log.calls.length;
      const submitted = await handle.executeUpdate(completeTaskUpdate, {
        args: [completion(investigation.taskKey, who.officerA, 'SUBMIT', evidenceBy(who))],
      });
      expect(submitted.outcome).toBe('SUBMIT');
      expect(await tier.settled(handle)).toEqual([expect.objectContaining({ type: 'PENALTY_PROPOSAL' })]);
      // Between the completion and the next task: the completion, then the benchmark, the 法制审核目录 and the opening.
      expect(log.since(before)).toEqual([
        'completeTask',
        'loadDiscretionBenchmark',
        'loadLegalReviewCatalogue',
        'openTask',
      ]);
      const opened = log
        .inputsOf<{ type: string; payload: Record<string, unknown>; enterStatus: { status: string } }>('openTask')
        .at(-1)!;
      expect(opened).toMatchObject({
        type: 'PENALTY_PROPOSAL',
        payload: { benchmarkId: 'benchmark-test' },
        enterStatus: { status: 'PROPOSAL' },
      });
      const state = await handle.query(getPenaltyCaseStateQuery);
      expect(state.procedure?.investigation).toMatchObject({
        evidenceCount: 1,
        officers: [who.officerA.userId, who.officerB.userId],
      });

      const proposal = await tier.openTask(handle, 'PENALTY_PROPOSAL');
      await expect(
        handle.executeUpdate(completeTaskUpdate, {
          args: [completion(proposal.taskKey, who.officerA, 'PROPOSE_PENALTY', fineProposal({ fineYuan: 500_000 }))],
        }),
      ).rejects.toMatchObject({ cause: { type: 'OUT_OF_RANGE' } });
      await handle.terminate('test done');
    });
  });
});
