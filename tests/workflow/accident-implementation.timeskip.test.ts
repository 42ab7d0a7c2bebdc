import { randomUUID } from 'node:crypto';
import type { WorkflowUpdateFailedError } from '@temporalio/client';
import { closeAccidentUpdate, getPendingTasksQuery, superviseListingUpdate } from '@safety/temporal';
import {
  accidentActivities,
  accidentInput,
  accidentPeople,
  AccidentPeople,
  accidentState,
  complete,
  eventually,
  openTask,
  plainReport,
  quiet,
  rejection,
  runToApproval,
  skip,
  startAccident,
  timeSkippingSuite,
  verifyMeasure,
  withWorker,
} from '../support/accident-workflow';
import { recordFetchedHistoryIfAsked } from '../support/history';

const rejectionType = async (attempt: Promise<unknown>) => (await rejection(attempt)).type;

/**
 * Workflow tier: what follows the 批复 — accountability (条例 Art.32), rectification to
 * verification (Art.33), the one-year evaluation with 回头看 (安全生产法 Art.86), 挂牌督办 and the
 * 四不放过 closure — on the time-skipping server with strict activity mocks.
 */
describe('accident workflow: accountability, rectification, evaluation, listing and closure (time-skipping server, mocked activities)', () => {
  const suite = timeSkippingSuite();

  async function start(taskQueue: string, people: AccidentPeople, evaluationAfterMonths = 10) {
    const input = accidentInput(people);
    input.policy = { ...input.policy, evaluationAfterMonths };
    return { input, handle: await startAccident(suite.env, taskQueue, input) };
  }

  it('opens linked cases numbered by the database — the referral first — starts their workflows, asks an officer for the unit’s own handling and records no further action', async () => {
    const people = accidentPeople();
    const mocks = accidentActivities(people);
    await withWorker(suite.env, suite.bundle, mocks.activities, async (taskQueue) => {
      const { input, handle } = await start(taskQueue, people);
      const enterpriseId = randomUUID();
      await runToApproval(
        handle,
        people,
        plainReport({
          findsNoResponsibleParty: undefined,
          responsibleParties: [
            {
              kind: 'ENTERPRISE',
              name: '测试企业',
              enterpriseId,
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
      const manual = await openTask(handle, 'ACCIDENT_ACCOUNTABILITY_OUTCOME');
      const workflowId = `accident-${input.caseId}`;
      const openings = mocks.calls.filter((call) =>
        ['accidentCreateReferral', 'accidentOpenLinkedCase'].includes(call.name),
      );
      expect(openings.map((call) => [call.name, call.input.linkKey, call.input.workflowId])).toEqual([
        ['accidentCreateReferral', `${workflowId}:discipline-referral-2`, undefined],
        ['accidentOpenLinkedCase', `${workflowId}:penalty-1`, undefined],
        ['accidentOpenLinkedCase', `${workflowId}:criminal-transfer-3`, undefined],
      ]);
      const partyIds = mocks.savedReport(1).parties.map((party) => party.id);
      const children = [
        ['disciplineReferralWorkflow', `discipline-referral-${input.caseId}-${partyIds[1]}`],
        ['penaltyCaseWorkflow', `penalty-${input.caseId}-${partyIds[0]}`],
        ['criminalTransferWorkflow', `criminal-transfer-${input.caseId}-${partyIds[2]}`],
      ];
      for (const [type, id] of children) {
        expect((await suite.env.client.workflow.getHandle(id).describe()).type).toBe(type);
      }
      expect(mocks.named('accidentRecordPartyOutcome').map((call) => call.input)).toEqual([
        { partyId: partyIds[4], outcome: 'NO_LIABILITY_FOUND', detail: expect.any(Object) },
      ]);
      // The unit's own handling (条例 Art.32 para.3): two outcomes only, recorded by an officer.
      expect(manual.allowedOutcomes).toEqual(['INTERNAL_ACTION_TAKEN', 'NO_LIABILITY_FOUND']);
      await complete(handle, manual, people.officerA, 'INTERNAL_ACTION_TAKEN', { summary: '解除劳动合同' });
      await eventually(async () => {
        const recorded = mocks.named('accidentRecordPartyOutcome').map((call) => call.input.partyId);
        if (!recorded.includes(partyIds[3])) throw new Error('not recorded yet');
      });
      await quiet(suite.env, handle);
      await recordFetchedHistoryIfAsked(handle, 'accident-v2-accountability-linked-cases');
      await handle.terminate('test done');
      // The linked cases outlive the accident (ABANDON); with no worker left for them, their timers would
      // hold the time-skipping server's clock for the next test.
      for (const [, id] of children) await suite.env.client.workflow.getHandle(id).terminate('test done');
    });
  });

  it('tracks a measure to a verified end: a rejected verification asks for evidence again, the verifier is never the submitter', async () => {
    const people = accidentPeople();
    const mocks = accidentActivities(people);
    await withWorker(suite.env, suite.bundle, mocks.activities, async (taskQueue) => {
      const { handle } = await start(taskQueue, people);
      await runToApproval(handle, people);
      const evidence = await openTask(handle, 'ACCIDENT_RECTIFICATION_EVIDENCE');
      expect(
        mocks.named('openTask').find((call) => call.input.type === 'ACCIDENT_RECTIFICATION_EVIDENCE')!.input,
      ).toMatchObject({ deadline: { unit: 'calendar_days' }, payload: { seq: 1, round: 1 } });
      await complete(handle, evidence, people.officerA, 'SUBMIT', { evidence: '已加固' });
      const verify = await openTask(handle, 'ACCIDENT_RECTIFICATION_VERIFICATION');
      expect(await rejectionType(complete(handle, verify, people.officerA, 'VERIFIED'))).toBe(
        'FORBIDDEN_SEPARATION_OF_DUTIES',
      );
      expect(await rejectionType(complete(handle, verify, people.officerB, 'REJECTED'))).toBe('VALIDATION_FAILED');
      await complete(handle, verify, people.officerB, 'REJECTED', { comment: '未见加固记录' });
      const again = await openTask(handle, 'ACCIDENT_RECTIFICATION_EVIDENCE');
      expect(again.taskKey).toMatch(/:rectification-1-r1-evidence-2$/);
      await complete(handle, again, people.officerA, 'SUBMIT', { evidence: '补充加固记录' });
      await complete(handle, await openTask(handle, 'ACCIDENT_RECTIFICATION_VERIFICATION'), people.head, 'VERIFIED');
      await eventually(async () => {
        const verdicts = mocks.named('accidentRecordMeasureVerification').map((call) => call.input.verified);
        if (verdicts.length < 2) throw new Error('not yet');
        expect(verdicts).toEqual([false, true]);
      });
      expect((await handle.query(getPendingTasksQuery)).map((task) => task.type)).not.toContain(
        'ACCIDENT_RECTIFICATION_EVIDENCE',
      );
      await quiet(suite.env, handle);
      await handle.terminate('test done');
    });
  });

  it('closes under 四不放过 and reopens on 回头看: open gates refuse, the open-only steps end with the case, slipped measures are tracked again', async () => {
    const people = accidentPeople();
    let closable = false;
    const mocks = accidentActivities(people, {
      accidentEvaluateGates: async () =>
        closable ? { closable: true, missing: [] } : { closable: false, missing: ['NO_EDUCATION_SESSION'] },
    });
    await withWorker(suite.env, suite.bundle, mocks.activities, async (taskQueue) => {
      const { handle } = await start(taskQueue, people, 0);
      await runToApproval(handle, people);
      const close = () =>
        handle.executeUpdate(closeAccidentUpdate, { args: [{ actor: people.head, comment: '四不放过已落实' }] });
      const refused = await close().then(
        () => null,
        (error: unknown) => error as WorkflowUpdateFailedError,
      );
      expect(refused?.cause).toMatchObject({
        type: 'RULE_VIOLATION',
        details: [{ missing: ['NO_EDUCATION_SESSION'] }],
      });
      expect(
        await rejectionType(handle.executeUpdate(closeAccidentUpdate, { args: [{ actor: people.officerA }] })),
      ).toBe('FORBIDDEN_ROLE');

      await verifyMeasure(handle, people);
      closable = true;
      expect(await close()).toMatchObject({ status: 'CLOSED' });
      // The members' steps end with the case, in the workflow and in the inboxes.
      const pending = (await handle.query(getPendingTasksQuery)).map((task) => task.type);
      expect(pending).not.toContain('ACCIDENT_MEMBER_FINDINGS');
      expect(mocks.named('accidentCancelOpenTasks')[0].input.types).toEqual(
        expect.arrayContaining(['ACCIDENT_MEMBER_FINDINGS', 'ACCIDENT_SUPERVISED_LISTING_PROGRESS']),
      );

      // 回头看: the evaluation (due at once here) finds measure 1 slipped; the closed case reopens.
      const evaluation = await openTask(handle, 'ACCIDENT_ONE_YEAR_EVALUATION');
      expect(
        await rejectionType(
          complete(handle, evaluation, people.head, 'COMPLETE', {
            findings: '整改回潮',
            teamIds: [people.officerA.userId],
            slippedMeasureSeqs: [7],
          }),
        ),
      ).toBe('VALIDATION_FAILED');
      await complete(handle, evaluation, people.head, 'COMPLETE', {
        findings: '整改回潮',
        teamIds: [people.officerA.userId],
        slippedMeasureSeqs: [1],
      });
      const round2 = await openTask(handle, 'ACCIDENT_RECTIFICATION_EVIDENCE');
      expect(round2.taskKey).toMatch(/:rectification-1-r2-evidence-1$/);
      expect(await accidentState(handle)).toMatchObject({ status: 'REOPENED', closedAt: null });
      await complete(handle, round2, people.officerA, 'SUBMIT', { evidence: '重新加固' });
      await complete(
        handle,
        await openTask(handle, 'ACCIDENT_RECTIFICATION_VERIFICATION'),
        people.officerB,
        'VERIFIED',
      );
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
    const mocks = accidentActivities(people);
    await withWorker(suite.env, suite.bundle, mocks.activities, async (taskQueue) => {
      const { handle } = await start(taskQueue, people, 0);
      await openTask(handle, 'ACCIDENT_TEAM_FORMATION');
      const list = (actor: typeof people.head) =>
        handle.executeUpdate(superviseListingUpdate, { args: [{ actor, noticeNo: '测安委督〔2026〕1号' }] });
      expect(await rejectionType(list(people.head))).toBe('FORBIDDEN_ROLE');
      expect(await list(people.higherHead)).toMatchObject({ deadlineDays: 60, progressReports: 0 });
      expect(await rejectionType(list(people.higherHead))).toBe('ALREADY_EXISTS');
      const listing = await openTask(handle, 'ACCIDENT_SUPERVISED_LISTING');
      expect(
        mocks.named('openTask').find((call) => call.input.type === 'ACCIDENT_SUPERVISED_LISTING')!.input,
      ).toMatchObject({ deadline: { unit: 'calendar_days', amount: 60 } });
      expect(await rejectionType(complete(handle, listing, people.head, 'COMPLETED', { summary: '已办结' }))).toBe(
        'RULE_VIOLATION',
      );

      await skip(suite.env, handle, '31 days');
      const progress = await openTask(handle, 'ACCIDENT_SUPERVISED_LISTING_PROGRESS');
      expect(progress.taskKey).toMatch(/:supervised-listing-progress-1$/);
      expect((await accidentState(handle)).listing?.progressReports).toBe(1);
      await complete(handle, progress, people.officerA, 'REPORTED', { summary: '调查进展顺利' });

      await runToApproval(handle, people);
      await verifyMeasure(handle, people);
      const close = () => handle.executeUpdate(closeAccidentUpdate, { args: [{ actor: people.head }] });
      expect(await rejectionType(close())).toBe('STEP_OUT_OF_ORDER');
      await complete(handle, listing, people.head, 'COMPLETED', { summary: '督办事项已办结' });
      await eventually(async () => {
        if (mocks.named('accidentCompleteListing').length === 0) throw new Error('not yet');
      });
      await complete(handle, await openTask(handle, 'ACCIDENT_ONE_YEAR_EVALUATION'), people.head, 'COMPLETE', {
        findings: '均已落实',
        teamIds: [people.officerA.userId],
      });
      await quiet(suite.env, handle);
      expect(await close()).toMatchObject({ status: 'CLOSED' });
      expect(await handle.result()).toMatchObject({ status: 'CLOSED', listing: { completedAt: expect.any(String) } });
      await recordFetchedHistoryIfAsked(handle, 'accident-v2-supervised-listing-closed');
    });
  });
});
