import { randomUUID } from 'node:crypto';
import { endOfLocalDay, plusDays, toLocalDate } from '@safety/domain/calendar/local-date';
import { InspectionPolicy, inspectionPolicy } from '@safety/domain/inspection/policy';
import { getInspectionStateQuery, InspectionInput } from '@safety/temporal';
import { complete, inspectionAreaSuite, person as actor, requestedTimers, skipTo } from './support/inspection-mocks';

/**
 * Workflow tier, inspection: the measures beside a rectification order — 查封/扣押 with its term and
 * one extension (行政强制法 Art.25) and 挂牌督办 of a 重大事故隐患 with the head's 销号.
 */
describe('inspection workflow: 查封/扣押 and 挂牌督办 (mocked activities)', () => {
  const { tier, run } = inspectionAreaSuite();

  const departmentId = randomUUID();
  const officerA = actor(['ENFORCEMENT_OFFICER'], departmentId);
  // An officer who is also a head: the separation of duties, not the roles, keeps them off approvals.
  const officerHead = actor(['ENFORCEMENT_OFFICER', 'AGENCY_HEAD'], departmentId);
  const head = actor(['AGENCY_HEAD'], departmentId);
  const outsider = actor(['ENFORCEMENT_OFFICER'], departmentId);
  const signatures = [
    { officerId: officerA.userId, credentialNo: 'CA' },
    { officerId: officerHead.userId, credentialNo: 'CH' },
  ];
  const finding = (hazardLevel: 'GENERAL' | 'MAJOR') => ({
    description: '压力容器超期未检',
    hazardLevel,
    legalBasis: '《安全生产法》第三十六条',
  });

  async function recorded(
    taskQueue: string,
    outcome: string,
    payload: Record<string, unknown>,
    policy: Partial<InspectionPolicy> = {},
  ) {
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
      policy: inspectionPolicy(policy),
    };
    const handle = await tier.env.client.workflow.start('inspectionWorkflow', {
      taskQueue,
      workflowId: `inspection-${caseId}`,
      args: [input],
    });
    const record = await tier.openTask(handle, 'INSPECTION_RECORD');
    const today = toLocalDate(new Date(await tier.env.currentTimeMs()));
    const done = await complete(tier, handle, record.taskKey, officerA, outcome, {
      confirmations: signatures,
      rectificationDeadline: plusDays(today, 60),
      ...payload,
    });
    expect(done).toMatchObject({ ok: true });
    return { caseId, handle, today };
  }

  it('watches a 查封/扣押 term to the end of its last day and escalates an overrun; no extension after it', () =>
    run(async ({ taskQueue, mocks }) => {
      const { caseId, handle, today } = await recorded(
        taskQueue,
        'IMMEDIATE_MEASURES',
        { findings: [finding('GENERAL')], measures: { seizure: { items: '不合格压力容器1台', days: 10 } } },
        { seizureExtensionMaxDays: 15 },
      );
      const expiresOn = plusDays(today, 10);
      const task = await tier.openTask(handle, 'SEIZURE_DECISION');
      expect(mocks.openings('SEIZURE_DECISION')).toEqual([
        expect.objectContaining({
          title: `查封/扣押期限届满前处理（${expiresOn}）`,
          deadline: { startDate: today, unit: 'calendar_days', amount: 10 },
          warningLeadHours: 120,
          payload: { items: '不合格压力容器1台', expiresOn, extended: false },
        }),
      ]);
      await tier.settled(handle);
      // The term has its own timer, at the first instant after its last day (no rest-day roll-over).
      const termEnd = endOfLocalDay(expiresOn).getTime();
      expect(await requestedTimers(handle)).toContain(termEnd);

      expect(await complete(tier, handle, task.taskKey, outsider, 'RELEASE', { reason: 'x' })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN_ROLE',
      });
      expect(
        await complete(tier, handle, task.taskKey, officerA, 'EXTEND', { days: 31, reason: '检测' }),
      ).toMatchObject({
        ok: false,
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'payload.days' }],
      });
      // This jurisdiction allows at most 15 days (never more than Art.25's 30).
      expect(
        await complete(tier, handle, task.taskKey, officerA, 'EXTEND', { days: 20, reason: '检测' }),
      ).toMatchObject({
        ok: false,
        code: 'RULE_VIOLATION',
        message: expect.stringMatching(/at most 15 days/),
      });

      await skipTo(tier, handle, termEnd - 60_000);
      expect(mocks.events()).not.toContain('SEIZURE_TERM_EXCEEDED');
      await skipTo(tier, handle, termEnd, 1_000);
      expect(mocks.of('escalateTask').map((call) => call.input)).toContainEqual({
        taskKey: `inspection-${caseId}:seizure-decision-1`,
        level: 'RED',
      });
      expect(mocks.events()).toContain('SEIZURE_TERM_EXCEEDED');
      expect((await handle.query(getInspectionStateQuery)).seizure).toMatchObject({ overdue: true, status: 'ACTIVE' });

      expect(await complete(tier, handle, task.taskKey, officerA, 'EXTEND', { days: 5, reason: '补办' })).toMatchObject(
        {
          ok: false,
          code: 'RULE_VIOLATION',
          message: expect.stringMatching(/already expired/),
        },
      );
      expect(await complete(tier, handle, task.taskKey, head, 'RELEASE', { reason: '解除查封' })).toMatchObject({
        ok: true,
      });
      expect((await handle.query(getInspectionStateQuery)).seizure).toMatchObject({ status: 'RELEASED' });
      expect(mocks.events()).toContain('SEIZURE_RELEASED');
      await handle.terminate('test done');
    }));

  it('extends a 查封/扣押 once with the approval of a head other than the requester, from the old expiry', () =>
    run(async ({ taskQueue, mocks }) => {
      const { handle, today } = await recorded(taskQueue, 'IMMEDIATE_MEASURES', {
        findings: [finding('MAJOR')],
        measures: { suspension: true, seizure: { items: '违规储存的危险化学品', days: 10 } },
      });
      const first = await tier.openTask(handle, 'SEIZURE_DECISION');
      const requested = await complete(tier, handle, first.taskKey, officerHead, 'EXTEND', {
        days: 20,
        reason: '需要检测',
      });
      expect(requested).toMatchObject({ ok: true, nextTasks: [{ type: 'SEIZURE_EXTENSION_APPROVAL' }] });
      const approval = await tier.openTask(handle, 'SEIZURE_EXTENSION_APPROVAL');
      expect(mocks.openings('SEIZURE_EXTENSION_APPROVAL')[0].payload).toEqual({
        requestedDays: 20,
        reason: '需要检测',
        expiresOn: plusDays(today, 10),
      });
      expect(await complete(tier, handle, approval.taskKey, officerHead, 'APPROVE')).toMatchObject({
        ok: false,
        code: 'FORBIDDEN_SEPARATION_OF_DUTIES',
      });
      expect(await complete(tier, handle, approval.taskKey, head, 'REJECT')).toMatchObject({
        ok: false,
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'payload.reason' }],
      });
      expect(
        await complete(tier, handle, approval.taskKey, head, 'APPROVE', { comment: '同意延长20日' }),
      ).toMatchObject({
        ok: true,
      });
      const extendedTo = plusDays(today, 30);
      expect((await handle.query(getInspectionStateQuery)).seizure).toMatchObject({
        extended: true,
        expiresOn: extendedTo,
        status: 'ACTIVE',
      });
      const second = await tier.openTask(handle, 'SEIZURE_DECISION');
      expect(second.taskKey).not.toBe(first.taskKey);
      expect(mocks.openings('SEIZURE_DECISION')[1]).toMatchObject({
        deadline: { startDate: plusDays(today, 10), unit: 'calendar_days', amount: 20 },
        payload: { expiresOn: extendedTo, extended: true },
      });
      expect(
        await complete(tier, handle, second.taskKey, officerA, 'EXTEND', { days: 5, reason: '再延长' }),
      ).toMatchObject({
        ok: false,
        code: 'RULE_VIOLATION',
        message: expect.stringMatching(/only once/),
      });
      expect(await complete(tier, handle, second.taskKey, officerA, 'DISPOSE', { reason: '依法没收' })).toMatchObject({
        ok: true,
      });
      expect(mocks.events()).toEqual(
        expect.arrayContaining(['SEIZURE_STARTED', 'SEIZURE_EXTENDED', 'SEIZURE_DISPOSED']),
      );
      expect((await handle.query(getInspectionStateQuery)).seizure).toMatchObject({ status: 'DISPOSED' });
      await handle.terminate('test done');
    }));

  it('lifts a 挂牌督办 only after the team’s review and a head other than the reviewer', () =>
    run(async ({ taskQueue, mocks }) => {
      const { handle, today } = await recorded(taskQueue, 'RECTIFY', {
        findings: [finding('MAJOR')],
        supervisedListing: true,
      });
      expect((await handle.query(getInspectionStateQuery)).listing).toEqual({
        listedOn: today,
        dueOn: plusDays(today, 60),
        status: 'LISTED',
      });
      const firstReview = await tier.openTask(handle, 'LISTING_REVIEW');
      expect(mocks.openings('LISTING_REVIEW')[0].deadline).toEqual({
        startDate: today,
        unit: 'calendar_days',
        amount: 60,
      });
      expect(await complete(tier, handle, firstReview.taskKey, outsider, 'REMOVED', { opinion: 'x' })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN_ROLE',
      });
      expect(
        await complete(tier, handle, firstReview.taskKey, officerA, 'NOT_REMOVED', { opinion: '未消除' }),
      ).toMatchObject({ ok: true, nextTasks: [{ type: 'LISTING_REVIEW' }] });
      const secondReview = await tier.openTask(handle, 'LISTING_REVIEW');
      expect(
        await complete(tier, handle, secondReview.taskKey, officerHead, 'REMOVED', { opinion: '隐患已消除' }),
      ).toMatchObject({ ok: true });
      const lift = await tier.openTask(handle, 'LISTING_LIFT_APPROVAL');
      expect(await complete(tier, handle, lift.taskKey, officerHead, 'APPROVE')).toMatchObject({
        ok: false,
        code: 'FORBIDDEN_SEPARATION_OF_DUTIES',
      });
      expect(await complete(tier, handle, lift.taskKey, head, 'REJECT', { reason: '材料不全' })).toMatchObject({
        ok: true,
      });
      expect((await handle.query(getInspectionStateQuery)).listing?.status).toBe('LISTED');
      const thirdReview = await tier.openTask(handle, 'LISTING_REVIEW');
      expect(
        await complete(tier, handle, thirdReview.taskKey, officerA, 'REMOVED', { opinion: '材料已补齐' }),
      ).toMatchObject({ ok: true });
      const secondLift = await tier.openTask(handle, 'LISTING_LIFT_APPROVAL');
      expect(await complete(tier, handle, secondLift.taskKey, officerHead, 'APPROVE')).toMatchObject({ ok: true });
      expect((await handle.query(getInspectionStateQuery)).listing?.status).toBe('LIFTED');
      expect(mocks.events()).toEqual([
        'INSPECTION_RECORDED',
        'HAZARD_LISTED_FOR_SUPERVISION',
        'LISTED_HAZARD_NOT_REMOVED',
        'HAZARD_LISTING_LIFT_REFUSED',
        'HAZARD_LISTING_LIFTED',
      ]);
      await handle.terminate('test done');
    }));
});
