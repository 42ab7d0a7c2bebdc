import { Harness, startHarness } from '../support/harness';
import { createOrg, TestOrg } from '../support/fixtures';
import { AccidentOrg, createAccidentOrg, loadTestCalendar2027, teamPayload } from '../support/accident-fixtures';
import { expectEventually } from '../support/eventually';

type Who = keyof TestOrg['users'] | keyof AccidentOrg['users'];

const STAFF_ID = '110101199003071234';
const OFFICIAL_ID = '320102198001011238';

/**
 * The accident detail masks ID numbers and the referred official by default; only the investigating
 * department's head and the team lead may ask for the unmasked view, and that read is audited.
 */
describe('personal data in the accident detail over HTTP', () => {
  let h: Harness;
  let org: TestOrg;
  let acc: AccidentOrg;
  let id: string;
  const tokens: Record<string, string> = {};
  const as = (who: Who) => ({ Authorization: `Bearer ${tokens[who]}` });

  async function openTask(caseId: string, who: Who, type: string) {
    return expectEventually(async () => {
      const res = await h.http().get('/tasks').query({ caseId, type }).set(as(who));
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThanOrEqual(1);
      return res.body.items[0] as { id: string; dueAt: string | null };
    });
  }

  beforeAll(async () => {
    h = await startHarness({ temporal: 'dev' });
    org = await createOrg(h.db.ds);
    acc = await createAccidentOrg(h.db.ds, org);
    await loadTestCalendar2027(h.db.ds);
    for (const [k, u] of [...Object.entries(org.users), ...Object.entries(acc.users)]) tokens[k] = await h.login(u);
    // A 一般 accident: the county bureau investigates (条例 Art.19).
    const created = await h
      .http()
      .post('/accidents')
      .set(as('officerA'))
      .send({
        occurredAt: new Date(Date.now() - 30 * 60_000).toISOString(),
        place: '测试县化工园区',
        summary: '反应釜泄漏',
        enterpriseId: org.enterpriseId,
        sectorCode: 'HAZARDOUS_CHEMICALS',
        deaths: 1,
        seriousInjuries: 0,
        directLossYuan: 0,
      });
    expect(created.status).toBe(201);
    id = created.body.id;
    await openTask(id, 'head', 'ACCIDENT_TEAM_FORMATION');
    expect((await h.http().post(`/accidents/${id}/team`).set(as('head')).send(teamPayload(org, acc))).status).toBe(200);
    const findings = await openTask(id, 'police', 'ACCIDENT_MEMBER_FINDINGS');
    expect(
      (
        await h
          .http()
          .post(`/tasks/${findings.id}/complete`)
          .set(as('police'))
          .send({ outcome: 'SUBMIT', payload: { findings: '现场勘验完毕' } })
      ).status,
    ).toBe(200);
    await expectEventually(async () =>
      expect((await openTask(id, 'lead', 'ACCIDENT_INVESTIGATION_REPORT')).dueAt).not.toBeNull(),
    );
    const submitted = await h
      .http()
      .post(`/accidents/${id}/report`)
      .set(as('lead'))
      .send({
        directCauses: `操作工张三违章作业（身份证${STAFF_ID}，电话13912345678）`,
        indirectCauses: '监管科科长李四监管不到位',
        educationMeasures: '警示教育',
        responsibleParties: [
          {
            kind: 'ENTERPRISE_STAFF',
            name: '张三',
            enterpriseId: org.enterpriseId,
            position: '操作工',
            idNumber: STAFF_ID,
            responsibility: '违章作业',
            proposedHandling: 'INTERNAL_HANDLING',
          },
          {
            kind: 'PUBLIC_OFFICIAL',
            name: '李四',
            organisation: '测试县应急管理局',
            position: '监管科科长',
            idNumber: OFFICIAL_ID,
            responsibility: '监管不力',
            proposedHandling: 'DISCIPLINE_REFERRAL',
          },
        ],
        rectificationMeasures: [{ description: '完善作业审批', owner: '测试企业', dueDate: '2026-12-31' }],
      });
    expect(submitted.status).toBe(200);
    // The workflow stores the report after the step completes.
    await expectEventually(async () => {
      const detail = await h.http().get(`/accidents/${id}`).set(as('head'));
      expect(detail.body.responsibleParties).toHaveLength(2);
    });
  });
  afterAll(async () => h?.close());

  const personalDataReads = async () =>
    (
      await h.db.ds.query(
        `SELECT actor_id, summary FROM audit_log WHERE action = 'PERSONAL_DATA_READ' AND case_id = $1 ORDER BY seq`,
        [id],
      )
    ).map((r: { actor_id: string; summary: Record<string, unknown> }) => ({ actorId: r.actor_id, ...r.summary }));

  it.each(['officerA', 'officerB', 'head', 'police', 'union', 'lead', 'cityHead'] as const)(
    'masks ID numbers and the referred official for %s by default, without a personal-data read',
    async (who) => {
      const res = await h.http().get(`/accidents/${id}`).set(as(who));
      expect(res.status).toBe(200);
      expect(res.body.personalData).toBe('MASKED');
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(STAFF_ID);
      expect(text).not.toContain(OFFICIAL_ID);
      expect(text).not.toContain('李四');
      expect(text).not.toContain('13912345678');
      const [staff, official] = res.body.responsibleParties;
      expect(staff).toMatchObject({ name: '张三', idNumber: '110101********1234' });
      expect(official).toMatchObject({ kind: 'PUBLIC_OFFICIAL', name: '李*', idNumber: '320102********1238' });
      expect(await personalDataReads()).toEqual([]);
    },
  );

  it.each(['officerA', 'police', 'union', 'cityHead', 'discipline', 'sysadmin'] as const)(
    'refuses the unmasked view to %s with 403',
    async (who) => {
      const res = await h.http().get(`/accidents/${id}`).query({ unmask: 'true' }).set(as(who));
      expect(res.status).toBe(403);
    },
  );

  it.each(['head', 'lead'] as const)('unmasks for %s and audits the read as personal data', async (who) => {
    const res = await h.http().get(`/accidents/${id}`).query({ unmask: 'true' }).set(as(who));
    expect(res.status).toBe(200);
    expect(res.body.personalData).toBe('UNMASKED');
    const [staff, official] = res.body.responsibleParties;
    expect(staff.idNumber).toBe(STAFF_ID);
    expect(official).toMatchObject({ name: '李四', idNumber: OFFICIAL_ID, position: '监管科科长' });
    expect(JSON.stringify(res.body)).toContain('13912345678');
    const userId = who === 'head' ? org.users.head.id : acc.users.lead.id;
    expect((await personalDataReads()).filter((r: { actorId: string }) => r.actorId === userId)).toEqual([
      expect.objectContaining({
        actorId: userId,
        entity: 'accident',
        id,
        fields: expect.arrayContaining(['idNumber']),
      }),
    ]);
  });

  it('rejects a malformed unmask flag', async () => {
    expect((await h.http().get(`/accidents/${id}`).query({ unmask: 'yes' }).set(as('head'))).status).toBe(400);
  });
});
