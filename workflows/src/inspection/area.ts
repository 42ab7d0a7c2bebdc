import { condition, patched } from '@temporalio/workflow';
import type { CaseStatusChange } from '@safety/temporal/activities';
import type { InspectionActivities } from '@safety/temporal/inspection.activities';
import { CaseStatus } from '../kernel/case-status';
import { Kernel } from '../kernel/kernel';
import { PATCH } from '../kernel/patches';
import type { TaskBoard } from '../kernel/task-board';

interface AreaState<Status extends string> {
  caseId: string;
  status: Status;
  history?: Array<{ at: string; status: Status; by: string | null }>;
}

/**
 * What the cases of the inspection area (inspections, criminal transfers, 简易程序) share: the
 * kernel, the case's status, and its events (audited, merged into the case's data, idempotent by
 * key). Created once per workflow run, before the first await.
 */
export class AreaCase<Status extends string, State extends AreaState<Status> = AreaState<Status>> {
  readonly kernel = new Kernel();
  readonly board: TaskBoard = this.kernel.board;
  readonly acts = this.kernel.activities<InspectionActivities>();
  readonly status: CaseStatus<Status>;

  constructor(
    readonly state: State,
    readonly departmentId: string,
  ) {
    this.status = new CaseStatus(this.kernel, state.caseId, state);
  }

  /** Where the case's tasks run: the case and its department. */
  get where(): { caseId: string; departmentId: string } {
    return { caseId: this.state.caseId, departmentId: this.departmentId };
  }

  /** Audits an event of the case and merges `patch` into its data (a retry with the same key writes nothing). */
  event(
    key: string,
    action: string,
    actorId: string | null,
    patch: Record<string, unknown>,
    summary: Record<string, unknown> = {},
  ): Promise<void> {
    return this.acts.inspectionRecordCaseEvent({ caseId: this.state.caseId, key, action, actorId, patch, summary });
  }

  /**
   * A status change to write with the next task's opening (one round trip). Histories recorded
   * before one-round-trip opening wrote it first, on its own: then it is written here and nothing
   * is returned.
   */
  async enterWithNextTask(
    status: Status,
    by: string | null,
    action: string,
    summary: Record<string, unknown> = {},
  ): Promise<CaseStatusChange | undefined> {
    if (patched(PATCH.ONE_ROUND_TRIP_TASK_OPEN)) return this.status.enter(status, by, action, summary);
    await this.status.moveTo(status, by, action, summary);
    return undefined;
  }
}

/**
 * A task whose statutory term runs on a clock of its own beside the task's deadline (an hours clock,
 * or a term that never rolls over rest days): if the term ends first, `onOverrun` runs once (the
 * task turns red, the overrun is audited). Resolves with the task's completion.
 */
export async function withTerm<Done>(
  task: Promise<Done>,
  endsAt: number,
  onOverrun: () => Promise<void>,
): Promise<Done> {
  let done = false;
  const completion = task.then((value) => {
    done = true;
    return value;
  });
  // The term's timer starts after the task's first command, as in histories recorded before the
  // kernel (TaskBoard.run sends it one microtask after it is called).
  await Promise.resolve();
  if (!(await condition(() => done, Math.max(1, endsAt - Date.now())))) await onOverrun();
  return completion;
}
