import { condition, patched } from '@temporalio/workflow';
import { PATCH } from './patches';

export type Escalation = 'NONE' | 'YELLOW' | 'RED';

/**
 * The one durable deadline timer: yellow at the warning instant, red at the due instant, re-armed
 * whenever the deadline moves (an extension, a pause of a statutory clock). Each level is reported
 * once through `onEscalate` (which writes the verdict the inboxes and dashboards show).
 */
export class DeadlineTimer {
  dueAt: number | null;
  warnAt: number | null;
  escalation: Escalation = 'NONE';
  /** Bumped on every move, so a waiting watcher re-arms. */
  private version = 0;

  constructor(dueAt: number | null, warnAt: number | null) {
    this.dueAt = dueAt;
    this.warnAt = warnAt;
  }

  move(dueAt: number | null, warnAt: number | null): void {
    this.dueAt = dueAt;
    this.warnAt = warnAt;
    this.escalation = 'NONE';
    this.version++;
  }

  /** Watches until `done()`, escalating on the way. */
  async watch(done: () => boolean, onEscalate: (level: 'YELLOW' | 'RED') => Promise<void>): Promise<void> {
    while (!done()) {
      const version = this.version;
      const next = this.nextEscalation();
      const settled = () => done() || this.version !== version;
      if (next === null) {
        await condition(settled);
        continue;
      }
      const wait = next.at - Date.now();
      // A level whose instant has already passed (a task opening late: a complaint recorded days after its
      // receipt, a late 补报) is reported at once. A 1 ms timer instead costs a workflow task per level, and
      // it fires while the completion that would cancel it may already be running in the worker.
      if (wait <= 0 && patched(PATCH.PAST_DUE_ESCALATES_AT_ONCE)) {
        this.escalation = next.level;
        await onEscalate(next.level);
        continue;
      }
      const timedOut = !(await condition(settled, Math.max(1, wait)));
      if (timedOut) {
        this.escalation = next.level;
        await onEscalate(next.level);
      }
    }
  }

  private nextEscalation(): { at: number; level: 'YELLOW' | 'RED' } | null {
    if (this.dueAt === null) return null;
    if (this.escalation === 'NONE' && this.warnAt !== null && this.warnAt < this.dueAt) {
      return { at: this.warnAt, level: 'YELLOW' };
    }
    if (this.escalation !== 'RED') return { at: this.dueAt, level: 'RED' };
    return null;
  }
}
