import { CancellationScope, condition, isCancellation, patched } from '@temporalio/workflow';
import { toLocalDate } from '@safety/domain/calendar/local-date';
import type { CaseStatusChange } from '@safety/temporal/activities';
import type { AccidentActivities, UpwardReportPlan } from '@safety/temporal/accident.activities';
import type {
  AccidentCaseInput,
  AccidentState,
  AccidentStatus,
  OpenedReportingConsequence,
  ReportingViolation,
} from '@safety/temporal/contracts/accident.contract';
import { AccidentTaskType } from '@safety/temporal/contracts/accident.contract';
import type { TaskActor } from '@safety/temporal/contracts/human-task.contract';
import { CaseStatus } from '../kernel/case-status';
import { Kernel } from '../kernel/kernel';
import { PATCH } from '../kernel/patches';
import type { TaskBoard } from '../kernel/task-board';
import { InvestigationClock } from './clock';
import { newAccidentState } from './state';

export const HEAD = 'AGENCY_HEAD';
export const OFFICER = 'ENFORCEMENT_OFFICER';

export interface UpwardChainProgress {
  /** The department that took the first report (the level below the chain's first). */
  fromDepartmentId: string;
  chain: UpwardReportPlan['chains'][number];
  open: number | null;
  skippedTo: number | null;
}

interface Failure {
  branch: string;
  error: unknown;
}

/**
 * One accident case as its workflow sees it: the kernel, the case's input and state, the
 * investigation clock, and the scopes its work runs in. Created once per workflow run, before the
 * first await.
 *
 * Work runs in `work`; a failure of any background branch cancels it, withdraws the open steps and
 * fails the workflow (cleanly, once its handlers have finished) instead of leaving a half-run case.
 * Steps that only make sense while the case is open run in `untilClosed`, which closing cancels.
 */
export class AccidentCase {
  readonly kernel = new Kernel();
  readonly board: TaskBoard = this.kernel.board;
  readonly acts = this.kernel.activities<AccidentActivities>();
  readonly state: AccidentState;
  readonly status: CaseStatus<AccidentStatus>;
  readonly clock: InvestigationClock;
  readonly accidentDate: string;
  readonly work = new CancellationScope();
  untilClosed = new CancellationScope({ cancellable: true, parent: this.work });
  /** Histories recorded before closing ended the open-only steps run those steps detached, never ended. */
  readonly stepsEndAtClose = patched(PATCH.ACCIDENT_STEPS_END_AT_CLOSE);
  /** Histories recorded before upward reporting and the reporting-violation consequences never opened them. */
  readonly reportsUpward = patched(PATCH.ACCIDENT_UPWARD_REPORTS);
  /**
   * What each reporting-violation flag opens (条例 Art.36), once per flag: the opening itself, so a repeat
   * that arrives while it runs answers with all of it.
   */
  readonly reportingConsequences = new Map<ReportingViolation, Promise<OpenedReportingConsequence[]>>();
  /**
   * Each upward-report chain's progress (条例 Art.10): the level whose task is open, and the level a
   * 越级上报 went to (from there its own branch reports on). Read by the skip-level Update.
   */
  readonly upwardChains = new Map<string, UpwardChainProgress>();
  /** Each department the report reached notifies the bodies Art.10(1) names (set by the upward-report branch). */
  upwardNotify?: (key: string, department: { departmentId: string; departmentName: string }) => void;
  /** When the last 补报 that changed the grade was received (epoch ms): the regrade's upward clocks count from it. */
  regradeReceivedAt: number | null = null;
  closing = false;
  private failure: Failure | null = null;

  constructor(readonly input: AccidentCaseInput) {
    this.state = newAccidentState(input);
    this.status = new CaseStatus(this.kernel, input.caseId, this.state);
    this.accidentDate = toLocalDate(new Date(input.occurredAt));
    this.clock = new InvestigationClock(this);
  }

  get caseId(): string {
    return this.input.caseId;
  }

  get policy(): AccidentCaseInput['policy'] {
    return this.input.policy;
  }

  /** Where the case's tasks run: the case and its investigating department (which a 补报 may move up). */
  get where(): { caseId: string; departmentId: string } {
    return { caseId: this.input.caseId, departmentId: this.state.departmentId };
  }

  nowIso(): string {
    return new Date(Date.now()).toISOString();
  }

  today(): string {
    return toLocalDate(new Date(Date.now()));
  }

  isHeadHere(actor: TaskActor): boolean {
    return actor.roles.includes(HEAD) && actor.departmentId === this.state.departmentId;
  }

  /**
   * A status change written with the next task's opening; on histories recorded before one-round-trip
   * opening it is written at once, before anything else is asked for (as those histories did).
   */
  async enterWithNextTask(
    status: AccidentStatus,
    by: string | null,
    action: string,
    summary: Record<string, unknown> = {},
  ): Promise<CaseStatusChange | undefined> {
    const change = this.status.enter(status, by, action, summary);
    if (patched(PATCH.ONE_ROUND_TRIP_TASK_OPEN)) return change;
    await this.kernel.caseActivities.recordCaseStatus(change);
    return undefined;
  }

  /**
   * Runs `work` beside the main line, supervised: a failure is recorded (and fails the case), a
   * cancellation is an ending. Open-only steps (`untilClosed`) end when the case closes; `detached`
   * work follows something that outlives the case (a linked case's workflow), so the case does not
   * wait for it.
   */
  spawn(name: string, work: () => Promise<unknown>, options: { untilClosed?: boolean; detached?: boolean } = {}): void {
    const scope = options.untilClosed ? this.untilClosed : this.work;
    const running = scope.run(work).catch((error: unknown) => {
      if (!isCancellation(error)) this.failure ??= { branch: name, error };
      throw error;
    });
    const detached = options.detached === true || (options.untilClosed === true && !this.stepsEndAtClose);
    this.kernel.branches.spawn(name, running, { detached });
  }

  /** Closing ends the open-only steps; a reopened case gets a fresh scope for its new ones. */
  endOpenOnlySteps(): void {
    this.untilClosed.cancel();
    this.untilClosed = new CancellationScope({ cancellable: true, parent: this.work });
  }

  /**
   * Runs the case's main line until it ends or a branch fails. On a failure (of a branch or of the
   * main line) every remaining piece of work is cancelled and the open steps leave the inboxes;
   * returns the main line's own error, if that is what failed (a branch's failure is raised by
   * `kernel.finish()`).
   */
  async runUntilFailure(main: () => Promise<void>): Promise<unknown> {
    const ended = await Promise.race([
      this.work.run(main).then(
        () => null,
        (error: unknown) => ({ branch: 'main', error }) as Failure,
      ),
      condition(() => this.failure !== null).then(() => this.failure),
    ]);
    if (ended === null) return null;
    this.work.cancel();
    await CancellationScope.nonCancellable(() =>
      this.acts.accidentCancelOpenTasks({
        caseId: this.caseId,
        reason: `the case workflow failed in ${ended.branch}: ${String(ended.error)}`.slice(0, 500),
        types: Object.values(AccidentTaskType),
      }),
    );
    return ended.branch === 'main' ? ended.error : null;
  }
}

/**
 * Lets the steps asked for in this same workflow turn reach the task board first. Histories
 * recorded before the kernel's task opening asked for them before a timer started here, and a
 * replay must issue its commands in the same order.
 */
export async function stepsAskedFirst(): Promise<void> {
  await Promise.resolve();
}
