import { AccidentReportingViolationService } from '@safety/application';
import { Harness, startApiWithoutTemporal, startHarness } from '../support/harness';
import { createOrg, TestOrg } from '../support/fixtures';
import { AccidentOrg, createAccidentOrg, generalAccident } from '../support/accident-fixtures';

type Who = keyof TestOrg['users'] | keyof AccidentOrg['users'];
type Opened = Array<{ target: string; kind: string; caseId: string | null }>;

/**
 * A reporting-violation flag (条例 Art.36) raised while Temporal is unreachable is saved, its consequences are
 * not; a retry of the same flag once Temporal is back answers as done and opens them, each exactly once.
 * Temporal is unreachable for real: a second API whose Temporal address is a closed port.
 */
describe('a reporting flag retried after Temporal was unreachable opens its consequences once', () => {
  let h: Harness;
  let down: Awaited<ReturnType<typeof startApiWithoutTemporal>>;
  let org: TestOrg;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness({ temporal: 'dev' });
    down = await startApiWithoutTemporal(h);
    org = await createOrg(h.db.ds);
    const acc = await createAccidentOrg(h.db.ds, org);
    for (const [k, u] of [...Object.entries(org.users), ...Object.entries(acc.users)]) tokens[k] = await h.login(u);
  });
  afterAll(async () => {
    await down?.close();
    await h?.close();
  });

  const as = (who: Who) => ({ Authorization: `Bearer ${tokens[who]}` });
  const flagBody = {
    flag: 'CONCEALED',
    reason: '企业隐瞒死亡人数',
    officials: [{ name: '李某某', position: '镇安监站站长' }],
  };

  async function reportAccident(): Promise<string> {
    const res = await h.http().post('/accidents').set(as('officerA')).send(generalAccident(org.enterpriseId));
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  const linkedCases = (id: string) =>
    h.db.ds.query(`SELECT id, case_type, workflow_id FROM cases WHERE data->>'sourceCaseId' = $1`, [id]) as Promise<
      Array<{ id: string; case_type: string; workflow_id: string }>
    >;
  const consequenceRows = (id: string) =>
    h.db.ds.query('SELECT link_key FROM accident_reporting_consequences WHERE case_id = $1 ORDER BY link_key', [
      id,
    ]) as Promise<Array<{ link_key: string }>>;
  const referrals = async (id: string) =>
    (await h.db.ds.query('SELECT count(*)::int AS n FROM discipline_referrals WHERE source_case_id = $1', [id]))[0]
      .n as number;

  /** The flag through the API that cannot reach Temporal: saved, answered 503, nothing opened. */
  async function flagWhileTemporalDown(id: string) {
    const res = await down.http().post(`/accidents/${id}/reporting-flags`).set(as('officerA')).send(flagBody);
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('DEPENDENCY_UNAVAILABLE');
    const [row] = await h.db.ds.query('SELECT reporting_flags FROM accidents WHERE case_id = $1', [id]);
    expect(row.reporting_flags).toEqual(['CONCEALED']);
    expect(await linkedCases(id)).toHaveLength(0);
    expect(await consequenceRows(id)).toHaveLength(0);
  }

  async function flagAgain(id: string): Promise<Opened> {
    const res = await h.http().post(`/accidents/${id}/reporting-flags`).set(as('officerA')).send(flagBody);
    expect(res.status).toBe(201);
    expect(res.body.reportingFlags).toEqual(['CONCEALED']);
    const opened = res.body.consequences as Opened;
    expect(opened.map((c) => [c.target, c.kind])).toEqual([
      ['PRINCIPAL', 'PENALTY'],
      ['ENTERPRISE', 'PENALTY'],
      ['OFFICIAL', 'DISCIPLINE_REFERRAL'],
    ]);
    return opened;
  }

  /** Each consequence exactly once, linked to the accident, its workflow running, holding the gates. */
  async function expectOpenedOnce(id: string, opened: Opened) {
    const rows = await linkedCases(id);
    expect(rows.map((r) => r.case_type).sort()).toEqual(['DISCIPLINE_REFERRAL', 'PENALTY', 'PENALTY']);
    expect(rows.filter((r) => r.case_type === 'PENALTY').map((r) => r.id)).toEqual(
      expect.arrayContaining([opened[0].caseId, opened[1].caseId]),
    );
    for (const row of rows) {
      expect(row.workflow_id).toMatch(new RegExp(`-${id}-\\d+$`));
      expect((await h.client.workflow.getHandle(row.workflow_id).describe()).status.name).toBe('RUNNING');
    }
    expect((await consequenceRows(id)).map((r) => r.link_key)).toEqual([
      `accident-${id}:reporting-CONCEALED-enterprise`,
      `accident-${id}:reporting-CONCEALED-official-1`,
      `accident-${id}:reporting-CONCEALED-principal`,
    ]);
    expect(await referrals(id)).toBe(1);
    const gates = await h.http().get(`/accidents/${id}/gates`).set(as('head'));
    expect(gates.status).toBe(200);
    expect(gates.body.reportingConsequences.map((c: { target: string; handled: boolean }) => c.handled)).toEqual([
      false,
      false,
      false,
    ]);
    for (const c of gates.body.reportingConsequences as Array<{ id: string }>)
      expect(gates.body.missing).toContain(`REPORTING_CONSEQUENCE_PENDING:${c.id}`);
  }

  /** The retry opens the consequences; once more, the answer is the same and nothing is opened twice. */
  async function retryTwice(id: string) {
    const opened = await flagAgain(id);
    await expectOpenedOnce(id, opened);
    expect(await flagAgain(id)).toEqual(opened);
    await expectOpenedOnce(id, opened);
  }

  it('while the workflow runs: the retry opens the consequences, a further retry opens nothing more', async () => {
    const id = await reportAccident();
    await flagWhileTemporalDown(id);

    await retryTwice(id);
    const flagged = await h.db.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1 AND action = 'ACCIDENT_REPORTING_FLAGGED'`,
      [id],
    );
    expect(flagged[0].n).toBe(1);
  });

  it('after the workflow ended: the retry opens the consequences and starts their workflows, once', async () => {
    const id = await reportAccident();
    await h.client.workflow.getHandle(`accident-${id}`).terminate('the test ends the workflow as its completion would');
    await flagWhileTemporalDown(id);

    await retryTwice(id);
  });

  it('after the workflow ended, with the cases opened but their workflows never started: the retry starts them', async () => {
    const id = await reportAccident();
    await h.client.workflow.getHandle(`accident-${id}`).terminate('the test ends the workflow as its completion would');
    await flagWhileTemporalDown(id);
    // The API's opening before it starts the workflows, as left by a start that failed.
    await h.app.get(AccidentReportingViolationService).openAfterWorkflowEnded({
      caseId: id,
      flag: 'CONCEALED',
      officials: flagBody.officials,
      actorId: org.users.officerA.id,
    });
    const rows = await linkedCases(id);
    expect(rows).toHaveLength(3);
    for (const row of rows)
      await expect(h.client.workflow.getHandle(row.workflow_id).describe()).rejects.toThrow(/not found/i);

    const opened = await flagAgain(id);
    await expectOpenedOnce(id, opened);
  });
});
