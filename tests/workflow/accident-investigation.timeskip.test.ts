import { randomUUID } from 'node:crypto';
import { WorkflowHandle } from '@temporalio/client';
import { appraisalUpdate, extendInvestigationUpdate } from '@safety/temporal';
import {
  accidentActivities,
  accidentInput,
  accidentPeople,
  AccidentPeople,
  accidentState,
  complete,
  eventually,
  openTask,
  personOf,
  plainReport,
  quiet,
  recordedTeam,
  rejection,
  skip,
  startAccident,
  teamOf,
  timeSkippingSuite,
  withWorker,
} from '../support/accident-workflow';
import { recordFetchedHistoryIfAsked } from '../support/history';

const DAY_MS = 86_400_000;

/**
 * Workflow tier: team formation (条例 Art.22), the investigation clock (Art.27, 29) and the report
 * with its 批复 (Art.30, 32), on the time-skipping server with strict activity mocks.
 */
describe('accident workflow: team, clock, report and 批复 (time-skipping server, mocked activities)', () => {
  const suite = timeSkippingSuite();

  async function start(taskQueue: string, people: AccidentPeople, extra: Parameters<typeof accidentInput>[1] = {}) {
    const input = accidentInput(people, extra);
    return { input, handle: await startAccident(suite.env, taskQueue, input) };
  }

  it('forms the team: the opening writes the status and computes the clock in one step; contract, department and required roles are checked; a refused team is formed again', async () => {
    const people = accidentPeople();
    let refused = false;
    const mocks = accidentActivities(people, {
      accidentRecordTeam: async (input) => {
        if (refused) return { ok: true, problems: [], members: recordedTeam(people, input.team) };
        refused = true;
        return { ok: false, problems: ['member is not an active user'], members: [] };
      },
    });
    await withWorker(suite.env, suite.bundle, mocks.activities, async (taskQueue) => {
      const { handle } = await start(taskQueue, people);
      const first = await openTask(handle, 'ACCIDENT_TEAM_FORMATION');
      const opened = mocks.named('openTask')[0].input;
      expect(opened).toMatchObject({
        type: 'ACCIDENT_TEAM_FORMATION',
        enterStatus: { status: 'TEAM_FORMATION', action: 'ACCIDENT_CASE_OPENED' },
        payload: { grade: 'LARGER', attempt: 1 },
      });
      expect(mocks.named('recordCaseStatus')).toHaveLength(0);
      expect(mocks.named('accidentComputeClock')).toHaveLength(1);

      expect(await rejection(complete(handle, first, people.head, 'FORM', {}))).toEqual({
        type: 'VALIDATION_FAILED',
        fields: ['payload.leadId', 'payload.members', 'payload.procuratorateInvited'],
      });
      const elsewhere = { ...people.head, departmentId: randomUUID() };
      expect((await rejection(complete(handle, first, elsewhere, 'FORM', teamOf(people)))).type).toBe('FORBIDDEN_ROLE');
      const withoutUnion = { ...teamOf(people), members: teamOf(people).members.slice(0, 2) };
      expect((await rejection(complete(handle, first, people.head, 'FORM', withoutUnion))).type).toBe('RULE_VIOLATION');
      expect(mocks.named('completeTask')).toHaveLength(0);

      await complete(handle, first, people.head, 'FORM', teamOf(people));
      const second = await openTask(handle, 'ACCIDENT_TEAM_FORMATION');
      expect(second.taskKey).toMatch(/:team-formation-2$/);
      expect(mocks.named('openTask')[1].input).toMatchObject({
        enterStatus: { status: 'TEAM_FORMATION', action: 'INVESTIGATION_TEAM_REFUSED_1' },
      });
      await complete(handle, second, people.head, 'FORM', teamOf(people));

      const report = await openTask(handle, 'ACCIDENT_INVESTIGATION_REPORT');
      expect(report.taskKey).toMatch(/:investigation-report-1$/);
      const members = await eventually(async () => {
        const found = mocks.named('openTask').filter((call) => call.input.type === 'ACCIDENT_MEMBER_FINDINGS');
        if (found.length < 3) throw new Error('members not asked yet');
        return found;
      });
      expect(members.map((call) => call.input.assigneeId).sort()).toEqual(
        [people.discipline.userId, people.police.userId, people.union.userId].sort(),
      );
      const opening = mocks.named('openTask').find((call) => call.input.type === 'ACCIDENT_INVESTIGATION_REPORT')!;
      expect(opening.input).toMatchObject({
        assigneeId: people.lead.userId,
        enterStatus: { status: 'INVESTIGATING', action: 'INVESTIGATION_STARTED' },
      });
      expect(await accidentState(handle)).toMatchObject({ status: 'INVESTIGATING', teamLeadId: people.lead.userId });
      // A member's step is theirs alone.
      const findings = await openTask(handle, 'ACCIDENT_MEMBER_FINDINGS');
      const assignee = personOf(
        people,
        members.find((call) => call.input.taskKey === findings.taskKey)!.input.assigneeId,
      );
      const other = assignee === people.police ? people.union : people.police;
      expect((await rejection(complete(handle, findings, other, 'SUBMIT', { findings: '勘验' }))).type).toBe(
        'FORBIDDEN_ROLE',
      );
      await complete(handle, findings, assignee, 'SUBMIT', { findings: '现场勘验完毕' });
      await handle.terminate('test done');
    });
  });

  it('runs the 60-day clock: one extension, an appraisal pause moving the due date, yellow then red on the report step, and stops when the report is in', async () => {
    const people = accidentPeople();
    const mocks = accidentActivities(people);
    await withWorker(suite.env, suite.bundle, mocks.activities, async (taskQueue) => {
      const { handle } = await start(taskQueue, people);
      await complete(handle, await openTask(handle, 'ACCIDENT_TEAM_FORMATION'), people.head, 'FORM', teamOf(people));
      const report = await openTask(handle, 'ACCIDENT_INVESTIGATION_REPORT');
      const written = await eventually(async () => {
        const calls = mocks.named('accidentSetTaskClock');
        if (calls.length === 0) throw new Error('clock not written yet');
        return calls[0].input;
      });
      expect(written).toMatchObject({ taskKey: report.taskKey });
      const dueBefore = Date.parse(String(written.dueAt));

      const extend = (actor: typeof people.head, days: number) =>
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
      const paused = await appraisal('START');
      expect(paused).toMatchObject({ paused: true, dueAt: null });
      await skip(suite.env, handle, '10 days');
      const resumed = await appraisal('END');
      expect(resumed).toMatchObject({ paused: false, extensionDays: 20 });
      expect(resumed.pausedDays).toBeGreaterThanOrEqual(10);
      const dueAt = Date.parse(String(resumed.dueAt));
      expect(dueAt - dueBefore).toBe((20 + resumed.pausedDays) * DAY_MS);
      expect(mocks.named('accidentSetTaskClock').map((call) => call.input.dueAt)).toContain(null);

      // Yellow investigationWarningDays (7) before the moved due date, red at it; nothing before.
      for (;;) {
        const left = dueAt - 7 * DAY_MS - (await suite.env.currentTimeMs());
        if (left <= DAY_MS) break;
        await skip(suite.env, handle, Math.min(left - DAY_MS / 2, 20 * DAY_MS));
      }
      expect(mocks.named('escalateTask')).toHaveLength(0);
      await skip(suite.env, handle, '1 day');
      await skip(suite.env, handle, '7 days');
      const levels = mocks.named('escalateTask').map((call) => [call.input.taskKey, call.input.level]);
      expect(levels).toEqual([
        [report.taskKey, 'YELLOW'],
        [report.taskKey, 'RED'],
      ]);
      expect((await accidentState(handle)).clock.escalation).toBe('RED');

      await complete(handle, report, people.lead, 'SUBMIT', plainReport());
      await openTask(handle, 'ACCIDENT_REPORT_APPROVAL');
      expect((await rejection(appraisal('START'))).type).toBe('STEP_OUT_OF_ORDER');
      await handle.terminate('test done');
    });
  });

  it('takes the report from the lead only, and the 批复 from the investigating level: not the lead, RETURN with a reason opens version 2 under the same clock', async () => {
    const people = accidentPeople();
    // A head may lead the team; the lead still may not approve their own report.
    people.lead = { ...people.lead, roles: ['AGENCY_HEAD'], departmentId: people.departmentId };
    const mocks = accidentActivities(people);
    await withWorker(suite.env, suite.bundle, mocks.activities, async (taskQueue) => {
      const { handle } = await start(taskQueue, people, { grade: 'EXTRAORDINARY' });
      await complete(handle, await openTask(handle, 'ACCIDENT_TEAM_FORMATION'), people.head, 'FORM', teamOf(people));
      const first = await openTask(handle, 'ACCIDENT_INVESTIGATION_REPORT');
      expect((await rejection(complete(handle, first, people.head, 'SUBMIT', plainReport()))).type).toBe(
        'FORBIDDEN_ROLE',
      );
      expect(
        await rejection(complete(handle, first, people.lead, 'SUBMIT', plainReport({ directCauses: ' ' }))),
      ).toEqual({
        type: 'VALIDATION_FAILED',
        fields: ['payload.directCauses'],
      });
      // The answer comes once the workflow has settled: the report saved and the 批复 step open.
      const submitted = await complete(handle, first, people.lead, 'SUBMIT', plainReport());
      expect(submitted.nextTasks?.map((task) => task.type)).toContain('ACCIDENT_REPORT_APPROVAL');
      expect(mocks.named('accidentSaveReport')[0].input).toMatchObject({
        version: 1,
        report: { summary: null, findsNoResponsibleParty: true, responsibleParties: [] },
      });

      const approval = await openTask(handle, 'ACCIDENT_REPORT_APPROVAL');
      const opening = mocks.named('openTask').find((call) => call.input.type === 'ACCIDENT_REPORT_APPROVAL')!;
      // 条例 Art.32: 特别重大 — 30 days from receiving the report.
      expect(opening.input).toMatchObject({
        deadline: { unit: 'calendar_days', amount: 30 },
        enterStatus: { status: 'AWAITING_APPROVAL', action: 'INVESTIGATION_REPORT_SUBMITTED' },
      });
      expect((await rejection(complete(handle, approval, people.lead, 'APPROVE'))).type).toBe(
        'FORBIDDEN_SEPARATION_OF_DUTIES',
      );
      expect(await rejection(complete(handle, approval, people.head, 'RETURN', {}))).toEqual({
        type: 'VALIDATION_FAILED',
        fields: ['payload.reason'],
      });
      await complete(handle, approval, people.head, 'RETURN', { reason: '间接原因分析不充分' });
      expect(mocks.named('accidentDecideReport')[0].input).toMatchObject({
        version: 1,
        decision: 'RETURN',
        comment: '间接原因分析不充分',
      });

      const second = await openTask(handle, 'ACCIDENT_INVESTIGATION_REPORT');
      expect(second.taskKey).toMatch(/:investigation-report-2$/);
      expect(
        mocks.named('openTask').filter((call) => call.input.type === 'ACCIDENT_INVESTIGATION_REPORT')[1].input,
      ).toMatchObject({ enterStatus: { status: 'INVESTIGATING', action: 'INVESTIGATION_REPORT_RETURNED' } });
      await eventually(async () => {
        if (!mocks.named('accidentSetTaskClock').some((call) => call.input.taskKey === second.taskKey))
          throw new Error('the clock does not follow version 2 yet');
      });
      expect(await accidentState(handle)).toMatchObject({ status: 'INVESTIGATING', reportVersion: 2 });

      // A transfer proposed in the report needs its team named in the 批复 (国务院令第310号 Art.5).
      await complete(
        handle,
        second,
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
      const again = await openTask(handle, 'ACCIDENT_REPORT_APPROVAL');
      expect(await rejection(complete(handle, again, people.head, 'APPROVE', { comment: '同意' }))).toEqual({
        type: 'VALIDATION_FAILED',
        fields: ['payload.transferTeamIds'],
      });
      await recordFetchedHistoryIfAsked(handle, 'accident-v2-report-returned');
      await terminateQuietly(handle);
    });
  });

  async function terminateQuietly(handle: WorkflowHandle) {
    await quiet(suite.env, handle);
    await handle.terminate('test done');
  }
});
