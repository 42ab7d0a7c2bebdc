import { plusDays, toLocalDate } from '@safety/domain/calendar/local-date';
import type { Harness } from '../support/harness';
import type { TestOrg } from '../support/fixtures';
import { expectEventually } from '../support/eventually';
import { recordHistoryIfAsked } from '../support/history';
import { JointSession, startJointSession } from '../support/joint-fixtures';

/**
 * 联合检查 and 交叉检查 over HTTP (dev server): a joint inspection by the county emergency bureau and
 * the county housing-construction bureau opens one rectification order in each, numbered by each and
 * visible to each but not to a third department; a cross inspection by the neighbouring county's
 * officers stays in the host's jurisdiction; the team and the findings' attribution are checked.
 */
describe('joint and cross-department inspections (dev server)', () => {
  let s: JointSession;
  let h: Harness;
  let org: TestOrg;
  let housingDepartmentId: string;
  let people: JointSession['people'];
  beforeAll(async () => {
    s = await startJointSession('dev');
    ({ h, org, housingDepartmentId, people } = s);
  });
  afterAll(async () => s?.h.close());

  const as = (who: string) => s.as(who);
  const signed = (...who: string[]) => s.signed(...who);
  const open = (who: string, body: Record<string, unknown>) => s.open(who, body);
  const detail = (id: string, who: string) => s.detail(id, who);
  const complete = (taskId: string, who: string, outcome: string, payload: Record<string, unknown>) =>
    s.complete(taskId, who, outcome, payload);
  const finding = (description: string, competentDepartmentId?: string) => ({
    description,
    hazardLevel: 'GENERAL',
    legalBasis: '《安全生产法》第四十一条',
    ...(competentDepartmentId ? { competentDepartmentId } : {}),
  });
  const deadline = () => plusDays(toLocalDate(new Date()), 7);
  const recordTask = (caseId: string, who: string) =>
    expectEventually(async () => {
      const r = await h.http().get('/tasks').query({ caseId, type: 'INSPECTION_RECORD' }).set(as(who));
      expect(r.body.items).toHaveLength(1);
      return r.body.items[0] as { id: string; assigneeId: string | null };
    });
  const rectificationOrders = (caseIds: string[]) =>
    h.db.ds.query(
      `SELECT d.case_id, d.department_id, d.number FROM documents d WHERE d.case_id = ANY($1) AND d.kind = 'RECTIFICATION_ORDER'`,
      [caseIds],
    ) as Promise<Array<{ case_id: string; department_id: string; number: string }>>;

  it('a joint inspection by two departments opens one rectification order in each', async () => {
    const opened = await open('officerA', {
      mode: 'JOINT',
      partnerDepartmentIds: [housingDepartmentId],
      inspectorIds: [people.officerA.id, people.officerB.id, people.housingA.id],
    });
    expect(opened.status).toBe(201);
    const hostId = opened.body.id as string;
    expect(opened.body.departmentId).toBe(org.departmentId);

    // The partner's officer on the team reads the joint inspection; a third department does not.
    expect((await detail(hostId, 'housingA')).status).toBe(200);
    expect((await detail(hostId, 'otherOfficer')).status).toBe(403);
    expect((await detail(hostId, 'housingHead')).status).toBe(403); // not on the team, not the host

    const task = await recordTask(hostId, 'officerA');
    const findings = [finding('消防通道堵塞'), finding('违规搭建临时建筑', housingDepartmentId)];
    const payload = { confirmations: signed('officerA', 'officerB', 'housingA'), rectificationDeadline: deadline() };
    // A finding attributed to a department that is not a partner: a rule of the case.
    const stray = await complete(task.id, 'officerA', 'RECTIFY', {
      ...payload,
      findings: [finding('消防通道堵塞', org.otherDepartmentId)],
    });
    expect(stray.status).toBe(422);
    // Art.68: at least two of the host's officers sign the joint record.
    const oneHostSigner = await complete(task.id, 'officerA', 'RECTIFY', {
      ...payload,
      confirmations: signed('officerA', 'housingA'),
      findings,
    });
    expect(oneHostSigner.status).toBe(422);
    // A penalty proposal is the host's: a partner's finding is ordered rectified instead.
    const penalty = await complete(task.id, 'officerA', 'PROPOSE_PENALTY', {
      confirmations: payload.confirmations,
      findings,
      penaltyReason: '拒不整改',
    });
    expect(penalty.status).toBe(422);
    expect((await complete(task.id, 'officerA', 'RECTIFY', { ...payload, findings })).status).toBe(200);

    const host = await expectEventually(async () => {
      const r = await detail(hostId, 'officerA');
      expect(r.body.workflow).toMatchObject({ status: 'RECTIFICATION_ORDERED' });
      expect(r.body.workflow.partnerCases).toHaveLength(1);
      return r.body;
    });
    expect(host.workflow.findings).toHaveLength(2);
    const [partner] = host.workflow.partnerCases as Array<{ departmentId: string; caseId: string; workflowId: string }>;
    expect(partner).toMatchObject({ departmentId: housingDepartmentId, workflowId: `inspection-${hostId}-1` });

    const linked = await expectEventually(async () => {
      const r = await detail(partner.caseId, 'housingA');
      expect(r.status).toBe(200);
      expect(r.body.workflow).toMatchObject({ status: 'RECTIFICATION_ORDERED', outcome: 'RECTIFY' });
      return r.body;
    });
    expect(linked.departmentId).toBe(housingDepartmentId);
    expect(linked.workflow.findings).toEqual([expect.objectContaining({ description: '违规搭建临时建筑' })]);
    expect(linked.workflow.rectificationDeadline).toBe(payload.rectificationDeadline);
    expect(linked.data.origin).toEqual({ kind: 'JOINT', sourceCaseId: hostId });
    // The partner's head sees its department's case; a third department sees neither.
    expect((await detail(partner.caseId, 'housingHead')).status).toBe(200);
    expect((await detail(partner.caseId, 'otherOfficer')).status).toBe(403);
    const otherList = await h.http().get('/inspections').set(as('otherOfficer'));
    expect(otherList.body.items.map((c: { id: string }) => c.id)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^(${hostId}|${partner.caseId})$`))]),
    );
    const housingList = await h.http().get('/inspections').set(as('housingHead'));
    expect(housingList.body.items.map((c: { id: string }) => c.id)).toContain(partner.caseId);

    // One 责令限期整改指令书 in each department, numbered by each.
    const orders = await expectEventually(async () => {
      const rows = await rectificationOrders([hostId, partner.caseId]);
      expect(rows).toHaveLength(2);
      return rows;
    });
    const byCase = new Map(orders.map((o) => [o.case_id, o]));
    expect(byCase.get(hostId)).toMatchObject({ department_id: org.departmentId });
    expect(byCase.get(hostId)!.number).toMatch(/^〔\d{4}〕测应急/);
    expect(byCase.get(partner.caseId)).toMatchObject({ department_id: housingDepartmentId });
    expect(byCase.get(partner.caseId)!.number).toMatch(/^〔\d{4}〕测住建/);
    const timeline = await h.http().get(`/cases/${partner.caseId}/timeline`).set(as('housingA'));
    expect(timeline.status).toBe(200);
    expect(
      timeline.body.items.find((e: { action: string }) => e.action === 'RECTIFICATION_ORDERED').summary,
    ).toMatchObject({ orderNumber: byCase.get(partner.caseId)!.number });
  });

  it('a joint inspection whose findings are all the partner’s closes the host case and orders in the partner', async () => {
    const opened = await open('officerA', {
      mode: 'JOINT',
      partnerDepartmentIds: [housingDepartmentId],
      inspectorIds: [people.officerA.id, people.officerB.id, people.housingA.id],
    });
    const hostId = opened.body.id as string;
    const task = await recordTask(hostId, 'officerA');
    const done = await complete(task.id, 'officerA', 'RECTIFY', {
      confirmations: signed('officerA', 'officerB'),
      findings: [finding('违规搭建临时建筑', housingDepartmentId)],
      rectificationDeadline: deadline(),
    });
    expect(done.status).toBe(200);
    const host = await expectEventually(async () => {
      const r = await detail(hostId, 'officerA');
      expect(r.body.workflow).toMatchObject({ status: 'CLOSED', result: 'REFERRED_TO_PARTNERS' });
      return r.body;
    });
    const orders = await expectEventually(async () => {
      const rows = await rectificationOrders([hostId, host.workflow.partnerCases[0].caseId]);
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(orders[0].department_id).toBe(housingDepartmentId);
  });

  it('a cross inspection: the neighbouring county’s officers inspect under the host’s jurisdiction', async () => {
    const crossTeam = [people.otherOfficer.id, people.otherB.id];
    // At least two visiting officers inspect.
    const alone = await open('officerA', {
      mode: 'CROSS',
      partnerDepartmentIds: [org.otherDepartmentId],
      inspectorIds: [people.otherOfficer.id, people.officerA.id],
    });
    expect(alone.status).toBe(422);
    const opened = await open('officerA', {
      mode: 'CROSS',
      partnerDepartmentIds: [org.otherDepartmentId],
      inspectorIds: crossTeam,
    });
    expect(opened.status).toBe(201);
    const id = opened.body.id as string;
    expect(opened.body.departmentId).toBe(org.departmentId);
    expect((await detail(id, 'otherOfficer')).status).toBe(200);
    expect((await detail(id, 'housingA')).status).toBe(403);

    // The record step is assigned to a visiting officer (the case's tasks are the host's).
    const task = await recordTask(id, 'otherOfficer');
    expect(task.assigneeId).toBe(people.otherOfficer.id);
    const payload = { confirmations: signed('otherOfficer', 'otherB'), rectificationDeadline: deadline() };
    // Every finding of a cross inspection is the host's.
    const stray = await complete(task.id, 'otherOfficer', 'RECTIFY', {
      ...payload,
      findings: [finding('特种作业人员无证上岗', org.otherDepartmentId)],
    });
    expect(stray.status).toBe(422);
    expect(
      (await complete(task.id, 'otherOfficer', 'RECTIFY', { ...payload, findings: [finding('特种作业人员无证上岗')] }))
        .status,
    ).toBe(200);
    await expectEventually(async () =>
      expect((await detail(id, 'officerA')).body.workflow).toMatchObject({ status: 'RECTIFICATION_ORDERED' }),
    );
    const orders = await expectEventually(async () => {
      const rows = await rectificationOrders([id]);
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(orders[0]).toMatchObject({ department_id: org.departmentId });
    expect(orders[0].number).toMatch(/^〔\d{4}〕测应急/);
    recordHistoryIfAsked(`inspection-${id}`, 'inspection-v3-cross-rectification-ordered');
  });

  it('refuses a team member of a department that is not a partner, and malformed joint bodies', async () => {
    const stranger = await open('officerA', {
      mode: 'JOINT',
      partnerDepartmentIds: [housingDepartmentId],
      inspectorIds: [people.officerA.id, people.officerB.id, people.otherOfficer.id],
    });
    expect(stranger.status).toBe(422);
    expect(stranger.body.code).toBeDefined();
    const hostAsPartner = await open('officerA', {
      mode: 'JOINT',
      partnerDepartmentIds: [org.departmentId],
      inspectorIds: [people.officerA.id, people.officerB.id],
    });
    expect(hostAsPartner.status).toBe(422);
    const oneHostOfficer = await open('officerA', {
      mode: 'JOINT',
      partnerDepartmentIds: [housingDepartmentId],
      inspectorIds: [people.officerA.id, people.housingA.id],
    });
    expect(oneHostOfficer.status).toBe(422);
    const noPartners = await open('officerA', {
      mode: 'JOINT',
      inspectorIds: [people.officerA.id, people.officerB.id],
    });
    expect(noPartners.status).toBe(400);
    expect(noPartners.body.details.fields.map((f: { path: string }) => f.path)).toContain('partnerDepartmentIds');
    const partnersAlone = await open('officerA', {
      partnerDepartmentIds: [housingDepartmentId],
      inspectorIds: [people.officerA.id, people.officerB.id],
    });
    expect(partnersAlone.status).toBe(400);
    const unknown = await open('officerA', {
      mode: 'JOINT',
      partnerDepartmentIds: ['00000000-0000-4000-8000-000000000000'],
      inspectorIds: [people.officerA.id, people.officerB.id],
    });
    expect(unknown.status).toBe(404);
    // A single-department inspection keeps its rule: a housing officer is not on the emergency bureau's team.
    const single = await open('officerA', { inspectorIds: [people.officerA.id, people.housingA.id] });
    expect(single.status).toBe(422);
  });
});
