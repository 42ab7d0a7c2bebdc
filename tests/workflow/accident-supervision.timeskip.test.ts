import { ApplicationFailure } from '@temporalio/common';
import { WorkflowFailedError } from '@temporalio/client';
import { closeAccidentUpdate, completeTaskUpdate } from '@safety/temporal';
import { expectEventually } from '../support/eventually';
import { recordFetchedHistoryIfAsked } from '../support/history';
import { accidentDriver } from './support/accident-driver';
import { accidentActivities, accidentPeople, inputsOf } from './support/accident-mocks';
import { ActivityLog, startWorkflowTier, WorkflowTier } from './support/workflow-env';

/**
 * Workflow tier: the accident workflow's supervision of its background work, on the time-skipping
 * server with strict activity mocks. A failing branch must end the workflow cleanly (never a
 * workflow task failing over and over on an unhandled rejection), and a message handler still
 * running when the case ends must finish before the workflow returns.
 */
describe('accident workflow: supervised branches and handlers (time-skipping server, mocked activities)', () => {
  let tier: WorkflowTier;
  beforeAll(async () => {
    tier = await startWorkflowTier();
  });
  afterAll(async () => tier?.teardown());

  it('fails the workflow cleanly when a background branch fails, withdrawing its open tasks, instead of failing workflow tasks', async () => {
    const people = accidentPeople();
    const log = new ActivityLog();
    const mocks = accidentActivities(people, log, {
      accidentRecordMeasureEvidence: async () => {
        throw ApplicationFailure.nonRetryable('measure 1 is not in the report', 'NOT_FOUND');
      },
    });
    await tier.withWorker(mocks.activities, async (taskQueue) => {
      const drive = accidentDriver(tier, people, taskQueue);
      const { handle } = await drive.start();
      await drive.runToApproval(handle);
      const evidence = await tier.openTask(handle, 'ACCIDENT_RECTIFICATION_EVIDENCE');
      await handle.executeUpdate(completeTaskUpdate, {
        args: [
          { taskKey: evidence.taskKey, actor: people.officerA, outcome: 'SUBMIT', payload: { evidence: '已加固' } },
        ],
      });

      // Either the workflow ends, or its workflow task fails (the defect): whichever comes first.
      const events = await expectEventually(async () => {
        const all = (await handle.fetchHistory()).events ?? [];
        expect(
          all.some((event) => event.workflowTaskFailedEventAttributes || event.workflowExecutionFailedEventAttributes),
        ).toBe(true);
        return all;
      });
      expect(events.filter((event) => event.workflowTaskFailedEventAttributes)).toEqual([]);
      const failure = await handle.result().then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(WorkflowFailedError);
      expect((failure as WorkflowFailedError).cause).toMatchObject({ type: 'WORKFLOW_BRANCH_FAILED' });
      expect(String((failure as WorkflowFailedError).cause?.message)).toContain('rectification-1');
      // The open steps of the failed case leave the inboxes.
      const withdrawn = inputsOf(log, 'accidentCancelOpenTasks').map((input) => input.types as string[]);
      expect(withdrawn.flat()).toEqual(
        expect.arrayContaining(['ACCIDENT_RECTIFICATION_VERIFICATION', 'ACCIDENT_ONE_YEAR_EVALUATION']),
      );
      await recordFetchedHistoryIfAsked(handle, 'accident-v2-branch-failed');
    });
  });

  it('lets the close handler finish (status recorded, steps withdrawn, answer given) before the workflow returns', async () => {
    const people = accidentPeople();
    const log = new ActivityLog();
    const mocks = accidentActivities(people, log);
    await tier.withWorker(mocks.activities, async (taskQueue) => {
      const drive = accidentDriver(tier, people, taskQueue);
      // The evaluation opens at once (0 months after 批复), so it is done before the case closes.
      const { handle } = await drive.start({}, { evaluationAfterMonths: 0 });
      await drive.runToApproval(handle);
      await drive.verifyMeasure(handle);
      await drive.step(handle, 'ACCIDENT_ONE_YEAR_EVALUATION', people.head, 'COMPLETE', {
        findings: '整改措施均已落实',
        teamIds: [people.officerA.userId, people.officerB.userId],
      });
      expect((await drive.state(handle)).evaluation.completedAt).not.toBeNull();

      const closing = handle.executeUpdate(closeAccidentUpdate, {
        args: [{ actor: people.head, comment: '四不放过已落实' }],
      });
      const answer = await Promise.race([
        closing,
        new Promise((_, reject) => setTimeout(() => reject(new Error('the close Update got no answer')), 15_000)),
      ]);
      expect(answer).toMatchObject({ status: 'CLOSED' });
      expect(await handle.result()).toMatchObject({ status: 'CLOSED' });
      expect(inputsOf(log, 'recordCaseStatus').map((input) => input.status)).toContain('CLOSED');
      expect(inputsOf(log, 'accidentCancelOpenTasks')).toHaveLength(1);
      await recordFetchedHistoryIfAsked(handle, 'accident-v2-evaluated-then-closed');
    });
  });
});
