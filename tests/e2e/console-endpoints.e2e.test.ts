import { OrgHarness, startOrgHarness } from '../support/harness';
import { penaltyFlow } from '../support/penalty-flow';

/**
 * The routes the console added: the colleague directory, the per-case record verification and one discretion
 * benchmark by id (shown beside a proposal in legal review).
 */
describe('console endpoints: GET /directory/users, GET /directory/departments, GET /cases/:id/record-verification, GET /enforcement/benchmarks/:version', () => {
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

    // By id, the people a record names: of another county, and named still after they left (credential numbers
    // only of the reader's own departments).
    const named = await h
      .http()
      .get('/directory/users')
      .query({ ids: [created.body.id, h.org.users.otherOfficer.id, h.org.users.officerB.id].join(','), limit: 100 })
      .set(h.as('officerA'));
    expect(named.status).toBe(200);
    const byId = new Map((named.body.items as Array<{ id: string }>).map((user) => [user.id, user]));
    expect([...byId.keys()].sort()).toEqual(
      [created.body.id, h.org.users.otherOfficer.id, h.org.users.officerB.id].sort(),
    );
    expect(byId.get(created.body.id)).toMatchObject({ displayName: '已离职', credentialNo: `L${h.org.suffix}` });
    expect(byId.get(h.org.users.otherOfficer.id)).toMatchObject({ credentialNo: null });
    expect((await h.http().get('/directory/users').query({ ids: 'x' }).set(h.as('officerA'))).status).toBe(400);

    expect((await h.http().get('/directory/users')).status).toBe(401);
    const badLimit = await h.http().get('/directory/users').query({ limit: 0 }).set(h.as('officerA'));
    expect(badLimit.status).toBe(400);
  });

  it('finds departments of every body by part of their name, in keyset pages, for any signed-in reader', async () => {
    const directory = (query: Record<string, string | number>, who: 'head' | 'otherOfficer' = 'head') =>
      h.http().get('/directory/departments').query(query).set(h.as(who));
    // A complaint is transferred to a body outside the reader's jurisdiction: the neighbouring county is found too.
    const found = await directory({ q: `应急管理局${h.org.suffix}` });
    expect(found.status).toBe(200);
    expect(found.body.items.map((d: { id: string }) => d.id)).toEqual([
      h.org.cityDepartmentId,
      h.org.departmentId,
      h.org.otherDepartmentId,
    ]);
    expect(found.body.items[1]).toMatchObject({ name: `测试县应急管理局${h.org.suffix}`, level: 'COUNTY' });
    expect(found.body).toMatchObject({ total: 3, totalExact: true, nextCursor: null });
    const byCode = await directory({ q: `DI-C${h.org.suffix}` }, 'otherOfficer');
    expect(byCode.body.items.map((d: { id: string }) => d.id)).toEqual([h.org.disciplineDepartmentId]);

    const first = await directory({ q: `应急管理局${h.org.suffix}`, limit: 2 });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await directory({ q: `应急管理局${h.org.suffix}`, limit: 2, cursor: first.body.nextCursor });
    expect(second.body.items.map((d: { id: string }) => d.id)).toEqual([h.org.otherDepartmentId]);
    expect(second.body.nextCursor).toBeNull();

    // A wildcard is taken literally, a dissolved department drops out.
    expect((await directory({ q: `%${h.org.suffix}` })).body.items).toEqual([]);
    await h.db.ds.query(`UPDATE departments SET valid_to = DATE '2020-12-31' WHERE id = $1`, [h.org.otherDepartmentId]);
    const afterMerger = await directory({ q: `应急管理局${h.org.suffix}` });
    expect(afterMerger.body.items.map((d: { id: string }) => d.id)).not.toContain(h.org.otherDepartmentId);
    await h.db.ds.query(`UPDATE departments SET valid_to = NULL WHERE id = $1`, [h.org.otherDepartmentId]);

    expect((await h.http().get('/directory/departments')).status).toBe(401);
    expect((await directory({ limit: 0 })).status).toBe(400);
    expect((await directory({ q: '' })).status).toBe(400);
  });

  it('names departments by id, however many the directory holds, and refuses a malformed or oversized list', async () => {
    const byIds = (ids: string) => h.http().get('/departments').query({ ids, limit: 100 }).set(h.as('officerA'));
    // More departments than one page: the ones asked for are found wherever they sort.
    const code = `ZZ-${h.org.suffix}`;
    const filler = Array.from({ length: 101 }, (_, i) => `('${code}-${String(i).padStart(3, '0')}', '填充部门${i}')`);
    await h.db.ds.query(
      `INSERT INTO departments (code, name, kind, level, region_id)
       SELECT v.code, v.name, 'EMERGENCY_MANAGEMENT', 'TOWN', d.region_id
         FROM (VALUES ${filler.join(',')}) AS v(code, name), departments d WHERE d.id = $1`,
      [h.org.departmentId],
    );
    const [last] = await h.db.ds.query(`SELECT id FROM departments WHERE code = $1`, [`${code}-100`]);
    const found = await byIds(`${last.id},${h.org.otherDepartmentId},${h.org.otherDepartmentId.toUpperCase()}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((d: { id: string }) => d.id).sort()).toEqual([last.id, h.org.otherDepartmentId].sort());
    expect(found.body.total).toBe(2);
    expect(found.body.items.find((d: { id: string }) => d.id === last.id)).toMatchObject({ name: '填充部门100' });
    const everyFiller: Array<{ id: string }> = await h.db.ds.query(
      `SELECT id FROM departments WHERE code LIKE $1 ORDER BY code LIMIT 100`,
      [`${code}-%`],
    );
    const hundred = await byIds(everyFiller.map((d) => d.id).join(','));
    expect(hundred.body.items).toHaveLength(100);
    expect((await byIds([...everyFiller.map((d) => d.id), last.id].join(','))).status).toBe(400);
    expect((await byIds('not-a-uuid')).status).toBe(400);
    expect((await byIds(`${last.id},`)).status).toBe(400);
    expect((await h.http().get('/departments').query({ ids: last.id })).status).toBe(401);
  });

  it('finds the officials of every department by name, without the credential numbers of other bodies', async () => {
    const search = (q: string) => h.http().get('/directory/users').query({ q }).set(h.as('head'));
    // An investigation team takes members from other bodies (条例 Art.22): the discipline body's member is found.
    const found = await search(`discipline.${h.org.suffix}`);
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([
      {
        id: h.org.users.discipline.id,
        displayName: 'discipline',
        departmentId: h.org.disciplineDepartmentId,
        roles: ['DISCIPLINE_BODY'],
        credentialNo: null,
      },
    ]);
    // Another county's officer is found too, with no credential number; one's own colleague keeps it.
    const other = (await search(`other.${h.org.suffix}`)).body.items;
    expect(other).toEqual([expect.objectContaining({ id: h.org.users.otherOfficer.id, credentialNo: null })]);
    const colleague = (await search(`officerB.${h.org.suffix}`)).body.items;
    expect(colleague).toEqual([expect.objectContaining({ credentialNo: `B${h.org.suffix}` })]);
    // LIKE wildcards are searched for as characters, not as patterns.
    expect((await search('%')).body.items).toEqual([]);
    expect((await search('_')).body.items).toEqual([]);
    expect((await search('x'.repeat(51))).status).toBe(400);
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
  it("reads a benchmark version by id: the default and one's own jurisdiction's, not another county's", async () => {
    const entry = {
      violationType: 'SPL-97-3',
      title: '未按照规定对从业人员进行安全生产教育和培训',
      legalBasis: '《中华人民共和国安全生产法》第九十七条第（三）项',
      statutoryRange: { minYuan: 0, maxYuan: 100_000 },
      ranges: {
        LENIENT: { minYuan: 2_000, maxYuan: 20_000 },
        ORDINARY: { minYuan: 20_000, maxYuan: 50_000 },
        SEVERE: { minYuan: 50_000, maxYuan: 100_000 },
      },
    };
    const id = `X-${h.org.suffix}`;
    const published = await h
      .http()
      .post('/enforcement/benchmarks')
      .set(h.as('admin'))
      .send({
        id,
        departmentId: h.org.departmentId,
        jurisdiction: '测试县',
        effectiveFrom: '2026-01-01',
        source: '测试县应急管理局公告',
        entries: [entry],
      });
    expect(published.status).toBe(201);

    const own = await h.http().get(`/enforcement/benchmarks/${id}`).set(h.as('legal'));
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id, departmentId: h.org.departmentId, entries: [entry] });
    // The city above sees its county's benchmark (jurisdiction); the installation default is everyone's.
    expect((await h.http().get(`/enforcement/benchmarks/${id}`).set(h.as('cityHead'))).status).toBe(200);
    const fallback = await h.http().get('/enforcement/benchmarks/DEFAULT-2026').set(h.as('otherOfficer'));
    expect(fallback.status).toBe(200);
    expect(fallback.body.departmentId).toBeNull();

    const other = await h.http().get(`/enforcement/benchmarks/${id}`).set(h.as('otherOfficer'));
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('FORBIDDEN_JURISDICTION');
    expect(other.body.entries).toBeUndefined();
    const missing = await h.http().get('/enforcement/benchmarks/NO-SUCH-VERSION').set(h.as('legal'));
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    const malformed = await h.http().get('/enforcement/benchmarks/bad%20id').set(h.as('legal'));
    expect(malformed.status).toBe(400);
    expect(malformed.body.details.fields.map((field: { path: string }) => field.path)).toEqual(['params.version']);
  });
});
