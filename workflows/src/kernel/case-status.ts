import type { CaseStatusChange } from '@safety/temporal/activities';
import type { Kernel } from './kernel';

interface StatusState<Status extends string> {
  status: Status;
  history?: Array<{ at: string; status: Status; by: string | null }>;
}

/**
 * A case's status as its workflow sees it and as the case row records it (with the audit row of
 * each change). `enter` changes the workflow's view and returns the change for the next task
 * opening to write in the same transaction; `moveTo` writes it at once.
 */
export class CaseStatus<Status extends string> {
  constructor(
    private readonly kernel: Kernel,
    private readonly caseId: string,
    private readonly state: StatusState<Status>,
  ) {}

  get current(): Status {
    return this.state.status;
  }

  enter(status: Status, by: string | null, action: string, summary: Record<string, unknown> = {}): CaseStatusChange {
    this.state.status = status;
    this.state.history?.push({ at: new Date(Date.now()).toISOString(), status, by });
    return { caseId: this.caseId, status, actorId: by, action, summary };
  }

  async moveTo(
    status: Status,
    by: string | null,
    action: string,
    summary: Record<string, unknown> = {},
  ): Promise<void> {
    await this.kernel.caseActivities.recordCaseStatus(this.enter(status, by, action, summary));
  }
}
