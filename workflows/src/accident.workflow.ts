import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  sleep,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { AccidentActivities, SavedReport } from '@safety/temporal/accident.activities';
import {
  AccidentCaseInput,
  AccidentState,
  AccidentStatus,
  AccidentTaskType,
  AppraisalInput,
  appraisalUpdate,
  CloseAccidentInput,
  closeAccidentUpdate,
  ExtendInvestigationInput,
  extendInvestigationUpdate,
  getAccidentStateQuery,
  ReviseCasualtiesInput,
  reviseCasualtiesUpdate,
  SuperviseListingInput,
  superviseListingUpdate,
} from '@safety/temporal/contracts/accident.contract';
import type {
  CriminalTransferInput,
  CriminalTransferState,
} from '@safety/temporal/contracts/criminal-transfer.contract';
import type {
  DisciplineReferralInput,
  DisciplineReferralState,
} from '@safety/temporal/contracts/discipline-referral.contract';
import { CompleteTaskInput, TaskActor, TaskRejection } from '@safety/temporal/contracts/human-task.contract';
import type { PenaltyCaseInput, PenaltyCaseState } from '@safety/temporal/contracts/penalty-case.contract';
import { linkedCaseOutcome, referralOutcome } from '@safety/domain/accident/accountability';
import { approvalDeadlineDays } from '@safety/domain/accident/investigation';
import { addMonths } from '@safety/domain/calendar/months';
import { isUuid, validateReportProposal, validateTeamProposal } from '@safety/domain/accident/proposals';
import { diffDays } from '@safety/domain/calendar/local-date';
import { TaskBoard, TaskCompletion } from './lib/task-board';
import { caseActivities, localDateOf } from './lib/shared';

const acts = proxyActivities<AccidentActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

const DAY_MS = 86_400_000;
type Problem = { type: string; message: string } | undefined;
const reject = (type: string, message: string): never => {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
};
const text = (v: unknown, max = 10_000): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
/** An activity's typed failure as the Update's own failure, so the API maps its code (e.g. DEADLINE_PASSED → 422). */
const asUpdateFailure = (e: unknown): unknown => {
  const cause = e instanceof ActivityFailure ? e.cause : e;
  return cause instanceof ApplicationFailure
    ? ApplicationFailure.create({ type: cause.type ?? 'RULE_VIOLATION', message: cause.message, nonRetryable: true })
    : e;
};

/**
 * 生产安全事故调查处理 (国务院令第493号) with the 四不放过 closure gates:
 * team formation (Art.22) → investigation under the 60-day clock with appraisal pauses and one
 * extension (Art.27, 29) → report → 批复 within 15 (特别重大 30) days (Art.32) → publication (Art.34)
 * and, in the same step, accountability: penalty cases, discipline referrals and criminal transfers as
 * child workflows → rectification tracked to verification, warning education → closure when all four
 * gates hold → the one-year evaluation (安全生产法 Art.86) with 回头看.
 */
export async function accidentWorkflow(input: AccidentCaseInput): Promise<AccidentState> {
  const board = new TaskBoard();
  const wfId = workflowInfo().workflowId;
  const { caseId, policy } = input;
  const accidentDate = localDateOf(input.occurredAt);
  const nowIso = () => new Date(Date.now()).toISOString();
  const today = () => localDateOf(nowIso());
  const background: Array<Promise<unknown>> = [];

  const state: AccidentState = {
    caseId,
    status: 'TEAM_FORMATION',
    grade: input.grade,
    departmentId: input.departmentId,
    teamLeadId: null,
    reportVersion: 0,
    reportSubmitted: false,
    approvedAt: null,
    listing: null,
    evaluation: { opensAt: null, openedAt: null, completedAt: null },
    closedAt: null,
    history: [],
    clock: {
      dueDate: null,
      dueAt: null,
      paused: false,
      pausedDays: 0,
      extensionDays: 0,
      appraisals: [],
      needsManualDueDate: false,
      escalation: 'NONE',
    },
  };
  setHandler(getAccidentStateQuery, () => state);

  const moveTo = async (
    status: AccidentStatus,
    by: string | null,
    action: string,
    summary: Record<string, unknown> = {},
  ) => {
    state.status = status;
    state.history.push({ at: nowIso(), status, by });
    await caseActivities.recordCaseStatus({ caseId, status, actorId: by, action, summary });
  };
  const isHeadHere = (a: TaskActor) => a.roles.includes('AGENCY_HEAD') && a.departmentId === state.departmentId;

  // ---- the investigation clock (条例 Art.27, 29): its own durable timer, moved by every pause and extension ----
  const clock = {
    pauses: [] as Array<{ from: string; to?: string }>,
    extensions: [] as Array<{ amount: number }>,
    dueAt: null as number | null,
    warnAt: null as number | null,
    version: 0,
    taskKey: null as string | null,
  };
  let clockLock: Promise<unknown> = Promise.resolve();
  /** Clock changes run one at a time, so the last change is the one written. */
  const withClock = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = clockLock.then(fn, fn);
    clockLock = run.catch(() => undefined);
    return run;
  };
  const recomputeClock = async (reason: string, actorId: string | null) => {
    const ans = await acts.accidentComputeClock({ accidentDate, pauses: clock.pauses, extensions: clock.extensions });
    clock.dueAt = ans.dueAt === null ? null : Date.parse(ans.dueAt);
    clock.warnAt = clock.dueAt === null ? null : clock.dueAt - policy.investigationWarningDays * DAY_MS;
    clock.version++;
    state.clock = {
      dueDate: ans.dueDate,
      dueAt: ans.dueAt,
      paused: ans.paused,
      pausedDays: ans.pausedDays,
      extensionDays: clock.extensions.reduce((s, e) => s + e.amount, 0),
      appraisals: clock.pauses.map((p) => ({ from: p.from, to: p.to ?? null })),
      needsManualDueDate: ans.missingYear !== null,
      escalation: 'NONE',
    };
    if (clock.taskKey) {
      await acts.accidentSetTaskClock({
        taskKey: clock.taskKey,
        dueAt: ans.dueAt,
        warnAt: clock.warnAt === null ? null : new Date(clock.warnAt).toISOString(),
        needsManualDueDate: ans.missingYear !== null,
        reason,
        actorId,
      });
    }
    return state.clock;
  };
  const runClock = async (done: () => boolean) => {
    while (!done()) {
      const version = clock.version;
      const settled = () => done() || clock.version !== version;
      let next: { at: number; level: 'YELLOW' | 'RED' } | null = null;
      if (clock.dueAt !== null) {
        if (state.clock.escalation === 'NONE' && clock.warnAt !== null && clock.warnAt < clock.dueAt)
          next = { at: clock.warnAt, level: 'YELLOW' };
        else if (state.clock.escalation !== 'RED') next = { at: clock.dueAt, level: 'RED' };
      }
      if (!next) {
        await condition(settled);
        continue;
      }
      const timedOut = !(await condition(settled, Math.max(1, next.at - Date.now())));
      if (timedOut && clock.taskKey) {
        state.clock.escalation = next.level;
        await caseActivities.escalateTask({ taskKey: clock.taskKey, level: next.level });
      }
    }
  };

  const clockValidator = (a: TaskActor) => {
    if (!isHeadHere(a) && a.userId !== state.teamLeadId)
      reject(
        TaskRejection.WRONG_ACTOR,
        'only the investigating department head or the team lead manages the investigation clock',
      );
    if (state.reportSubmitted || !['TEAM_FORMATION', 'INVESTIGATING'].includes(state.status))
      reject(TaskRejection.UNKNOWN_TASK, 'the investigation clock has stopped: the report is in');
  };

  setHandler(
    appraisalUpdate,
    (u) =>
      withClock(async () => {
        const on = u.on ?? today();
        const open = clock.pauses.find((p) => p.to === undefined);
        if (u.action === 'START') {
          if (open) reject(TaskRejection.UNKNOWN_TASK, 'a technical appraisal is already running');
          clock.pauses.push({ from: on });
        } else {
          if (!open) reject(TaskRejection.UNKNOWN_TASK, 'no technical appraisal is running');
          if (on < open!.from) reject(TaskRejection.INVALID_PAYLOAD, 'the appraisal cannot end before it started');
          open!.to = on;
        }
        // 条例 Art.27: technical appraisal time does not count towards the investigation period.
        return recomputeClock(
          `technical appraisal ${u.action === 'START' ? 'started' : 'ended'} on ${on}: ${u.reason}`,
          u.actor.userId,
        );
      }),
    {
      validator: (u: AppraisalInput) => {
        clockValidator(u.actor);
        if (!text(u.reason, 1000)) reject(TaskRejection.INVALID_PAYLOAD, 'a reason is required');
        if (u.action !== 'START' && u.action !== 'END')
          reject(TaskRejection.INVALID_PAYLOAD, 'action must be START or END');
        if (u.on !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(u.on) && u.on >= accidentDate && u.on <= today())) {
          reject(TaskRejection.INVALID_PAYLOAD, 'on must be a date between the accident day and today');
        }
        const open = clock.pauses.find((p) => p.to === undefined);
        if (u.action === 'START' && open)
          reject(TaskRejection.UNKNOWN_TASK, 'a technical appraisal is already running');
        if (u.action === 'END' && !open) reject(TaskRejection.UNKNOWN_TASK, 'no technical appraisal is running');
        const last = clock.pauses[clock.pauses.length - 1];
        if (u.action === 'START' && last?.to && (u.on ?? today()) <= last.to)
          reject(TaskRejection.INVALID_PAYLOAD, 'appraisals may not overlap');
      },
    },
  );

  setHandler(
    extendInvestigationUpdate,
    (u) =>
      withClock(async () => {
        if (clock.extensions.length > 0)
          reject(TaskRejection.RULE, 'the investigation period can be extended only once (条例 Art.29)');
        clock.extensions.push({ amount: u.days });
        return recomputeClock(`extension of ${u.days} days approved: ${u.reason}`, u.actor.userId);
      }),
    {
      validator: (u: ExtendInvestigationInput) => {
        clockValidator(u.actor);
        if (!isHeadHere(u.actor))
          reject(TaskRejection.WRONG_ACTOR, 'only a head of the investigating department approves an extension');
        if (!Number.isInteger(u.days) || u.days < 1 || u.days > 60)
          reject(TaskRejection.RULE, 'an extension is 1 to 60 days (条例 Art.29)');
        if (clock.extensions.length > 0)
          reject(TaskRejection.RULE, 'the investigation period can be extended only once (条例 Art.29)');
        if (!text(u.reason, 1000)) reject(TaskRejection.INVALID_PAYLOAD, 'a reason is required');
      },
    },
  );

  // ---- 补报 (条例 Art.13) and the move up a level (Art.20) ----
  setHandler(
    reviseCasualtiesUpdate,
    async (u) => {
      let r: Awaited<ReturnType<AccidentActivities['accidentApplyCasualtyRevision']>>;
      try {
        r = await acts.accidentApplyCasualtyRevision({
          caseId,
          revisionKey: u.revisionKey,
          deaths: u.deaths,
          seriousInjuries: u.seriousInjuries,
          directLossYuan: u.directLossYuan,
          reportedAt: u.reportedAt,
          actorId: u.actor.userId,
          reportSubmitted: state.reportSubmitted,
        });
      } catch (e) {
        throw asUpdateFailure(e);
      }
      state.grade = r.grade as AccidentState['grade'];
      state.departmentId = r.departmentId;
      return {
        previousGrade: r.previousGrade as AccidentState['grade'],
        grade: state.grade,
        investigatingLevel: r.investigatingLevel,
        departmentId: r.departmentId,
        movedUp: r.movedUp,
      };
    },
    {
      validator: (u: ReviseCasualtiesInput) => {
        if (
          !u.actor.roles.some((r: string) => r === 'ENFORCEMENT_OFFICER' || r === 'AGENCY_HEAD') ||
          ![state.departmentId, input.reportingDepartmentId].includes(u.actor.departmentId)
        ) {
          reject(TaskRejection.WRONG_ACTOR, 'only officers of the reporting or investigating department file a 补报');
        }
        for (const k of ['deaths', 'seriousInjuries'] as const)
          if (!Number.isInteger(u[k]) || u[k] < 0)
            reject(TaskRejection.INVALID_PAYLOAD, `${k} must be a non-negative integer`);
        if (!Number.isFinite(u.directLossYuan) || u.directLossYuan < 0)
          reject(TaskRejection.INVALID_PAYLOAD, 'directLossYuan must be a non-negative amount');
        if (!text(u.revisionKey, 64)) reject(TaskRejection.INVALID_PAYLOAD, 'revisionKey is required');
        if (state.status === 'CLOSED') reject(TaskRejection.UNKNOWN_TASK, 'the case is closed');
      },
    },
  );

  // ---- 挂牌督办 by a higher 安委会: its own deadline and periodic progress reports ----
  const runListing = async (listedOn: string, deadlineDays: number) => {
    let done = false;
    const completion = board
      .run({
        step: 'supervised-listing',
        caseId,
        type: AccidentTaskType.SUPERVISED_LISTING,
        title: '挂牌督办事项办结',
        candidateRoles: ['AGENCY_HEAD'],
        departmentId: state.departmentId,
        allowedOutcomes: ['COMPLETED'],
        deadline: { startDate: listedOn, unit: 'calendar_days', amount: deadlineDays },
        check: ({ actor, payload }): Problem =>
          actor.departmentId !== state.departmentId
            ? {
                type: TaskRejection.WRONG_ACTOR,
                message: 'only the investigating department reports the listed items complete',
              }
            : state.approvedAt === null
              ? {
                  type: TaskRejection.RULE,
                  message: 'listed items are complete only once the report is approved (批复)',
                }
              : !text(payload.summary)
                ? { type: TaskRejection.INVALID_PAYLOAD, message: 'summary is required' }
                : undefined,
      })
      .then(async (c) => {
        done = true;
        if (state.listing) state.listing.completedAt = c.completedAt;
        await acts.accidentCompleteListing({ caseId, at: c.completedAt, actorId: c.actor.userId });
      });
    for (let n = 1; ; n++) {
      if (await condition(() => done, policy.supervisedListingReportEveryDays * DAY_MS)) break;
      if (state.listing) state.listing.progressReports = n;
      background.push(
        board.run({
          step: `supervised-listing-progress-${n}`,
          caseId,
          type: AccidentTaskType.SUPERVISED_LISTING_PROGRESS,
          title: `挂牌督办进展报告（第${n}次）`,
          candidateRoles: ['ENFORCEMENT_OFFICER', 'AGENCY_HEAD'],
          departmentId: state.departmentId,
          allowedOutcomes: ['REPORTED'],
          deadline: { startDate: today(), unit: 'working_days', amount: policy.supervisedListingReportWorkingDays },
          check: ({ payload }): Problem =>
            text(payload.summary) ? undefined : { type: TaskRejection.INVALID_PAYLOAD, message: 'summary is required' },
        }),
      );
    }
    await completion;
  };
  setHandler(
    superviseListingUpdate,
    async (u) => {
      if (state.listing) reject(TaskRejection.ALREADY_COMPLETED, 'the case is already under supervised listing');
      const listedOn = today();
      const deadlineDays = u.deadlineDays ?? policy.supervisedListingDays;
      state.listing = { noticeNo: u.noticeNo, listedOn, deadlineDays, completedAt: null, progressReports: 0 };
      await acts.accidentRecordListing({
        caseId,
        listedBy: u.actor.userId,
        listedByDepartmentId: u.actor.departmentId,
        noticeNo: u.noticeNo,
        listedOn,
        deadlineDays,
      });
      background.push(runListing(listedOn, deadlineDays));
      return state.listing;
    },
    {
      validator: (u: SuperviseListingInput) => {
        // The API checks that the actor's department is above the investigating one (a higher 安委会).
        if (!u.actor.roles.includes('AGENCY_HEAD') || u.actor.departmentId === state.departmentId)
          reject(TaskRejection.WRONG_ACTOR, 'supervised listing is ordered by a higher level');
        if (state.listing) reject(TaskRejection.ALREADY_COMPLETED, 'the case is already under supervised listing');
        if (state.status === 'CLOSED') reject(TaskRejection.UNKNOWN_TASK, 'the case is closed');
        if (!text(u.noticeNo, 64)) reject(TaskRejection.INVALID_PAYLOAD, 'noticeNo is required');
        if (
          u.deadlineDays !== undefined &&
          (!Number.isInteger(u.deadlineDays) || u.deadlineDays < 1 || u.deadlineDays > 365)
        )
          reject(TaskRejection.INVALID_PAYLOAD, 'deadlineDays must be 1..365');
      },
    },
  );

  // ---- closure: 四不放过 ----
  let closing = false;
  setHandler(
    closeAccidentUpdate,
    async (u) => {
      if (closing) reject(TaskRejection.ALREADY_COMPLETED, 'a close request is already being handled');
      closing = true;
      try {
        const gates = await acts.accidentEvaluateGates({ caseId });
        if (!gates.closable) {
          throw ApplicationFailure.create({
            type: TaskRejection.RULE,
            message: `四不放过: the case cannot close while gates are open: ${gates.missing.join(', ')}`,
            nonRetryable: true,
            details: [gates.missing],
          });
        }
        state.closedAt = nowIso();
        await moveTo('CLOSED', u.actor.userId, 'ACCIDENT_CLOSED', {
          comment: u.comment ?? null,
          gates: 'causes established, parties handled, rectification verified, education recorded',
        });
        await acts.accidentCancelOpenTasks({
          caseId,
          reason: 'the accident case closed',
          types: [AccidentTaskType.MEMBER_FINDINGS],
        });
        return { status: state.status, closedAt: state.closedAt };
      } finally {
        closing = false;
      }
    },
    {
      validator: (u: CloseAccidentInput) => {
        if (!isHeadHere(u.actor))
          reject(TaskRejection.WRONG_ACTOR, 'only a head of the investigating department closes the case');
        if (state.status !== 'IMPLEMENTING' && state.status !== 'REOPENED')
          reject(TaskRejection.UNKNOWN_TASK, `the case cannot close in status ${state.status}`);
        if (closing) reject(TaskRejection.ALREADY_COMPLETED, 'a close request is already being handled');
      },
    },
  );

  await moveTo('TEAM_FORMATION', input.createdBy, 'ACCIDENT_CASE_OPENED', {
    grade: input.grade,
    departmentId: input.departmentId,
  });
  await withClock(() => recomputeClock('investigation clock started: 60 days from the accident (条例 Art.29)', null));

  // ---- 1. investigation team (条例 Art.22) ----
  let members: Array<{ userId: string; departmentId: string; teamRole: string }> = [];
  for (let attempt = 1; members.length === 0; attempt++) {
    const formed = await board.run({
      step: `team-formation-${attempt}`,
      caseId,
      type: AccidentTaskType.TEAM_FORMATION,
      title: '组建事故调查组',
      candidateRoles: ['AGENCY_HEAD'],
      departmentId: state.departmentId,
      allowedOutcomes: ['FORM'],
      deadline: null,
      payload: { grade: state.grade, attempt },
      check: ({ actor, payload }): Problem => {
        if (actor.departmentId !== state.departmentId)
          return { type: TaskRejection.WRONG_ACTOR, message: 'the investigating department forms the team' };
        const v = validateTeamProposal(payload, policy.teamRequiredRoles);
        return v.team ? undefined : { type: TaskRejection.INVALID_PAYLOAD, message: v.problems.join('; ') };
      },
    });
    const team = validateTeamProposal(formed.payload, policy.teamRequiredRoles).team!;
    const r = await acts.accidentRecordTeam({
      caseId,
      team,
      actorId: formed.actor.userId,
      requiredRoles: policy.teamRequiredRoles,
    });
    if (r.ok) {
      members = r.members;
      state.teamLeadId = team.leadId;
    } else {
      await caseActivities.recordCaseStatus({
        caseId,
        status: 'TEAM_FORMATION',
        actorId: formed.actor.userId,
        action: `INVESTIGATION_TEAM_REFUSED_${attempt}`,
        summary: { problems: r.problems },
      });
    }
  }
  const lead = members.find((m) => m.teamRole === 'LEAD')!;
  await moveTo('INVESTIGATING', lead.userId, 'INVESTIGATION_STARTED', { members: members.length });
  // Members act through their own inboxes (their department, assigned to them).
  members
    .filter((m) => m.teamRole !== 'LEAD')
    .forEach((m, i) =>
      background.push(
        board.run({
          step: `member-findings-${i + 1}`,
          caseId,
          type: AccidentTaskType.MEMBER_FINDINGS,
          title: '调查组成员：提交调查情况',
          candidateRoles: ['INVESTIGATION_MEMBER', 'DISCIPLINE_BODY'],
          departmentId: m.departmentId,
          assigneeId: m.userId,
          allowedOutcomes: ['SUBMIT'],
          deadline: null,
          payload: { teamRole: m.teamRole },
          check: ({ actor, payload }): Problem =>
            actor.userId !== m.userId
              ? { type: TaskRejection.WRONG_ACTOR, message: 'this step is assigned to another team member' }
              : text(payload.findings, 20_000)
                ? undefined
                : { type: TaskRejection.INVALID_PAYLOAD, message: 'findings are required' },
        }),
      ),
    );

  // ---- 2. report and 批复 (条例 Art.30, 32) ----
  let saved: SavedReport;
  let approval: TaskCompletion;
  for (;;) {
    const version = ++state.reportVersion;
    const step = `investigation-report-${version}`;
    let submitted = false;
    const reportTask = board.run({
      step,
      caseId,
      type: AccidentTaskType.INVESTIGATION_REPORT,
      title: '提交事故调查报告',
      candidateRoles: ['INVESTIGATION_MEMBER', 'AGENCY_HEAD'],
      departmentId: lead.departmentId,
      assigneeId: lead.userId,
      allowedOutcomes: ['SUBMIT'],
      deadline: null,
      payload: { version },
      check: ({ actor, payload }: CompleteTaskInput): Problem => {
        if (actor.userId !== lead.userId)
          return { type: TaskRejection.WRONG_ACTOR, message: 'the team lead submits the report' };
        const v = validateReportProposal(payload);
        return v.report ? undefined : { type: TaskRejection.INVALID_PAYLOAD, message: v.problems.join('; ') };
      },
    });
    clock.taskKey = `${wfId}:${step}`;
    state.clock.escalation = 'NONE';
    await withClock(() => recomputeClock(`investigation report v${version} due (条例 Art.29)`, null));
    const clockRun = runClock(() => submitted);
    const report = await reportTask;
    submitted = true;
    state.reportSubmitted = true;
    await clockRun;
    saved = await acts.accidentSaveReport({
      caseId,
      version,
      report: validateReportProposal(report.payload).report!,
      submittedBy: report.actor.userId,
      submittedAt: report.completedAt,
    });
    await moveTo('AWAITING_APPROVAL', report.actor.userId, 'INVESTIGATION_REPORT_SUBMITTED', { version });
    const transfers = saved.parties.some((p) => p.proposedHandling === 'CRIMINAL_TRANSFER');
    const period = approvalDeadlineDays(state.grade);
    approval = await board.run({
      step: `report-approval-${version}`,
      caseId,
      type: AccidentTaskType.REPORT_APPROVAL,
      title: '事故调查报告批复',
      candidateRoles: ['AGENCY_HEAD'],
      departmentId: state.departmentId,
      allowedOutcomes: ['APPROVE', 'RETURN'],
      payload: { version },
      // 条例 Art.32: 15 days from receiving the report; 特别重大 30 days, extendable by the head by at most 30 days; no other extension.
      deadline: { startDate: localDateOf(report.completedAt), unit: 'calendar_days', amount: period.days },
      maxExtensionDays: period.maxExtensionDays,
      check: ({ actor, outcome, payload }): Problem => {
        if (actor.departmentId !== state.departmentId)
          return { type: TaskRejection.WRONG_ACTOR, message: 'the investigating level approves the report' };
        if (actor.userId === lead.userId)
          return {
            type: TaskRejection.SEPARATION_OF_DUTIES,
            message: 'the team lead may not approve their own report',
          };
        if (outcome === 'RETURN' && !text(payload.reason, 5000))
          return { type: TaskRejection.INVALID_PAYLOAD, message: 'a reason is required to return the report' };
        const team = payload.transferTeamIds;
        if (
          outcome === 'APPROVE' &&
          transfers &&
          !(Array.isArray(team) && new Set(team).size >= 2 && team.every(isUuid))
        ) {
          return {
            type: TaskRejection.INVALID_PAYLOAD,
            message: 'transferTeamIds: name at least two officers for the criminal transfer (国务院令第310号 Art.5)',
          };
        }
        return undefined;
      },
    });
    await acts.accidentDecideReport({
      caseId,
      version,
      decision: approval.outcome as 'APPROVE' | 'RETURN',
      actorId: approval.actor.userId,
      comment: str(approval.payload.comment) ?? str(approval.payload.reason),
      decidedAt: approval.completedAt,
    });
    if (approval.outcome === 'APPROVE') break;
    state.reportSubmitted = false;
    await moveTo('INVESTIGATING', approval.actor.userId, 'INVESTIGATION_REPORT_RETURNED', {
      version,
      reason: approval.payload.reason ?? null,
    });
  }

  // ---- 3. on 批复, in the same step: publication and accountability (条例 Art.32, 34) ----
  const approver = approval.actor.userId;
  const approvedAt = approval.completedAt;
  state.approvedAt = approvedAt;
  await moveTo('IMPLEMENTING', approver, 'ACCIDENT_REPORT_APPROVED', { version: state.reportVersion, published: true });

  const manualOutcome = (p: SavedReport['parties'][number], outcomes: string[], why: string) =>
    board
      .run({
        step: `accountability-${p.seq}`,
        caseId,
        type: AccidentTaskType.ACCOUNTABILITY_OUTCOME,
        title: `记录责任追究结果：${p.name}`.slice(0, 200),
        candidateRoles: ['ENFORCEMENT_OFFICER', 'AGENCY_HEAD'],
        departmentId: state.departmentId,
        allowedOutcomes: outcomes,
        deadline: null,
        payload: { partyId: p.id, why },
        check: ({ payload }): Problem =>
          text(payload.summary) ? undefined : { type: TaskRejection.INVALID_PAYLOAD, message: 'summary is required' },
      })
      .then((c) =>
        acts.accidentRecordPartyOutcome({
          partyId: p.id,
          outcome: c.outcome,
          detail: { summary: c.payload.summary, actorId: c.actor.userId },
        }),
      );
  const allOutcomes = [
    'ADMINISTRATIVE_PENALTY_DECIDED',
    'DISCIPLINARY_SANCTION_DECIDED',
    'INTERNAL_ACTION_TAKEN',
    'TRANSFERRED_TO_JUDICIARY',
    'NO_LIABILITY_FOUND',
  ];
  const watch = <T>(
    p: SavedReport['parties'][number],
    result: Promise<T>,
    toOutcome: (r: T) => { outcome: string; detail: Record<string, unknown> },
  ) => {
    background.push(
      result.then(
        async (r) => {
          const o = toOutcome(r);
          if (o.outcome !== 'PENDING')
            await acts.accidentRecordPartyOutcome({ partyId: p.id, outcome: o.outcome, detail: o.detail });
        },
        () => manualOutcome(p, allOutcomes, 'the linked workflow failed; record the outcome by hand'),
      ),
    );
  };

  // Leads about officials go out first: they must land in the discipline body's inbox with the 批复.
  const ordered = [
    ...saved.parties.filter((p) => p.proposedHandling === 'DISCIPLINE_REFERRAL'),
    ...saved.parties.filter((p) => p.proposedHandling !== 'DISCIPLINE_REFERRAL'),
  ];
  for (const p of ordered) {
    if (p.proposedHandling === 'DISCIPLINE_REFERRAL') {
      const workflowId = `discipline-referral-${caseId}-${p.seq}`;
      const r = await acts.accidentCreateReferral({
        caseId,
        partyId: p.id,
        workflowId,
        actorId: approver,
        sentAt: approvedAt,
      });
      const args: DisciplineReferralInput = {
        caseId: r.referralCaseId,
        referralId: r.referralId,
        sourceCaseId: caseId,
        senderDepartmentId: r.senderDepartmentId,
        receivingDepartmentId: r.receivingDepartmentId,
        sentAt: approvedAt,
        ackWorkingDays: r.ackWorkingDays,
        resultDays: r.resultDays,
      };
      const child = await startChild('disciplineReferralWorkflow', {
        workflowId,
        args: [args],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
      watch(p, child.result() as Promise<DisciplineReferralState>, (s) => ({
        outcome: referralOutcome(s.outcome),
        detail: { referral: 'answered' },
      }));
    } else if (p.proposedHandling === 'ADMINISTRATIVE_PENALTY') {
      const workflowId = `penalty-accident-${caseId}-${p.seq}`;
      const linked = await acts.accidentOpenLinkedCase({
        caseId,
        partyId: p.id,
        kind: 'PENALTY',
        workflowId,
        actorId: approver,
      });
      const args: PenaltyCaseInput = {
        caseId: linked.caseId,
        departmentId: linked.departmentId,
        enterpriseId: linked.enterpriseId,
        createdBy: approver,
        handlerIds: [],
        openedAt: linked.openedAt,
        origin: { kind: 'ACCIDENT', sourceCaseId: caseId },
      };
      const child = await startChild('penaltyCaseWorkflow', {
        workflowId,
        args: [args],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
      watch(p, child.result() as Promise<PenaltyCaseState>, (s) => ({
        outcome: linkedCaseOutcome('PENALTY', s.status),
        detail: { penaltyCaseId: linked.caseId, finalStatus: s.status },
      }));
    } else if (p.proposedHandling === 'CRIMINAL_TRANSFER') {
      const workflowId = `criminal-transfer-${caseId}-${p.seq}`;
      const linked = await acts.accidentOpenLinkedCase({
        caseId,
        partyId: p.id,
        kind: 'CRIMINAL_TRANSFER',
        workflowId,
        actorId: approver,
      });
      const args: CriminalTransferInput = {
        caseId: linked.caseId,
        sourceCaseId: caseId,
        sourceCaseType: 'ACCIDENT',
        departmentId: linked.departmentId,
        proposedBy: approver,
        teamIds: (approval.payload.transferTeamIds as string[]) ?? [],
        suspectedOffence: p.handlingDetail ?? '涉嫌重大责任事故罪（刑法 Art.134）',
        grounds: [p.responsibility],
        openedAt: linked.openedAt,
      };
      const child = await startChild('criminalTransferWorkflow', {
        workflowId,
        args: [args],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
      watch(p, child.result() as Promise<CriminalTransferState>, (s) => ({
        outcome: linkedCaseOutcome('CRIMINAL_TRANSFER', s.status),
        detail: { transferCaseId: linked.caseId, finalStatus: s.status },
      }));
    } else if (p.proposedHandling === 'INTERNAL_HANDLING') {
      background.push(
        manualOutcome(
          p,
          ['INTERNAL_ACTION_TAKEN', 'NO_LIABILITY_FOUND'],
          'record the action the unit took (条例 Art.32 para.3)',
        ),
      );
    } else {
      await acts.accidentRecordPartyOutcome({
        partyId: p.id,
        outcome: 'NO_LIABILITY_FOUND',
        detail: { reason: 'the approved report proposes no further action' },
      });
    }
  }

  // ---- 4. rectification measures, each to a verified end ----
  const trackMeasure = async (m: SavedReport['measures'][number], round: number) => {
    for (let attempt = 1; ; attempt++) {
      const key = `rectification-${m.seq}-r${round}`;
      const evidence = await board.run({
        step: `${key}-evidence-${attempt}`,
        caseId,
        type: AccidentTaskType.RECTIFICATION_EVIDENCE,
        title: `整改措施落实情况（第${m.seq}项）`,
        candidateRoles: ['ENFORCEMENT_OFFICER', 'AGENCY_HEAD'],
        departmentId: state.departmentId,
        allowedOutcomes: ['SUBMIT'],
        deadline: { startDate: today(), unit: 'calendar_days', amount: Math.max(1, diffDays(today(), m.dueDate)) },
        payload: { measureId: m.id, seq: m.seq, round },
        check: ({ payload }): Problem =>
          !text(payload.evidence)
            ? { type: TaskRejection.INVALID_PAYLOAD, message: 'evidence (what was done) is required' }
            : payload.attachmentIds !== undefined &&
                !(Array.isArray(payload.attachmentIds) && payload.attachmentIds.every(isUuid))
              ? { type: TaskRejection.INVALID_PAYLOAD, message: 'attachmentIds must be ids' }
              : undefined,
      });
      await acts.accidentRecordMeasureEvidence({
        measureId: m.id,
        round,
        evidence: { text: evidence.payload.evidence, attachmentIds: evidence.payload.attachmentIds ?? [] },
        actorId: evidence.actor.userId,
        at: evidence.completedAt,
      });
      const verification = await board.run({
        step: `${key}-verify-${attempt}`,
        caseId,
        type: AccidentTaskType.RECTIFICATION_VERIFICATION,
        title: `整改措施核查（第${m.seq}项）`,
        candidateRoles: ['ENFORCEMENT_OFFICER', 'AGENCY_HEAD'],
        departmentId: state.departmentId,
        allowedOutcomes: ['VERIFIED', 'REJECTED'],
        deadline: { startDate: today(), unit: 'working_days', amount: policy.rectificationVerificationWorkingDays },
        payload: { measureId: m.id, seq: m.seq, round },
        check: ({ actor, outcome, payload }): Problem =>
          actor.userId === evidence.actor.userId
            ? {
                type: TaskRejection.SEPARATION_OF_DUTIES,
                message: 'the verifier may not be who submitted the evidence',
              }
            : outcome === 'REJECTED' && !text(payload.comment)
              ? { type: TaskRejection.INVALID_PAYLOAD, message: 'a comment is required to reject' }
              : undefined,
      });
      await acts.accidentRecordMeasureVerification({
        measureId: m.id,
        round,
        verified: verification.outcome === 'VERIFIED',
        comment: str(verification.payload.comment),
        actorId: verification.actor.userId,
        at: verification.completedAt,
      });
      if (verification.outcome === 'VERIFIED') return;
    }
  };
  for (const m of saved.measures) background.push(trackMeasure(m, 1));

  // ---- 5. one-year evaluation (安全生产法 Art.86; 安委办〔2021〕4号: 10 months – 1 year after 批复) ----
  const approvalDate = localDateOf(approvedAt);
  const opensOn = addMonths(approvalDate, policy.evaluationAfterMonths);
  const opensAt = Date.parse(`${opensOn}T00:00:00+08:00`);
  state.evaluation.opensAt = new Date(opensAt).toISOString();
  background.push(
    (async () => {
      if (opensAt > Date.now()) await sleep(opensAt - Date.now());
      state.evaluation.openedAt = nowIso();
      await acts.accidentOpenEvaluation({ caseId, openedAt: state.evaluation.openedAt });
      const seqs = saved.measures.map((m) => m.seq);
      const done = await board.run({
        step: 'one-year-evaluation',
        caseId,
        type: AccidentTaskType.ONE_YEAR_EVALUATION,
        title: '事故整改措施落实情况评估（一年内）',
        candidateRoles: ['AGENCY_HEAD'],
        departmentId: state.departmentId,
        allowedOutcomes: ['COMPLETE'],
        payload: { measures: seqs },
        deadline: {
          startDate: approvalDate,
          unit: 'calendar_days',
          amount: diffDays(approvalDate, addMonths(approvalDate, policy.evaluationWithinMonths)),
        },
        check: ({ payload }): Problem => {
          if (!text(payload.findings, 20_000))
            return { type: TaskRejection.INVALID_PAYLOAD, message: 'findings are required' };
          if (!(Array.isArray(payload.teamIds) && payload.teamIds.length > 0 && payload.teamIds.every(isUuid)))
            return { type: TaskRejection.INVALID_PAYLOAD, message: 'teamIds must name the evaluation team' };
          const slipped = payload.slippedMeasureSeqs ?? [];
          if (!(Array.isArray(slipped) && slipped.every((s) => seqs.includes(s as number))))
            return {
              type: TaskRejection.INVALID_PAYLOAD,
              message: `slippedMeasureSeqs must be among ${seqs.join(', ')}`,
            };
          return undefined;
        },
      });
      const slipped = saved.measures.filter((m) =>
        ((done.payload.slippedMeasureSeqs as number[] | undefined) ?? []).includes(m.seq),
      );
      await acts.accidentRecordEvaluation({
        caseId,
        teamIds: done.payload.teamIds as string[],
        findings: String(done.payload.findings),
        slippedMeasureIds: slipped.map((m) => m.id),
        actorId: done.actor.userId,
        at: done.completedAt,
      });
      if (slipped.length > 0) {
        // 回头看: the measures that slipped are tracked again, and a closed case reopens until they are verified.
        if (state.status === 'CLOSED') {
          state.closedAt = null;
          await moveTo('REOPENED', done.actor.userId, 'ACCIDENT_REOPENED', {
            slippedMeasures: slipped.map((m) => m.seq),
          });
        }
        for (const m of slipped) background.push(trackMeasure(m, 2));
      }
      state.evaluation.completedAt = done.completedAt;
    })(),
  );

  // The case ends once it is closed (all four gates) and the one-year evaluation is done.
  await condition(() => state.status === 'CLOSED' && state.evaluation.completedAt !== null);
  return state;
}
