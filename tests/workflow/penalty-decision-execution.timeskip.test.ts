import {
  completeTaskUpdate,
  extendDecisionDeadlineUpdate,
  getPendingTasksQuery,
  proposeCriminalTransferUpdate,
  recordPaymentUpdate,
  recordWaiverUpdate,
} from '@safety/temporal';
import { penaltyDriver } from './support/penalty-driver';
import { evidenceBy, fineProposal, penaltyActivities, people } from './support/penalty-mocks';
import { ActivityLog, startWorkflowTier, WorkflowTier } from './support/workflow-env';

const DAY = 86_400_000;
const localDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/** Workflow tier: review, notice, party window, decision, execution and archive of the penalty workflow. */
describe('penalty workflow: from proposal to archive (time-skipping server, mocked activities)', () => {
  let tier: WorkflowTier;
  beforeAll(async () => {
    tier = await startWorkflowTier();
  });
  afterAll(async () => tier?.teardown());

  it('gates a major case on 法制审核, loops back on a return, and runs notice, waiver, decision, payment and archive', async () => {
    const who = people();
    const log = new ActivityLog();
    await tier.withWorker(penaltyActivities(who, log), async (taskQueue) => {
      const drive = penaltyDriver(tier, who, taskQueue);
      const handle = await drive.start();
      await drive.toNotice(handle, fineProposal({ involvesMajorPublicInterest: true }));
      // Art.58: a major case goes to legal review before the notice; a return starts a new round.
      const returned = await drive.complete(handle, 'LEGAL_REVIEW', who.reviewer, 'RETURN', {
        opinion: '证据不足，补充调查',
      });
      expect(returned.nextTasks).toEqual([
        expect.objectContaining({ type: 'INVESTIGATION', title: '补充调查（第2轮）' }),
      ]);
      await drive.complete(handle, 'INVESTIGATION', who.officerA, 'SUBMIT', evidenceBy(who));
      await drive.complete(
        handle,
        'PENALTY_PROPOSAL',
        who.officerA,
        'PROPOSE_PENALTY',
        fineProposal({ involvesMajorPublicInterest: true }),
      );
      const passed = await drive.complete(handle, 'LEGAL_REVIEW', who.reviewer, 'APPROVE', { opinion: '同意' });
      expect(passed.nextTasks).toEqual([expect.objectContaining({ type: 'PENALTY_NOTICE_SERVICE' })]);
      await drive.serveNotice(handle);
      expect((await drive.state(handle)).stage).toBe('AWAITING_PARTY');

      // The party waives both rights: the window closes at once and the decision opens.
      const waiver = await handle.executeUpdate(recordWaiverUpdate, {
        args: [{ actor: who.officerA, waives: ['STATEMENT', 'HEARING'], note: '当事人书面放弃' }],
      });
      expect(waiver.ok).toBe(true);
      // As the API answers a message: once the workflow has settled (the decision task opens beside the answer).
      expect((await tier.settled(handle)).map((task) => task.type)).toEqual(['PENALTY_DECISION']);
      const open = await handle.query(getPendingTasksQuery);
      expect(open.map((task) => task.type)).toEqual(['PENALTY_DECISION']);

      // The head extends the decision period: the open decision task moves with it (no second Update).
      const movesBefore = log.inputsOf('setTaskDeadline').length;
      const extended = await handle.executeUpdate(extendDecisionDeadlineUpdate, {
        args: [{ actor: who.otherHead, days: 30, reason: '案情复杂' }],
      });
      expect(extended.detail?.decisionDueAt).toEqual(expect.any(String));
      const moves = log.inputsOf<{ dueAt: string; reason: string }>('setTaskDeadline').slice(movesBefore);
      expect(moves).toEqual([
        expect.objectContaining({
          dueAt: extended.detail?.decisionDueAt,
          reason: expect.stringContaining('延长 30 日'),
        }),
      ]);

      const decided = await drive.complete(handle, 'PENALTY_DECISION', who.otherHead, 'DECIDE_PENALTY', {
        reasons: '事实清楚，证据确凿',
      });
      expect(decided.nextTasks?.map((task) => task.type).sort()).toEqual(['DECISION_PUBLICATION', 'DECISION_SERVICE']);
      await drive.complete(handle, 'DECISION_SERVICE', who.officerA, 'SERVED', {
        servedAt: new Date(await tier.env.currentTimeMs()).toISOString(),
        method: 'DIRECT',
        recipient: '企业法定代表人',
      });
      await drive.complete(handle, 'DECISION_PUBLICATION', who.officerA, 'PUBLISH');

      // Payment in full within 15 days settles the fine; the case then waits for archiving.
      const today = localDate(await tier.env.currentTimeMs());
      const overpaid = handle.executeUpdate(recordPaymentUpdate, {
        args: [{ actor: who.officerA, amountYuan: 40_000.01, paidOn: today, receiptNo: 'R-1' }],
      });
      await expect(overpaid).rejects.toMatchObject({ cause: { type: 'RULE_VIOLATION' } });
      const paid = await handle.executeUpdate(recordPaymentUpdate, {
        args: [{ actor: who.officerA, amountYuan: 40_000, paidOn: today, receiptNo: 'R-1' }],
      });
      expect(paid.detail).toEqual({ settled: true, outstandingYuan: 0 });
      await drive.complete(handle, 'CASE_ARCHIVE', who.otherHead, 'ARCHIVE');
      const final = await handle.result();
      expect(final.status).toBe('ARCHIVED');
      expect(final.procedure?.payment).toMatchObject({ settled: true, settledOn: today });
    });
  });

  it('counts the surcharge from the day after the due date and settles when fine and surcharge are paid', async () => {
    const who = people();
    const log = new ActivityLog();
    await tier.withWorker(penaltyActivities(who, log), async (taskQueue) => {
      const drive = penaltyDriver(tier, who, taskQueue);
      const handle = await drive.start();
      await drive.toNotice(handle);
      // A 40,000 fine for an organisation is a line of the default 法制审核目录 (the hearing threshold).
      await drive.passLegalReview(handle);
      await drive.serveNotice(handle);
      await handle.executeUpdate(recordWaiverUpdate, {
        args: [{ actor: who.officerA, waives: ['STATEMENT', 'HEARING'], note: '当事人书面放弃' }],
      });
      await drive.complete(handle, 'PENALTY_DECISION', who.otherHead, 'DECIDE_PENALTY', { reasons: '事实清楚' });
      await drive.complete(handle, 'DECISION_SERVICE', who.officerA, 'SERVED', {
        servedAt: new Date(await tier.env.currentTimeMs()).toISOString(),
        method: 'DIRECT',
        recipient: '企业法定代表人',
      });
      await drive.complete(handle, 'DECISION_PUBLICATION', who.officerA, 'PUBLISH');
      const dueDate = (await drive.state(handle)).payment!.dueDate!;
      // Five days late: 3% a day (行政处罚法 Art.72) on 40,000 = 6,000.
      await tier.skip([handle], Date.parse(`${dueDate}T12:00:00+08:00`) + 5 * DAY - (await tier.env.currentTimeMs()));
      expect((await drive.state(handle)).stage).toBe('OVERDUE');
      const paidOn = localDate(await tier.env.currentTimeMs());
      const partial = await handle.executeUpdate(recordPaymentUpdate, {
        args: [{ actor: who.officerA, amountYuan: 40_000, paidOn, receiptNo: 'R-1' }],
      });
      expect(partial.detail).toEqual({ settled: false, outstandingYuan: 6_000 });
      const rest = await handle.executeUpdate(recordPaymentUpdate, {
        args: [{ actor: who.officerA, amountYuan: 6_000, paidOn, receiptNo: 'R-2' }],
      });
      expect(rest.detail).toEqual({ settled: true, outstandingYuan: 0 });
      await handle.terminate('test done');
    });
  });

  it('opens a criminal transfer as a linked case numbered by the database and refuses a fine while it is pending', async () => {
    const who = people();
    const log = new ActivityLog();
    await tier.withWorker(penaltyActivities(who, log), async (taskQueue) => {
      const drive = penaltyDriver(tier, who, taskQueue);
      const handle = await drive.start();
      await drive.toNotice(handle);
      // A 40,000 fine for an organisation is a line of the default 法制审核目录 (the hearing threshold).
      await drive.passLegalReview(handle);
      await drive.serveNotice(handle);
      const proposed = await handle.executeUpdate(proposeCriminalTransferUpdate, {
        args: [
          {
            actor: who.officerA,
            suspectedOffence: '危险作业罪',
            grounds: ['关闭监控报警设备'],
            teamIds: [who.officerA.userId, who.officerB.userId],
          },
        ],
      });
      const [linked] = log.inputsOf<{ linkKey: string; caseType: string; sourceCaseId: string }>('openLinkedCase');
      expect(linked).toMatchObject({
        caseType: 'CRIMINAL_TRANSFER',
        linkKey: `${handle.workflowId}:criminal-transfer-1`,
      });
      expect(proposed.detail).toMatchObject({
        workflowId: `criminal-transfer-${linked.sourceCaseId}-1`,
        childStatus: 'PENDING',
      });
      await handle.executeUpdate(recordWaiverUpdate, {
        args: [{ actor: who.officerA, waives: ['STATEMENT', 'HEARING'], note: '当事人书面放弃' }],
      });
      const decision = await tier.openTask(handle, 'PENALTY_DECISION');
      await expect(
        handle.executeUpdate(completeTaskUpdate, {
          args: [
            {
              taskKey: decision.taskKey,
              actor: who.otherHead,
              outcome: 'DECIDE_PENALTY',
              payload: { reasons: '罚款' },
            },
          ],
        }),
      ).rejects.toMatchObject({
        cause: { type: 'RULE_VIOLATION', message: expect.stringMatching(/criminal transfer/) },
      });
      await handle.terminate('test done');
    });
  });
});
