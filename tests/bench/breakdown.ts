/*
 * Where a step's time goes, read from the workflow histories the benchmark produced: the server's own
 * timestamps of workflow tasks, activity tasks and local-activity markers between two points of a history.
 */
import { temporal } from '@temporalio/proto';
import { Latencies, round } from './measure';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

const ms = (event: HistoryEvent): number => {
  const t = event.eventTime!;
  return Number(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1e6);
};

const NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(temporal.api.enums.v1.EventType).map(([name, value]) => [value, name.replace(/^EVENT_TYPE_/, '')]),
);

/** The event type's short name (WORKFLOW_TASK_STARTED); the history holds a number. */
export const typeOf = (event: HistoryEvent): string => NAMES[event.eventType as number] ?? String(event.eventType);

/** Time spent in each phase between `from` and `to` (event indexes), summed per phase and per activity. */
export interface Breakdown {
  totalMs: number;
  phases: Record<string, number>;
  activities: Record<string, number>;
  /** Activities that ran more than once (a retry, e.g. after a transient failure). */
  retries: number;
  activityCount: number;
  localActivityCount: number;
  workflowTasks: number;
}

/**
 * Splits the history between two events into: the server handing a workflow task to the worker
 * (schedule-to-start), the worker running it (which includes local activities), activity dispatch
 * (scheduled → started), activity execution (started → completed, per activity type), and what is left
 * (the server between a completion and the next workflow task, or waiting on a timer or a person).
 */
export function breakdown(events: HistoryEvent[], from: number, to: number): Breakdown {
  const phases: Record<string, number> = {
    'workflow task: server → worker': 0,
    'workflow task: worker (incl. local activities)': 0,
    'activity: dispatch': 0,
    'activity: execution': 0,
  };
  const activities: Record<string, number> = {};
  const scheduled = new Map<number, { type: string; at: number }>();
  const started = new Map<number, { at: number; attempt: number }>();
  let wftScheduled = 0;
  let wftStarted = 0;
  let retries = 0;
  let activityCount = 0;
  let localActivityCount = 0;
  let workflowTasks = 0;
  let lastLocalCompletion = 0;
  let wftStartedOfMarkers = 0;
  for (let i = from; i <= to; i++) {
    const e = events[i];
    const at = ms(e);
    const id = Number(e.eventId);
    switch (typeOf(e)) {
      case 'WORKFLOW_TASK_SCHEDULED':
        wftScheduled = at;
        break;
      case 'WORKFLOW_TASK_STARTED':
        wftStarted = at;
        wftStartedOfMarkers = at;
        if (wftScheduled) phases['workflow task: server → worker'] += at - wftScheduled;
        break;
      case 'WORKFLOW_TASK_COMPLETED':
      case 'WORKFLOW_TASK_FAILED':
      case 'WORKFLOW_TASK_TIMED_OUT':
        workflowTasks++;
        if (wftStarted) phases['workflow task: worker (incl. local activities)'] += at - wftStarted;
        wftStarted = 0;
        wftScheduled = 0;
        break;
      case 'ACTIVITY_TASK_SCHEDULED':
        scheduled.set(id, { type: e.activityTaskScheduledEventAttributes?.activityType?.name ?? '?', at });
        activityCount++;
        break;
      case 'ACTIVITY_TASK_STARTED': {
        const attrs = e.activityTaskStartedEventAttributes!;
        const s = scheduled.get(Number(attrs.scheduledEventId));
        const attempt = attrs.attempt ?? 1;
        if (attempt > 1) retries++;
        started.set(Number(attrs.scheduledEventId), { at, attempt });
        if (s) phases['activity: dispatch'] += at - s.at;
        break;
      }
      case 'ACTIVITY_TASK_COMPLETED':
      case 'ACTIVITY_TASK_FAILED': {
        const sid = Number(
          e.activityTaskCompletedEventAttributes?.scheduledEventId ??
            e.activityTaskFailedEventAttributes?.scheduledEventId,
        );
        const s = scheduled.get(sid);
        const st = started.get(sid);
        if (s && st) {
          phases['activity: execution'] += at - st.at;
          activities[s.type] = (activities[s.type] ?? 0) + (at - st.at);
        }
        break;
      }
      case 'MARKER_RECORDED': {
        const marker = localActivityMarker(e);
        if (!marker) break;
        localActivityCount++;
        if (marker.attempt > 1) retries++;
        // The marker's completion time is the workflow task's start plus the time the worker had run by then.
        if (marker.completedAt !== null) {
          const since = Math.max(lastLocalCompletion, wftStartedOfMarkers);
          activities[`${marker.type} (local)`] =
            (activities[`${marker.type} (local)`] ?? 0) + (marker.completedAt - since);
          lastLocalCompletion = marker.completedAt;
        }
        break;
      }
    }
  }
  const totalMs = ms(events[to]) - ms(events[from]);
  const accounted = Object.values(phases).reduce((a, b) => a + b, 0);
  phases['other (server between tasks)'] = totalMs - accounted;
  return { totalMs, phases, activities, retries, activityCount, localActivityCount, workflowTasks };
}

/** What a local activity's marker records (core's LocalActivityMarkerData, JSON in the marker's `data`). */
function localActivityMarker(e: HistoryEvent): { type: string; attempt: number; completedAt: number | null } | null {
  const attrs = e.markerRecordedEventAttributes;
  if (attrs?.markerName !== 'core_local_activity') return null;
  const payload = attrs.details?.data?.payloads?.[0];
  let data: Record<string, unknown> = {};
  try {
    data = payload?.data ? (JSON.parse(Buffer.from(payload.data).toString('utf8')) as Record<string, unknown>) : {};
  } catch {
    // An unreadable marker still counts; it just has no timing.
  }
  const time = data.complete_time ?? data.completeTime;
  const completedAt =
    typeof time === 'string'
      ? Date.parse(time)
      : time && typeof time === 'object'
        ? Number((time as { seconds?: unknown }).seconds ?? 0) * 1000 +
          Math.floor(Number((time as { nanos?: unknown }).nanos ?? 0) / 1e6)
        : null;
  return {
    type: String(data.activity_type ?? data.activityType ?? '?'),
    attempt: Number(data.attempt ?? 1),
    completedAt: Number.isFinite(completedAt) ? completedAt : null,
  };
}

/** The index of the first event at or after `start` that `match` accepts, or -1. */
export function findEvent(
  events: HistoryEvent[],
  match: (type: string, event: HistoryEvent) => boolean,
  start = 0,
): number {
  for (let i = start; i < events.length; i++) if (match(typeOf(events[i]), events[i])) return i;
  return -1;
}

/** Medians over several breakdowns, one line per phase and activity, for the log. */
export function summarise(label: string, all: Breakdown[]): string[] {
  if (all.length === 0) return [`${label}: no histories`];
  const median = (pick: (b: Breakdown) => number) => {
    const l = new Latencies();
    all.forEach((b) => l.add(pick(b)));
    return round(l.percentile(50));
  };
  const lines = [
    `${label} (median of ${all.length}): total ${median((b) => b.totalMs)} ms; ${median((b) => b.workflowTasks)} workflow tasks, ${median((b) => b.activityCount)} activities, ${median((b) => b.localActivityCount)} local activities, ${all.reduce((n, b) => n + b.retries, 0)} retried activities in all`,
  ];
  for (const phase of Object.keys(all[0].phases)) lines.push(`  ${phase}: ${median((b) => b.phases[phase] ?? 0)} ms`);
  const types = [...new Set(all.flatMap((b) => Object.keys(b.activities)))];
  for (const type of types) lines.push(`  activity ${type}: ${median((b) => b.activities[type] ?? 0)} ms`);
  return lines;
}
