import { endOfLocalDay, plusDays, toLocalDate } from '@safety/domain/calendar/local-date';
import { expectEventually } from '../support/eventually';
import { recordClientHistoryIfAsked } from '../support/history';
import { JointSession, startJointSession } from '../support/joint-fixtures';

/**
 * 联合检查 on the time-skipping server: the partner department's linked case runs its own timer past
 * the deadline, its own 复查 in its inbox and, unrectified, its own automatic penalty case in that
 * department, while the host's findings follow the host's path.
 */
describe("a joint inspection's partner case: timer, 复查 and penalty case in the partner department", () => {
  let s: JointSession;
  beforeAll(async () => {
    s = await startJointSession('time-skipping');
  });
  afterAll(async () => s?.h.close());

  const openTask = (caseId: string, type: string, who: string) =>
    expectEventually(async () => {
      const r = await s.h.http().get('/tasks').query({ caseId, type }).set(s.as(who));
      const open = (r.body.items as Array<{ id: string; status: string }>).filter((t) => t.status !== 'COMPLETED');
      expect(open).toHaveLength(1);
      return open[0];
    });
  const detail = async (id: string, who: string) => (await s.detail(id, who)).body;

  it('the partner’s 复查 finds its hazard unrectified: a penalty case opens in the partner department', async () => {
    const { h, org, people, housingDepartmentId, signed, complete } = s;
    const opened = await s.open('officerA', {
      mode: 'JOINT',
      partnerDepartmentIds: [housingDepartmentId],
      inspectorIds: [people.officerA.id, people.officerB.id, people.housingA.id],
    });
    expect(opened.status).toBe(201);
    const hostId = opened.body.id as string;
    const deadline = plusDays(toLocalDate(new Date(await h.env!.currentTimeMs())), 3);
    const record = await openTask(hostId, 'INSPECTION_RECORD', 'officerA');
    const done = await complete(record.id, 'officerA', 'RECTIFY', {
      confirmations: signed('officerA', 'officerB', 'housingA'),
      findings: [
        { description: '消防通道堵塞', hazardLevel: 'GENERAL', legalBasis: '《安全生产法》第四十一条' },
        {
          description: '违规搭建临时建筑',
          hazardLevel: 'GENERAL',
          legalBasis: '《建设工程安全生产管理条例》第二十九条',
          competentDepartmentId: housingDepartmentId,
        },
      ],
      rectificationDeadline: deadline,
    });
    expect(done.status).toBe(200);
    const partnerId = await expectEventually(async () => {
      const host = await detail(hostId, 'officerA');
      expect(host.workflow.partnerCases).toHaveLength(1);
      return host.workflow.partnerCases[0].caseId as string;
    });
    await expectEventually(async () =>
      expect((await detail(partnerId, 'housingA')).workflow.status).toBe('RECTIFICATION_ORDERED'),
    );

    await h.skipTo(endOfLocalDay(deadline).getTime() + 60_000);
    // Each department's 复查 opens in its own inbox.
    const partnerRe = await openTask(partnerId, 'REINSPECTION', 'housingA');
    const hostRe = await openTask(hostId, 'REINSPECTION', 'officerA');
    const rows = await h.db.ds.query('SELECT id, department_id FROM tasks WHERE id = ANY($1)', [
      [partnerRe.id, hostRe.id],
    ]);
    expect(new Map(rows.map((r: { id: string; department_id: string }) => [r.id, r.department_id]))).toEqual(
      new Map([
        [partnerRe.id, housingDepartmentId],
        [hostRe.id, org.departmentId],
      ]),
    );
    // A third department's officer may not act on the partner's 复查.
    expect(
      (
        await complete(partnerRe.id, 'otherOfficer', 'NOT_RECTIFIED', {
          confirmations: signed('officerA'),
          opinion: 'x',
        })
      ).status,
    ).toBe(403);
    // The partner's officer records its 复查 (co-signed by the joint team); the host's is rectified.
    const answers = await Promise.all([
      complete(partnerRe.id, 'housingA', 'NOT_RECTIFIED', {
        confirmations: signed('housingA', 'officerA'),
        opinion: '临时建筑逾期未拆除',
      }),
      complete(hostRe.id, 'officerA', 'RECTIFIED', {
        confirmations: signed('officerA', 'officerB'),
        opinion: '已清理',
      }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);

    const penalty = await expectEventually(async () => {
      const found = await h.db.ds.query(
        `SELECT id, department_id, workflow_id, handler_ids FROM cases WHERE case_type = 'PENALTY' AND data->>'sourceCaseId' = $1`,
        [partnerId],
      );
      expect(found).toHaveLength(1);
      return found[0] as { id: string; department_id: string; workflow_id: string; handler_ids: string[] };
    });
    expect(penalty).toMatchObject({ department_id: housingDepartmentId, workflow_id: `penalty-${partnerId}-1` });
    expect(penalty.handler_ids).toEqual([people.housingA.id]);
    await expectEventually(async () => {
      expect((await detail(partnerId, 'housingA')).workflow).toMatchObject({
        status: 'CLOSED',
        result: 'NOT_RECTIFIED_PENALTY',
      });
      expect((await detail(hostId, 'officerA')).workflow).toMatchObject({ status: 'CLOSED', result: 'RECTIFIED' });
    });
    // No penalty case in the host department: its finding was rectified.
    const hostPenalties = await h.db.ds.query(
      `SELECT id FROM cases WHERE case_type = 'PENALTY' AND data->>'sourceCaseId' = $1`,
      [hostId],
    );
    expect(hostPenalties).toHaveLength(0);
    await recordClientHistoryIfAsked(h.client, `inspection-${hostId}`, 'inspection-v3-joint-host-rectified');
    await recordClientHistoryIfAsked(
      h.client,
      `inspection-${hostId}-1`,
      'inspection-v3-joint-partner-not-rectified-penalty',
    );
  });
});
