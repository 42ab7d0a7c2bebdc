import { OrgHarness, startOrgHarness } from '../support/harness';
import { TestUser } from '../support/fixtures';
import { expectEventually } from '../support/eventually';

const CONTENDERS = 6;

/**
 * Parallel claims and completions of one task, from several eligible heads at the same instant: exactly
 * one wins, every other answer is a 409, and the full-process record holds one row for the action.
 */
describe('races on one task', () => {
  let h: OrgHarness;
  let heads: Array<{ Authorization: string }>;

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    const template = h.org.users.head;
    heads = [h.as('head')];
    for (let index = 1; index < CONTENDERS; index++) {
      const [row] = await h.db.ds.query(
        `INSERT INTO users (username, password_hash, display_name, department_id, roles, credential_no)
           SELECT $1, password_hash, $1, department_id, roles, $2 FROM users WHERE id = $3 RETURNING id`,
        [`head${index}.${h.org.suffix}`, `H${index}${h.org.suffix}`, template.id],
      );
      const user: TestUser = { ...template, id: row.id, username: `head${index}.${h.org.suffix}` };
      heads.push({ Authorization: `Bearer ${await h.login(user)}` });
    }
  });
  afterAll(async () => h?.close());

  async function openFilingTask(): Promise<string> {
    const res = await h
      .http()
      .post('/cases/penalty')
      .set(h.as('officerA'))
      .send({ title: '并发测试', enterpriseId: h.org.enterpriseId });
    expect(res.status).toBe(201);
    return expectEventually(async () => {
      const list = await h.http().get('/tasks').query({ caseId: res.body.id }).set(h.as('head'));
      expect(list.body.items).toHaveLength(1);
      return list.body.items[0].id as string;
    });
  }

  const auditRows = async (taskId: string, action: string): Promise<number> =>
    (await h.db.ds.query(`SELECT 1 FROM audit_log WHERE task_id = $1 AND action = $2`, [taskId, action])).length;

  it('parallel claims: one 200, the rest 409 TASK_ALREADY_CLAIMED, one TASK_CLAIMED row', async () => {
    const taskId = await openFilingTask();
    const answers = await Promise.all(heads.map((auth) => h.http().post(`/tasks/${taskId}/claim`).set(auth)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, ...Array(CONTENDERS - 1).fill(409)]);
    for (const lost of answers.filter((a) => a.status === 409)) expect(lost.body.code).toBe('TASK_ALREADY_CLAIMED');
    expect(await auditRows(taskId, 'TASK_CLAIMED')).toBe(1);
    const winner = answers.find((a) => a.status === 200)!;
    const [row] = await h.db.ds.query('SELECT status, assignee_id FROM tasks WHERE id = $1', [taskId]);
    expect(row).toEqual({ status: 'CLAIMED', assignee_id: winner.body.assigneeId });
  });

  it('parallel completions: one 200, the rest 409, one TASK_COMPLETED row and one next step', async () => {
    const taskId = await openFilingTask();
    const answers = await Promise.all(
      heads.map((auth, index) =>
        h
          .http()
          .post(`/tasks/${taskId}/complete`)
          .set(auth)
          .send({ outcome: index % 2 ? 'REJECT' : 'APPROVE', payload: { comment: `第${index}位负责人` } }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, ...Array(CONTENDERS - 1).fill(409)]);
    for (const lost of answers.filter((a) => a.status === 409))
      expect(['TASK_ALREADY_COMPLETED', 'TASK_ALREADY_CLAIMED']).toContain(lost.body.code);
    expect(await auditRows(taskId, 'TASK_COMPLETED')).toBe(1);
    const winner = answers.find((a) => a.status === 200)!;
    const [task] = await h.db.ds.query('SELECT case_id, status, outcome FROM tasks WHERE id = $1', [taskId]);
    expect(task).toMatchObject({ status: 'COMPLETED', outcome: winner.body.outcome });
    // The case moved exactly once (written by the workflow's activity after the answer): one CASE_FILED or
    // CASE_NOT_FILED, never both, never twice.
    const moves = () =>
      h.db.ds.query(`SELECT action FROM audit_log WHERE case_id = $1 AND action IN ('CASE_FILED','CASE_NOT_FILED')`, [
        task.case_id,
      ]);
    await expectEventually(async () => expect(await moves()).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await moves()).toEqual([{ action: winner.body.outcome === 'APPROVE' ? 'CASE_FILED' : 'CASE_NOT_FILED' }]);
  });

  it('a completion read while the task was open but arriving after its workflow ended: 409, not 404', async () => {
    // The losing side of a race, made deterministic: a refused filing ends the case's workflow, and the task
    // row is put back as it was read by a request still on its way.
    const taskId = await openFilingTask();
    const refused = await h
      .http()
      .post(`/tasks/${taskId}/complete`)
      .set(h.as('head'))
      .send({ outcome: 'REJECT', payload: { comment: '不予立案' } });
    expect(refused.status).toBe(200);
    const [{ workflow_id: workflowId }] = await h.db.ds.query('SELECT workflow_id FROM tasks WHERE id = $1', [taskId]);
    await expectEventually(async () =>
      expect((await h.client.workflow.getHandle(workflowId).describe()).status.name).toBe('COMPLETED'),
    );
    await h.db.ds.query(`UPDATE tasks SET status = 'OPEN', assignee_id = NULL WHERE id = $1`, [taskId]);
    const late = await h
      .http()
      .post(`/tasks/${taskId}/complete`)
      .set(h.as('head'))
      .send({ outcome: 'APPROVE', payload: { comment: '迟到的批准' } });
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'TASK_ALREADY_COMPLETED' });
  });
});
