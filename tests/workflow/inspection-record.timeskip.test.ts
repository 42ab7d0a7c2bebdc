import { randomUUID } from 'node:crypto';
import { inspectionPolicy } from '@safety/domain/inspection/policy';
import { getInspectionStateQuery, InspectionInput, InspectionState } from '@safety/temporal';
import { complete, inspectionAreaSuite, person as actor } from './support/inspection-mocks';

/**
 * Workflow tier, inspection: the on-site record (安全生产法 Art.68) and what it starts — a penalty
 * case (proposed) and a 危险作业罪 review (刑法 Art.134之一) whose transfer is a linked case — on the
 * time-skipping server with strict activity mocks.
 */
describe('inspection workflow: record, proposed penalty case, criminal review (mocked activities)', () => {
  const { tier, run } = inspectionAreaSuite();

  const departmentId = randomUUID();
  const officerA = actor(['ENFORCEMENT_OFFICER'], departmentId);
  const officerB = actor(['ENFORCEMENT_OFFICER'], departmentId);
  const head = actor(['AGENCY_HEAD'], departmentId);
  const signatures = [
    { officerId: officerA.userId, credentialNo: 'CA' },
    { officerId: officerB.userId, credentialNo: 'CB' },
  ];
  const input = (caseId: string): InspectionInput => ({
    caseId,
    departmentId,
    enterpriseId: randomUUID(),
    createdBy: officerA.userId,
    inspectors: [
      { userId: officerA.userId, credentialNo: 'CA' },
      { userId: officerB.userId, credentialNo: 'CB' },
    ],
    unannounced: true,
    origin: { kind: 'AD_HOC' },
    openedAt: new Date().toISOString(),
    policy: inspectionPolicy(),
  });
  const start = async (taskQueue: string) => {
    const caseId = randomUUID();
    const handle = await tier.env.client.workflow.start('inspectionWorkflow', {
      taskQueue,
      workflowId: `inspection-${caseId}`,
      args: [input(caseId)],
    });
    return { caseId, handle };
  };

  it('takes a record signed by two team officers with their credentials and refuses every other', () =>
    run(async ({ taskQueue, mocks }) => {
      const { handle } = await start(taskQueue);
      const task = await tier.openTask(handle, 'INSPECTION_RECORD');
      // The case status is written with the task (one round trip).
      expect(mocks.openings('INSPECTION_RECORD')).toEqual([
        expect.objectContaining({
          title: '现场检查记录（四不两直）',
          enterStatus: expect.objectContaining({ status: 'AWAITING_RECORD', action: 'INSPECTION_OPENED' }),
        }),
      ]);

      const outsider = actor(['ENFORCEMENT_OFFICER'], departmentId);
      expect(
        await complete(tier, handle, task.taskKey, outsider, 'NO_ISSUE', { confirmations: signatures }),
      ).toMatchObject({
        ok: false,
        code: 'FORBIDDEN_ROLE',
      });
      expect(await complete(tier, handle, task.taskKey, head, 'NO_ISSUE', { confirmations: signatures })).toMatchObject(
        {
          ok: false,
          code: 'FORBIDDEN_ROLE',
        },
      );
      expect(
        await complete(tier, handle, task.taskKey, officerA, 'NO_ISSUE', { confirmations: signatures.slice(0, 1) }),
      ).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: [{ path: 'payload.confirmations' }] });
      expect(
        await complete(tier, handle, task.taskKey, officerA, 'NO_ISSUE', {
          confirmations: signatures,
          findings: [{ description: '通道堵塞', hazardLevel: 'GENERAL', legalBasis: '《安全生产法》第四十二条' }],
        }),
      ).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: [{ path: 'payload.findings' }] });
      expect(
        await complete(tier, handle, task.taskKey, officerA, 'NO_ISSUE', {
          confirmations: [signatures[0], { officerId: officerB.userId, credentialNo: 'FORGED' }],
        }),
      ).toMatchObject({ ok: false, code: 'RULE_VIOLATION', message: expect.stringMatching(/does not match/) });
      // Rejections run no activity: the validator answers them.
      expect(mocks.of('completeTask')).toHaveLength(0);

      const done = await complete(tier, handle, task.taskKey, officerB, 'NO_ISSUE', {
        confirmations: [signatures[0], { officerId: officerB.userId, credentialNo: ' CB ' }],
      });
      expect(done).toMatchObject({ ok: true, result: { outcome: 'NO_ISSUE' }, nextTasks: [] });
      const final = (await handle.result()) as InspectionState;
      expect(final).toMatchObject({ status: 'CLOSED', result: 'NO_ISSUE', outcome: 'NO_ISSUE' });
      expect(final.confirmations.map((signed) => signed.credentialNo)).toEqual(['CA', 'CB']);
      expect(mocks.statuses()).toEqual(['AWAITING_RECORD', 'CLOSED']);
      expect(mocks.events()).toEqual(['INSPECTION_RECORDED']);
    }));

  it('opens the proposed penalty case and, for a 危险作业罪 finding, a review whose transfer is a linked case', () =>
    run(async ({ taskQueue, mocks }) => {
      const { caseId, handle } = await start(taskQueue);
      const record = await tier.openTask(handle, 'INSPECTION_RECORD');
      const findings = [
        {
          description: '篡改有毒气体监测数据',
          hazardLevel: 'MAJOR',
          legalBasis: '《安全生产法》第三十六条',
          violationCodes: ['MONITORING_DATA_FALSIFIED'],
        },
      ];
      // 挂牌督办 and measures belong to an order, not to a penalty proposal: refused, not dropped.
      expect(
        await complete(tier, handle, record.taskKey, officerA, 'PROPOSE_PENALTY', {
          confirmations: signatures,
          findings,
          penaltyReason: '篡改监测数据',
          supervisedListing: true,
        }),
      ).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: [{ path: 'payload.supervisedListing' }] });
      const recorded = await complete(tier, handle, record.taskKey, officerA, 'PROPOSE_PENALTY', {
        confirmations: signatures,
        findings,
        penaltyReason: '篡改监测数据',
      });
      // The answer comes once the workflow has settled: the review is already open.
      expect(recorded).toMatchObject({ ok: true, nextTasks: [{ type: 'CRIMINAL_TRANSFER_REVIEW' }] });

      const [penalty] = mocks.of('openLinkedCase').map((call) => call.input);
      expect(penalty).toMatchObject({
        linkKey: `inspection-${caseId}:penalty-case`,
        caseType: 'PENALTY',
        sourceCaseId: caseId,
        handlerIds: [officerA.userId, officerB.userId],
        data: { origin: { kind: 'INSPECTION', sourceCaseId: caseId }, continuingDailyFineFrom: null },
      });
      expect((await tier.env.client.workflow.getHandle(`penalty-${caseId}-1`).describe()).type).toBe(
        'penaltyCaseWorkflow',
      );

      const review = await tier.openTask(handle, 'CRIMINAL_TRANSFER_REVIEW');
      expect(mocks.openings('CRIMINAL_TRANSFER_REVIEW')).toEqual([
        expect.objectContaining({
          deadline: expect.objectContaining({ unit: 'working_days', amount: 3 }),
          payload: { grounds: [expect.objectContaining({ conduct: 'MONITORING_DATA_FALSIFIED', findingIndex: 0 })] },
        }),
      ]);
      const outsider = actor(['ENFORCEMENT_OFFICER'], departmentId);
      expect(await complete(tier, handle, review.taskKey, outsider, 'NO_TRANSFER', { reason: 'x' })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN_ROLE',
      });
      expect(await complete(tier, handle, review.taskKey, head, 'PROPOSE_TRANSFER', {})).toMatchObject({
        ok: false,
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'payload.reason' }],
      });
      // A head (not on the team) may decide the review.
      expect(
        await complete(tier, handle, review.taskKey, head, 'PROPOSE_TRANSFER', {
          reason: '具有发生重大伤亡事故的现实危险',
        }),
      ).toMatchObject({ ok: true });

      const final = await handle.result();
      const transfer = mocks.of('openLinkedCase')[1].input;
      expect(transfer).toMatchObject({
        linkKey: `inspection-${caseId}:criminal-review-1`,
        caseType: 'CRIMINAL_TRANSFER',
        sourceCaseId: caseId,
        createdBy: head.userId,
      });
      const child = tier.env.client.workflow.getHandle(`criminal-transfer-${caseId}-1`);
      expect((await child.describe()).type).toBe('criminalTransferWorkflow');
      expect(final).toMatchObject({
        status: 'CLOSED',
        result: 'PENALTY_PROPOSED',
        penalty: { workflowId: `penalty-${caseId}-1` },
        criminalReviews: [{ step: 'criminal-review-1', decision: 'PROPOSE_TRANSFER' }],
      });
      // The mocks serve the linked cases' workflows too (their statuses are among these).
      expect(mocks.statuses()).toEqual(expect.arrayContaining(['AWAITING_RECORD', 'ESCALATED_TO_PENALTY', 'CLOSED']));
      expect(mocks.events()).toEqual(
        expect.arrayContaining([
          'INSPECTION_RECORDED',
          'CRIMINAL_TRANSFER_REVIEW_PROMPTED',
          'PENALTY_CASE_LINKED',
          'CRIMINAL_TRANSFER_STARTED',
        ]),
      );
      // The old, workflow-chosen ids are gone: every linked case is opened by the database.
      expect(mocks.of('inspectionOpenLinkedCase')).toHaveLength(0);
      expect((await handle.query(getInspectionStateQuery)).criminalReviews[0].transferCaseId).toBeTruthy();
      await child.terminate('test done');
      await tier.env.client.workflow.getHandle(`penalty-${caseId}-1`).terminate('test done');
    }));
});
