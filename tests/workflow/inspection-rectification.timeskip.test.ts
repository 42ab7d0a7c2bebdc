import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { endOfLocalDay, plusDays, toLocalDate } from '@safety/domain/calendar/local-date';
import { inspectionPolicy } from '@safety/domain/inspection/policy';
import { InspectionInput } from '@safety/temporal';
import {
  complete,
  inspectionAreaSuite,
  Mocks,
  person as actor,
  requestedTimers,
  skipTo,
} from './support/inspection-mocks';

/**
 * Workflow tier, inspection: 责令限期整改 and 复查 (安全生产法 Art.65). The deadline day counts in
 * full — the 复查 opens at the first instant after it, not at 23:59:59.999 — and an unrectified
 * hazard opens a penalty case by itself with the Art.112 flag.
 */
describe('inspection workflow: rectification order and 复查 (mocked activities)', () => {
  const { tier, run } = inspectionAreaSuite();

  const departmentId = randomUUID();
  const officerA = actor(['ENFORCEMENT_OFFICER'], departmentId);
  const officerB = actor(['ENFORCEMENT_OFFICER'], departmentId);
  const signatures = [
    { officerId: officerA.userId, credentialNo: 'CA' },
    { officerId: officerB.userId, credentialNo: 'CB' },
  ];
  const finding = { description: '可燃气体报警器失效', hazardLevel: 'GENERAL', legalBasis: '《安全生产法》第三十六条' };

  /** An inspection ordered to rectify by a deadline `days` after today; returns it once the order is out. */
  async function ordered(taskQueue: string, mocks: Mocks, days: number) {
    const caseId = randomUUID();
    const input: InspectionInput = {
      caseId,
      departmentId,
      enterpriseId: randomUUID(),
      createdBy: officerA.userId,
      inspectors: signatures.map((signed) => ({ userId: signed.officerId, credentialNo: signed.credentialNo })),
      unannounced: false,
      origin: { kind: 'AD_HOC' },
      openedAt: new Date().toISOString(),
      policy: inspectionPolicy(),
    };
    const handle = await tier.env.client.workflow.start('inspectionWorkflow', {
      taskQueue,
      workflowId: `inspection-${caseId}`,
      args: [input],
    });
    const record = await tier.openTask(handle, 'INSPECTION_RECORD');
    const today = toLocalDate(new Date(await tier.env.currentTimeMs()));
    const deadline = plusDays(today, days);
    expect(
      await complete(tier, handle, record.taskKey, officerA, 'RECTIFY', {
        confirmations: signatures,
        findings: [finding],
        rectificationDeadline: today,
      }),
    ).toMatchObject({ ok: false, code: 'RULE_VIOLATION', message: expect.stringMatching(/after today/) });
    expect(
      await complete(tier, handle, record.taskKey, officerA, 'RECTIFY', {
        confirmations: signatures,
        findings: [finding],
        rectificationDeadline: deadline,
      }),
    ).toMatchObject({ ok: true, nextTasks: [] });
    expect(mocks.of('inspectionIssueRectificationOrder').map((call) => call.input)).toEqual([
      expect.objectContaining({ caseId, deadline, findings: [finding.description], note: null }),
    ]);
    expect(mocks.statuses()).toEqual(['AWAITING_RECORD', 'RECTIFICATION_ORDERED']);
    return { caseId, handle, today, deadline };
  }

  /** Waits out the deadline day: the 复查 opens only after its last instant. */
  async function reachReinspection(handle: WorkflowHandle, mocks: Mocks, deadline: string) {
    await tier.settled(handle);
    const dayEnd = endOfLocalDay(deadline).getTime();
    // The one timer the main line waits on is set for the first instant after the deadline day.
    expect(await requestedTimers(handle)).toContain(dayEnd);
    await skipTo(tier, handle, dayEnd - 60_000);
    expect(mocks.openings('REINSPECTION')).toHaveLength(0);
    await skipTo(tier, handle, dayEnd, 1_000);
    const task = await tier.openTask(handle, 'REINSPECTION');
    expect(mocks.openings('REINSPECTION')).toEqual([
      expect.objectContaining({
        deadline: { startDate: deadline, unit: 'working_days', amount: 10 },
        enterStatus: expect.objectContaining({ status: 'AWAITING_REINSPECTION' }),
      }),
    ]);
    return task;
  }

  it('opens the 复查 once the deadline day has passed and closes when the hazard is rectified', () =>
    run(async ({ taskQueue, mocks }) => {
      const { handle, deadline } = await ordered(taskQueue, mocks, 3);
      const task = await reachReinspection(handle, mocks, deadline);

      expect(
        await complete(tier, handle, task.taskKey, officerB, 'RECTIFIED', { confirmations: signatures }),
      ).toMatchObject({
        ok: false,
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'payload.opinion' }],
      });
      expect(
        await complete(tier, handle, task.taskKey, officerB, 'RECTIFIED', {
          confirmations: signatures,
          opinion: '已整改',
          refusedStopOrder: true,
        }),
      ).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: [{ path: 'payload.refusedStopOrder' }] });
      // No stop order was issued, so none can have been refused.
      expect(
        await complete(tier, handle, task.taskKey, officerB, 'NOT_RECTIFIED', {
          confirmations: signatures,
          opinion: '未停产',
          refusedStopOrder: true,
        }),
      ).toMatchObject({ ok: false, code: 'RULE_VIOLATION' });
      expect(
        await complete(tier, handle, task.taskKey, officerB, 'RECTIFIED', {
          confirmations: signatures,
          opinion: '已更换报警器，整改完毕',
        }),
      ).toMatchObject({ ok: true });
      expect(await handle.result()).toMatchObject({ status: 'CLOSED', result: 'RECTIFIED', penalty: null });
      expect(mocks.statuses()).toEqual([
        'AWAITING_RECORD',
        'RECTIFICATION_ORDERED',
        'AWAITING_REINSPECTION',
        'RECTIFIED',
        'CLOSED',
      ]);
      expect(mocks.of('openLinkedCase')).toHaveLength(0);
    }));

  it('opens a penalty case by itself when the 复查 finds the hazard unrectified (安全生产法 Art.112 flag)', () =>
    run(async ({ taskQueue, mocks }) => {
      const { caseId, handle, today, deadline } = await ordered(taskQueue, mocks, 2);
      const task = await reachReinspection(handle, mocks, deadline);
      expect(
        await complete(tier, handle, task.taskKey, officerA, 'NOT_RECTIFIED', {
          confirmations: signatures,
          opinion: '逾期未整改，报警器仍未修复',
        }),
      ).toMatchObject({ ok: true });
      const final = await handle.result();
      expect(mocks.of('openLinkedCase').map((call) => call.input)).toEqual([
        expect.objectContaining({
          caseType: 'PENALTY',
          sourceCaseId: caseId,
          title: `逾期未整改：${finding.description}`,
          data: expect.objectContaining({
            continuingDailyFineFrom: plusDays(today, 1),
            continuingDailyFine: expect.objectContaining({ orderDate: today, rectificationDeadline: deadline }),
          }),
        }),
      ]);
      expect(final).toMatchObject({
        status: 'CLOSED',
        result: 'NOT_RECTIFIED_PENALTY',
        penalty: { workflowId: `penalty-${caseId}-1`, continuingDailyFineFrom: plusDays(today, 1) },
      });
      expect(mocks.statuses()).toEqual(
        expect.arrayContaining(['AWAITING_REINSPECTION', 'ESCALATED_TO_PENALTY', 'CLOSED']),
      );
      expect(mocks.events()).toEqual(
        expect.arrayContaining(['INSPECTION_RECORDED', 'REINSPECTION_RECORDED', 'PENALTY_CASE_LINKED']),
      );
      await tier.env.client.workflow.getHandle(`penalty-${caseId}-1`).terminate('test done');
    }));
});
