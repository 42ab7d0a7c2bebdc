import { Injectable } from '@nestjs/common';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import {
  Escalation,
  InboxSort,
  KeysetPage,
  OrganisationRepository,
  PageRequest,
  TaskEntity,
  TaskRepository,
  TaskStatus,
  UnitOfWork,
} from '@safety/persistence';
import type { OpenedTask, OpenTaskInput } from '@safety/temporal/activities';
import { AuditService } from './audit.service';
import { CalendarService } from './calendar.service';
import { CaseService } from './case.service';

const ESCALATION_RANK: Record<Escalation, number> = { NONE: 0, YELLOW: 1, RED: 2 };

export interface InboxQuery extends PageRequest {
  type?: string;
  caseId?: string;
  status?: TaskStatus;
  escalation?: Escalation;
  overdue?: boolean;
  sort?: InboxSort;
}

export interface DashboardRow {
  departmentId: string;
  open: number;
  dueSoon: number;
  overdue: number;
}

export interface DepartmentDashboardRow extends DashboardRow {
  /** Open tasks whose deadline could not be computed (a holiday year not loaded): a head must set a date. */
  withoutDueDate: number;
}

/** Task rows behind the inboxes. Workflows own the process; this owns the rows and their audit. */
@Injectable()
export class TaskService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tasks: TaskRepository,
    private readonly org: OrganisationRepository,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly cases: CaseService,
  ) {}

  // ---- called by workflow activities (idempotent) ----

  /**
   * Opens a workflow's task in one round trip: the due date from the holiday calendar (fail closed:
   * a missing year leaves the task flagged for a manual date), the case status the case enters with
   * it and the task row, in one transaction. Idempotent by task key: a retry returns the stored row.
   */
  async openFromWorkflow(input: OpenTaskInput): Promise<OpenedTask> {
    let dueAt = input.dueAt ? new Date(input.dueAt) : null;
    let warnAt = input.warnAt ? new Date(input.warnAt) : null;
    let needsManualDueDate = input.needsManualDueDate ?? false;
    let missingYear: number | null = null;
    if (input.deadline) {
      try {
        dueAt = (await this.calendar.dueDate(input.deadline)).dueAt;
        warnAt = new Date(dueAt.getTime() - (input.warningLeadHours ?? 24) * 3_600_000);
      } catch (e) {
        if (!(e instanceof DomainError && e.code === ErrorCode.CALENDAR_YEAR_NOT_LOADED)) throw e;
        needsManualDueDate = true;
        missingYear = Number(e.details?.year ?? 0) || null;
      }
    }
    const task = await this.uow.transaction(async (tx) => {
      if (input.enterStatus) await this.cases.recordStatus(input.enterStatus, tx);
      const { task, created } = await this.tasks.insertIfAbsent(
        {
          taskKey: input.taskKey,
          caseId: input.caseId,
          workflowId: input.workflowId,
          type: input.type,
          title: input.title,
          candidateRoles: input.candidateRoles,
          departmentId: input.departmentId,
          assigneeId: input.assigneeId ?? null,
          outcomes: input.outcomes ?? null,
          dueAt,
          warnAt,
          needsManualDueDate,
          missingCalendarYear: missingYear,
          payload: input.payload,
        },
        tx,
      );
      if (created) {
        await this.audit.record(
          {
            caseId: task.caseId,
            taskId: task.id,
            action: 'TASK_OPENED',
            summary: {
              type: task.type,
              dueAt: dueAt?.toISOString() ?? null,
              needsManualDueDate,
              ...(missingYear ? { missingCalendarYear: missingYear } : {}),
              candidateRoles: input.candidateRoles,
            },
          },
          tx,
        );
      }
      return task;
    });
    return {
      taskId: task.id,
      dueAt: task.dueAt?.toISOString() ?? null,
      warnAt: task.warnAt?.toISOString() ?? null,
      needsManualDueDate: task.needsManualDueDate,
      missingYear,
    };
  }

  async completeFromWorkflow(input: {
    taskKey: string;
    actorId: string;
    actorRole: string;
    outcome: string;
    result: Record<string, unknown>;
    requestId?: string;
  }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const task = await this.tasks.findByKey(input.taskKey, tx);
      if (!task) throw new DomainError(ErrorCode.NOT_FOUND, `task ${input.taskKey} not found`);
      if (task.status === 'COMPLETED') {
        // A retry of this completion finds it committed. Any other is refused: a local activity's result reaches the
        // history only with its workflow task, so after a crash in between the workflow may not know of the first.
        if (task.completedBy === input.actorId && task.outcome === input.outcome) return;
        throw new DomainError(ErrorCode.TASK_ALREADY_COMPLETED, `task ${input.taskKey} is already completed`);
      }
      const ok = await this.tasks.transition(
        task.id,
        ['OPEN', 'CLAIMED'],
        {
          status: 'COMPLETED',
          outcome: input.outcome,
          result: input.result,
          completedBy: input.actorId,
          completedAt: new Date(),
          assigneeId: task.assigneeId ?? input.actorId,
        },
        tx,
      );
      if (!ok) throw new DomainError(ErrorCode.TASK_ALREADY_COMPLETED, `task ${input.taskKey} is no longer open`);
      await this.audit.record(
        {
          caseId: task.caseId,
          taskId: task.id,
          actorId: input.actorId,
          actorRole: input.actorRole,
          action: 'TASK_COMPLETED',
          requestId: input.requestId ?? null,
          summary: { type: task.type, before: task.status, after: 'COMPLETED', outcome: input.outcome },
        },
        tx,
      );
    });
  }

  async escalateFromWorkflow(taskKey: string, level: 'YELLOW' | 'RED'): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const task = await this.tasks.findByKey(taskKey, tx);
      if (!task) throw new DomainError(ErrorCode.NOT_FOUND, `task ${taskKey} not found`);
      if (ESCALATION_RANK[task.escalation] >= ESCALATION_RANK[level] || task.status === 'COMPLETED') return;
      await this.tasks.update(task.id, { escalation: level }, tx);
      // RED escalates to the head: the escalation shows in the head's inbox filter and the dashboard.
      await this.audit.record(
        {
          caseId: task.caseId,
          taskId: task.id,
          action: level === 'RED' ? 'TASK_OVERDUE_ESCALATED' : 'TASK_DUE_SOON',
          summary: { type: task.type, before: task.escalation, after: level, dueAt: task.dueAt?.toISOString() ?? null },
        },
        tx,
      );
    });
  }

  async setDeadlineFromWorkflow(input: {
    taskKey: string;
    dueAt: string;
    warnAt: string | null;
    actorId: string;
    reason: string;
  }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const task = await this.tasks.findByKey(input.taskKey, tx);
      if (!task) throw new DomainError(ErrorCode.NOT_FOUND, `task ${input.taskKey} not found`);
      if (task.dueAt?.toISOString() === input.dueAt && task.escalation === 'NONE') return;
      await this.tasks.update(
        task.id,
        {
          dueAt: new Date(input.dueAt),
          warnAt: input.warnAt ? new Date(input.warnAt) : null,
          escalation: 'NONE',
          needsManualDueDate: false,
          missingCalendarYear: null,
        },
        tx,
      );
      await this.audit.record(
        {
          caseId: task.caseId,
          taskId: task.id,
          actorId: input.actorId,
          action: 'TASK_DEADLINE_CHANGED',
          summary: { before: task.dueAt?.toISOString() ?? null, after: input.dueAt, reason: input.reason },
        },
        tx,
      );
    });
  }

  // ---- called by the API on behalf of an authenticated actor ----

  async getVisible(actor: Actor, id: string): Promise<TaskEntity> {
    const task = await this.tasks.findById(id);
    if (!task) throw new DomainError(ErrorCode.NOT_FOUND, `task ${id} not found`);
    if (task.assigneeId !== actor.userId && !actor.visibleDepartmentIds.includes(task.departmentId)) {
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this task belongs to another department', {
        taskId: id,
      });
    }
    return task;
  }

  /** The actor may act on the task: assigned to them, or open to one of their roles in their own department. */
  assertMayAct(actor: Actor, task: TaskEntity): void {
    if (task.assigneeId === actor.userId) return;
    if (task.departmentId !== actor.departmentId) {
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this task belongs to another department', {
        taskId: task.id,
      });
    }
    if (!actor.roles.some((r) => task.candidateRoles.includes(r))) {
      throw new DomainError(
        ErrorCode.FORBIDDEN_ROLE,
        `this step needs one of the roles ${task.candidateRoles.join(', ')}`,
        { taskId: task.id },
      );
    }
    if (task.assigneeId && task.assigneeId !== actor.userId) {
      throw new DomainError(ErrorCode.TASK_ALREADY_CLAIMED, 'this task is claimed by someone else', {
        taskId: task.id,
      });
    }
  }

  private assertOpen(task: TaskEntity): void {
    if (task.status === 'COMPLETED' || task.status === 'CANCELLED') {
      throw new DomainError(ErrorCode.TASK_ALREADY_COMPLETED, `task is ${task.status.toLowerCase()}`, {
        taskId: task.id,
      });
    }
  }

  async claim(actor: Actor, id: string, requestId?: string): Promise<TaskEntity> {
    const task = await this.getVisible(actor, id);
    this.assertOpen(task);
    this.assertMayAct(actor, task);
    if (task.status === 'CLAIMED')
      throw new DomainError(ErrorCode.TASK_ALREADY_CLAIMED, 'task is already claimed', {
        taskId: id,
        assigneeId: task.assigneeId,
      });
    return this.uow.transaction(async (tx) => {
      const ok = await this.tasks.transition(id, ['OPEN'], { status: 'CLAIMED', assigneeId: actor.userId }, tx);
      if (!ok)
        throw new DomainError(ErrorCode.TASK_ALREADY_CLAIMED, 'task was claimed by someone else', { taskId: id });
      await this.audit.record(
        {
          caseId: task.caseId,
          taskId: id,
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'TASK_CLAIMED',
          requestId,
          summary: { before: 'OPEN', after: 'CLAIMED' },
        },
        tx,
      );
      return (await this.tasks.findById(id, tx))!;
    });
  }

  async release(actor: Actor, id: string, requestId?: string): Promise<TaskEntity> {
    const task = await this.getVisible(actor, id);
    this.assertOpen(task);
    if (task.status !== 'CLAIMED' || task.assigneeId !== actor.userId) {
      throw new DomainError(ErrorCode.STEP_OUT_OF_ORDER, 'only the assignee can release a claimed task', {
        taskId: id,
      });
    }
    return this.uow.transaction(async (tx) => {
      const ok = await this.tasks.transition(id, ['CLAIMED'], { status: 'OPEN', assigneeId: null }, tx);
      if (!ok) throw new DomainError(ErrorCode.STEP_OUT_OF_ORDER, 'task changed meanwhile', { taskId: id });
      await this.audit.record(
        {
          caseId: task.caseId,
          taskId: id,
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'TASK_RELEASED',
          requestId,
          summary: { before: 'CLAIMED', after: 'OPEN' },
        },
        tx,
      );
      return (await this.tasks.findById(id, tx))!;
    });
  }

  async reassign(actor: Actor, id: string, assigneeId: string, requestId?: string): Promise<TaskEntity> {
    if (!hasAnyRole(actor, [Role.AGENCY_HEAD]))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'only an agency head can reassign tasks');
    const task = await this.getVisible(actor, id);
    this.assertOpen(task);
    const target = await this.org.findUserById(assigneeId);
    if (!target || !target.active) throw new DomainError(ErrorCode.NOT_FOUND, `user ${assigneeId} not found`);
    if (target.departmentId !== task.departmentId || !target.roles.some((r) => task.candidateRoles.includes(r))) {
      throw new DomainError(
        ErrorCode.RULE_VIOLATION,
        'the new assignee must hold a required role in the task department',
        { assigneeId },
      );
    }
    return this.uow.transaction(async (tx) => {
      const ok = await this.tasks.transition(id, ['OPEN', 'CLAIMED'], { status: 'CLAIMED', assigneeId }, tx);
      if (!ok) throw new DomainError(ErrorCode.TASK_ALREADY_COMPLETED, 'task is no longer open', { taskId: id });
      await this.audit.record(
        {
          caseId: task.caseId,
          taskId: id,
          actorId: actor.userId,
          actorRole: Role.AGENCY_HEAD,
          action: 'TASK_REASSIGNED',
          requestId,
          summary: { before: task.assigneeId, after: assigneeId },
        },
        tx,
      );
      return (await this.tasks.findById(id, tx))!;
    });
  }

  /** The actor's inbox, one keyset page: assigned to them, or open for their roles in their own department. */
  inbox(actor: Actor, q: InboxQuery): Promise<KeysetPage<TaskEntity>> {
    return this.tasks.inboxPage({
      userId: actor.userId,
      roles: actor.roles,
      departmentIds: [actor.departmentId],
      type: q.type,
      caseId: q.caseId,
      status: q.status,
      // Overdue is the workflow's verdict (RED), set by its durable timer.
      escalation: q.overdue ? 'RED' : q.escalation,
      sort: q.sort ?? 'due',
      limit: q.limit,
      cursor: q.cursor,
    });
  }

  async dashboard(actor: Actor): Promise<DepartmentDashboardRow[]> {
    const [counts, awaiting] = await Promise.all([
      this.tasks.countsByDepartment(actor.visibleDepartmentIds),
      this.tasks.awaitingCalendar(actor.visibleDepartmentIds),
    ]);
    return counts.map((row) => ({
      ...row,
      withoutDueDate: awaiting
        .filter((waiting) => waiting.departmentId === row.departmentId)
        .reduce((sum, waiting) => sum + waiting.openTasks, 0),
    }));
  }

  async openTasksOfCase(caseId: string): Promise<TaskEntity[]> {
    return (await this.tasks.listForCase(caseId)).filter((t) => t.status === 'OPEN' || t.status === 'CLAIMED');
  }

  /** Open, due-soon and overdue counts of every department, for the metrics endpoint (no actor: not a user read). */
  openTaskCountsEverywhere(): Promise<DashboardRow[]> {
    return this.tasks.countsForAllDepartments();
  }

  listForCase(caseId: string): Promise<TaskEntity[]> {
    return this.tasks.listForCase(caseId);
  }
}
