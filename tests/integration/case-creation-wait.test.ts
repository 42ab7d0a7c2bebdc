import { AuditService, CalendarService, CaseService, TaskService } from '@safety/application';
import { Role, type Actor } from '@safety/domain/identity/roles';
import {
  AuditRepository,
  CaseRepository,
  dataSourceOptions,
  OrganisationRepository,
  TaskRepository,
  UnitOfWork,
} from '@safety/persistence';
import { DataSource, DataSourceOptions } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../support/db';
import { createOrg, TestOrg } from '../support/fixtures';

/**
 * What the first and the completing activities of a step find in the database while the workflow does not yet know
 * (local activities reach the history only with their workflow task).
 *
 * A case's workflow starts inside the transaction that creates its row, so its first activity can look for the
 * row before it is committed: it waits for that transaction instead of failing and being retried a second later.
 */
describe('a workflow activity waiting for the case being created (PostgreSQL)', () => {
  let db: TestDatabase;
  let org: TestOrg;
  let cases: CaseService;
  let tasks: TaskService;
  let actor: Actor;

  beforeAll(async () => {
    db = await createTestDatabase();
    org = await createOrg(db.ds);
    cases = new CaseService(
      new UnitOfWork(db.ds),
      new CaseRepository(db.ds),
      new OrganisationRepository(db.ds),
      new AuditService(new AuditRepository(db.ds)),
    );
    const audit = new AuditService(new AuditRepository(db.ds));
    const orgRepo = new OrganisationRepository(db.ds);
    const taskRepo = new TaskRepository(db.ds);
    tasks = new TaskService(
      new UnitOfWork(db.ds),
      taskRepo,
      orgRepo,
      audit,
      new CalendarService(orgRepo, taskRepo, audit),
      cases,
    );
    const officer = org.users.officerA;
    actor = {
      userId: officer.id,
      username: officer.username,
      roles: [Role.ENFORCEMENT_OFFICER],
      departmentId: org.departmentId,
      visibleDepartmentIds: [org.departmentId],
      credentialNo: null,
      legalQualified: false,
    };
  });
  afterAll(async () => db?.drop());

  const newCase = (title: string) => ({
    caseType: 'PENALTY',
    title,
    enterpriseId: null,
    handlerIds: [],
    workflowId: (id: string) => `penalty-${id}`,
  });

  const status = async (caseId: string) =>
    (await db.ds.query(`SELECT status FROM cases WHERE id = $1`, [caseId]))[0]?.status as string | undefined;

  it('records the first status change once the creating transaction commits, neither before nor with an error', async () => {
    let recording: Promise<void> | null = null;
    let settledEarly = false;
    const created = await cases.openAndStart(actor, newCase('创建中等待'), async (row) => {
      // What the workflow's first activity does while the API still waits for Temporal to accept the start.
      recording = cases.recordStatus({
        caseId: row.id,
        status: 'PENDING_FILING',
        actorId: actor.userId,
        action: 'CASE_OPENED',
        summary: {},
      });
      recording.then(
        () => (settledEarly = true),
        () => (settledEarly = true),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect(settledEarly).toBe(false);
    await expect(recording).resolves.toBeUndefined();
    expect(await status(created.id)).toBe('PENDING_FILING');
    const audit = await db.ds.query(`SELECT action FROM audit_log WHERE case_id = $1 ORDER BY seq`, [created.id]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['CASE_CREATED', 'CASE_OPENED']);
  });

  it('opens more cases at once than the pool has connections: the creating transaction asks for no second one', async () => {
    const small = await new DataSource({
      ...dataSourceOptions(db.url),
      extra: { max: 2 },
    } as DataSourceOptions).initialize();
    try {
      const opener = new CaseService(
        new UnitOfWork(small),
        new CaseRepository(small),
        new OrganisationRepository(small),
        new AuditService(new AuditRepository(small)),
      );
      const opening = Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          opener.openAndStart(
            actor,
            { ...newCase(`并发立案${i}`), enterpriseId: org.enterpriseId, handlerIds: [org.users.officerB.id] },
            // Temporal accepting the start takes a moment, while every transaction holds its connection.
            () => new Promise((resolve) => setTimeout(resolve, 50)),
          ),
        ),
      );
      const starved = new Promise((_, reject) => setTimeout(() => reject(new Error('the pool starved')), 10_000));
      const opened = (await Promise.race([opening, starved])) as Array<{ id: string }>;
      expect(new Set(opened.map((c) => c.id)).size).toBe(6);
    } finally {
      await small.destroy();
    }
  });

  it('still fails retryably when the creating transaction rolls back (no workflow was started)', async () => {
    let recording: Promise<void> | null = null;
    await expect(
      cases.openAndStart(actor, newCase('回滚'), async (row) => {
        recording = cases.recordStatus({
          caseId: row.id,
          status: 'PENDING_FILING',
          actorId: actor.userId,
          action: 'CASE_OPENED',
          summary: {},
        });
        recording.catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 100));
        throw new Error('Temporal refused the start');
      }),
    ).rejects.toThrow('Temporal refused the start');
    await expect(recording).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
  });

  it('answers a retried completion of a task as done, and refuses a different completion of it', async () => {
    const created = await cases.openAndStart(actor, newCase('重复完成'), async () => undefined);
    const taskKey = `penalty-${created.id}:filing-approval`;
    await tasks.openFromWorkflow({
      taskKey,
      caseId: created.id,
      workflowId: created.workflowId,
      type: 'FILING_APPROVAL',
      title: '立案审批',
      candidateRoles: ['AGENCY_HEAD'],
      departmentId: org.departmentId,
      payload: {},
    });
    const completion = {
      taskKey,
      actorId: org.users.head.id,
      actorRole: 'AGENCY_HEAD',
      outcome: 'APPROVE',
      result: { comment: '同意立案' },
    };
    await tasks.completeFromWorkflow(completion);
    await expect(tasks.completeFromWorkflow(completion)).resolves.toBeUndefined();
    await expect(tasks.completeFromWorkflow({ ...completion, outcome: 'REJECT' })).rejects.toMatchObject({
      code: 'TASK_ALREADY_COMPLETED',
    });
    await expect(tasks.completeFromWorkflow({ ...completion, actorId: org.users.cityHead.id })).rejects.toMatchObject({
      code: 'TASK_ALREADY_COMPLETED',
    });
    const audit = await db.ds.query(`SELECT action FROM audit_log WHERE case_id = $1 AND action = 'TASK_COMPLETED'`, [
      created.id,
    ]);
    expect(audit).toHaveLength(1);
    const row = (await db.ds.query(`SELECT outcome, completed_by FROM tasks WHERE task_key = $1`, [taskKey]))[0];
    expect(row).toEqual({ outcome: 'APPROVE', completed_by: org.users.head.id });
  });
});
