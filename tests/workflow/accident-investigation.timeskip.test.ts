import { randomUUID } from 'node:crypto';
import { appraisalUpdate, extendInvestigationUpdate, TaskActor } from '@safety/temporal';
import { expectEventually } from '../support/eventually';
import { recordFetchedHistoryIfAsked } from '../support/history';
import { accidentDriver, rejection } from './support/accident-driver';
import {
  accidentActivities,
  accidentPeople,
  inputsOf,
  personOf,
  plainReport,
  recordedTeam,
  teamOf,
} from './support/accident-mocks';
import { ActivityLog, startWorkflowTier, WorkflowTier } from './support/workflow-env';

const DAY_MS = 86_400_000;

/**
 * Workflow tier: team formation (条例 Art.22), the investigation clock (Art.27, 29) and the report
 * with its 批复 (Art.30, 32), on the time-skipping server with strict activity mocks.
 */
describe('accident workflow: team, clock, report and 批复 (time-skipping server, mocked activities)', () => {
  let tier: WorkflowTier;
  beforeAll(async () => {
    tier = await startWorkflowTier();
  });
  afterAll(async () => tier?.teardown());

  it('forms the team: the opening writes the status and computes the clock in one step; contract, department and required roles are checked; a refused team is formed again', async () => {
    const people = accidentPeople();
    const log = new ActivityLog();
    let refused = false;
    const mocks = accidentActivities(people, log, {
      accidentRecordTeam: async (input) => {
        if (refused) return { ok: true, problems: [], members: recordedTeam(people, input.team) };
        refused = true;
        return { ok: false, problems: ['member is not an active user'], members: [] };
      },
    });
    await tier.withWorker(mocks.activities, async (taskQueue) => {
      const drive = accidentDriver(tier, people, taskQueue);
      const { handle } = await drive.start();
      const first = await tier.openTask(handle, 'ACCIDENT_TEAM_FORMATION');
      expect(inputsOf(log, 'openTask')[0]).toMatchObject({
        type: 'ACCIDENT_TEAM_FORMATION',
        enterStatus: { status: 'TEAM_FORMATION', action: 'ACCIDENT_CASE_OPENED' },
        payload: { grade: 'LARGER', attempt: 1, requiredTeamRoles: ['DISCIPLINE', 'POLICE', 'TRADE_UNION'] },
      });
      expect(inputsOf(log, 'recordCaseStatus')).toHaveLength(0);
      expect(inputsOf(log, 'accidentComputeClock')).toHaveLength(1);

      expect(await rejection(drive.complete(handle, first, people.head, 'FORM', {}))).toEqual({
        type: 'VALIDATION_FAILED',
        fields: ['payload.leadId', 'payload.members', 'payload.procuratorateInvited'],
      });
      const elsewhere = { ...people.head, departmentId: randomUUID() };
      expect((await rejection(drive.complete(handle, first, elsewhere, 'FORM', teamOf(people)))).type).toBe(
        'FORBIDDEN_ROLE',
      );
      const withoutUnion = { ...teamOf(people), members: teamOf(people).members.slice(0, 2) };
      expect((await rejection(drive.complete(handle, first, people.head, 'FORM', withoutUnion))).type).toBe(
        'RULE_VIOLATION',
      );
      expect(inputsOf(log, 'completeTask')).toHaveLength(0);

      const refusal = await drive.complete(handle, first, people.head, 'FORM', teamOf(people));
      expect(refusal.nextTasks.map((task) => task.taskKey)).toEqual([expect.stringMatching(/:team-formation-2$/)]);
      expect(inputsOf(log, 'openTask')[1]).toMatchObject({
        enterStatus: { status: 'TEAM_FORMATION', action: 'INVESTIGATION_TEAM_REFUSED_1' },
      });
      const formed = await drive.step(handle, 'ACCIDENT_TEAM_FORMATION', people.head, 'FORM', teamOf(people));
      // Settled: the report step and the three members' steps are open.
      expect(formed.nextTasks.map((task) => task.type).sort()).toEqual([
        'ACCIDENT_INVESTIGATION_REPORT',
        'ACCIDENT_MEMBER_FINDINGS',
        'ACCIDENT_MEMBER_FINDINGS',
        'ACCIDENT_MEMBER_FINDINGS',
      ]);
      const openings = inputsOf(log, 'openTask');
      const members = openings.filter((input) => input.type === 'ACCIDENT_MEMBER_FINDINGS');
      expect(members.map((input) => input.assigneeId).sort()).toEqual(
        [people.discipline.userId, people.police.userId, people.union.userId].sort(),
      );
      expect(openings.find((input) => input.type === 'ACCIDENT_INVESTIGATION_REPORT')).toMatchObject({
        assigneeId: people.lead.userId,
        enterStatus: { status: 'INVESTIGATING', action: 'INVESTIGATION_STARTED' },
      });
      expect(await drive.state(handle)).toMatchObject({ status: 'INVESTIGATING', teamLeadId: people.lead.userId });

      // A member's step is theirs alone.
      const findings = await tier.openTask(handle, 'ACCIDENT_MEMBER_FINDINGS');
      const assignee = personOf(people, members.find((input) => input.taskKey === findings.taskKey)!.assigneeId);
      const other = assignee === people.police ? people.union : people.police;
      expect((await rejection(drive.complete(handle, findings, other, 'SUBMIT', { findings: '勘验' }))).type).toBe(
        'FORBIDDEN_ROLE',
      );
      await drive.complete(handle, findings, assignee, 'SUBMIT', { findings: '现场勘验完毕' });
      await handle.terminate('test done');
    });
  });

  it('runs the 60-day clock: one extension, an appraisal pause moving the due date, yellow then red on the report step, and stops when the report is in', async () => {
    const people = accidentPeople();
    const log = new ActivityLog();
    await tier.withWorker(accidentActivities(people, log).activities, async (taskQueue) => {
      const drive = accidentDriver(tier, people, taskQueue);
      const { handle } = await drive.start();
      await drive.step(handle, 'ACCIDENT_TEAM_FORMATION', people.head, 'FORM', teamOf(people));
      const report = await tier.openTask(handle, 'ACCIDENT_INVESTIGATION_REPORT');
      const written = inputsOf(log, 'accidentSetTaskClock')[0];
      expect(written).toMatchObject({ taskKey: report.taskKey });
      const dueBefore = Date.parse(String(written.dueAt));

      const extend = (actor: TaskActor, days: number) =>
        handle.executeUpdate(extendInvestigationUpdate, { args: [{ actor, days, reason: '案情复杂' }] });
      expect((await rejection(extend(people.lead, 10))).type).toBe('FORBIDDEN_ROLE');
      expect(await rejection(extend(people.head, 61))).toEqual({ type: 'VALIDATION_FAILED', fields: ['days'] });
      const extended = await extend(people.head, 20);
      expect(extended).toMatchObject({ extensionDays: 20, paused: false });
      expect(Date.parse(String(extended.dueAt)) - dueBefore).toBe(20 * DAY_MS);
      expect((await rejection(extend(people.head, 10))).type).toBe('RULE_VIOLATION');

      const appraisal = (action: 'START' | 'END', on?: string) =>
        handle.executeUpdate(appraisalUpdate, { args: [{ actor: people.lead, action, on, reason: '技术鉴定' }] });
      expect((await rejection(appraisal('END'))).type).toBe('STEP_OUT_OF_ORDER');
      expect(await rejection(appraisal('START', '2000-01-01'))).toEqual({ type: 'VALIDATION_FAILED', fields: ['on'] });
      expect(await appraisal('START')).toMatchObject({ paused: true, dueAt: null });
      await tier.skip([handle], 10 * DAY_MS);
      const resumed = await appraisal('END');
      expect(resumed).toMatchObject({ paused: false, extensionDays: 20 });
      expect(resumed.pausedDays).toBeGreaterThanOrEqual(10);
      const dueAt = Date.parse(String(resumed.dueAt));
      expect(dueAt - dueBefore).toBe((20 + resumed.pausedDays) * DAY_MS);
      expect(inputsOf(log, 'accidentSetTaskClock').map((input) => input.dueAt)).toContain(null);

      // Yellow investigationWarningDays (7) before the moved due date, red at it; nothing before.
      for (;;) {
        const left = dueAt - 7 * DAY_MS - (await tier.env.currentTimeMs());
        if (left <= DAY_MS) break;
        await tier.skip([handle], Math.min(left - DAY_MS / 2, 20 * DAY_MS));
      }
      expect(inputsOf(log, 'escalateTask')).toHaveLength(0);
      await tier.skip([handle], DAY_MS);
      await tier.skip([handle], 7 * DAY_MS);
      expect(inputsOf(log, 'escalateTask').map((input) => [input.taskKey, input.level])).toEqual([
        [report.taskKey, 'YELLOW'],
        [report.taskKey, 'RED'],
      ]);
      expect((await drive.state(handle)).clock.escalation).toBe('RED');

      await drive.complete(handle, report, people.lead, 'SUBMIT', plainReport());
      expect((await rejection(appraisal('START'))).type).toBe('STEP_OUT_OF_ORDER');
      await handle.terminate('test done');
    });
  });

  it('takes the report from the lead only, and the 批复 from the investigating level: not the lead, RETURN with a reason opens version 2 under the same clock', async () => {
    const people = accidentPeople();
    // A head may lead the team; the lead still may not approve their own report.
    people.lead = { ...people.lead, roles: ['AGENCY_HEAD'], departmentId: people.departmentId };
    const log = new ActivityLog();
    await tier.withWorker(accidentActivities(people, log).activities, async (taskQueue) => {
      const drive = accidentDriver(tier, people, taskQueue);
      const { handle } = await drive.start({ grade: 'EXTRAORDINARY' });
      await drive.step(handle, 'ACCIDENT_TEAM_FORMATION', people.head, 'FORM', teamOf(people));
      const first = await tier.openTask(handle, 'ACCIDENT_INVESTIGATION_REPORT');
      expect((await rejection(drive.complete(handle, first, people.head, 'SUBMIT', plainReport()))).type).toBe(
        'FORBIDDEN_ROLE',
      );
      expect(
        await rejection(drive.complete(handle, first, people.lead, 'SUBMIT', plainReport({ directCauses: ' ' }))),
      ).toEqual({ type: 'VALIDATION_FAILED', fields: ['payload.directCauses'] });
      const submitted = await drive.complete(handle, first, people.lead, 'SUBMIT', plainReport());
      expect(submitted.nextTasks.map((task) => task.type)).toContain('ACCIDENT_REPORT_APPROVAL');
      expect(inputsOf(log, 'accidentSaveReport')[0]).toMatchObject({
        version: 1,
        report: { summary: null, findsNoResponsibleParty: true, responsibleParties: [] },
      });

      const approval = await tier.openTask(handle, 'ACCIDENT_REPORT_APPROVAL');
      // 条例 Art.32: 特别重大 — 30 days from receiving the report.
      expect(inputsOf(log, 'openTask').find((input) => input.type === 'ACCIDENT_REPORT_APPROVAL')).toMatchObject({
        deadline: { unit: 'calendar_days', amount: 30 },
        enterStatus: { status: 'AWAITING_APPROVAL', action: 'INVESTIGATION_REPORT_SUBMITTED' },
      });
      expect((await rejection(drive.complete(handle, approval, people.lead, 'APPROVE'))).type).toBe(
        'FORBIDDEN_SEPARATION_OF_DUTIES',
      );
      expect(await rejection(drive.complete(handle, approval, people.head, 'RETURN', {}))).toEqual({
        type: 'VALIDATION_FAILED',
        fields: ['payload.reason'],
      });
      const returned = await drive.complete(handle, approval, people.head, 'RETURN', { reason: '间接原因分析不充分' });
      expect(inputsOf(log, 'accidentDecideReport')[0]).toMatchObject({
        version: 1,
        decision: 'RETURN',
        comment: '间接原因分析不充分',
      });
      const second = returned.nextTasks.find((task) => task.type === 'ACCIDENT_INVESTIGATION_REPORT')!;
      expect(second.taskKey).toMatch(/:investigation-report-2$/);
      expect(
        inputsOf(log, 'openTask').filter((input) => input.type === 'ACCIDENT_INVESTIGATION_REPORT')[1],
      ).toMatchObject({ enterStatus: { status: 'INVESTIGATING', action: 'INVESTIGATION_REPORT_RETURNED' } });
      expect(inputsOf(log, 'accidentSetTaskClock').map((input) => input.taskKey)).toContain(second.taskKey);
      expect(await drive.state(handle)).toMatchObject({ status: 'INVESTIGATING', reportVersion: 2 });

      // A transfer proposed in the report needs its team named in the 批复 (国务院令第310号 Art.5).
      await drive.step(
        handle,
        'ACCIDENT_INVESTIGATION_REPORT',
        people.lead,
        'SUBMIT',
        plainReport({
          findsNoResponsibleParty: undefined,
          responsibleParties: [
            {
              kind: 'ENTERPRISE_STAFF',
              name: '张三',
              responsibility: '违章指挥',
              proposedHandling: 'CRIMINAL_TRANSFER',
            },
          ],
        }),
      );
      const again = await tier.openTask(handle, 'ACCIDENT_REPORT_APPROVAL');
      expect(await rejection(drive.complete(handle, again, people.head, 'APPROVE', { comment: '同意' }))).toEqual({
        type: 'VALIDATION_FAILED',
        fields: ['payload.transferTeamIds'],
      });
      await recordFetchedHistoryIfAsked(handle, 'accident-v2-report-returned');
      await expectEventually(async () => expect((await drive.state(handle)).status).toBe('AWAITING_APPROVAL'));
      await handle.terminate('test done');
    });
  });
});
