import { OrgHarness, startOrgHarness } from '../support/harness';
import { penaltyFlow } from '../support/penalty-flow';

/** The two routes the console added: the colleague directory and the per-case record verification. */
describe('console endpoints: GET /directory/users and GET /cases/:id/record-verification', () => {
  let h: OrgHarness;
  let f: ReturnType<typeof penaltyFlow>;

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    f = penaltyFlow(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists the active colleagues of the visible departments with what a step needs, and nothing secret', async () => {
    const res = await h.http().get('/directory/users').query({ limit: 100 }).set(h.as('officerA'));
    expect(res.status).toBe(200);
    const items = res.body.items as Array<Record<string, unknown>>;
    const officerB = items.find((user) => user.id === h.org.users.officerB.id);
    expect(officerB).toEqual({
      id: h.org.users.officerB.id,
      displayName: 'officerB',
      departmentId: h.org.departmentId,
      roles: ['ENFORCEMENT_OFFICER'],
      credentialNo: `B${h.org.suffix}`,
    });
    // Another county's officer is not a colleague.
    expect(items.map((user) => user.id)).not.toContain(h.org.users.otherOfficer.id);
    expect(JSON.stringify(res.body)).not.toMatch(/password/i);

    // A deactivated colleague is no longer offered, and the total counts only the active ones.
    const created = await h
      .http()
      .post('/users')
      .set(h.as('admin'))
      .send({
        username: `leaver.${h.org.suffix}`.toLowerCase(),
        password: 'leaver-password',
        displayName: '已离职',
        departmentId: h.org.departmentId,
        roles: ['ENFORCEMENT_OFFICER'],
        credentialNo: `L${h.org.suffix}`,
      });
    expect(created.status).toBe(201);
    const withLeaver = await h.http().get('/directory/users').query({ limit: 100 }).set(h.as('officerA'));
    expect(withLeaver.body.items.map((user: { id: string }) => user.id)).toContain(created.body.id);
    expect(withLeaver.body.total).toBe(res.body.total + 1);
    expect((await h.http().post(`/users/${created.body.id}/deactivate`).set(h.as('admin'))).status).toBe(200);
    const afterLeaving = await h.http().get('/directory/users').query({ limit: 100 }).set(h.as('officerA'));
    expect(afterLeaving.body.items.map((user: { id: string }) => user.id)).not.toContain(created.body.id);
    expect(afterLeaving.body.total).toBe(res.body.total);

    expect((await h.http().get('/directory/users')).status).toBe(401);
    const badLimit = await h.http().get('/directory/users').query({ limit: 0 }).set(h.as('officerA'));
    expect(badLimit.status).toBe(400);
  });

  it("verifies a case's record, names the first broken row after tampering, and refuses other departments", async () => {
    const opened = await f.openCase();
    await f.openTask(opened.id, 'FILING_APPROVAL');
    const verified = await h.http().get(`/cases/${opened.id}/record-verification`).set(h.as('head'));
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true, firstBrokenSeq: null, reason: null });
    expect(verified.body.checked).toBeGreaterThan(0);

    expect((await h.http().get(`/cases/${opened.id}/record-verification`).set(h.as('otherOfficer'))).status).toBe(403);
    expect((await h.http().get('/cases/not-a-uuid/record-verification').set(h.as('head'))).status).toBe(400);

    // Tampering directly in SQL, as the owner who can lift the append-only trigger.
    const [first] = await h.db.ds.query('SELECT seq FROM audit_log WHERE case_id = $1 ORDER BY seq LIMIT 1', [
      opened.id,
    ]);
    await h.db.ds.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
    try {
      await h.db.ds.query(`UPDATE audit_log SET summary = '{"tampered": true}'::jsonb WHERE seq = $1`, [first.seq]);
    } finally {
      await h.db.ds.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    }
    const broken = await h.http().get(`/cases/${opened.id}/record-verification`).set(h.as('head'));
    expect(broken.status).toBe(200);
    expect(broken.body).toMatchObject({ ok: false, firstBrokenSeq: String(first.seq), checked: 0 });
  });
});
