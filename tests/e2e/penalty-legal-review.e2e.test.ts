import { OrgHarness, startOrgHarness } from '../support/harness';
import { TestUser } from '../support/fixtures';
import { expectEventually } from '../support/eventually';
import { recordHistoryIfAsked } from '../support/history';
import { penaltyFlow } from '../support/penalty-flow';
import { Role } from '@safety/domain/identity/roles';

/**
 * 法制审核 (行政处罚法 Art.58) gates a major case: no notice and no decision before a qualified reviewer who
 * did not handle the case passes it; a return sends the case back to investigation. Plus 行刑衔接: a
 * criminal-transfer proposal starts the transfer workflow and blocks a fine (Art.27, 82).
 */
describe('penalty case: legal review gate and criminal transfer (dev server)', () => {
  let h: OrgHarness;
  let f: ReturnType<typeof penaltyFlow>;
  let legal2: TestUser;
  let unqualified: TestUser;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    f = penaltyFlow(h);
    await f.loadTestYear2027();
    const add = async (name: string, qualified: boolean): Promise<TestUser> => {
      const username = `${name}.${h.org.suffix}`;
      const rows = await h.db.ds.query(
        `INSERT INTO users (username, password_hash, display_name, department_id, roles, credential_no, legal_qualified)
         SELECT $1, password_hash, $2, department_id, $3, NULL, $4 FROM users WHERE id = $5 RETURNING id`,
        [username, name, [Role.LEGAL_REVIEWER], qualified, h.org.users.legal.id],
      );
      return {
        id: rows[0].id,
        username,
        password: h.org.users.legal.password,
        departmentId: h.org.departmentId,
        roles: [Role.LEGAL_REVIEWER],
      };
    };
    legal2 = await add('legal2', true);
    unqualified = await add('legal3', false);
    tokens.legal2 = await h.login(legal2);
    tokens.unqualified = await h.login(unqualified);
  });
  afterAll(async () => h?.close());

  const bearer = (k: string) => ({ Authorization: `Bearer ${tokens[k]}` });
  const count = async (caseId: string, type: string): Promise<number> =>
    Number(
      (await h.db.ds.query('SELECT count(*)::int AS n FROM tasks WHERE case_id = $1 AND type = $2', [caseId, type]))[0]
        .n,
    );

  it('refuses a reviewer who handled the case (403) and lets an independent qualified reviewer pass it', async () => {
    const c = await f.openCase([h.org.users.officerB.id, h.org.users.legal.id]);
    await f.file(c.id);
    await f.investigate(c.id);
    await f.completeOk(
      c.id,
      'PENALTY_PROPOSAL',
      'officerA',
      'PROPOSE_PENALTY',
      f.proposal({ involvesMajorPublicInterest: true }),
    );
    await f.waitStatus(c.id, 'LEGAL_REVIEW');
    const review = await f.openTask(c.id, 'LEGAL_REVIEW');
    const own = await f.complete(review.id, 'legal', 'APPROVE', { opinion: '同意' });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('FORBIDDEN_SEPARATION_OF_DUTIES');
    expect((await h.db.ds.query('SELECT status FROM tasks WHERE id = $1', [review.id]))[0].status).toBe('OPEN');
    const ok = await h
      .http()
      .post(`/tasks/${review.id}/complete`)
      .set(bearer('legal2'))
      .send({ outcome: 'APPROVE', payload: { opinion: '事实清楚，适用法律正确' } });
    expect(ok.status).toBe(200);
    await f.waitStatus(c.id, 'NOTICE');
  });

  it('blocks a major case until legal review passes, loops back on a return, and blocks a fine while a criminal transfer is pending', async () => {
    const { as, org } = h;
    const c = await f.openCase();
    await f.file(c.id);
    await f.investigate(c.id);
    await f.completeOk(
      c.id,
      'PENALTY_PROPOSAL',
      'officerA',
      'PROPOSE_PENALTY',
      f.proposal({ involvesMajorPublicInterest: true }),
    );
    const review = await f.openTask(c.id, 'LEGAL_REVIEW');
    expect((await f.state(c.id)).procedure!.legalReview).toMatchObject({
      required: true,
      grounds: ['MAJOR_PUBLIC_INTEREST'],
      passed: false,
    });

    // No 法律职业资格 → 403; no opinion → 400.
    const unq = await h
      .http()
      .post(`/tasks/${review.id}/complete`)
      .set(bearer('unqualified'))
      .send({ outcome: 'APPROVE', payload: { opinion: '同意' } });
    expect(unq.status).toBe(403);
    expect(unq.body.message).toMatch(/法律职业资格/);
    expect((await f.complete(review.id, 'legal', 'APPROVE')).status).toBe(400);

    // Return for more investigation: the case goes back to 调查取证 (round 2).
    expect((await f.complete(review.id, 'legal', 'RETURN', { opinion: '证据不足，补充调查' })).status).toBe(200);
    await f.waitStatus(c.id, 'INVESTIGATING');
    expect(await count(c.id, 'PENALTY_NOTICE_SERVICE')).toBe(0);
    expect(await count(c.id, 'PENALTY_DECISION')).toBe(0);
    await f.investigate(c.id);
    await f.completeOk(
      c.id,
      'PENALTY_PROPOSAL',
      'officerA',
      'PROPOSE_PENALTY',
      f.proposal({ involvesMajorPublicInterest: true }),
    );
    await expectEventually(async () => expect(await count(c.id, 'LEGAL_REVIEW')).toBe(2));
    expect(await count(c.id, 'PENALTY_DECISION')).toBe(0);
    await f.completeOk(c.id, 'LEGAL_REVIEW', 'legal', 'APPROVE', { opinion: '补充证据后事实清楚' });
    await f.waitStatus(c.id, 'NOTICE');

    // 行刑衔接: a transfer team needs two officers; the proposal is recorded and the transfer workflow started.
    const one = await h
      .http()
      .post(`/cases/penalty/${c.id}/criminal-transfers`)
      .set(as('officerA'))
      .send({
        suspectedOffence: '危险作业罪',
        grounds: ['关闭监控报警设备'],
        teamIds: [org.users.officerA.id, org.users.officerA.id],
      });
    // The contract itself requires two distinct officers (国务院令第310号 Art.5): a 400 naming the field.
    expect(one.status).toBe(400);
    expect(one.body.details.fields).toEqual([{ path: 'teamIds', message: 'names an officer twice' }]);
    const tr = await h
      .http()
      .post(`/cases/penalty/${c.id}/criminal-transfers`)
      .set(as('officerA'))
      .send({
        suspectedOffence: '危险作业罪（刑法第一百三十四条之一）',
        grounds: ['关闭、破坏直接关系生产安全的监控、报警设备'],
        teamIds: [org.users.officerA.id, org.users.officerB.id],
      });
    expect(tr.status).toBe(201);
    expect(tr.body.detail.workflowId).toBe(`criminal-transfer-${c.id}-1`);
    const linked = await h.db.ds.query('SELECT case_type, data FROM cases WHERE id = $1', [
      tr.body.detail.transferCaseId,
    ]);
    expect(linked[0]).toMatchObject({
      case_type: 'CRIMINAL_TRANSFER',
      data: expect.objectContaining({ sourceCaseId: c.id }),
    });
    // The child was started by name (whatever its own progress).
    const child = await h.client.workflow.getHandle(tr.body.detail.workflowId).describe();
    expect(child.type).toBe('criminalTransferWorkflow');
    const again = await h
      .http()
      .post(`/cases/penalty/${c.id}/criminal-transfers`)
      .set(as('officerA'))
      .send({ suspectedOffence: 'x', grounds: ['y'], teamIds: [org.users.officerA.id, org.users.officerB.id] });
    expect(again.status).toBe(409);

    await f.serveNotice(c.id);
    expect((await f.waive(c.id, ['STATEMENT', 'HEARING'])).status).toBe(201);
    const dec = await f.openTask(c.id, 'PENALTY_DECISION');
    const fine = await f.complete(dec.id, 'head', 'DECIDE_PENALTY', { reasons: '违法事实清楚' });
    expect(fine.status).toBe(422);
    expect(fine.body.message).toMatch(/Art\.27, 82/);
    expect(await f.status(c.id)).toBe('AWAITING_DECISION');
    expect((await f.complete(dec.id, 'head', 'WITHDRAW', { reasons: '涉嫌犯罪，已移送公安机关' })).status).toBe(200);
    await f.waitStatus(c.id, 'WITHDRAWN');
    await f.completeOk(c.id, 'CASE_ARCHIVE', 'head', 'ARCHIVE');
    await f.waitStatus(c.id, 'ARCHIVED');
    await h.client.workflow.getHandle(c.workflowId).result();
    recordHistoryIfAsked(c.workflowId, 'penalty-case-v2-legal-review-transfer');
  });
});
