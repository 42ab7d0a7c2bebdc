import { randomUUID } from 'node:crypto';
import type { DisciplineReferralInput } from '@safety/temporal';
import { getDisciplineReferralStateQuery } from '@safety/temporal';
import { recordFetchedHistoryIfAsked } from '../support/history';
import { accidentDriver, rejection } from './support/accident-driver';
import { accidentActivities, accidentPeople, inputsOf } from './support/accident-mocks';
import { ActivityLog, startWorkflowTier, WorkflowTier } from './support/workflow-env';

/**
 * Workflow tier: 线索移交 to the discipline body — acknowledgement within its working days, then the
 * handling result — on the time-skipping server with strict activity mocks.
 */
describe('discipline referral workflow (time-skipping server, mocked activities)', () => {
  let tier: WorkflowTier;
  beforeAll(async () => {
    tier = await startWorkflowTier();
  });
  afterAll(async () => tier?.teardown());

  it('lands in the receiving body only, escalates an unacknowledged lead, and ends with the reported result', async () => {
    const people = accidentPeople();
    const log = new ActivityLog();
    await tier.withWorker(accidentActivities(people, log).activities, async (taskQueue) => {
      const { complete } = accidentDriver(tier, people, taskQueue);
      const input: DisciplineReferralInput = {
        caseId: randomUUID(),
        referralId: randomUUID(),
        sourceCaseId: randomUUID(),
        senderDepartmentId: people.departmentId,
        receivingDepartmentId: people.discipline.departmentId,
        sentAt: new Date(await tier.env.currentTimeMs()).toISOString(),
        ackWorkingDays: 5,
        resultDays: 90,
      };
      const handle = await tier.env.client.workflow.start('disciplineReferralWorkflow', {
        taskQueue,
        workflowId: `discipline-referral-${input.sourceCaseId}-1`,
        args: [input],
      });
      const ack = await tier.openTask(handle, 'DISCIPLINE_REFERRAL_ACK');
      expect(inputsOf(log, 'openTask')[0]).toMatchObject({
        departmentId: people.discipline.departmentId,
        candidateRoles: ['DISCIPLINE_BODY'],
        deadline: { unit: 'working_days', amount: 5 },
        payload: { referralId: input.referralId },
      });
      const otherBody = { ...people.discipline, departmentId: randomUUID() };
      expect((await rejection(complete(handle, ack, otherBody, 'ACKNOWLEDGE'))).type).toBe('FORBIDDEN_ROLE');
      expect((await rejection(complete(handle, ack, people.head, 'ACKNOWLEDGE'))).type).toBe('FORBIDDEN_ROLE');

      // Unacknowledged past its due date: yellow, then red.
      await tier.skip([handle], 6 * 86_400_000);
      expect(inputsOf(log, 'escalateTask').map((input) => input.level)).toEqual(['YELLOW', 'RED']);
      await complete(handle, ack, people.discipline, 'ACKNOWLEDGE');
      expect(inputsOf(log, 'referralRecordAck')).toHaveLength(1);
      expect(await handle.query(getDisciplineReferralStateQuery)).toMatchObject({ status: 'ACKNOWLEDGED' });

      const result = await tier.openTask(handle, 'DISCIPLINE_REFERRAL_RESULT');
      expect(result.allowedOutcomes).toEqual([
        'SANCTIONED',
        'NO_VIOLATION_FOUND',
        'TRANSFERRED_FOR_PROSECUTION',
        'OTHER_HANDLING',
      ]);
      expect(await rejection(complete(handle, result, people.discipline, 'SANCTIONED', {}))).toEqual({
        type: 'VALIDATION_FAILED',
        fields: ['payload.summary'],
      });
      await complete(handle, result, people.discipline, 'SANCTIONED', { summary: '给予政务记过处分' });
      expect(await handle.result()).toEqual({
        referralId: input.referralId,
        status: 'ANSWERED',
        outcome: 'SANCTIONED',
      });
      expect(inputsOf(log, 'referralRecordResult')[0]).toMatchObject({
        referralId: input.referralId,
        outcome: 'SANCTIONED',
        summary: '给予政务记过处分',
      });
      await recordFetchedHistoryIfAsked(handle, 'discipline-referral-v2-escalated-answered');
    });
  });
});
