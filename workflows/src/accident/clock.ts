import type { AccidentClockView } from '@safety/temporal/contracts/accident.contract';
import { DeadlineTimer } from '../kernel/deadline-timer';
import type { AccidentCase } from './case';

const DAY_MS = 86_400_000;

/**
 * The investigation clock (条例 Art.27, 29): 60 days from the accident, stopped while a technical
 * appraisal runs, moved once by an approved extension of at most 60 days. It is the one deadline
 * timer of the lead's report step: every change recomputes the due date, writes it to that task
 * and re-arms the timer (yellow `investigationWarningDays` before, red at the due date).
 */
export class InvestigationClock {
  readonly pauses: Array<{ from: string; to?: string }> = [];
  readonly extensions: Array<{ amount: number }> = [];
  readonly timer = new DeadlineTimer(null, null);
  /** The report step the clock is the deadline of (null before the team is formed). */
  private taskKey: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly ac: AccidentCase) {}

  /** Clock changes run one at a time, so the last change is the one written. */
  change<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The clock now drives this report step (a returned report's next version starts afresh). */
  follow(taskKey: string): void {
    this.taskKey = taskKey;
    this.ac.state.clock.escalation = 'NONE';
  }

  openAppraisal(): { from: string; to?: string } | undefined {
    return this.pauses.find((pause) => pause.to === undefined);
  }

  /** Recomputes the due date (on the holiday calendar) and writes it to the report step, if there is one. */
  async recompute(reason: string, actorId: string | null): Promise<AccidentClockView> {
    const { acts, policy, state } = this.ac;
    const answer = await acts.accidentComputeClock({
      accidentDate: this.ac.accidentDate,
      pauses: this.pauses,
      extensions: this.extensions,
    });
    const dueAt = answer.dueAt === null ? null : Date.parse(answer.dueAt);
    const warnAt = dueAt === null ? null : dueAt - policy.investigationWarningDays * DAY_MS;
    this.timer.move(dueAt, warnAt);
    state.clock = {
      dueDate: answer.dueDate,
      dueAt: answer.dueAt,
      paused: answer.paused,
      pausedDays: answer.pausedDays,
      extensionDays: this.extensions.reduce((sum, extension) => sum + extension.amount, 0),
      appraisals: this.pauses.map((pause) => ({ from: pause.from, to: pause.to ?? null })),
      needsManualDueDate: answer.missingYear !== null,
      escalation: 'NONE',
    };
    if (this.taskKey) {
      await acts.accidentSetTaskClock({
        taskKey: this.taskKey,
        dueAt: answer.dueAt,
        warnAt: warnAt === null ? null : new Date(warnAt).toISOString(),
        needsManualDueDate: answer.missingYear !== null,
        reason,
        actorId,
      });
    }
    return state.clock;
  }

  /** Escalates the report step until `done()` (the report is in). */
  watch(done: () => boolean): Promise<void> {
    return this.timer.watch(done, async (level) => {
      this.ac.state.clock.escalation = level;
      if (this.taskKey) await this.ac.kernel.caseActivities.escalateTask({ taskKey: this.taskKey, level });
    });
  }
}
