import { ApplicationFailure, condition, isCancellation, log } from '@temporalio/workflow';

interface BranchFailure {
  name: string;
  error: unknown;
}

/**
 * Work a workflow runs beside its main line (parallel steps, side procedures, watchers of linked
 * cases). Every branch is supervised: its failure is caught (so it cannot fail the workflow task
 * as an unhandled rejection), logged, and raised as the workflow's failure once the other branches
 * have ended; the workflow waits for all of them before it returns — except detached ones, which
 * only follow something that outlives the workflow (a linked case whose answer is informational
 * once this case has closed).
 */
export class Branches {
  private readonly running = new Set<Promise<void>>();
  private readonly failures: BranchFailure[] = [];

  get count(): number {
    return this.running.size;
  }

  spawn(name: string, work: Promise<unknown>, options: { detached?: boolean } = {}): void {
    const supervised: Promise<void> = work.then(
      () => undefined,
      (error: unknown) => {
        // A branch cancelled on purpose (its case closed) has ended, not failed.
        if (isCancellation(error)) return;
        log.error('workflow branch failed', { branch: name, error: String(error) });
        this.failures.push({ name, error });
      },
    );
    if (options.detached) return;
    this.running.add(supervised);
    void supervised.then(() => this.running.delete(supervised));
  }

  /** Resolves when every branch (including those started meanwhile) has ended; throws if any failed. */
  async settled(): Promise<void> {
    await condition(() => this.running.size === 0);
    if (this.failures.length > 0) {
      const [first] = this.failures;
      throw ApplicationFailure.create({
        type: 'WORKFLOW_BRANCH_FAILED',
        message: `${this.failures.length} branch(es) failed; first: ${first.name}: ${String(first.error)}`,
        nonRetryable: true,
        cause: first.error instanceof Error ? first.error : undefined,
      });
    }
  }
}
