import { randomUUID } from 'node:crypto';
import { endOfLocalDay, plusDays, toLocalDate } from '@safety/domain/calendar/local-date';
import { simplePenaltyPolicy } from '@safety/domain/inspection/policy';
import { getSimplePenaltyStateQuery, SimplePenaltyInput } from '@safety/temporal';
import { complete, inspectionAreaSuite, person as actor, skipTo } from './support/inspection-mocks';

/**
 * Workflow tier, 简易程序 after the on-the-spot decision: 备案 (行政处罚法 Art.52, policy period) and
 * the hand-in of cash collected on the spot within 2 working days (Art.68, 71), in parallel.
 */
describe('simple-penalty workflow (mocked activities)', () => {
  const { tier, run } = inspectionAreaSuite();

  const departmentId = randomUUID();
  const decider = actor(['ENFORCEMENT_OFFICER'], departmentId);
  const present = actor(['ENFORCEMENT_OFFICER'], departmentId);

  async function decided(taskQueue: string, cashCollected: boolean, daysAgo = 0) {
    const caseId = randomUUID();
    const decidedAt = new Date((await tier.env.currentTimeMs()) - daysAgo * 86_400_000).toISOString();
    const input: SimplePenaltyInput = {
      caseId,
      departmentId,
      decisionNo: '〔2026〕测应急简罚〔0001〕号',
      decidedBy: decider.userId,
      officerIds: [decider.userId, present.userId],
      decidedAt,
      warningOnly: false,
      fineYuan: cashCollected ? 100 : 3000,
      cashCollected,
      policy: simplePenaltyPolicy(),
    };
    const handle = await tier.env.client.workflow.start('simplePenaltyWorkflow', {
      taskQueue,
      workflowId: `simple_penalty-${caseId}`,
      args: [input],
    });
    return { handle, decidedOn: toLocalDate(new Date(decidedAt)) };
  }

  it('tracks the filing and the cash hand-in in parallel and closes when both are done', () =>
    run(async ({ taskQueue, mocks }) => {
      const { handle, decidedOn } = await decided(taskQueue, true);
      const filing = await tier.openTask(handle, 'SIMPLE_PENALTY_FILING');
      const cash = await tier.openTask(handle, 'CASH_HAND_IN');
      // The decided status is written with the filing task; both tasks open at once.
      expect(mocks.of('recordCaseStatus')).toHaveLength(0);
      expect(mocks.openings('SIMPLE_PENALTY_FILING')).toEqual([
        expect.objectContaining({
          deadline: { startDate: decidedOn, unit: 'working_days', amount: 5 },
          enterStatus: expect.objectContaining({ status: 'DECIDED', action: 'SIMPLE_PENALTY_DECIDED' }),
        }),
      ]);
      expect(mocks.openings('CASH_HAND_IN')).toEqual([
        expect.objectContaining({
          deadline: { startDate: decidedOn, unit: 'working_days', amount: 2 },
          payload: { fineYuan: 100 },
        }),
      ]);

      const stranger = actor(['ENFORCEMENT_OFFICER'], departmentId);
      expect(await complete(tier, handle, cash.taskKey, stranger, 'HANDED_IN', { receiptNo: 'SK-1' })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN_ROLE',
      });
      expect(await complete(tier, handle, cash.taskKey, present, 'HANDED_IN')).toMatchObject({
        ok: false,
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'payload.receiptNo' }],
      });
      expect(await complete(tier, handle, cash.taskKey, present, 'HANDED_IN', { receiptNo: 'SK-0001' })).toMatchObject({
        ok: true,
      });
      expect(await handle.query(getSimplePenaltyStateQuery)).toMatchObject({ cashHandedIn: true, filed: false });
      expect(await complete(tier, handle, filing.taskKey, decider, 'FILED')).toMatchObject({ ok: true });
      expect(await handle.result()).toMatchObject({ status: 'CLOSED', filed: true, cashHandedIn: true });
      expect(mocks.events()).toEqual(['FINE_CASH_HANDED_IN', 'SIMPLE_PENALTY_FILED']);
      expect(mocks.statuses()).toEqual(['DECIDED', 'CLOSED']);
    }));

  it('turns a late filing yellow then red, and still takes it', () =>
    run(async ({ taskQueue, mocks }) => {
      const { handle, decidedOn } = await decided(taskQueue, false);
      const filing = await tier.openTask(handle, 'SIMPLE_PENALTY_FILING');
      expect(mocks.openings('CASH_HAND_IN')).toHaveLength(0);
      const due = endOfLocalDay(plusDays(decidedOn, 5)).getTime();
      await skipTo(tier, handle, due, 60_000);
      expect(mocks.of('escalateTask').map((call) => call.input.level)).toEqual(['YELLOW', 'RED']);
      expect(await complete(tier, handle, filing.taskKey, present, 'FILED', { comment: '补办备案' })).toMatchObject({
        ok: true,
      });
      expect(await handle.result()).toMatchObject({ status: 'CLOSED', filed: true, cashHandedIn: null });
    }));

  it('turns a filing already late when it opens yellow then red at once, without a timer, and still takes it', () =>
    run(async ({ taskQueue, mocks }) => {
      // Recorded a month after the decision: the 5 working days ended before the workflow started.
      const { handle } = await decided(taskQueue, false, 30);
      const filing = await tier.openTask(handle, 'SIMPLE_PENALTY_FILING');
      await tier.settled(handle);
      expect(mocks.of('escalateTask').map((call) => call.input.level)).toEqual(['YELLOW', 'RED']);
      const { events } = await handle.fetchHistory();
      expect((events ?? []).filter((event) => event.timerStartedEventAttributes)).toEqual([]);
      expect(await complete(tier, handle, filing.taskKey, present, 'FILED', { comment: '补办备案' })).toMatchObject({
        ok: true,
      });
      expect(await handle.result()).toMatchObject({ status: 'CLOSED', filed: true, cashHandedIn: null });
    }));
});
