import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';

const { EventType } = temporal.api.enums.v1;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** A timer due this soon after a skip is skipped past too: longer than a workflow task takes on a loaded machine. */
const TIMER_GUARD_MS = 10_000;
/** Timers skipped past after one skip before giving up on workflows that keep re-arming them. */
const MAX_GUARD_SKIPS = 20;
const SETTLE_TIMEOUT_MS = 60_000;

/**
 * Moves the time-skipping server's clock forward so that what the test sends next cannot race a timer.
 *
 * The official Java time-skipping test server refuses a workflow-task completion that cancels a
 * timer which fired while the task was with the worker ("invalid history builder state for
 * action"; temporalio/sdk-java issue 3088) and never retries the task, so the run — and, since
 * skipping is global, every later sleep — stalls. Our workflows cancel timers all the time (a
 * `condition(…, timeout)` resolved by a completion cancels its timer), and after a skip lands the
 * server's clock runs at real pace: a timer the skip left due a few milliseconds later (an
 * escalation re-armed at `max(1, due - now)`) fires just as the test sends an Update. So each skip
 * waits for the workflows to settle before and after, and goes on past any timer due within
 * TIMER_GUARD_MS. A skip can therefore overshoot its target by up to TIMER_GUARD_MS per such timer.
 */
export async function skipTime(
  env: TestWorkflowEnvironment,
  client: Client,
  workflowIds: () => Promise<string[]>,
  ms: number,
): Promise<void> {
  if (ms <= 0) return;
  await untilSettled(client, await workflowIds());
  await env.sleep(ms);
  for (let extra = 0; ; extra++) {
    const ids = await workflowIds();
    await untilSettled(client, ids);
    const dueIn = await nextTimerDueIn(env, client, ids);
    if (dueIn === undefined || dueIn > TIMER_GUARD_MS) return;
    if (extra >= MAX_GUARD_SKIPS)
      throw new Error(`workflows keep timers due within ${TIMER_GUARD_MS} ms of every skip`);
    await env.sleep(Math.max(dueIn, 0) + 1);
  }
}

/** Resolves once every workflow is closed or has no workflow task and no activity outstanding. */
export async function untilSettled(client: Client, workflowIds: string[]): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (const id of workflowIds) {
    for (;;) {
      const events = await historyOf(client, id);
      if (!events || !busy(events)) break;
      if (Date.now() > deadline) throw new Error(`workflow ${id} did not settle within ${SETTLE_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

async function historyOf(client: Client, workflowId: string): Promise<HistoryEvent[] | null> {
  try {
    return (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  } catch {
    return null; // not started (a case row whose workflow is not running), or gone
  }
}

async function nextTimerDueIn(
  env: TestWorkflowEnvironment,
  client: Client,
  ids: string[],
): Promise<number | undefined> {
  const now = await env.currentTimeMs();
  const due: number[] = [];
  for (const id of ids) due.push(...pendingTimersDueAt((await historyOf(client, id)) ?? []));
  return due.length === 0 ? undefined : Math.min(...due) - now;
}

const CLOSED = new Set<number>([
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW,
]);

/** A workflow task or an activity not ended yet (a closed run is not busy). */
function busy(events: HistoryEvent[]): boolean {
  if (CLOSED.has(events.at(-1)?.eventType ?? 0)) return false;
  let workflowTask = false;
  const activities = new Set<string>();
  for (const event of events) {
    switch (event.eventType) {
      case EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED:
        workflowTask = true;
        break;
      case EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
      case EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED:
      case EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT:
        workflowTask = false;
        break;
      case EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
        activities.add(String(event.eventId));
        break;
      default: {
        const ended =
          event.activityTaskCompletedEventAttributes ??
          event.activityTaskFailedEventAttributes ??
          event.activityTaskTimedOutEventAttributes ??
          event.activityTaskCanceledEventAttributes;
        if (ended?.scheduledEventId != null) activities.delete(String(ended.scheduledEventId));
      }
    }
  }
  return workflowTask || activities.size > 0;
}

/** When each started, not yet fired or cancelled timer is due (ms since the epoch). */
function pendingTimersDueAt(events: HistoryEvent[]): number[] {
  if (CLOSED.has(events.at(-1)?.eventType ?? 0)) return [];
  const pending = new Map<string, number>();
  for (const event of events) {
    const started = event.timerStartedEventAttributes;
    if (started?.timerId) pending.set(started.timerId, ms(event.eventTime) + ms(started.startToFireTimeout));
    const ended = event.timerFiredEventAttributes ?? event.timerCanceledEventAttributes;
    if (ended?.timerId) pending.delete(ended.timerId);
  }
  return [...pending.values()];
}

const ms = (value: { seconds?: { toString(): string } | null; nanos?: number | null } | null | undefined): number =>
  Number(value?.seconds?.toString() ?? 0) * 1000 + Math.floor((value?.nanos ?? 0) / 1e6);

/**
 * Moves server time to the instant in skips of ≤ 20 days, each through the harness's skip guard (it lets the
 * case workflows settle and steps past timers due right after the skip, which the test server would otherwise
 * refuse to see cancelled). A single skip of many months stalled the server in our runs.
 */
export async function skipUntil(
  h: { skip(ms: number): Promise<void>; env?: { currentTimeMs(): Promise<number> } | null },
  instantMs: number,
): Promise<void> {
  for (;;) {
    const left = instantMs - (await h.env!.currentTimeMs());
    if (left <= 0) return;
    await h.skip(Math.min(left, 20 * 86_400_000));
  }
}
