import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { managerOf, Transaction } from '../unit-of-work';
import { Escalation, TaskEntity, TaskStatus } from '../entities';

export interface NewTask {
  taskKey: string;
  caseId: string;
  workflowId: string;
  type: string;
  title: string;
  candidateRoles: string[];
  departmentId: string;
  assigneeId?: string | null;
  dueAt: Date | null;
  warnAt: Date | null;
  needsManualDueDate: boolean;
  payload: Record<string, unknown>;
}

export interface InboxFilter {
  userId: string;
  roles: string[];
  departmentIds: string[];
  type?: string;
  caseId?: string;
  status?: TaskStatus;
  escalation?: Escalation;
  offset: number;
  limit: number;
}

export interface DepartmentTaskCounts {
  departmentId: string;
  open: number;
  dueSoon: number;
  overdue: number;
}

@Injectable()
export class TaskRepository {
  constructor(private readonly ds: DataSource) {}

  private em(tx?: Transaction): EntityManager {
    return managerOf(this.ds, tx);
  }

  private repo(tx?: Transaction) {
    return this.em(tx).getRepository(TaskEntity);
  }

  findById(id: string, tx?: Transaction): Promise<TaskEntity | null> {
    return this.repo(tx).findOne({ where: { id } });
  }

  findByKey(taskKey: string, tx?: Transaction): Promise<TaskEntity | null> {
    return this.repo(tx).findOne({ where: { taskKey } });
  }

  /** Inserts unless a task with the same key exists; returns the stored row either way (idempotent open). */
  async insertIfAbsent(t: NewTask, tx?: Transaction): Promise<{ task: TaskEntity; created: boolean }> {
    const rows: Array<{ id: string }> = await this.em(tx).query(
      `INSERT INTO tasks (task_key, case_id, workflow_id, type, title, candidate_roles, department_id, assignee_id, status,
                          due_at, warn_at, needs_manual_due_date, payload)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'OPEN',$9,$10,$11,$12)
       ON CONFLICT (task_key) DO NOTHING RETURNING id`,
      [
        t.taskKey,
        t.caseId,
        t.workflowId,
        t.type,
        t.title,
        t.candidateRoles,
        t.departmentId,
        t.assigneeId ?? null,
        t.dueAt,
        t.warnAt,
        t.needsManualDueDate,
        JSON.stringify(t.payload),
      ],
    );
    const task = await this.findByKey(t.taskKey, tx);
    if (!task) throw new Error(`task ${t.taskKey} vanished after insert`);
    return { task, created: rows.length > 0 };
  }

  /** Compare-and-set on status so two concurrent claims cannot both win. Returns false when the row was not in `from`. */
  async transition(id: string, from: TaskStatus[], patch: Partial<TaskEntity>, tx?: Transaction): Promise<boolean> {
    const res = await this.repo(tx)
      .createQueryBuilder()
      .update(TaskEntity)
      .set({ ...patch, updatedAt: () => 'now()' } as never)
      .where('id = :id AND status IN (:...from)', { id, from })
      .execute();
    return (res.affected ?? 0) > 0;
  }

  async update(id: string, patch: Partial<TaskEntity>, tx?: Transaction): Promise<void> {
    await this.repo(tx).update({ id }, patch as never);
  }

  /** The case's open steps held by one department follow the case to another. */
  async moveOpenTasks(
    caseId: string,
    fromDepartmentId: string,
    toDepartmentId: string,
    tx?: Transaction,
  ): Promise<void> {
    await this.em(tx).query(
      `UPDATE tasks SET department_id = $2, updated_at = now() WHERE case_id = $1 AND department_id = $3 AND status IN ('OPEN','CLAIMED')`,
      [caseId, toDepartmentId, fromDepartmentId],
    );
  }

  async inbox(f: InboxFilter): Promise<[TaskEntity[], number]> {
    const qb = this.repo()
      .createQueryBuilder('t')
      .where(
        `(t.assignee_id = :userId OR (t.assignee_id IS NULL AND t.candidate_roles && :roles::text[] AND t.department_id IN (:...deps)))`,
        {
          userId: f.userId,
          roles: f.roles,
          deps: f.departmentIds.length ? f.departmentIds : ['00000000-0000-0000-0000-000000000000'],
        },
      );
    if (f.status) qb.andWhere('t.status = :status', { status: f.status });
    else qb.andWhere(`t.status IN ('OPEN','CLAIMED')`);
    if (f.type) qb.andWhere('t.type = :type', { type: f.type });
    if (f.caseId) qb.andWhere('t.case_id = :caseId', { caseId: f.caseId });
    if (f.escalation) qb.andWhere('t.escalation = :esc', { esc: f.escalation });
    return qb
      .orderBy('t.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('t.created_at', 'ASC')
      .skip(f.offset)
      .take(f.limit)
      .getManyAndCount();
  }

  listForCase(caseId: string): Promise<TaskEntity[]> {
    return this.repo().find({ where: { caseId }, order: { createdAt: 'ASC' } });
  }

  /**
   * Counts by the escalation the workflows' durable timers have set (YELLOW = due soon, RED =
   * overdue), so the dashboard and the inbox agree with Temporal and no second clock exists.
   */
  async countsByDepartment(departmentIds: string[]): Promise<DepartmentTaskCounts[]> {
    if (departmentIds.length === 0) return [];
    const rows: Array<{ department_id: string; open: string; due_soon: string; overdue: string }> = await this.ds.query(
      `SELECT department_id,
              count(*) AS open,
              count(*) FILTER (WHERE escalation = 'YELLOW') AS due_soon,
              count(*) FILTER (WHERE escalation = 'RED') AS overdue
         FROM tasks WHERE status IN ('OPEN','CLAIMED') AND department_id = ANY($1::uuid[])
        GROUP BY department_id ORDER BY department_id`,
      [departmentIds],
    );
    return rows.map((r) => ({
      departmentId: r.department_id,
      open: Number(r.open),
      dueSoon: Number(r.due_soon),
      overdue: Number(r.overdue),
    }));
  }
}
