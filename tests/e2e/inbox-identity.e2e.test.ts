import { createHash } from 'node:crypto';
import { OrgHarness, startOrgHarness } from '../support/harness';
import { TestOrg } from '../support/fixtures';
import { expectEventually } from '../support/eventually';

/** Identity, task inbox actions, evidence and calendar administration. */
describe('inbox, identity, evidence and calendar administration', () => {
  let h: OrgHarness;
  let org: TestOrg;
  let as: OrgHarness['as'];

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    ({ org, as } = h);
  });
  afterAll(async () => h?.close());

  async function openCaseAndTask() {
    const res = await h
      .http()
      .post('/cases/penalty')
      .set(as('officerA'))
      .send({ title: '收件箱测试', enterpriseId: org.enterpriseId });
    expect(res.status).toBe(201);
    const task = await expectEventually(async () => {
      const list = await h.http().get('/tasks').query({ caseId: res.body.id }).set(as('head'));
      expect(list.body.items).toHaveLength(1);
      return list.body.items[0];
    });
    return { caseId: res.body.id as string, taskId: task.id as string };
  }

  it('logs in with argon2-hashed passwords, audits failures, and answers /me', async () => {
    const bad = await h
      .http()
      .post('/auth/login')
      .send({ username: org.users.officerA.username, password: 'wrong-password' });
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe('UNAUTHENTICATED');
    const failed = await h.db.ds.query(`SELECT 1 FROM audit_log WHERE action = 'LOGIN_FAILED' AND actor_id = $1`, [
      org.users.officerA.id,
    ]);
    expect(failed).toHaveLength(1);
    const hash = (await h.db.ds.query('SELECT password_hash FROM users WHERE id = $1', [org.users.officerA.id]))[0]
      .password_hash;
    expect(hash).toMatch(/^\$argon2id\$/);

    const me = await h.http().get('/me').set(as('cityHead'));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: org.users.cityHead.id, roles: ['AGENCY_HEAD'] });
    expect(me.body.visibleDepartmentIds).toEqual(
      expect.arrayContaining([org.cityDepartmentId, org.departmentId, org.otherDepartmentId]),
    );
    const forged = await h
      .http()
      .get('/me')
      .set({ Authorization: `${as('officerA').Authorization}x` });
    expect(forged.status).toBe(401);
  });

  it('claims (409 when already claimed), releases and reassigns tasks, each audited', async () => {
    const { taskId } = await openCaseAndTask();
    const headB = await h.db.ds.query(
      `INSERT INTO users (username, password_hash, display_name, department_id, roles) SELECT 'headB.' || $2, password_hash, 'headB', $1, '{AGENCY_HEAD}' FROM users WHERE id = $3 RETURNING id`,
      [org.departmentId, org.suffix, org.users.head.id],
    );
    const claimed = await h.http().post(`/tasks/${taskId}/claim`).set(as('head'));
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ status: 'CLAIMED', assigneeId: org.users.head.id });
    const again = await h.http().post(`/tasks/${taskId}/claim`).set(as('head'));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('TASK_ALREADY_CLAIMED');
    const officerClaim = await h.http().post(`/tasks/${taskId}/claim`).set(as('officerA'));
    expect(officerClaim.status).toBe(403);

    const released = await h.http().post(`/tasks/${taskId}/release`).set(as('head'));
    expect(released.body).toMatchObject({ status: 'OPEN', assigneeId: null });
    const toOfficer = await h
      .http()
      .post(`/tasks/${taskId}/reassign`)
      .set(as('head'))
      .send({ assigneeId: org.users.officerA.id });
    expect(toOfficer.status).toBe(422); // an officer does not hold the step's role
    expect(toOfficer.body.code).toBe('RULE_VIOLATION');
    const reassigned = await h
      .http()
      .post(`/tasks/${taskId}/reassign`)
      .set(as('head'))
      .send({ assigneeId: headB[0].id });
    expect(reassigned.status).toBe(200);
    expect(reassigned.body.assigneeId).toBe(headB[0].id);
    // Claimed by someone else now: the first head may no longer complete it.
    const blocked = await h.http().post(`/tasks/${taskId}/complete`).set(as('head')).send({ outcome: 'APPROVE' });
    expect(blocked.status).toBe(409);
    const actions = await h.db.ds.query(`SELECT action FROM audit_log WHERE task_id = $1 ORDER BY seq`, [taskId]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'TASK_OPENED',
      'TASK_CLAIMED',
      'TASK_RELEASED',
      'TASK_REASSIGNED',
    ]);

    const inbox = await h.http().get('/tasks').query({ limit: 1 }).set(as('head'));
    expect(inbox.status).toBe(200);
    expect(inbox.body).toEqual({
      items: expect.any(Array),
      nextCursor: inbox.body.total > 1 ? expect.any(String) : null,
      total: expect.any(Number),
      totalExact: true,
    });
    expect(inbox.body.items.length).toBe(Math.min(1, inbox.body.total));
    const tooMany = await h.http().get('/tasks').query({ limit: 1000 }).set(as('head'));
    expect(tooMany.status).toBe(400);
  });

  it('stores evidence with its SHA-256, lists it, and records it in the timeline', async () => {
    const { caseId, taskId } = await openCaseAndTask();
    // A JPEG signature: evidence types come from the bytes, not from the declared type.
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('现场照片-模拟二进制内容')]);
    const file = await h
      .http()
      .post(`/cases/${caseId}/attachments`)
      .set(as('officerA'))
      .send({
        kind: 'FILE',
        taskId,
        fileName: 'photo.jpg',
        contentType: 'image/jpeg',
        contentBase64: bytes.toString('base64'),
      });
    expect(file.status).toBe(201);
    expect(file.body.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const note = await h
      .http()
      .post(`/cases/${caseId}/attachments`)
      .set(as('officerA'))
      .send({ kind: 'NOTE', text: '企业负责人在场' });
    expect(note.status).toBe(201);
    const empty = await h.http().post(`/cases/${caseId}/attachments`).set(as('officerA')).send({ kind: 'NOTE' });
    expect(empty.status).toBe(400);
    const foreign = await h
      .http()
      .post(`/cases/${caseId}/attachments`)
      .set(as('otherOfficer'))
      .send({ kind: 'NOTE', text: 'x' });
    expect(foreign.status).toBe(403);

    const list = await h.http().get(`/cases/${caseId}/attachments`).set(as('officerA'));
    expect(list.body.items).toHaveLength(2);
    const download = await h
      .http()
      .get(`/cases/${caseId}/attachments/${file.body.id}/content`)
      .set(as('officerA'))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(Buffer.compare(download.body as Buffer, bytes)).toBe(0);
    const timeline = await h.http().get(`/cases/${caseId}/timeline`).set(as('officerA'));
    expect(timeline.body.items.filter((e: { action: string }) => e.action === 'EVIDENCE_ATTACHED')).toHaveLength(2);

    // A step may cite only this case's evidence: another case's attachment is refused and nothing changes.
    const other = await openCaseAndTask();
    const foreignFile = await h
      .http()
      .post(`/cases/${other.caseId}/attachments`)
      .set(as('officerA'))
      .send({ kind: 'NOTE', text: '另一案件的笔录' });
    const cites = (ids: string[]) =>
      h
        .http()
        .post(`/tasks/${taskId}/complete`)
        .set(as('head'))
        .send({ outcome: 'APPROVE', payload: { attachmentIds: ids } });
    const stranger = await cites([file.body.id, foreignFile.body.id]);
    expect(stranger.status).toBe(422);
    expect(stranger.body.details.attachmentIds).toEqual([foreignFile.body.id]);
    expect((await h.db.ds.query('SELECT status FROM tasks WHERE id = $1', [taskId]))[0].status).toBe('OPEN');
    expect((await cites([file.body.id, note.body.id])).status).toBe(200);

    const verify = await h.http().get('/audit/verify').set(as('admin'));
    expect(verify.status).toBe(200);
    expect(verify.body.ok).toBe(true);
    const officerVerify = await h.http().get('/audit/verify').set(as('officerA'));
    expect(officerVerify.status).toBe(403);
  });

  it('lets only a system administrator load a holiday year, validating it', async () => {
    const year = {
      noticeNumber: '测试〔2099〕1号',
      noticeDate: '2098-11-01',
      source: 'test notice',
      holidays: ['2099-01-01', '2099-01-02'],
      makeupWorkdays: ['2099-01-03'],
    };
    const officer = await h.http().put('/calendar/years/2099').set(as('officerA')).send(year);
    expect(officer.status).toBe(403);
    const invalid = await h
      .http()
      .put('/calendar/years/2099')
      .set(as('sysadmin'))
      .send({ ...year, makeupWorkdays: ['2099-01-05'] }); // a Monday
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('INVALID_CALENDAR');
    const saved = await h.http().put('/calendar/years/2099').set(as('sysadmin')).send(year);
    expect(saved.status).toBe(200);
    const due = await h
      .http()
      .get('/calendar/due-date')
      .query({ start: '2098-12-29', unit: 'working_days', amount: 1 })
      .set(as('officerA'));
    expect(due.status).toBe(422); // 2098-12-30 is needed and 2098 is not loaded: fail closed
    const inYear = await h
      .http()
      .get('/calendar/due-date')
      .query({ start: '2099-01-01', unit: 'working_days', amount: 1 })
      .set(as('officerA'));
    expect(inYear.body.dueDate).toBe('2099-01-03'); // Jan 2 holiday, Jan 3 (Saturday) a make-up working day
    const audit = await h.db.ds.query(
      `SELECT 1 FROM audit_log WHERE action = 'CALENDAR_YEAR_SAVED' AND actor_id = $1`,
      [org.users.sysadmin.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('masks principal phones in lists, audits the unmasked read, and lets admins manage users of their own department', async () => {
    const list = await h.http().get('/enterprises').set(as('officerA'));
    expect(list.status).toBe(200);
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([org.enterpriseId]);
    expect(list.body.items[0].principalPhone).toBe('139****1111');
    const one = await h.http().get(`/enterprises/${org.enterpriseId}`).set(as('officerA'));
    expect(one.body.principalPhone).toBe('13900001111');
    const reads = await h.db.ds.query(
      `SELECT summary FROM audit_log WHERE action = 'PERSONAL_DATA_READ' AND actor_id = $1`,
      [org.users.officerA.id],
    );
    expect(reads).toHaveLength(1);
    expect(reads[0].summary).toMatchObject({ entity: 'enterprise', id: org.enterpriseId });
    const foreign = await h.http().get(`/enterprises/${org.otherEnterpriseId}`).set(as('officerA'));
    expect(foreign.status).toBe(403);

    const user = {
      username: `new.${org.suffix}`,
      password: 'a-long-password',
      displayName: '新执法员',
      departmentId: org.departmentId,
      roles: ['ENFORCEMENT_OFFICER'],
      credentialNo: `N${org.suffix}`,
    };
    expect((await h.http().post('/users').set(as('officerA')).send(user)).status).toBe(403);
    expect(
      (
        await h
          .http()
          .post('/users')
          .set(as('admin'))
          .send({ ...user, departmentId: org.otherDepartmentId })
      ).status,
    ).toBe(403);
    expect(
      (
        await h
          .http()
          .post('/users')
          .set(as('admin'))
          .send({ ...user, credentialNo: undefined })
      ).status,
    ).toBe(422);
    const created = await h.http().post('/users').set(as('admin')).send(user);
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('passwordHash');
    expect((await h.http().post('/users').set(as('admin')).send(user)).status).toBe(409);
    // The system administrator creates accounts in any department, not only those below its own.
    const elsewhere = await h
      .http()
      .post('/users')
      .set(as('sysadmin'))
      .send({
        ...user,
        username: `elsewhere.${org.suffix}`,
        departmentId: org.disciplineDepartmentId,
        roles: ['DISCIPLINE_BODY'],
        credentialNo: undefined,
      });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.departmentId).toBe(org.disciplineDepartmentId);
    const nowhere = await h
      .http()
      .post('/users')
      .set(as('sysadmin'))
      .send({ ...user, username: `nowhere.${org.suffix}`, departmentId: '00000000-0000-4000-8000-000000000000' });
    expect(nowhere.status).toBe(404);
    const token = (await h.http().post('/auth/login').send({ username: user.username, password: user.password })).body
      .accessToken;
    expect(
      (
        await h
          .http()
          .get('/me')
          .set({ Authorization: `Bearer ${token}` })
      ).status,
    ).toBe(200);
    const off = await h.http().post(`/users/${created.body.id}/deactivate`).set(as('admin'));
    expect(off.body.active).toBe(false);
    // The still-valid token stops working at once: the user is re-read on every request.
    expect(
      (
        await h
          .http()
          .get('/me')
          .set({ Authorization: `Bearer ${token}` })
      ).status,
    ).toBe(401);
  });
});
