import { Harness, startHarness } from '../support/harness';
import { createOrg, TestOrg, TestUser } from '../support/fixtures';
import { expectEventually } from '../support/eventually';
import { recordHistoryIfAsked } from '../support/history';

/** 双随机一公开: plans, conflicts of interest, reproducible draws, publication, and an inspection opened from a drawn target. */
describe('inspection plans and draws over HTTP (dev server)', () => {
  let h: Harness;
  let org: TestOrg;
  const tokens: Record<string, string> = {};
  let officerC: TestUser;
  let officerD: TestUser;
  const ent: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness({ temporal: 'dev' });
    org = await createOrg(h.db.ds);
    const ds = h.db.ds;
    const [{ password_hash: hash }] = await ds.query('SELECT password_hash FROM users WHERE id = $1', [
      org.users.officerA.id,
    ]);
    const user = async (name: string, credential: string | null): Promise<TestUser> => {
      const username = `${name}.${org.suffix}`;
      const [{ id }] = await ds.query(
        `INSERT INTO users (username, password_hash, display_name, department_id, roles, credential_no)
        VALUES ($1,$2,$3,$4,'{ENFORCEMENT_OFFICER}',$5) RETURNING id`,
        [username, hash, `王${name}`, org.departmentId, credential],
      );
      return {
        id,
        username,
        password: org.users.officerA.password,
        departmentId: org.departmentId,
        roles: org.users.officerA.roles,
      };
    };
    officerC = await user('officerC', `C${org.suffix}`);
    officerD = await user('officerD', null); // no credential: never drawn
    for (const [key, grade] of [
      ['red2', 'RED'],
      ['orange', 'ORANGE'],
      ['yellow', 'YELLOW'],
      ['blue', 'BLUE'],
    ] as const) {
      const [{ id }] = await ds.query(
        `INSERT INTO enterprises (credit_code, name, sector_code, region_id, enforcement_department_id, risk_grade)
        VALUES ($1,$2,'HAZARDOUS_CHEMICALS',$3,$4,$5) RETURNING id`,
        [
          `D${org.suffix}${key}`.padEnd(18, '0').slice(0, 18),
          `抽查企业${key}${org.suffix}`,
          org.regionId,
          org.departmentId,
          grade,
        ],
      );
      ent[key] = id;
    }
    ent.red1 = org.enterpriseId;
    for (const [k, u] of Object.entries(org.users)) tokens[k] = await h.login(u);
    tokens.officerC = await h.login(officerC);
  });
  afterAll(async () => h?.close());

  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  // Every grade sampled fully, so the expected targets are known: 5 enterprises of the department.
  const fullConfig = {
    frequencyPerYear: { RED: 4, ORANGE: 4, YELLOW: 4, BLUE: 4 },
    drawsPerYear: 4,
    inspectorsPerTarget: 2,
  };

  async function approvedPlan(title: string) {
    const plan = await h
      .http()
      .post('/inspection/plans')
      .set(as('admin'))
      .send({ year: 2026, kind: 'SPECIAL', title, sectorCodes: ['HAZARDOUS_CHEMICALS'], config: fullConfig });
    expect(plan.status).toBe(201);
    const ok = await h
      .http()
      .post(`/inspection/plans/${plan.body.id}/approve`)
      .set(as('head'))
      .send({ comment: '同意' });
    expect(ok.status).toBe(200);
    return plan.body.id as string;
  }

  it('drafts and approves a plan: roles, validation and the one-time approval', async () => {
    const byOfficer = await h
      .http()
      .post('/inspection/plans')
      .set(as('officerA'))
      .send({ year: 2026, kind: 'ANNUAL', title: 'x' });
    expect(byOfficer.status).toBe(403);
    const badConfig = await h
      .http()
      .post('/inspection/plans')
      .set(as('admin'))
      .send({ year: 2026, kind: 'ANNUAL', title: 'x', config: { inspectorsPerTarget: 1 } });
    expect(badConfig.status).toBe(400);
    const unknownField = await h
      .http()
      .post('/inspection/plans')
      .set(as('admin'))
      .send({ year: 2026, kind: 'ANNUAL', title: 'x', budget: 5 });
    expect(unknownField.status).toBe(400);
    const unknownSector = await h
      .http()
      .post('/inspection/plans')
      .set(as('admin'))
      .send({ year: 2026, kind: 'ANNUAL', title: 'x', sectorCodes: ['NOPE'] });
    expect(unknownSector.status).toBe(404);

    const plan = await h
      .http()
      .post('/inspection/plans')
      .set(as('admin'))
      .send({ year: 2026, kind: 'ANNUAL', title: '2026年度双随机抽查计划' });
    expect(plan.status).toBe(201);
    expect(plan.body).toMatchObject({
      status: 'DRAFT',
      config: { drawsPerYear: 4, inspectorsPerTarget: 2, frequencyPerYear: { RED: 4, BLUE: 0.5 } },
    });
    const early = await h.http().post(`/inspection/plans/${plan.body.id}/draws`).set(as('admin')).send({});
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('STEP_OUT_OF_ORDER');
    expect((await h.http().post(`/inspection/plans/${plan.body.id}/approve`).set(as('officerA')).send({})).status).toBe(
      403,
    );
    expect((await h.http().post(`/inspection/plans/${plan.body.id}/approve`).set(as('cityHead')).send({})).status).toBe(
      403,
    );
    expect((await h.http().post(`/inspection/plans/${plan.body.id}/approve`).set(as('head')).send({})).status).toBe(
      200,
    );
    const again = await h.http().post(`/inspection/plans/${plan.body.id}/approve`).set(as('head')).send({});
    expect(again.status).toBe(409);
    const list = await h.http().get('/inspection/plans').query({ limit: 1 }).set(as('officerA'));
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ limit: 1, offset: 0 });
    expect(list.body.items).toHaveLength(1);
    expect((await h.http().get(`/inspection/plans/${plan.body.id}`).set(as('otherOfficer'))).status).toBe(403);
    const audit = await h.db.ds.query(`SELECT action FROM audit_log WHERE summary->>'planId' = $1 ORDER BY seq`, [
      plan.body.id,
    ]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'INSPECTION_PLAN_CREATED',
      'INSPECTION_PLAN_APPROVED',
    ]);
  });

  it('draws reproducibly from its seed, never assigns a conflicted officer, and publishes with names masked', async () => {
    const conflict = await h
      .http()
      .post('/inspection/conflicts')
      .set(as('admin'))
      .send({ officerId: org.users.officerA.id, enterpriseId: ent.red1, reason: 'KINSHIP', note: '近亲属任职' });
    expect(conflict.status).toBe(201);
    const dup = await h
      .http()
      .post('/inspection/conflicts')
      .set(as('admin'))
      .send({ officerId: org.users.officerA.id, enterpriseId: ent.red1, reason: 'OTHER' });
    expect(dup.status).toBe(409);
    const foreign = await h
      .http()
      .post('/inspection/conflicts')
      .set(as('admin'))
      .send({ officerId: org.users.otherOfficer.id, enterpriseId: ent.red1, reason: 'OTHER' });
    expect(foreign.status).toBe(403);

    const planId = await approvedPlan('专项抽查（可复现）');
    const seed = `ceremony-${org.suffix}`;
    const first = await h.http().post(`/inspection/plans/${planId}/draws`).set(as('admin')).send({ seed });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      seed,
      seedSource: 'SUPPLIED',
      poolSizes: { enterprises: 5, officers: 3, conflicts: 1 },
    });
    const targets = first.body.targets as Array<{
      id: string;
      enterpriseId: string;
      inspectorIds: string[];
      riskGrade: string;
    }>;
    expect(targets.map((t) => t.riskGrade)).toEqual(['RED', 'RED', 'ORANGE', 'YELLOW', 'BLUE']);
    expect(new Set(targets.map((t) => t.enterpriseId))).toEqual(new Set(Object.values(ent)));
    for (const t of targets) {
      expect(new Set(t.inspectorIds).size).toBe(2);
      expect(t.inspectorIds).not.toContain(officerD.id); // no credential
    }
    const red1 = targets.find((t) => t.enterpriseId === ent.red1)!;
    expect([...red1.inspectorIds].sort()).toEqual([org.users.officerB.id, officerC.id].sort()); // officerA is excluded (回避)

    // Same seed, same pool → the same draw; the stored draw also recomputes from its snapshot.
    const second = await h.http().post(`/inspection/plans/${planId}/draws`).set(as('head')).send({ seed });
    expect(second.status).toBe(201);
    const strip = (ts: typeof targets) =>
      ts.map((t) => ({ enterpriseId: t.enterpriseId, inspectorIds: t.inspectorIds }));
    expect(strip(second.body.targets)).toEqual(strip(targets));
    expect(second.body.drawNo).not.toBe(first.body.drawNo);
    const verify = await h.http().get(`/inspection/draws/${first.body.id}/verify`).set(as('officerA'));
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ reproducible: true, mismatchedPositions: [] });
    const generated = await h.http().post(`/inspection/plans/${planId}/draws`).set(as('admin')).send({});
    expect(generated.body.seedSource).toBe('GENERATED');
    expect(generated.body.seed).toMatch(/^[0-9a-f]{32}$/);

    const pub = await h.http().get('/public/inspection-draws').query({ departmentId: org.departmentId, limit: 10 });
    expect(pub.status).toBe(200);
    const published = pub.body.items.find((d: { drawNo: string }) => d.drawNo === first.body.drawNo);
    expect(published).toMatchObject({
      seed,
      plan: { title: '专项抽查（可复现）', kind: 'SPECIAL', kindLabel: '专项检查计划' },
    });
    expect(published).not.toHaveProperty('id');
    expect(published.targets).toHaveLength(5);
    expect(published.targets[0]).toMatchObject({ inspectorCount: 2, enterpriseName: expect.stringContaining('企业') });
    const text = JSON.stringify(pub.body);
    for (const u of [org.users.officerA, org.users.officerB, officerC]) {
      expect(text).not.toContain(u.id);
      expect(text).not.toContain(u.username);
    }
    expect(text).not.toContain('王officerC');
    expect(text).not.toContain('13900001111'); // principal phone
    expect(
      published.targets.flatMap((t: { inspectors: string[] }) => t.inspectors).every((n: string) => /^.\*+$/.test(n)),
    ).toBe(true);

    const audit = await h.db.ds.query(`SELECT action FROM audit_log WHERE summary->>'drawId' = $1 ORDER BY seq`, [
      first.body.id,
    ]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'INSPECTION_DRAW_RUN',
      'INSPECTION_DRAW_PUBLISHED',
    ]);
  });

  it('refuses a draw that cannot staff a target without conflicts (422), drawing nothing', async () => {
    const planId = await approvedPlan('回避过多');
    for (const officerId of [org.users.officerB.id, officerC.id]) {
      expect(
        (
          await h
            .http()
            .post('/inspection/conflicts')
            .set(as('head'))
            .send({ officerId, enterpriseId: ent.blue, reason: 'PRIOR_EMPLOYMENT' })
        ).status,
      ).toBe(201);
    }
    const before = await h.db.ds.query('SELECT count(*)::int AS n FROM inspection_draws');
    const res = await h
      .http()
      .post(`/inspection/plans/${planId}/draws`)
      .set(as('admin'))
      .send({ seed: 'any-seed-123' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('RULE_VIOLATION');
    const after = await h.db.ds.query('SELECT count(*)::int AS n FROM inspection_draws');
    expect(after[0].n).toBe(before[0].n);
    const list = await h
      .http()
      .get('/inspection/conflicts')
      .query({ enterpriseId: ent.blue, active: 'true' })
      .set(as('admin'));
    expect(list.body.total).toBe(2);
    for (const c of list.body.items)
      expect((await h.http().post(`/inspection/conflicts/${c.id}/deactivate`).set(as('admin'))).status).toBe(200);
    const redo = await h
      .http()
      .post(`/inspection/plans/${planId}/draws`)
      .set(as('admin'))
      .send({ seed: 'any-seed-123' });
    expect(redo.status).toBe(201);
  });

  it('opens an inspection from a drawn target with the drawn inspectors and closes it with a signed no-issue record', async () => {
    const planId = await approvedPlan('抽查后检查');
    const draw = await h
      .http()
      .post(`/inspection/plans/${planId}/draws`)
      .set(as('admin'))
      .send({ seed: `open-${org.suffix}` });
    const target = (draw.body.targets as Array<{ id: string; enterpriseId: string; inspectorIds: string[] }>).find(
      (t) => t.enterpriseId === ent.red1,
    )!;
    const wrongTeam = await h
      .http()
      .post('/inspections')
      .set(as('officerB'))
      .send({ drawTargetId: target.id, inspectorIds: [org.users.officerA.id, org.users.officerB.id] });
    expect(wrongTeam.status).toBe(422);
    const opened = await h
      .http()
      .post('/inspections')
      .set(as('officerB'))
      .send({ drawTargetId: target.id, unannounced: true });
    expect(opened.status).toBe(201);
    const again = await h.http().post('/inspections').set(as('officerB')).send({ drawTargetId: target.id });
    expect(again.status).toBe(409);
    const caseId = opened.body.id as string;
    expect(opened.body.workflowId).toBe(`inspection-${caseId}`);

    const task = await expectEventually(async () => {
      const r = await h.http().get('/tasks').query({ caseId }).set(as('officerB'));
      expect(r.body.items).toHaveLength(1);
      return r.body.items[0] as { id: string; type: string };
    });
    expect(task.type).toBe('INSPECTION_RECORD');
    const cred = { [org.users.officerB.id]: `B${org.suffix}`, [officerC.id]: `C${org.suffix}` };
    const confirmations = target.inspectorIds.map((id) => ({ officerId: id, credentialNo: cred[id] }));

    const outsider = await h
      .http()
      .post(`/tasks/${task.id}/complete`)
      .set(as('officerA'))
      .send({ outcome: 'NO_ISSUE', payload: { confirmations } });
    expect(outsider.status).toBe(403);
    const oneSigner = await h
      .http()
      .post(`/tasks/${task.id}/complete`)
      .set(as('officerB'))
      .send({ outcome: 'NO_ISSUE', payload: { confirmations: confirmations.slice(0, 1) } });
    // Two signatures (Art.68) are part of the step's published contract (minItems: 2), so the API refuses it.
    expect(oneSigner.status).toBe(400);
    expect(oneSigner.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [expect.objectContaining({ path: 'payload.confirmations' })] },
    });
    const badCredential = await h
      .http()
      .post(`/tasks/${task.id}/complete`)
      .set(as('officerB'))
      .send({
        outcome: 'NO_ISSUE',
        payload: { confirmations: [confirmations[0], { ...confirmations[1], credentialNo: 'FAKE' }] },
      });
    expect(badCredential.status).toBe(422);
    const badOutcome = await h
      .http()
      .post(`/tasks/${task.id}/complete`)
      .set(as('officerB'))
      .send({ outcome: 'FINE', payload: { confirmations } });
    expect(badOutcome.status).toBe(400);
    expect((await h.db.ds.query('SELECT status FROM tasks WHERE id = $1', [task.id]))[0].status).toBe('OPEN');

    const done = await h
      .http()
      .post(`/tasks/${task.id}/complete`)
      .set(as('officerB'))
      .send({ outcome: 'NO_ISSUE', payload: { confirmations } });
    expect(done.status).toBe(200);
    await expectEventually(async () => {
      const r = await h.http().get(`/inspections/${caseId}`).set(as('officerB'));
      expect(r.body.status).toBe('CLOSED');
      expect(r.body.workflow).toMatchObject({ status: 'CLOSED', result: 'NO_ISSUE', unannounced: true });
      expect(r.body.data.origin).toMatchObject({ kind: 'DRAW', targetId: target.id });
    });
    const linked = await h.http().get(`/inspection/draws/${draw.body.id}`).set(as('admin'));
    expect(linked.body.targets.find((t: { id: string }) => t.id === target.id).inspectionCaseId).toBe(caseId);
    const timeline = await h.http().get(`/cases/${caseId}/timeline`).set(as('officerB'));
    expect(timeline.body.items.map((e: { action: string }) => e.action)).toEqual([
      'CASE_CREATED',
      'INSPECTION_OPENED',
      'TASK_OPENED',
      'TASK_COMPLETED',
      'INSPECTION_RECORDED',
      'INSPECTION_CLOSED',
    ]);
    await h.client.workflow.getHandle(`inspection-${caseId}`).result();
    recordHistoryIfAsked(`inspection-${caseId}`, 'inspection-v4-local-activities-draw-no-issue');
  });

  it('answers bad input with clear 4xx codes and changes nothing', async () => {
    const before = await h.db.ds.query(`SELECT count(*)::int AS n FROM cases WHERE case_type = 'INSPECTION'`);
    const one = await h
      .http()
      .post('/inspections')
      .set(as('officerA'))
      .send({ enterpriseId: ent.orange, inspectorIds: [org.users.officerA.id] });
    expect(one.status).toBe(422);
    const uncredentialed = await h
      .http()
      .post('/inspections')
      .set(as('officerA'))
      .send({ enterpriseId: ent.orange, inspectorIds: [org.users.officerA.id, officerD.id] });
    expect(uncredentialed.status).toBe(422);
    const conflicted = await h
      .http()
      .post('/inspections')
      .set(as('officerA'))
      .send({ enterpriseId: ent.red1, inspectorIds: [org.users.officerA.id, org.users.officerB.id] });
    expect(conflicted.status).toBe(422);
    const foreignEnterprise = await h
      .http()
      .post('/inspections')
      .set(as('officerA'))
      .send({ enterpriseId: org.otherEnterpriseId, inspectorIds: [org.users.officerA.id, org.users.officerB.id] });
    expect(foreignEnterprise.status).toBe(403);
    const missing = await h
      .http()
      .post('/inspections')
      .set(as('officerA'))
      .send({ inspectorIds: [org.users.officerA.id, org.users.officerB.id] });
    expect(missing.status).toBe(400);
    const notUuid = await h.http().post('/inspections').set(as('officerA')).send({ enterpriseId: 'abc' });
    expect(notUuid.status).toBe(400);
    const byAdmin = await h
      .http()
      .post('/inspections')
      .set(as('admin'))
      .send({ enterpriseId: ent.orange, inspectorIds: [org.users.officerA.id, org.users.officerB.id] });
    expect(byAdmin.status).toBe(403);
    expect((await h.http().get('/inspection/draws/00000000-0000-4000-8000-000000000000').set(as('admin'))).status).toBe(
      404,
    );
    expect((await h.http().get('/public/inspection-draws').query({ limit: 1000 })).status).toBe(400);
    const after = await h.db.ds.query(`SELECT count(*)::int AS n FROM cases WHERE case_type = 'INSPECTION'`);
    expect(after[0].n).toBe(before[0].n);
  });
});
