import { randomUUID } from 'node:crypto';
import { toLocalDate } from '@safety/domain/calendar/local-date';
import { criminalTransferPolicy } from '@safety/domain/inspection/policy';
import { CriminalTransferInput, CriminalTransferState, getCriminalTransferStateQuery } from '@safety/temporal';
import { complete, inspectionAreaSuite, person as actor, requestedTimers, skipTo } from './support/inspection-mocks';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Workflow tier, 行刑衔接 (国务院令第310号): the head's decision (Art.5), the 24-hour hand-over on
 * its own clock (Art.5), the police's answer (Art.8), reconsideration and the procuratorate (Art.9).
 */
describe('criminal transfer workflow (mocked activities)', () => {
  const { tier, run } = inspectionAreaSuite();

  const departmentId = randomUUID();
  const officerA = actor(['ENFORCEMENT_OFFICER'], departmentId);
  const headOnTeam = actor(['ENFORCEMENT_OFFICER', 'AGENCY_HEAD'], departmentId);
  const head = actor(['AGENCY_HEAD'], departmentId);

  async function proposed(taskQueue: string) {
    const caseId = randomUUID();
    const input: CriminalTransferInput = {
      caseId,
      sourceCaseId: randomUUID(),
      sourceCaseType: 'INSPECTION',
      departmentId,
      proposedBy: officerA.userId,
      teamIds: [officerA.userId, headOnTeam.userId],
      suspectedOffence: '危险作业罪',
      grounds: ['关闭可燃气体报警装置'],
      // The API's clock may disagree with Temporal's (the test server's runs days ahead after skips):
      // the workflow counts its periods on its own clock, whatever instant the API passed in.
      openedAt: new Date((await tier.env.currentTimeMs()) - 5 * DAY_MS).toISOString(),
      policy: criminalTransferPolicy(),
    };
    const handle = await tier.env.client.workflow.start('criminalTransferWorkflow', {
      taskQueue,
      workflowId: `criminal-transfer-${input.sourceCaseId}-1`,
      args: [input],
    });
    return { input, handle, decision: await tier.openTask(handle, 'CRIMINAL_TRANSFER_APPROVAL') };
  }

  it('lets only a head off the team decide, and a refusal needs its reason (Art.5)', () =>
    run(async ({ taskQueue, mocks }) => {
      const { handle, decision } = await proposed(taskQueue);
      // Art.5's 3 days count from the workflow's start on Temporal's clock, not from the API's openedAt.
      const startedAt = (await handle.describe()).startTime;
      expect(mocks.openings('CRIMINAL_TRANSFER_APPROVAL')).toEqual([
        expect.objectContaining({
          deadline: { startDate: toLocalDate(startedAt), unit: 'calendar_days', amount: 3 },
          payload: { suspectedOffence: '危险作业罪', grounds: ['关闭可燃气体报警装置'] },
          enterStatus: expect.objectContaining({ status: 'AWAITING_HEAD_DECISION' }),
        }),
      ]);
      expect(await complete(tier, handle, decision.taskKey, officerA, 'APPROVE')).toMatchObject({
        ok: false,
        code: 'FORBIDDEN_ROLE',
      });
      expect(await complete(tier, handle, decision.taskKey, headOnTeam, 'APPROVE')).toMatchObject({
        ok: false,
        code: 'FORBIDDEN_SEPARATION_OF_DUTIES',
      });
      expect(await complete(tier, handle, decision.taskKey, head, 'REJECT')).toMatchObject({
        ok: false,
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'payload.reason' }],
      });
      expect(await complete(tier, handle, decision.taskKey, head, 'REJECT', { reason: '证据不足' })).toMatchObject({
        ok: true,
      });
      expect(await handle.result()).toMatchObject({
        status: 'NOT_TRANSFERRED',
        answered: false,
        headDecision: { by: head.userId, outcome: 'REJECT', comment: '证据不足' },
      });
      expect(mocks.statuses()).toEqual(['AWAITING_HEAD_DECISION', 'NOT_TRANSFERRED']);
    }));

  it('hands over on a 24-hour clock of its own, escalating an overrun, then records the police filing', () =>
    run(async ({ taskQueue, mocks }) => {
      const { input, handle, decision } = await proposed(taskQueue);
      const approved = await complete(tier, handle, decision.taskKey, head, 'APPROVE', { comment: '同意移送' });
      expect(approved).toMatchObject({ ok: true, nextTasks: [{ type: 'CRIMINAL_TRANSFER_HANDOVER' }] });
      if (!approved.ok) throw new Error('approval refused');
      const handover = await tier.openTask(handle, 'CRIMINAL_TRANSFER_HANDOVER');
      const dueAt = Date.parse(approved.result.completedAt) + 24 * HOUR_MS;
      expect(mocks.openings('CRIMINAL_TRANSFER_HANDOVER')).toEqual([
        expect.objectContaining({
          deadline: null,
          payload: { dueAt: new Date(dueAt).toISOString() },
          enterStatus: expect.objectContaining({ status: 'AWAITING_HANDOVER', action: 'CRIMINAL_TRANSFER_APPROVED' }),
        }),
      ]);
      await tier.settled(handle);
      expect(await requestedTimers(handle)).toEqual([dueAt]);

      await skipTo(tier, handle, dueAt, 60_000);
      expect(mocks.of('escalateTask').map((call) => call.input)).toEqual([
        { taskKey: `${handle.workflowId}:handover`, level: 'RED' },
      ]);
      expect(mocks.events()).toEqual(['CRIMINAL_TRANSFER_HANDOVER_OVERDUE']);

      expect(await complete(tier, handle, handover.taskKey, officerA, 'HANDED_OVER', {})).toMatchObject({
        ok: false,
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'payload.policeAgency' }],
      });
      const outsider = actor(['ENFORCEMENT_OFFICER'], departmentId);
      expect(
        await complete(tier, handle, handover.taskKey, outsider, 'HANDED_OVER', { policeAgency: '测试县公安局' }),
      ).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
      const handedOver = await complete(tier, handle, handover.taskKey, officerA, 'HANDED_OVER', {
        policeAgency: '测试县公安局',
        receiptNo: 'JS-001',
      });
      expect(handedOver).toMatchObject({ ok: true, nextTasks: [{ type: 'POLICE_FILING_ANSWER' }] });
      expect(mocks.openings('POLICE_FILING_ANSWER')).toEqual([
        expect.objectContaining({
          deadline: expect.objectContaining({ unit: 'calendar_days', amount: 3 }),
          enterStatus: expect.objectContaining({
            status: 'TRANSFERRED',
            summary: { policeAgency: '测试县公安局', receiptNo: 'JS-001', late: true },
          }),
        }),
      ]);
      const police = await tier.openTask(handle, 'POLICE_FILING_ANSWER');
      expect(
        await complete(tier, handle, police.taskKey, officerA, 'FILED', { documentNo: '立字〔2026〕9号' }),
      ).toMatchObject({
        ok: true,
      });
      expect(await handle.result()).toMatchObject({
        caseId: input.caseId,
        status: 'POLICE_FILED',
        answered: true,
        handover: { policeAgency: '测试县公安局', receiptNo: 'JS-001' },
        policeAnswers: [{ stage: 'INITIAL', answer: 'FILED', documentNo: '立字〔2026〕9号', reason: null }],
      });
    }));

  it('asks for reconsideration of a decline and suggests 立案监督 when it is declined again (Art.9)', () =>
    run(async ({ taskQueue, mocks }) => {
      const { handle, decision } = await proposed(taskQueue);
      await complete(tier, handle, decision.taskKey, head, 'APPROVE');
      const handover = await tier.openTask(handle, 'CRIMINAL_TRANSFER_HANDOVER');
      await complete(tier, handle, handover.taskKey, headOnTeam, 'HANDED_OVER', { policeAgency: '测试县公安局' });
      const police = await tier.openTask(handle, 'POLICE_FILING_ANSWER');
      expect(
        await complete(tier, handle, police.taskKey, officerA, 'DECLINED', { documentNo: '不立字1号' }),
      ).toMatchObject({
        ok: false,
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'payload.reason' }],
      });
      await complete(tier, handle, police.taskKey, officerA, 'DECLINED', {
        reason: '认为不构成犯罪',
        documentNo: '不立字1号',
      });
      expect(await handle.query(getCriminalTransferStateQuery)).toMatchObject({
        status: 'POLICE_DECLINED',
        answered: false,
      });
      const reconsider = await tier.openTask(handle, 'CRIMINAL_TRANSFER_RECONSIDERATION');
      expect(await complete(tier, handle, reconsider.taskKey, officerA, 'REQUEST_RECONSIDERATION')).toMatchObject({
        ok: false,
        code: 'FORBIDDEN_ROLE',
      });
      await complete(tier, handle, reconsider.taskKey, head, 'REQUEST_RECONSIDERATION', { comment: '提请复议' });
      const answer = await tier.openTask(handle, 'POLICE_RECONSIDERATION_ANSWER');
      await complete(tier, handle, answer.taskKey, officerA, 'DECLINED', { reason: '维持不予立案' });
      expect(await handle.query(getCriminalTransferStateQuery)).toMatchObject({
        status: 'RECONSIDERED_DECLINED',
        answered: true,
      });
      const procuratorate = await tier.openTask(handle, 'PROCURATORATE_SUPERVISION');
      expect(await complete(tier, handle, procuratorate.taskKey, head, 'CLOSE')).toMatchObject({
        ok: false,
        code: 'VALIDATION_FAILED',
      });
      await complete(tier, handle, procuratorate.taskKey, head, 'REFER', { comment: '建议立案监督' });
      const final = (await handle.result()) as CriminalTransferState;
      expect(final).toMatchObject({
        status: 'REFERRED_TO_PROCURATORATE',
        procuratorate: { referred: true, note: '建议立案监督' },
      });
      expect(final.policeAnswers?.map((entry) => `${entry.stage}:${entry.answer}:${entry.reason}`)).toEqual([
        'INITIAL:DECLINED:认为不构成犯罪',
        'RECONSIDERATION:DECLINED:维持不予立案',
      ]);
      expect(mocks.statuses()).toEqual([
        'AWAITING_HEAD_DECISION',
        'AWAITING_HANDOVER',
        'TRANSFERRED',
        'POLICE_DECLINED',
        'RECONSIDERATION_REQUESTED',
        'RECONSIDERED_DECLINED',
        'REFERRED_TO_PROCURATORATE',
      ]);
    }));

  it('ends when the head accepts the police’s decline (answered, no reconsideration)', () =>
    run(async ({ taskQueue, mocks }) => {
      const { handle, decision } = await proposed(taskQueue);
      await complete(tier, handle, decision.taskKey, head, 'APPROVE');
      await complete(
        tier,
        handle,
        (await tier.openTask(handle, 'CRIMINAL_TRANSFER_HANDOVER')).taskKey,
        officerA,
        'HANDED_OVER',
        {
          policeAgency: '测试县公安局',
        },
      );
      await complete(
        tier,
        handle,
        (await tier.openTask(handle, 'POLICE_FILING_ANSWER')).taskKey,
        officerA,
        'DECLINED',
        {
          reason: '不构成犯罪',
        },
      );
      const reconsider = await tier.openTask(handle, 'CRIMINAL_TRANSFER_RECONSIDERATION');
      expect(
        await complete(tier, handle, reconsider.taskKey, head, 'ACCEPT_DECISION', { reason: '同意' }),
      ).toMatchObject({
        ok: true,
      });
      expect(await handle.result()).toMatchObject({ status: 'POLICE_DECLINED', answered: true });
      expect(mocks.events()).toEqual(['POLICE_DECLINE_ACCEPTED']);
    }));
});
