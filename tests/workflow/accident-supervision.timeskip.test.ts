import { ApplicationFailure } from '@temporalio/common';
import { WorkflowFailedError } from '@temporalio/client';
import { closeAccidentUpdate, getAccidentStateQuery } from '@safety/temporal';
import {
  accidentActivities,
  accidentInput,
  accidentPeople,
  complete,
  eventually,
  historyEvents,
  openTask,
  runToApproval,
  startAccident,
  timeSkippingSuite,
  verifyMeasure,
  withWorker,
} from '../support/accident-workflow';
import { recordFetchedHistoryIfAsked } from '../support/history';

/**
 * Workflow tier: the accident workflow's supervision of its background work, on the time-skipping
 * server with strict activity mocks. A failing branch must end the workflow cleanly (never a
 * workflow task failing over and over on an unhandled rejection), and a message handler still
 * running when the case ends must finish before the workflow returns.
 */
describe('accident workflow: supervised branches and handlers (time-skipping server, mocked activities)', () => {
  const suite = timeSkippingSuite();

  it('fails the workflow cleanly when a background branch fails, withdrawing its open tasks, instead of failing workflow tasks', async () => {
    const people = accidentPeople();
    const mocks = accidentActivities(people, {
      accidentRecordMeasureEvidence: async () => {
        throw ApplicationFailure.nonRetryable('measure 1 is not in the report', 'NOT_FOUND');
      },
    });
    await withWorker(suite.env, suite.bundle, mocks.activities, async (taskQueue) => {
      const input = accidentInput(people);
      const handle = await startAccident(suite.env, taskQueue, input);
      await runToApproval(handle, people);
      const evidence = await openTask(handle, 'ACCIDENT_RECTIFICATION_EVIDENCE');
      await complete(handle, evidence, people.officerA, 'SUBMIT', { evidence: '已加固' });

      // Either the workflow ends, or its workflow task fails (the defect): whichever comes first.
      const events = await eventually(async () => {
        const all = await historyEvents(handle);
        if (
          !all.some((event) => event.workflowTaskFailedEventAttributes || event.workflowExecutionFailedEventAttributes)
        )
          throw new Error('still running');
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
      const withdrawn = mocks.named('accidentCancelOpenTasks').map((call) => call.input.types as string[]);
      expect(withdrawn.flat()).toEqual(
        expect.arrayContaining(['ACCIDENT_RECTIFICATION_VERIFICATION', 'ACCIDENT_ONE_YEAR_EVALUATION']),
      );
      await recordFetchedHistoryIfAsked(handle, 'accident-v2-branch-failed');
    });
  });

  it('lets the close handler finish (status recorded, steps withdrawn, answer given) before the workflow returns', async () => {
    const people = accidentPeople();
    const mocks = accidentActivities(people);
    await withWorker(suite.env, suite.bundle, mocks.activities, async (taskQueue) => {
      // The evaluation opens at once (0 months after 批复), so it is done before the case closes.
      const input = accidentInput(people);
      input.policy = { ...input.policy, evaluationAfterMonths: 0 };
      const handle = await startAccident(suite.env, taskQueue, input);
      await runToApproval(handle, people);
      await verifyMeasure(handle, people);
      await complete(handle, await openTask(handle, 'ACCIDENT_ONE_YEAR_EVALUATION'), people.head, 'COMPLETE', {
        findings: '整改措施均已落实',
        teamIds: [people.officerA.userId, people.officerB.userId],
      });
      await eventually(async () => {
        if ((await handle.query(getAccidentStateQuery)).evaluation.completedAt === null) throw new Error('not yet');
      });

      const closing = handle.executeUpdate(closeAccidentUpdate, {
        args: [{ actor: people.head, comment: '四不放过已落实' }],
      });
      const answer = await Promise.race([
        closing,
        new Promise((_, reject) => setTimeout(() => reject(new Error('the close Update got no answer')), 15_000)),
      ]);
      expect(answer).toMatchObject({ status: 'CLOSED' });
      const final = await handle.result();
      expect(final).toMatchObject({ status: 'CLOSED' });
      expect(mocks.named('recordCaseStatus').map((call) => call.input.status)).toContain('CLOSED');
      expect(mocks.named('accidentCancelOpenTasks')).toHaveLength(1);
      await recordFetchedHistoryIfAsked(handle, 'accident-v2-evaluated-then-closed');
    });
  });
});
