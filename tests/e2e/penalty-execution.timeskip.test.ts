import { OrgHarness, startOrgHarness } from '../support/harness';
import { expectEventually } from '../support/eventually';
import { penaltyFlow } from '../support/penalty-flow';

/**
 * Execution and disclosure on the time-skipping server: 加处罚款 of exactly 3% per day up to the fine
 * (行政处罚法 Art.72) and paused while 复议 is pending (Art.73); 催告 and the court application after the
 * challenge periods (行政强制法 Art.53, 54); publication within 7 working days of the decision across a
 * holiday (安全生产法 Art.78) and its withdrawal after a revocation (行政处罚法 Art.48). Dates come from the
 * loaded calendar, never hard-coded.
 */
describe('penalty execution and disclosure (time-skipping)', () => {
  let h: OrgHarness;
  let f: ReturnType<typeof penaltyFlow>;
  const DAY = 86_400_000;

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'time-skipping' });
    f = penaltyFlow(h);
    await f.loadTestYear2027();
  });
  afterAll(async () => h?.close());

  // Guarded skips: never leave a timer about to fire when the test acts next (tests/support/time-skipping.ts).
  const sleepUntil = (instantMs: number) => h.skipTo(instantMs);
  const at = (date: string, hhmm = '10:00') => Date.parse(`${date}T${hhmm}:00+08:00`);
  const plus = (date: string, days: number) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
  const dueDate = async (start: string, unit: 'working_days' | 'calendar_days', amount: number) => {
    const res = await h.http().get('/calendar/due-date').set(h.as('head')).query({ start, unit, amount });
    expect(res.status).toBe(200);
    return res.body as { dueDate: string; dueAt: string };
  };
  const owed = async (caseId: string, asOf?: string) => {
    const res = await h
      .http()
      .get(`/cases/penalty/${caseId}/amount-owed`)
      .query(asOf ? { asOf } : {})
      .set(h.as('officerA'));
    expect(res.status).toBe(200);
    return res.body as {
      surchargeYuan: number;
      surchargeDays: number;
      suspendedDays: number;
      capped: boolean;
      outstandingYuan: number;
      dueDate: string;
    };
  };

  /** A 10,000 yuan fine (no hearing right for an organisation), notice served and statement waived; returns at the decision step. */
  async function toDecision(): Promise<string> {
    const c = await f.openCase();
    await f.file(c.id);
    await f.investigate(c.id);
    await f.completeOk(
      c.id,
      'PENALTY_PROPOSAL',
      'officerA',
      'PROPOSE_PENALTY',
      f.proposal({ violationType: 'SPL-99-3', circumstance: 'LENIENT', fineYuan: 10_000 }),
    );
    await f.serveNotice(c.id);
    expect((await f.waive(c.id, ['STATEMENT'])).status).toBe(201);
    await f.openTask(c.id, 'PENALTY_DECISION');
    return c.id;
  }

  async function decideAndServe(caseId: string): Promise<string> {
    await f.completeOk(caseId, 'PENALTY_DECISION', 'head', 'DECIDE_PENALTY', { reasons: '违法事实清楚' });
    await f.completeOk(caseId, 'DECISION_SERVICE', 'officerA', 'SERVED', {
      servedAt: new Date(await f.nowMs()).toISOString(),
      method: 'DIRECT',
      recipient: '企业安全负责人',
    });
    await f.waitStatus(caseId, 'AWAITING_PAYMENT');
    return f.localDate(Date.parse((await f.state(caseId)).procedure!.service.servedAt));
  }

  it('accrues exactly 3% of the fine per day after the 15-day period, capped at the fine after 34 days', async () => {
    const caseId = await toDecision();
    const servedOn = await decideAndServe(caseId);
    await f.completeOk(caseId, 'DECISION_PUBLICATION', 'officerB', 'PUBLISH');
    const due = await dueDate(servedOn, 'calendar_days', 15);
    expect((await f.state(caseId)).procedure!.payment.dueDate).toBe(due.dueDate);

    expect(await owed(caseId, due.dueDate)).toMatchObject({ surchargeYuan: 0, outstandingYuan: 10_000 });
    await sleepUntil(Date.parse(due.dueAt) + 3_600_000);
    await f.waitStatus(caseId, 'OVERDUE');
    const day1 = await owed(caseId, await f.today());
    expect(day1).toMatchObject({ surchargeDays: 1, surchargeYuan: 300, outstandingYuan: 10_300, capped: false });

    await sleepUntil(at(plus(due.dueDate, 10)));
    expect(await owed(caseId, await f.today())).toMatchObject({ surchargeDays: 10, surchargeYuan: 3_000 });
    expect(await owed(caseId, plus(due.dueDate, 33))).toMatchObject({ surchargeYuan: 9_900, capped: false });
    await sleepUntil(at(plus(due.dueDate, 34)));
    expect(await owed(caseId, await f.today())).toMatchObject({
      surchargeDays: 34,
      surchargeYuan: 10_000,
      capped: true,
      outstandingYuan: 20_000,
    });
    await sleepUntil(at(plus(due.dueDate, 40)));
    expect(await owed(caseId, await f.today())).toMatchObject({
      surchargeYuan: 10_000,
      capped: true,
      outstandingYuan: 20_000,
    });

    const over = await h
      .http()
      .post(`/cases/penalty/${caseId}/payments`)
      .set(h.as('officerA'))
      .send({ amountYuan: 20_000.01, paidOn: await f.today(), receiptNo: 'FS-1' });
    expect(over.status).toBe(422);
    const paid = await h
      .http()
      .post(`/cases/penalty/${caseId}/payments`)
      .set(h.as('officerA'))
      .send({ amountYuan: 20_000, paidOn: await f.today(), receiptNo: 'FS-2' });
    expect(paid.status).toBe(201);
    await f.waitStatus(caseId, 'EXECUTED');
    await f.completeOk(caseId, 'CASE_ARCHIVE', 'head', 'ARCHIVE');
    await f.waitStatus(caseId, 'ARCHIVED');
  });

  it('pauses the surcharge during 复议, then demands payment and applies to court after the challenge periods', async () => {
    const caseId = await toDecision();
    const servedOn = await decideAndServe(caseId);
    await f.completeOk(caseId, 'DECISION_PUBLICATION', 'officerB', 'PUBLISH');
    const due = (await f.state(caseId)).procedure!.payment.dueDate as string;

    await sleepUntil(at(plus(due, 5)));
    const filedOn = await f.today();
    const filed = await h
      .http()
      .post(`/cases/penalty/${caseId}/challenges`)
      .set(h.as('officerA'))
      .send({ kind: 'RECONSIDERATION', filedOn, body: '测试市人民政府' });
    expect(filed.status).toBe(201);
    await sleepUntil(at(plus(filedOn, 10)));
    const endedOn = await f.today();
    const ended = await h
      .http()
      .post(`/cases/penalty/${caseId}/challenges/1/end`)
      .set(h.as('officerA'))
      .send({ endedOn, result: 'UPHELD' });
    expect(ended.status).toBe(200);
    const o = await owed(caseId, plus(endedOn, 2));
    expect(o.suspendedDays).toBe(11);
    expect(o.surchargeDays).toBe(4 + 2);
    expect(o.surchargeYuan).toBe(300 * 6);

    // After the 复议 (60 days) and 诉讼 (6 months) periods: a 催告书, then (10 working days later) the court application.
    const st = (await f.state(caseId)).procedure!;
    expect(st.enforcement.challengePeriodsEnd > servedOn).toBe(true);
    await sleepUntil(at(plus(st.enforcement.challengePeriodsEnd, 1)));
    await f.waitStatus(caseId, 'ENFORCEMENT');
    const demandDoc = (await h.http().get(`/cases/${caseId}/documents`).set(h.as('head'))).body.items.find(
      (d: { kind: string }) => d.kind === 'PAYMENT_DEMAND',
    );
    expect(demandDoc.number).toMatch(/催告〔0001〕号$/);
    await f.completeOk(caseId, 'PAYMENT_DEMAND_SERVICE', 'officerA', 'SERVED', {
      servedAt: new Date(await f.nowMs()).toISOString(),
      method: 'POSTAL',
      recipient: '企业',
    });
    const demandServedOn = await f.today();
    const wait = await dueDate(demandServedOn, 'working_days', 10);
    await sleepUntil(Date.parse(wait.dueAt) + 3_600_000);
    const court = await f.openTask(caseId, 'COURT_ENFORCEMENT_APPLICATION');
    const courtDue = await dueDate(
      st.enforcement.challengePeriodsEnd,
      'calendar_days',
      Math.round(
        (Date.parse(`${st.enforcement.courtApplicationDue}T00:00:00Z`) -
          Date.parse(`${st.enforcement.challengePeriodsEnd}T00:00:00Z`)) /
          DAY,
      ),
    );
    expect(court.due_at!.toISOString()).toBe(courtDue.dueAt);
    expect(
      (await f.complete(court.id, 'officerA', 'FILED', { court: '测试县人民法院', filedOn: await f.today() })).status,
    ).toBe(200);
    await f.waitStatus(caseId, 'COURT_ENFORCEMENT');
  });

  it('publishes within 7 working days of the decision across a holiday, and withdraws after a revocation', async () => {
    // The first statutory holiday at least 10 days ahead; decide 3 days before it, on a working day.
    const years = (await h.http().get('/calendar/years').set(h.as('head'))).body.items as Array<{
      holidays: string[];
      makeupWorkdays: string[];
    }>;
    const holidays = new Set(years.flatMap((y) => y.holidays));
    const makeup = new Set(years.flatMap((y) => y.makeupWorkdays));
    const isWorking = (d: string) =>
      !holidays.has(d) && (makeup.has(d) || ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
    const today = await f.today();
    const holiday = [...holidays].sort().find((d) => d >= plus(today, 10))!;
    let decisionDay = plus(holiday, -3);
    while (!isWorking(decisionDay)) decisionDay = plus(decisionDay, -1);

    const caseId = await toDecision();
    await sleepUntil(at(decisionDay));
    await decideAndServe(caseId);
    const expected = await dueDate(decisionDay, 'working_days', 7);
    // The 7 working days span the holiday: the due date lies after it and more than 9 calendar days out.
    expect(expected.dueDate > holiday).toBe(true);
    expect(Date.parse(expected.dueDate) - Date.parse(decisionDay)).toBeGreaterThan(9 * DAY);
    const pubTask = await f.openTask(caseId, 'DECISION_PUBLICATION');
    expect(pubTask.due_at!.toISOString()).toBe(expected.dueAt);

    // Still unpublished on the last day: nothing public yet; publish on that day, inside the window.
    await sleepUntil(at(expected.dueDate));
    const before = await h.http().get('/public/penalty-decisions').query({ limit: 100 });
    const decisionNumber = (await f.state(caseId)).procedure!.decision.number as string;
    expect(before.body.items.map((x: { decisionNumber: string }) => x.decisionNumber)).not.toContain(decisionNumber);
    expect((await f.complete(pubTask.id, 'officerB', 'PUBLISH')).status).toBe(200);
    await expectEventually(async () => {
      const res = await h.http().get('/public/penalty-decisions').query({ limit: 100 });
      const mine = res.body.items.find((x: { decisionNumber: string }) => x.decisionNumber === decisionNumber);
      expect(mine).toMatchObject({ decisionDate: decisionDay, fineYuan: 10_000 });
    });
    const pub = (await f.state(caseId)).procedure!.publication;
    expect(Date.parse(pub.publishedAt)).toBeLessThan(Date.parse(expected.dueAt));

    // 复议 revokes the decision: the publication is withdrawn within 3 working days (Art.48), execution stops.
    const filedOn = await f.today();
    expect(
      (
        await h
          .http()
          .post(`/cases/penalty/${caseId}/challenges`)
          .set(h.as('officerA'))
          .send({ kind: 'RECONSIDERATION', filedOn, body: '测试市人民政府' })
      ).status,
    ).toBe(201);
    expect(
      (
        await h
          .http()
          .post(`/cases/penalty/${caseId}/challenges/1/end`)
          .set(h.as('officerA'))
          .send({ endedOn: filedOn, result: 'REVOKED' })
      ).status,
    ).toBe(200);
    const withdrawal = await f.openTask(caseId, 'PUBLICATION_WITHDRAWAL');
    expect(withdrawal.due_at!.toISOString()).toBe((await dueDate(filedOn, 'working_days', 3)).dueAt);
    expect((await f.complete(withdrawal.id, 'officerA', 'WITHDRAWN')).status).toBe(200);
    await expectEventually(async () => {
      const res = await h.http().get('/public/penalty-decisions').query({ limit: 100 });
      expect(res.body.items.map((x: { decisionNumber: string }) => x.decisionNumber)).not.toContain(decisionNumber);
    });
    await f.waitStatus(caseId, 'REVOKED');
    const late = await h
      .http()
      .post(`/cases/penalty/${caseId}/payments`)
      .set(h.as('officerA'))
      .send({ amountYuan: 1, paidOn: await f.today(), receiptNo: 'x' });
    expect(late.status).toBe(422);
  });
});
