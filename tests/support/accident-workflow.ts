import { randomUUID } from 'node:crypto';
import { WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Duration } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { buildWorkflowBundle } from '@safety/temporal/runtime/bundle';
import { DEFAULT_ACCIDENT_POLICY, workflowPolicyOf } from '@safety/domain/accident/policy';
import { endOfLocalDay, plusDays } from '@safety/domain/calendar/local-date';
import type { CaseActivities } from '@safety/temporal/activities';
import type { AccidentActivities, SavedReport } from '@safety/temporal/accident.activities';
import type { InspectionActivities } from '@safety/temporal/inspection.activities';
import {
  AccidentCaseInput,
  AccidentState,
  completeTaskUpdate,
  CompleteTaskResult,
  getAccidentStateQuery,
  getPendingTasksQuery,
  PendingTaskView,
  TaskActor,
} from '@safety/temporal';
import { testEnv } from './env';

const DAY_MS = 86_400_000;

/** The accident workflows' activities, and the one the criminal-transfer child records its events with. */
export type AllActivities = AccidentActivities &
  CaseActivities &
  Pick<InspectionActivities, 'inspectionRecordCaseEvent'>;
export interface ActivityCall {
  name: string;
  input: Record<string, unknown>;
}

/** The people of one accident case: the investigating department's head, the team and two officers. */
export function accidentPeople() {
  const departmentId = randomUUID();
  const person = (roles: string[], department = departmentId): TaskActor => ({
    userId: randomUUID(),
    roles,
    departmentId: department,
  });
  return {
    departmentId,
    reportingDepartmentId: randomUUID(),
    head: person(['AGENCY_HEAD']),
    otherHead: person(['AGENCY_HEAD']),
    higherHead: person(['AGENCY_HEAD'], randomUUID()),
    lead: person(['INVESTIGATION_MEMBER']),
    discipline: person(['DISCIPLINE_BODY'], randomUUID()),
    police: person(['INVESTIGATION_MEMBER'], randomUUID()),
    union: person(['INVESTIGATION_MEMBER'], randomUUID()),
    officerA: person(['ENFORCEMENT_OFFICER']),
    officerB: person(['ENFORCEMENT_OFFICER']),
  };
}
export type AccidentPeople = ReturnType<typeof accidentPeople>;

export const teamOf = (people: AccidentPeople) => ({
  leadId: people.lead.userId,
  members: [
    { userId: people.discipline.userId, teamRole: 'DISCIPLINE' },
    { userId: people.police.userId, teamRole: 'POLICE' },
    { userId: people.union.userId, teamRole: 'TRADE_UNION' },
  ],
  procuratorateInvited: true,
});

/** A report finding no responsible party, with one rectification measure. */
export const plainReport = (extra: Record<string, unknown> = {}) => ({
  directCauses: '支护失效',
  indirectCauses: '安全管理缺失',
  educationMeasures: '全市警示教育',
  findsNoResponsibleParty: true,
  responsibleParties: [],
  rectificationMeasures: [{ description: '加固支护', owner: '测试企业', dueDate: '2027-06-30' }],
  ...extra,
});

/** The team as the directory records it: each member with their own department. */
export function recordedTeam(people: AccidentPeople, team: ReturnType<typeof teamOf>) {
  const everyone = [people.lead, people.discipline, people.police, people.union, people.head, people.officerA];
  const departmentOf = (userId: string) =>
    everyone.find((person) => person.userId === userId)?.departmentId ?? randomUUID();
  return [
    { userId: team.leadId, departmentId: departmentOf(team.leadId), teamRole: 'LEAD' },
    ...team.members.map((member) => ({
      userId: member.userId,
      departmentId: departmentOf(member.userId),
      teamRole: member.teamRole,
    })),
  ];
}

/** The person of the case with this user id. */
export const personOf = (people: AccidentPeople, userId: unknown) =>
  Object.values(people).find(
    (person): person is TaskActor => typeof person === 'object' && (person as TaskActor).userId === userId,
  )!;

/**
 * Strict activity mocks of the accident workflows: every activity records its call and answers
 * what the real adapter would for a well-formed case; `overrides` replace single activities (e.g.
 * one that fails). Due dates count calendar days from the start date (no holiday calendar).
 */
export function accidentActivities(people: AccidentPeople, overrides: Partial<AllActivities> = {}) {
  const calls: ActivityCall[] = [];
  const dueAfter = (startDate: string, days: number) => endOfLocalDay(plusDays(startDate, days)).toISOString();
  const saved = new Map<number, SavedReport>();
  const base: AllActivities = {
    recordCaseStatus: async () => undefined,
    openTask: async (input) => {
      const dueAt = input.deadline ? dueAfter(input.deadline.startDate, input.deadline.amount) : (input.dueAt ?? null);
      const warnAt =
        dueAt === null ? null : new Date(Date.parse(dueAt) - (input.warningLeadHours ?? 24) * 3_600_000).toISOString();
      return { taskId: randomUUID(), dueAt, warnAt, needsManualDueDate: false, missingYear: null };
    },
    completeTask: async () => undefined,
    escalateTask: async () => undefined,
    setTaskDeadline: async () => undefined,
    computeDeadline: async (input) => {
      const dueAt = dueAfter(input.startDate, input.amount);
      return { dueAt, dueDate: plusDays(input.startDate, input.amount), missingYear: null };
    },
    openLinkedCase: async (input) => ({
      caseId: randomUUID(),
      workflowId: `${input.caseType === 'PENALTY' ? 'penalty' : input.caseType === 'CRIMINAL_TRANSFER' ? 'criminal-transfer' : 'discipline-referral'}-${input.sourceCaseId}-${calls.filter((call) => call.name === 'openLinkedCase').length}`,
      openedAt: new Date().toISOString(),
    }),
    setCaseHandlers: async (input) => ({ handlerIds: input.handlerIds, handlers: [] }),
    accidentComputeClock: async (input) => {
      const running = input.pauses.some((pause) => pause.to === undefined);
      const pausedDays = input.pauses.reduce(
        (sum, pause) => sum + (pause.to ? (Date.parse(pause.to) - Date.parse(pause.from)) / DAY_MS + 1 : 0),
        0,
      );
      const days = 60 + pausedDays + input.extensions.reduce((sum, extension) => sum + extension.amount, 0);
      return running
        ? { dueDate: null, dueAt: null, paused: true, pausedDays, missingYear: null }
        : {
            dueDate: plusDays(input.accidentDate, days),
            dueAt: dueAfter(input.accidentDate, days),
            paused: false,
            pausedDays,
            missingYear: null,
          };
    },
    accidentSetTaskClock: async () => undefined,
    accidentRecordTeam: async (input) => ({ ok: true, problems: [], members: recordedTeam(people, input.team) }),
    accidentApplyCasualtyRevision: async () => ({
      previousGrade: 'GENERAL',
      grade: 'GENERAL',
      investigatingLevel: 'COUNTY',
      departmentId: people.departmentId,
      movedUp: false,
    }),
    accidentSaveReport: async (input) => {
      const report: SavedReport = {
        parties: input.report.responsibleParties.map((party, index) => ({
          id: randomUUID(),
          seq: index + 1,
          kind: party.kind,
          proposedHandling: party.proposedHandling,
          name: party.name,
          enterpriseId: party.enterpriseId,
          responsibility: party.responsibility,
          handlingDetail: party.handlingDetail,
        })),
        measures: input.report.rectificationMeasures.map((measure, index) => ({
          id: randomUUID(),
          seq: index + 1,
          dueDate: measure.dueDate,
        })),
      };
      if (!saved.has(input.version)) saved.set(input.version, report);
      return saved.get(input.version)!;
    },
    accidentDecideReport: async () => undefined,
    accidentOpenLinkedCase: async (input) => ({
      caseId: randomUUID(),
      workflowId:
        input.workflowId ??
        `${input.kind === 'PENALTY' ? 'penalty' : 'criminal-transfer'}-${input.caseId}-${input.partyId}`,
      departmentId: people.departmentId,
      enterpriseId: null,
      openedAt: new Date().toISOString(),
    }),
    accidentCreateReferral: async (input) => ({
      referralId: randomUUID(),
      referralCaseId: randomUUID(),
      workflowId: input.workflowId ?? `discipline-referral-${input.caseId}-${input.partyId}`,
      openedAt: new Date().toISOString(),
      senderDepartmentId: people.departmentId,
      receivingDepartmentId: people.discipline.departmentId,
      ackWorkingDays: 5,
      resultDays: 90,
    }),
    accidentRecordPartyOutcome: async () => undefined,
    accidentRecordMeasureEvidence: async () => undefined,
    accidentRecordMeasureVerification: async () => undefined,
    accidentOpenEvaluation: async () => undefined,
    accidentRecordEvaluation: async () => undefined,
    accidentRecordListing: async () => undefined,
    accidentCompleteListing: async () => undefined,
    accidentEvaluateGates: async () => ({ closable: true, missing: [] }),
    accidentCancelOpenTasks: async () => undefined,
    referralRecordAck: async () => undefined,
    referralRecordResult: async () => undefined,
    inspectionRecordCaseEvent: async () => undefined,
  };
  const activities = Object.fromEntries(
    Object.entries({ ...base, ...overrides }).map(([name, implementation]) => [
      name,
      async (input: Record<string, unknown>) => {
        calls.push({ name, input });
        return (implementation as (input: unknown) => Promise<unknown>)(input);
      },
    ]),
  ) as unknown as AllActivities;
  return {
    activities,
    calls,
    named: (name: keyof AllActivities) => calls.filter((call) => call.name === name),
    /** The report as saved (its parties and measures with their ids), by version. */
    savedReport: (version: number) => saved.get(version)!,
  };
}

export function accidentInput(people: AccidentPeople, extra: Partial<AccidentCaseInput> = {}): AccidentCaseInput {
  const caseId = randomUUID();
  return {
    caseId,
    departmentId: people.departmentId,
    reportingDepartmentId: people.reportingDepartmentId,
    createdBy: people.officerA.userId,
    occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    grade: 'LARGER',
    policy: workflowPolicyOf(DEFAULT_ACCIDENT_POLICY),
    ...extra,
  };
}

/** One time-skipping server and the production workflow bundle for a test file; read them inside tests. */
export function timeSkippingSuite(): { env: TestWorkflowEnvironment; bundle: WorkflowBundleWithSourceMap } {
  const suite = {} as { env: TestWorkflowEnvironment; bundle: WorkflowBundleWithSourceMap };
  beforeAll(async () => {
    suite.env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: testEnv().testServerExe() } },
    });
    suite.bundle = await buildWorkflowBundle();
  });
  afterAll(async () => suite.env?.teardown());
  return suite;
}

/** Starts an accident case's workflow (id `accident-<caseId>`), as the API does. */
export async function startAccident(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  input: AccidentCaseInput,
): Promise<WorkflowHandle> {
  return env.client.workflow.start('accidentWorkflow', {
    taskQueue,
    workflowId: `accident-${input.caseId}`,
    args: [input],
  });
}

/** The workflow's verdict on a refused Update: its ErrorCode and, for field problems, the field paths. */
export async function rejection(attempt: Promise<unknown>): Promise<{ type: string; fields: string[] }> {
  const error = await attempt.then(
    () => null,
    (failed: unknown) => failed,
  );
  if (!(error instanceof WorkflowUpdateFailedError))
    throw new Error(`expected the Update to be refused, got ${String(error)}`);
  const cause = error.cause as { type?: string; details?: unknown[] };
  const details = cause.details?.[0] as { fields?: Array<{ path: string }> } | undefined;
  return { type: String(cause.type), fields: (details?.fields ?? []).map((field) => field.path).sort() };
}

/** A worker of its own task queue for one test, running the production workflow bundle. */
export async function withWorker<T>(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  activities: AllActivities,
  run: (taskQueue: string) => Promise<T>,
): Promise<T> {
  const taskQueue = `wf-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities,
  });
  return worker.runUntil(run(taskQueue));
}

/** Waits (wall clock) until `check` passes. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** The open task of a type, once the workflow has opened it. */
export async function openTask(handle: WorkflowHandle, type: string, index = 0): Promise<PendingTaskView> {
  return eventually(async () => {
    const tasks = (await handle.query(getPendingTasksQuery)).filter((task) => task.type === type);
    if (tasks.length <= index) throw new Error(`no open ${type} task (#${index}) yet`);
    return tasks[index];
  });
}

export const accidentState = (handle: WorkflowHandle): Promise<AccidentState> => handle.query(getAccidentStateQuery);

export function complete(
  handle: WorkflowHandle,
  task: PendingTaskView,
  actor: TaskActor,
  outcome: string,
  payload: Record<string, unknown> = {},
): Promise<CompleteTaskResult> {
  return handle.executeUpdate(completeTaskUpdate, { args: [{ taskKey: task.taskKey, actor, outcome, payload }] });
}

/** Team formed, report submitted and approved: the case is IMPLEMENTING. */
export async function runToApproval(
  handle: WorkflowHandle,
  people: AccidentPeople,
  report: Record<string, unknown> = plainReport(),
  approval: Record<string, unknown> = {},
): Promise<void> {
  await complete(handle, await openTask(handle, 'ACCIDENT_TEAM_FORMATION'), people.head, 'FORM', teamOf(people));
  await complete(handle, await openTask(handle, 'ACCIDENT_INVESTIGATION_REPORT'), people.lead, 'SUBMIT', report);
  await complete(handle, await openTask(handle, 'ACCIDENT_REPORT_APPROVAL'), people.head, 'APPROVE', approval);
  await eventually(async () => {
    const state = await accidentState(handle);
    if (state.status !== 'IMPLEMENTING') throw new Error(`status ${state.status}`);
  });
}

/** Evidence for the open rectification measure, then its verification by someone else. */
export async function verifyMeasure(handle: WorkflowHandle, people: AccidentPeople): Promise<void> {
  await complete(handle, await openTask(handle, 'ACCIDENT_RECTIFICATION_EVIDENCE'), people.officerA, 'SUBMIT', {
    evidence: '已加固',
  });
  await complete(handle, await openTask(handle, 'ACCIDENT_RECTIFICATION_VERIFICATION'), people.officerB, 'VERIFIED');
}

type HistoryEvent = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>[number];

export async function historyEvents(handle: WorkflowHandle): Promise<HistoryEvent[]> {
  return (await handle.fetchHistory()).events ?? [];
}

/**
 * Waits until the workflow is idle after time moved: no workflow task and no activity outstanding,
 * and no timer due within the next 10 s of server time. The Java time-skipping server rejects a
 * workflow-task completion that cancels a timer which fired while the task was with the worker
 * (temporalio/sdk-java#3088) and never advances time again; sending an Update only when the
 * workflow is idle and no timer is about to fire keeps the tests clear of it.
 */
export async function quiet(env: TestWorkflowEnvironment, handle: WorkflowHandle): Promise<void> {
  await eventually(async () => {
    const events = await historyEvents(handle);
    let workflowTasks = 0;
    const activities = new Set<string>();
    const timers = new Map<string, number>();
    for (const event of events) {
      const id = String(event.eventId);
      if (event.workflowTaskScheduledEventAttributes) workflowTasks++;
      if (
        event.workflowTaskCompletedEventAttributes ||
        event.workflowTaskFailedEventAttributes ||
        event.workflowTaskTimedOutEventAttributes
      )
        workflowTasks--;
      if (event.activityTaskScheduledEventAttributes) activities.add(id);
      const ended =
        event.activityTaskCompletedEventAttributes ??
        event.activityTaskFailedEventAttributes ??
        event.activityTaskTimedOutEventAttributes ??
        event.activityTaskCanceledEventAttributes;
      if (ended) activities.delete(String(ended.scheduledEventId));
      const started = event.timerStartedEventAttributes;
      if (started) {
        const at =
          Number(event.eventTime?.seconds ?? 0) * 1000 + Number(started.startToFireTimeout?.seconds ?? 0) * 1000;
        timers.set(started.timerId!, at);
      }
      const timerEnded = event.timerFiredEventAttributes ?? event.timerCanceledEventAttributes;
      if (timerEnded) timers.delete(timerEnded.timerId!);
    }
    const now = await env.currentTimeMs();
    const soon = [...timers.values()].filter((at) => at - now < 10_000);
    if (workflowTasks > 0 || activities.size > 0 || soon.length > 0) {
      throw new Error(
        `busy: ${workflowTasks} workflow task(s), ${activities.size} activities, ${soon.length} timer(s) due`,
      );
    }
  });
}

/** Moves server time and waits until the workflow is idle again (see `quiet`). */
export async function skip(env: TestWorkflowEnvironment, handle: WorkflowHandle, duration: Duration): Promise<void> {
  await env.sleep(duration);
  await quiet(env, handle);
}
