import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { managerOf, Transaction } from '../unit-of-work';
import { Escalation, TaskEntity, TaskStatus } from '../entities';
import {
  cappedCountSql,
  decodeCursor,
  KeyPart,
  KeysetPage,
  keysetPage,
  PageRequest,
  SqlParams,
  timestampKey,
} from '../keyset';

export interface NewTask {
  taskKey: string;
  caseId: string;
  workflowId: string;
  type: string;
  title: string;
  candidateRoles: string[];
  departmentId: string;
  assigneeId?: string | null;
  outcomes?: string[] | null;
  dueAt: Date | null;
  warnAt: Date | null;
  needsManualDueDate: boolean;
  missingCalendarYear?: number | null;
  payload: Record<string, unknown>;
}

/**
 * Inbox orders. `due`: soonest due first, tasks without a due date last. `created`: newest first.
 * `priority`: overdue (RED) first, then due soon (YELLOW), then the rest, each soonest due first.
 * Ties break on creation time, then id.
 */
export const INBOX_SORTS = ['due', 'created', 'priority'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

export interface InboxPageFilter extends PageRequest {
  userId: string;
  roles: string[];
  /** The department(s) whose group queue (unassigned tasks for the roles) the user sees. */
  departmentIds: string[];
  type?: string;
  caseId?: string;
  status?: TaskStatus;
  escalation?: Escalation;
  sort: InboxSort;
}

/** Escalations in priority order (their index is the priority rank). */
const BY_PRIORITY: readonly Escalation[] = ['RED', 'YELLOW', 'NONE'];
const INBOX_KEYS: Record<InboxSort, readonly KeyPart[]> = {
  due: ['timestamp', 'timestamp', 'uuid'],
  created: ['timestamp', 'uuid'],
  priority: ['integer', 'timestamp', 'timestamp', 'uuid'],
};

interface InboxRow {
  id: string;
  rank: number;
  due_key: string;
  created_key: string;
}

export interface DepartmentTaskCounts {
  departmentId: string;
  open: number;
  dueSoon: number;
  overdue: number;
}

/** Open tasks waiting for a deadline because a year's holiday notice is missing (year null: not recorded). */
export interface TasksAwaitingCalendar {
  departmentId: string;
  year: number | null;
  openTasks: number;
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
                          due_at, warn_at, needs_manual_due_date, payload, outcomes, missing_calendar_year)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'OPEN',$9,$10,$11,$12,$13,$14)
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
        t.outcomes ?? null,
        t.needsManualDueDate ? (t.missingCalendarYear ?? null) : null,
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

  /**
   * One keyset page of the inbox: tasks assigned to the user, and unassigned tasks for one of the
   * user's roles in the given departments. Each part is a separate ordered index range (per
   * status, and per escalation for the due-date orders), merged by the outer ORDER BY, so a page
   * never sorts more than a page from each range.
   */
  async inboxPage(f: InboxPageFilter): Promise<KeysetPage<TaskEntity>> {
    const cursor = f.cursor ? decodeCursor(f.cursor, f.sort, INBOX_KEYS[f.sort]) : null;
    const params = new SqlParams();
    const statuses: TaskStatus[] = f.status ? [f.status] : ['OPEN', 'CLAIMED'];
    const limit = params.add(f.limit + 1);
    const filters: string[] = [];
    if (f.type) filters.push(`t.type = ${params.add(f.type)}`);
    if (f.caseId) filters.push(`t.case_id = ${params.add(f.caseId)}::uuid`);
    const queues = [`t.assignee_id = ${params.add(f.userId)}::uuid`];
    const roles = params.add(f.roles);
    for (const departmentId of f.departmentIds)
      queues.push(
        `t.assignee_id IS NULL AND t.department_id = ${params.add(departmentId)}::uuid AND t.candidate_roles && ${roles}::text[]`,
      );
    const escalations: Array<Escalation | null> = f.escalation
      ? [f.escalation]
      : f.sort === 'created'
        ? [null]
        : [...BY_PRIORITY];
    const order =
      f.sort === 'created'
        ? 't.created_at DESC, t.id DESC'
        : f.sort === 'due'
          ? 't.due_sort, t.created_at, t.id'
          : 'rank, t.due_sort, t.created_at, t.id';
    const afterKey = (rank: number): string | null => {
      if (!cursor) return '';
      if (f.sort === 'created')
        return `AND (t.created_at, t.id) < (${params.add(cursor[0])}::timestamptz, ${params.add(cursor[1])}::uuid)`;
      const [due, created, id] = f.sort === 'due' ? cursor : cursor.slice(1);
      if (f.sort === 'priority' && rank < Number(cursor[0])) return null; // that range is behind the cursor
      if (f.sort === 'priority' && rank > Number(cursor[0])) return '';
      return `AND (t.due_sort, t.created_at, t.id) > (${params.add(due)}::timestamptz, ${params.add(created)}::timestamptz, ${params.add(id)}::uuid)`;
    };
    const parts: string[] = [];
    for (const queue of queues)
      for (const status of statuses)
        for (const escalation of escalations) {
          const rank = escalation ? BY_PRIORITY.indexOf(escalation) : 0;
          const after = afterKey(rank);
          if (after === null) continue;
          const where = [queue, `t.status = ${params.add(status)}`, ...filters];
          if (escalation) where.push(`t.escalation = ${params.add(escalation)}`);
          parts.push(`(SELECT t.id, ${rank} AS rank, t.due_sort, t.created_at,
                             ${timestampKey('t.due_sort')} AS due_key, ${timestampKey('t.created_at')} AS created_key
                        FROM tasks t WHERE ${where.join(' AND ')} ${after}
                       ORDER BY ${order.replace('rank, ', '')} LIMIT ${limit})`);
        }
    const pageRows = async (): Promise<{ rows: InboxRow[]; byId: Map<string, TaskEntity> }> => {
      const rows: InboxRow[] = parts.length
        ? await this.ds.query(
            `SELECT id, rank, due_key, created_key FROM (${parts.join(' UNION ALL ')}) t ORDER BY ${order} LIMIT ${limit}`,
            params.values,
          )
        : [];
      const entities = rows.length ? await this.repo().findBy({ id: In(rows.map((r) => r.id)) }) : [];
      return { rows, byId: new Map(entities.map((t) => [t.id, t])) };
    };
    const count = new SqlParams();
    const countFilters = [`t.status = ANY(${count.add(statuses)}::text[])`];
    if (f.type) countFilters.push(`t.type = ${count.add(f.type)}`);
    if (f.caseId) countFilters.push(`t.case_id = ${count.add(f.caseId)}::uuid`);
    if (f.escalation) countFilters.push(`t.escalation = ${count.add(f.escalation)}`);
    const countRoles = count.add(f.roles);
    const countQueues = [
      `t.assignee_id = ${count.add(f.userId)}::uuid`,
      ...f.departmentIds.map(
        (d) =>
          `t.assignee_id IS NULL AND t.department_id = ${count.add(d)}::uuid AND t.candidate_roles && ${countRoles}::text[]`,
      ),
    ];
    // The total does not depend on the page: counted on a second connection while the page is read.
    const [{ rows, byId }, counted] = await Promise.all([
      pageRows(),
      this.ds.query(
        cappedCountSql(
          countQueues
            .map((queue) => `SELECT 1 FROM tasks t WHERE ${queue} AND ${countFilters.join(' AND ')}`)
            .join(' UNION ALL '),
        ),
        count.values,
      ) as Promise<Array<{ n: number }>>,
    ]);
    return keysetPage(
      rows,
      f.limit,
      f.sort,
      (r) =>
        f.sort === 'created'
          ? [r.created_key, r.id]
          : f.sort === 'due'
            ? [r.due_key, r.created_key, r.id]
            : [String(r.rank), r.due_key, r.created_key, r.id],
      (r) => byId.get(r.id)!,
      counted[0].n,
    );
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
    return this.openTaskCounts('AND department_id = ANY($1::uuid[])', [departmentIds]);
  }

  /** The same counts for every department holding an open task (metrics). */
  countsForAllDepartments(): Promise<DepartmentTaskCounts[]> {
    return this.openTaskCounts('', []);
  }

  /** Open tasks without a computed deadline per department and missing year (`null` departments: all of them). */
  async awaitingCalendar(departmentIds: string[] | null): Promise<TasksAwaitingCalendar[]> {
    if (departmentIds?.length === 0) return [];
    const rows: Array<{ department_id: string; year: number | null; n: number }> = await this.ds.query(
      `SELECT department_id, missing_calendar_year AS year, count(*)::int AS n
         FROM tasks
        WHERE needs_manual_due_date AND status IN ('OPEN', 'CLAIMED')
          ${departmentIds ? 'AND department_id = ANY($1::uuid[])' : ''}
        GROUP BY department_id, missing_calendar_year
        ORDER BY department_id, missing_calendar_year NULLS LAST`,
      departmentIds ? [departmentIds] : [],
    );
    return rows.map((row) => ({ departmentId: row.department_id, year: row.year, openTasks: row.n }));
  }

  /** Read from the counters the tasks trigger keeps (migration InboxAndSearchIndexes), not by counting tasks. */
  private async openTaskCounts(departmentFilter: string, params: unknown[]): Promise<DepartmentTaskCounts[]> {
    const rows: Array<{ department_id: string; open: string; due_soon: string; overdue: string }> = await this.ds.query(
      `SELECT department_id,
              sum(open) AS open,
              coalesce(sum(open) FILTER (WHERE escalation = 'YELLOW'), 0) AS due_soon,
              coalesce(sum(open) FILTER (WHERE escalation = 'RED'), 0) AS overdue
         FROM task_open_counts WHERE true ${departmentFilter}
        GROUP BY department_id HAVING sum(open) > 0 ORDER BY department_id`,
      params,
    );
    return rows.map((r) => ({
      departmentId: r.department_id,
      open: Number(r.open),
      dueSoon: Number(r.due_soon),
      overdue: Number(r.overdue),
    }));
  }
}
