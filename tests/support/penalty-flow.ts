import { OrgHarness } from './harness';
import { TestOrg } from './fixtures';
import { expectEventually } from './eventually';

type Who = keyof TestOrg['users'];

/** The INVESTIGATION step's payload: findings and an evidence list signed by the given officers (行政处罚法 Art.42, 55). */
export const penaltyEvidence = (officers: Array<{ officerId: string; credentialNo: string }>) => ({
  findings: '现场检查发现：该企业未对新入职员工开展岗前安全培训，培训档案缺失。',
  evidence: [
    { kind: 'INSPECTION_RECORD', description: '现场检查笔录', officers },
    { kind: 'INQUIRY_RECORD', description: '询问笔录（安全负责人）', officers },
  ],
});

/** The PENALTY_PROPOSAL step's payload (defaults inside the seeded discretion benchmark). */
export const penaltyProposal = (extra: Record<string, unknown> = {}) => ({
  violationType: 'SPL-97-3',
  facts: '未按照规定对从业人员进行安全生产教育和培训',
  circumstance: 'ORDINARY',
  measures: ['FINE'],
  fineYuan: 40_000,
  reasons: '情节一般',
  ...extra,
});

/** What the helpers need: the in-process harness, or the separate processes of the fault tier. */
export type FlowHarness = Pick<OrgHarness, 'org' | 'as' | 'http' | 'env'> & { db: Pick<OrgHarness['db'], 'ds'> };

/** Helpers that drive a penalty case through its steps over HTTP (tests/e2e/penalty-*.e2e.test.ts, tests/fault). */
export function penaltyFlow(h: FlowHarness) {
  const { org, as } = h;

  /** The open task of the given type (from the database, which the workflow writes through its activities). */
  const openTask = (caseId: string, type: string, timeoutMs = 20_000) =>
    expectEventually(
      async () => {
        const rows: Array<{ id: string; due_at: Date | null; assignee_id: string | null }> = await h.db.ds.query(
          `SELECT id, due_at, assignee_id FROM tasks WHERE case_id = $1 AND type = $2 AND status IN ('OPEN','CLAIMED') ORDER BY created_at DESC`,
          [caseId, type],
        );
        expect(rows.length).toBeGreaterThan(0);
        return rows[0];
      },
      { timeoutMs },
    );

  const complete = (taskId: string, who: Who, outcome: string, payload: Record<string, unknown> = {}) =>
    h.http().post(`/tasks/${taskId}/complete`).set(as(who)).send({ outcome, payload });

  const completeOk = async (
    caseId: string,
    type: string,
    who: Who,
    outcome: string,
    payload: Record<string, unknown> = {},
  ) => {
    const t = await openTask(caseId, type);
    const res = await complete(t.id, who, outcome, payload);
    if (res.status !== 200) throw new Error(`${type} ${outcome} by ${who}: ${res.status} ${JSON.stringify(res.body)}`);
    return t;
  };

  const status = async (caseId: string): Promise<string> =>
    (await h.db.ds.query('SELECT status FROM cases WHERE id = $1', [caseId]))[0].status;

  const waitStatus = (caseId: string, expected: string, timeoutMs = 20_000) =>
    expectEventually(
      async () => {
        expect(await status(caseId)).toBe(expected);
      },
      { timeoutMs },
    );

  const state = async (caseId: string) => {
    const res = await h.http().get(`/cases/${caseId}`).set(as('head'));
    expect(res.status).toBe(200);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary fields of the state
    return res.body.workflow as { status: string; procedure?: Record<string, any> };
  };

  const openCase = async (
    handlerIds: string[] = [org.users.officerB.id],
    title = '未按规定对从业人员进行安全生产教育和培训',
  ) => {
    const res = await h
      .http()
      .post('/cases/penalty')
      .set(as('officerA'))
      .send({ title, enterpriseId: org.enterpriseId, handlerIds });
    if (res.status !== 201) throw new Error(`open case: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; workflowId: string };
  };

  const evidence = penaltyEvidence;

  const twoOfficers = () => [
    { officerId: org.users.officerA.id, credentialNo: `A${org.suffix}` },
    { officerId: org.users.officerB.id, credentialNo: `B${org.suffix}` },
  ];

  const file = (caseId: string) => completeOk(caseId, 'FILING_APPROVAL', 'head', 'APPROVE', { comment: '同意立案' });
  const investigate = (caseId: string) =>
    completeOk(caseId, 'INVESTIGATION', 'officerA', 'SUBMIT', evidence(twoOfficers()));

  const proposal = penaltyProposal;

  /** Serves the notice now (workflow time) and returns when the party window is open. */
  const serveNotice = async (caseId: string, servedAt?: string) => {
    await completeOk(caseId, 'PENALTY_NOTICE_SERVICE', 'officerA', 'SERVED', {
      servedAt: servedAt ?? new Date(await nowMs()).toISOString(),
      method: 'DIRECT',
      recipient: '企业安全负责人',
    });
    await waitStatus(caseId, 'AWAITING_PARTY');
  };

  const nowMs = async (): Promise<number> => (h.env ? h.env.currentTimeMs() : Date.now());
  const localDate = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  const today = async (): Promise<string> => localDate(await nowMs());

  const waive = (caseId: string, waives: string[]) =>
    h
      .http()
      .post(`/cases/penalty/${caseId}/waivers`)
      .set(as('officerA'))
      .send({ waives, note: '当事人书面放弃（签字确认书）' });

  /**
   * The 2027 notice is not published yet: load a test year (shaped like a real one, New Year on 1–3 January)
   * so the Art.60 decision clock and payment periods that run into 2027 can be computed.
   */
  const loadTestYear2027 = async () => {
    const d = (md: string) => `2027-${md}`;
    const holidays = [
      '01-01',
      '01-02',
      '01-03',
      '02-06',
      '02-07',
      '02-08',
      '02-09',
      '02-10',
      '02-11',
      '02-12',
      '02-13',
      '04-05',
      '05-01',
      '05-02',
      '05-03',
      '05-04',
      '05-05',
      '06-09',
      '09-15',
      '10-01',
      '10-02',
      '10-03',
      '10-04',
      '10-05',
      '10-06',
      '10-07',
    ].map(d);
    const res = await h
      .http()
      .put('/calendar/years/2027')
      .set(as('sysadmin'))
      .send({
        noticeNumber: 'TEST-2027',
        noticeDate: '2026-11-01',
        source: 'test data for e2e tests (not the official notice)',
        holidays,
        makeupWorkdays: ['02-20', '05-08', '10-09'].map(d),
      });
    if (res.status !== 200) throw new Error(`calendar 2027: ${res.status} ${JSON.stringify(res.body)}`);
  };

  return {
    loadTestYear2027,
    openTask,
    complete,
    completeOk,
    status,
    waitStatus,
    state,
    openCase,
    evidence,
    twoOfficers,
    file,
    investigate,
    proposal,
    serveNotice,
    nowMs,
    localDate,
    today,
    waive,
  };
}
