import { condition, sleep, workflowInfo } from '@temporalio/workflow';
import { toLocalDate } from '@safety/domain/calendar/local-date';
import type { CaseStatusChange, DeadlineRequest } from '@safety/temporal/activities';
import type { TaskActor } from '@safety/temporal/contracts/human-task.contract';
import type {
  PenaltyCaseInput,
  PenaltyCaseState,
  PenaltyCaseStatus,
  PenaltyProcedureState,
} from '@safety/temporal/contracts/penalty-case.contract';
import type {
  BenchmarkSnapshot,
  LegalReviewCatalogueSnapshot,
  PenaltyActivities,
  PenaltyContext,
} from '@safety/temporal/penalty.activities';
import { Branches } from '../kernel/branches';
import { CaseStatus } from '../kernel/case-status';
import { Kernel } from '../kernel/kernel';
import type { TaskBoard } from '../kernel/task-board';

export const OFFICER = 'ENFORCEMENT_OFFICER';
/** Label of the tasks whose deadline is the decision period (行政处罚法 Art.60), moved by its extensions. */
export const DECISION_CLOCK = 'decision-period';
export const HEAD = 'AGENCY_HEAD';

/**
 * One penalty case as its workflow sees it: the kernel, the case's input and state, what the steps
 * check against (handlers with their credentials, policy, benchmark, qualified reviewers), and the
 * helpers every stage uses. Created once per workflow run, before the first await.
 */
export class PenaltyCase {
  readonly kernel = new Kernel();
  readonly board: TaskBoard = this.kernel.board;
  readonly acts = this.kernel.activities<PenaltyActivities>();
  readonly state: PenaltyCaseState;
  readonly status: CaseStatus<PenaltyCaseStatus>;
  /** The general procedure's state, from 立案 on. */
  procedure: PenaltyProcedureState | null = null;
  /** Snapshot loaded after 立案. */
  context!: PenaltyContext;
  benchmark: BenchmarkSnapshot | null = null;
  /** The department's 法制审核目录 when the proposal step opened (null: a run from before the catalogue). */
  reviewCatalogue: LegalReviewCatalogueSnapshot | null = null;
  legalReviewers: string[] = [];
  hearingCalendar: string[] = [];
  /** Side procedures (preservation, publication, withdrawal) that must end before archiving. */
  readonly side = new Branches();
  readonly transfers: PenaltyProcedureState['criminalTransfers'] = [];
  publicationVersion = 0;
  withdrawalSeq = 0;
  revoked = false;
  private eventSeq = 0;

  constructor(readonly input: PenaltyCaseInput) {
    this.state = { caseId: input.caseId, status: 'PENDING_FILING', history: [] };
    this.status = new CaseStatus(this.kernel, input.caseId, this.state);
  }

  /** The procedure state; the general procedure has begun (立案 approved). */
  get p(): PenaltyProcedureState {
    return this.procedure!;
  }

  now(): number {
    return Date.now();
  }

  today(): string {
    return toLocalDate(new Date(this.now()));
  }

  isHandler(userId: string): boolean {
    return this.input.handlerIds.includes(userId);
  }

  sameDepartment(actor: TaskActor): boolean {
    return actor.departmentId === this.input.departmentId;
  }

  /** Where a stage's task runs: the case and its department. */
  get where(): { caseId: string; departmentId: string } {
    return { caseId: this.input.caseId, departmentId: this.input.departmentId };
  }

  totalExtension(): number {
    return this.p.decisionExtensions.reduce((sum, extension) => sum + extension.days, 0);
  }

  /** 行政处罚法 Art.60: 90 calendar days from 立案 (policy), plus approved extensions. */
  decisionClock(): DeadlineRequest {
    return {
      startDate: this.p.filedOn,
      unit: 'calendar_days',
      amount: this.context.policy.decisionPeriodDays + this.totalExtension(),
    };
  }

  /** A task deadline that is the decision period: extended with it. */
  decisionPeriod(): { deadline: DeadlineRequest; clock: string } {
    return { deadline: this.decisionClock(), clock: DECISION_CLOCK };
  }

  /** Enters a stage in the workflow's view; the returned change is written with the next task. */
  enterStage(status: PenaltyCaseStatus, by: string | null, action: string, summary: Record<string, unknown> = {}) {
    this.p.stage = status;
    return this.status.enter(status, by, action, summary);
  }

  /** Enters a stage and writes it at once. */
  async stage(status: PenaltyCaseStatus, by: string | null, action: string, summary: Record<string, unknown> = {}) {
    await this.kernel.caseActivities.recordCaseStatus(this.enterStage(status, by, action, summary));
  }

  async record(change: CaseStatusChange): Promise<void> {
    await this.kernel.caseActivities.recordCaseStatus(change);
  }

  /** Audits an event of the case (idempotent by its key). */
  async event(action: string, actor: TaskActor | null, summary: Record<string, unknown>, requestId?: string) {
    await this.acts.recordPenaltyEvent({
      eventKey: `${workflowInfo().workflowId}:event:${++this.eventSeq}`,
      caseId: this.input.caseId,
      actorId: actor?.userId ?? null,
      actorRole: actor?.roles[0] ?? null,
      action,
      summary,
      requestId: requestId ?? null,
    });
  }

  /**
   * A due date from the holiday calendar. With the year missing it fails closed: the case records
   * it once and retries daily until an administrator loads the year.
   */
  async due(
    startDate: string,
    unit: DeadlineRequest['unit'],
    amount: number,
  ): Promise<{ dueDate: string; dueAt: number }> {
    for (let attempt = 0; ; attempt++) {
      const answer = await this.kernel.caseActivities.computeDeadline({ startDate, unit, amount });
      if (answer.dueAt && answer.dueDate) return { dueDate: answer.dueDate, dueAt: Date.parse(answer.dueAt) };
      if (attempt === 0) {
        await this.event('CALENDAR_YEAR_MISSING', null, { startDate, unit, amount, missingYear: answer.missingYear });
      }
      await sleep('1 day');
    }
  }

  /** Waits until the instant or until `done()`; true when done. */
  async waitUntil(at: number, done: () => boolean): Promise<boolean> {
    if (done()) return true;
    if (at <= this.now()) return done();
    return condition(done, Math.max(1, at - this.now()));
  }

  archived(): boolean {
    return this.procedure?.stage === 'ARCHIVED';
  }
}
