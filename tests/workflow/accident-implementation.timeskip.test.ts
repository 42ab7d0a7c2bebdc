import { randomUUID } from 'node:crypto';
import type { WorkflowUpdateFailedError } from '@temporalio/client';
import { closeAccidentUpdate, getPendingTasksQuery, superviseListingUpdate, TaskActor } from '@safety/temporal';
import { recordFetchedHistoryIfAsked } from '../support/history';
import { accidentDriver, rejection } from './support/accident-driver';
import { accidentActivities, accidentPeople, inputsOf, plainReport } from './support/accident-mocks';
import { ActivityLog, startWorkflowTier, WorkflowTier } from './support/workflow-env';

const DAY_MS = 86_400_000;
const rejectionType = async (attempt: Promise<unknown>) => (await rejection(attempt)).type;

/**
 * Workflow tier: what follows the 批复 — accountability (条例 Art.32), rectification to
 * verification (Art.33), the one-year evaluation with 回头看 (安全生产法 Art.86), 挂牌督办 and the
 * 四不放过 closure — on the time-skipping server with strict activity mocks.
 */
describe('accident workflow: accountability, rectification, evaluation, listing and closure (time-skipping server, mocked activities)', () => {
  let tier: WorkflowTier;
  beforeAll(async () => {
    tier = await startWorkflowTier();
  });
  afterAll(async () => tier?.teardown());

  it('opens linked cases numbered by the database — the referral first — starts their workflows, asks an officer for the unit’s own handling and records no further action', async () => {
    const people = accidentPeople();
    const log = new ActivityLog();
    const mocks = accidentActivities(people, log);
    await tier.withWorker(mocks.activities, async (taskQueue) => {
      const drive = accidentDriver(tier, people, taskQueue);
      const { input, handle } = await drive.start();
      await drive.runToApproval(
        handle,
        plainReport({
          findsNoResponsibleParty: undefined,
          responsibleParties: [
            {
              kind: 'ENTERPRISE',
              name: '测试企业',
              enterpriseId: randomUUID(),
              responsibility: '主体责任',
              proposedHandling: 'ADMINISTRATIVE_PENALTY',
            },
            {
              kind: 'PUBLIC_OFFICIAL',
              name: '李四',
              organisation: '测试县应急管理局',
              responsibility: '监管不力',
              proposedHandling: 'DISCIPLINE_REFERRAL',
            },
            {
              kind: 'ENTERPRISE_STAFF',
              name: '张三',
              responsibility: '违章动火',
              proposedHandling: 'CRIMINAL_TRANSFER',
            },
            { kind: 'ENTERPRISE_STAFF', name: '王五', responsibility: '未监护', proposedHandling: 'INTERNAL_HANDLING' },
            { kind: 'ENTERPRISE', name: '承包商', responsibility: '无', proposedHandling: 'NO_FURTHER_ACTION' },
          ],
        }),
        { transferTeamIds: [people.officerA.userId, people.officerB.userId] },
      );
      const workflowId = `accident-${input.caseId}`;
      const openings = log.calls.filter((call) =>
        ['accidentCreateReferral', 'accidentOpenLinkedCase'].includes(call.name),
      );
      expect(
        openings.map((call) => [call.name, (call.input as { linkKey?: string; workflowId?: string }).linkKey]),
      ).toEqual([
        ['accidentCreateReferral', `${workflowId}:discipline-referral-2`],
        ['accidentOpenLinkedCase', `${workflowId}:penalty-1`],
        ['accidentOpenLinkedCase', `${workflowId}:criminal-transfer-3`],
      ]);
      expect(openings.every((call) => (call.input as { workflowId?: string }).workflowId === undefined)).toBe(true);
      const partyIds = mocks.savedReport(1).parties.map((party) => party.id);
      const children = [
        ['disciplineReferralWorkflow', `discipline-referral-${input.caseId}-${partyIds[1]}`],
        ['penaltyCaseWorkflow', `penalty-${input.caseId}-${partyIds[0]}`],
        ['criminalTransferWorkflow', `criminal-transfer-${input.caseId}-${partyIds[2]}`],
      ];
      for (const [type, id] of children) {
        expect((await tier.env.client.workflow.getHandle(id).describe()).type).toBe(type);
      }
      expect(inputsOf(log, 'accidentRecordPartyOutcome')).toEqual([
        { partyId: partyIds[4], outcome: 'NO_LIABILITY_FOUND', detail: expect.any(Object) },
      ]);
      // The unit's own handling (条例 Art.32 para.3): two outcomes only, recorded by an officer.
      const manual = await tier.openTask(handle, 'ACCIDENT_ACCOUNTABILITY_OUTCOME');
      expect(manual.allowedOutcomes).toEqual(['INTERNAL_ACTION_TAKEN', 'NO_LIABILITY_FOUND']);
      await drive.complete(handle, manual, people.officerA, 'INTERNAL_ACTION_TAKEN', { summary: '解除劳动合同' });
      expect(inputsOf(log, 'accidentRecordPartyOutcome').map((recorded) => recorded.partyId)).toContain(partyIds[3]);
      await recordFetchedHistoryIfAsked(handle, 'accident-v2-accountability-linked-cases');
      await handle.terminate('test done');
      // The linked cases outlive the accident (ABANDON); with no worker left for them, their timers would
      // hold the time-skipping server's clock for the next test.
      for (const [, id] of children) await tier.env.client.workflow.getHandle(id).terminate('test done');
    });
  });

  it('tracks a measure to a verified end: a rejected verification asks for evidence again, the verifier is never the submitter', async () => {
    const people = accidentPeople();
    const log = new ActivityLog();
    await tier.withWorker(accidentActivities(people, log).activities, async (taskQueue) => {
      const drive = accidentDriver(tier, people, taskQueue);
      const { handle } = await drive.start();
      await drive.runToApproval(handle);
      const evidence = await tier.openTask(handle, 'ACCIDENT_RECTIFICATION_EVIDENCE');
      expect(inputsOf(log, 'openTask').find((input) => input.type === 'ACCIDENT_RECTIFICATION_EVIDENCE')).toMatchObject(
        { deadline: { unit: 'calendar_days' }, payload: { seq: 1, round: 1 } },
      );
      await drive.complete(handle, evidence, people.officerA, 'SUBMIT', { evidence: '已加固' });
      const verify = await tier.openTask(handle, 'ACCIDENT_RECTIFICATION_VERIFICATION');
      expect(await rejectionType(drive.complete(handle, verify, people.officerA, 'VERIFIED'))).toBe(
        'FORBIDDEN_SEPARATION_OF_DUTIES',
      );
      expect(await rejectionType(drive.complete(handle, verify, people.officerB, 'REJECTED'))).toBe(
        'VALIDATION_FAILED',
      );
      const rejected = await drive.complete(handle, verify, people.officerB, 'REJECTED', { comment: '未见加固记录' });
      const again = rejected.nextTasks.find((task) => task.type === 'ACCIDENT_RECTIFICATION_EVIDENCE')!;
      expect(again.taskKey).toMatch(/:rectification-1-r1-evidence-2$/);
      await drive.step(handle, 'ACCIDENT_RECTIFICATION_EVIDENCE', people.officerA, 'SUBMIT', {
        evidence: '补充加固记录',
      });
      await drive.step(handle, 'ACCIDENT_RECTIFICATION_VERIFICATION', people.head, 'VERIFIED');
      expect(inputsOf(log, 'accidentRecordMeasureVerification').map((input) => input.verified)).toEqual([false, true]);
      expect((await handle.query(getPendingTasksQuery)).map((task) => task.type)).not.toContain(
        'ACCIDENT_RECTIFICATION_EVIDENCE',
      );
      await handle.terminate('test done');
    });
  });

  it('closes under 四不放过 and reopens on 回头看: open gates refuse, the open-only steps end with the case, slipped measures are tracked again', async () => {
    const people = accidentPeople();
    const log = new ActivityLog();
    let closable = false;
    const mocks = accidentActivities(people, log, {
      accidentEvaluateGates: async () =>
        closable ? { closable: true, missing: [] } : { closable: false, missing: ['NO_EDUCATION_SESSION'] },
    });
    await tier.withWorker(mocks.activities, async (taskQueue) => {
      const drive = accidentDriver(tier, people, taskQueue);
      const { handle } = await drive.start({}, { evaluationAfterMonths: 0 });
      await drive.runToApproval(handle);
      const close = (actor: TaskActor = people.head) =>
        handle.executeUpdate(closeAccidentUpdate, { args: [{ actor, comment: '四不放过已落实' }] });
      const refused = await close().then(
        () => null,
        (error: unknown) => error as WorkflowUpdateFailedError,
      );
      expect(refused?.cause).toMatchObject({
        type: 'RULE_VIOLATION',
        details: [{ missing: ['NO_EDUCATION_SESSION'] }],
      });
      expect(await rejectionType(close(people.officerA))).toBe('FORBIDDEN_ROLE');

      await drive.verifyMeasure(handle);
      closable = true;
      expect(await close()).toMatchObject({ status: 'CLOSED' });
      // The members' steps end with the case, in the workflow and in the inboxes.
      expect((await tier.settled(handle)).map((task) => task.type)).not.toContain('ACCIDENT_MEMBER_FINDINGS');
      expect(inputsOf(log, 'accidentCancelOpenTasks')[0].types).toEqual(
        expect.arrayContaining(['ACCIDENT_MEMBER_FINDINGS', 'ACCIDENT_SUPERVISED_LISTING_PROGRESS']),
      );

      // 回头看: the evaluation (due at once here) finds measure 1 slipped; the closed case reopens.
      const evaluation = await tier.openTask(handle, 'ACCIDENT_ONE_YEAR_EVALUATION');
      const findings = { findings: '整改回潮', teamIds: [people.officerA.userId] };
      expect(
        await rejectionType(
          drive.complete(handle, evaluation, people.head, 'COMPLETE', { ...findings, slippedMeasureSeqs: [7] }),
        ),
      ).toBe('VALIDATION_FAILED');
      const evaluated = await drive.complete(handle, evaluation, people.head, 'COMPLETE', {
        ...findings,
        slippedMeasureSeqs: [1],
      });
      expect(evaluated.nextTasks.map((task) => task.taskKey)).toEqual([
        expect.stringMatching(/:rectification-1-r2-evidence-1$/),
      ]);
      expect(await drive.state(handle)).toMatchObject({ status: 'REOPENED', closedAt: null });
      await drive.verifyMeasure(handle);
      expect(await close()).toMatchObject({ status: 'CLOSED' });
      expect(await handle.result()).toMatchObject({
        status: 'CLOSED',
        evaluation: { completedAt: expect.any(String) },
      });
      await recordFetchedHistoryIfAsked(handle, 'accident-v2-reopened-closed');
    });
  });

  it('runs a supervised listing: its own deadline, progress reports every 30 days, completion only after 批复, and closure only once it is complete', async () => {
    const people = accidentPeople();
    const log = new ActivityLog();
    await tier.withWorker(accidentActivities(people, log).activities, async (taskQueue) => {
      const drive = accidentDriver(tier, people, taskQueue);
      const { handle } = await drive.start({}, { evaluationAfterMonths: 0 });
      await tier.openTask(handle, 'ACCIDENT_TEAM_FORMATION');
      const list = (actor: TaskActor) =>
        handle.executeUpdate(superviseListingUpdate, { args: [{ actor, noticeNo: '测安委督〔2026〕1号' }] });
      expect(await rejectionType(list(people.head))).toBe('FORBIDDEN_ROLE');
      expect(await list(people.higherHead)).toMatchObject({ deadlineDays: 60, progressReports: 0 });
      expect(await rejectionType(list(people.higherHead))).toBe('ALREADY_EXISTS');
      const listing = await tier.openTask(handle, 'ACCIDENT_SUPERVISED_LISTING');
      expect(inputsOf(log, 'openTask').find((input) => input.type === 'ACCIDENT_SUPERVISED_LISTING')).toMatchObject({
        deadline: { unit: 'calendar_days', amount: 60 },
      });
      expect(
        await rejectionType(drive.complete(handle, listing, people.head, 'COMPLETED', { summary: '已办结' })),
      ).toBe('RULE_VIOLATION');

      await tier.skip([handle], 31 * DAY_MS);
      const progress = await tier.openTask(handle, 'ACCIDENT_SUPERVISED_LISTING_PROGRESS');
      expect(progress.taskKey).toMatch(/:supervised-listing-progress-1$/);
      expect((await drive.state(handle)).listing?.progressReports).toBe(1);
      await drive.complete(handle, progress, people.officerA, 'REPORTED', { summary: '调查进展顺利' });

      await drive.runToApproval(handle);
      await drive.verifyMeasure(handle);
      const close = () => handle.executeUpdate(closeAccidentUpdate, { args: [{ actor: people.head }] });
      expect(await rejectionType(close())).toBe('STEP_OUT_OF_ORDER');
      await drive.complete(handle, listing, people.head, 'COMPLETED', { summary: '督办事项已办结' });
      expect(inputsOf(log, 'accidentCompleteListing')).toHaveLength(1);
      await drive.step(handle, 'ACCIDENT_ONE_YEAR_EVALUATION', people.head, 'COMPLETE', {
        findings: '均已落实',
        teamIds: [people.officerA.userId],
      });
      expect(await close()).toMatchObject({ status: 'CLOSED' });
      expect(await handle.result()).toMatchObject({ status: 'CLOSED', listing: { completedAt: expect.any(String) } });
      await recordFetchedHistoryIfAsked(handle, 'accident-v2-supervised-listing-closed');
    });
  });
});
