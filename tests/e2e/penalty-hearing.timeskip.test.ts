import { OrgHarness, startOrgHarness } from '../support/harness';
import { expectEventually } from '../support/eventually';
import { penaltyFlow } from '../support/penalty-flow';

/**
 * 听证 (行政处罚法 Art.63–65) on the time-skipping server: a request inside the 5-working-day window leads
 * to a hearing notified ≥ 7 working days ahead, chaired by someone who did not investigate; a request
 * after the window is 422 DEADLINE_PASSED and changes nothing. Expected dates come from the calendar.
 */
describe('penalty case hearing windows (time-skipping)', () => {
  let h: OrgHarness;
  let f: ReturnType<typeof penaltyFlow>;

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'time-skipping' });
    f = penaltyFlow(h);
    await f.loadTestYear2027();
  });
  afterAll(async () => h?.close());

  // Guarded skips: never leave a timer about to fire when the test acts next (tests/support/time-skipping.ts).
  const sleepUntil = (instantMs: number) => h.skipTo(instantMs);

  /**
   * Opens, files, investigates and proposes a 40,000 yuan fine (hearing right for an organisation, so a line of
   * the default 法制审核目录: the review passes), and serves the notice now.
   */
  async function noticeServed(): Promise<string> {
    const c = await f.openCase();
    await f.file(c.id);
    await f.investigate(c.id);
    await f.completeOk(c.id, 'PENALTY_PROPOSAL', 'officerA', 'PROPOSE_PENALTY', f.proposal());
    await f.completeOk(c.id, 'LEGAL_REVIEW', 'legal', 'APPROVE', { opinion: '事实清楚，适用法律正确' });
    await f.serveNotice(c.id);
    return c.id;
  }

  it('holds a hearing requested inside its window, notified 7 working days ahead, chaired by a non-investigator', async () => {
    const { as, org } = h;
    const caseId = await noticeServed();
    const st = await f.state(caseId);
    const servedOn = f.localDate(Date.parse(st.procedure!.notice.servedAt));
    const expectedDue = await h
      .http()
      .get('/calendar/due-date')
      .set(as('head'))
      .query({ start: servedOn, unit: 'working_days', amount: 5 });
    expect(st.procedure!.notice.hearingRequestDueAt).toBe(expectedDue.body.dueAt);

    const req = await h
      .http()
      .post(`/cases/penalty/${caseId}/hearing-request`)
      .set(as('officerA'))
      .send({ channel: 'WRITTEN', note: '当事人书面申请听证' });
    expect(req.status).toBe(201);
    const dup = await h
      .http()
      .post(`/cases/penalty/${caseId}/hearing-request`)
      .set(as('officerA'))
      .send({ channel: 'ORAL' });
    expect(dup.status).toBe(409);
    await f.waitStatus(caseId, 'HEARING');

    const sched = await f.openTask(caseId, 'HEARING_SCHEDULING');
    const today = await f.today();
    const earliest = (
      await h.http().get('/calendar/due-date').set(as('head')).query({ start: today, unit: 'working_days', amount: 7 })
    ).body.dueDate as string;
    const investigatorChair = await f.complete(sched.id, 'head', 'SCHEDULED', {
      hearingDate: earliest,
      location: '局三楼听证室',
      chairId: org.users.officerA.id,
    });
    expect(investigatorChair.status).toBe(403);
    expect(investigatorChair.body.code).toBe('FORBIDDEN_SEPARATION_OF_DUTIES');
    const dayBefore = new Date(Date.parse(`${earliest}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const tooSoon = await f.complete(sched.id, 'head', 'SCHEDULED', {
      hearingDate: dayBefore,
      location: '局三楼听证室',
      chairId: org.users.legal.id,
    });
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.body.message).toContain(earliest);
    expect(
      (
        await f.complete(sched.id, 'head', 'SCHEDULED', {
          hearingDate: earliest,
          location: '局三楼听证室',
          chairId: org.users.legal.id,
        })
      ).status,
    ).toBe(200);

    const hearing = await f.openTask(caseId, 'HEARING');
    expect(hearing.assignee_id).toBe(org.users.legal.id);
    const early = await f.complete(hearing.id, 'legal', 'HELD', { record: '听证笔录' });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain(earliest);
    const docs = (await h.http().get(`/cases/${caseId}/documents`).set(as('head'))).body.items.map(
      (d: { kind: string }) => d.kind,
    );
    expect(docs).toContain('HEARING_NOTICE');

    await sleepUntil(Date.parse(`${earliest}T09:00:00+08:00`));
    expect((await f.complete(hearing.id, 'legal', 'HELD', { record: '当事人到场陈述申辩，认为罚款过重' })).status).toBe(
      200,
    );
    await f.waitStatus(caseId, 'AWAITING_DECISION');
    const after = await f.state(caseId);
    expect(after.procedure!.hearing).toMatchObject({
      hearingDate: earliest,
      chairId: org.users.legal.id,
      outcome: 'HELD',
    });

    // After a hearing the decision may be lowered, never raised (Art.45).
    const dec = await f.openTask(caseId, 'PENALTY_DECISION');
    expect((await f.complete(dec.id, 'head', 'DECIDE_PENALTY', { reasons: 'x', fineYuan: 40_000.01 })).status).toBe(
      422,
    );
    expect(
      (await f.complete(dec.id, 'head', 'DECIDE_PENALTY', { reasons: '采纳部分申辩意见', fineYuan: 35_000 })).status,
    ).toBe(200);
    await f.waitStatus(caseId, 'DECIDED');
  });

  it('treats a party who does not appear as having waived the hearing (Art.64(8))', async () => {
    const { as, org } = h;
    const caseId = await noticeServed();
    expect(
      (await h.http().post(`/cases/penalty/${caseId}/hearing-request`).set(as('officerA')).send({ channel: 'ORAL' }))
        .status,
    ).toBe(201);
    const earliest = (
      await h
        .http()
        .get('/calendar/due-date')
        .set(as('head'))
        .query({ start: await f.today(), unit: 'working_days', amount: 7 })
    ).body.dueDate as string;
    await f.completeOk(caseId, 'HEARING_SCHEDULING', 'head', 'SCHEDULED', {
      hearingDate: earliest,
      location: '听证室',
      chairId: org.users.legal.id,
    });
    const hearing = await f.openTask(caseId, 'HEARING');
    await sleepUntil(Date.parse(`${earliest}T15:00:00+08:00`));
    expect(
      (await f.complete(hearing.id, 'legal', 'PARTY_ABSENT', { record: '当事人经合法通知无正当理由未到场' })).status,
    ).toBe(200);
    await f.waitStatus(caseId, 'AWAITING_DECISION');
    expect((await f.state(caseId)).procedure!.hearing.outcome).toBe('PARTY_ABSENT');
    const actions = (
      await h.http().get(`/cases/${caseId}/timeline`).query({ limit: 100 }).set(as('head'))
    ).body.items.map((e: { action: string }) => e.action);
    expect(actions).toContain('HEARING_WAIVED_BY_ABSENCE');
  });

  it('refuses a hearing request after the 5-working-day window with 422 DEADLINE_PASSED and changes nothing', async () => {
    const { as } = h;
    const caseId = await noticeServed();
    const st = await f.state(caseId);
    const due = Date.parse(st.procedure!.notice.hearingRequestDueAt);
    await sleepUntil(due + 3_600_000);
    await f.waitStatus(caseId, 'AWAITING_DECISION');
    const late = await h
      .http()
      .post(`/cases/penalty/${caseId}/hearing-request`)
      .set(as('officerA'))
      .send({ channel: 'WRITTEN' });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('DEADLINE_PASSED');
    const lateStatement = await h
      .http()
      .post(`/cases/penalty/${caseId}/statements`)
      .set(as('officerA'))
      .send({ summary: '逾期申辩' });
    expect(lateStatement.status).toBe(422);
    expect(lateStatement.body.code).toBe('DEADLINE_PASSED');
    await expectEventually(async () => {
      const s = await f.state(caseId);
      expect(s.procedure!.hearing).toBeNull();
      expect(s.procedure!.statements).toEqual([]);
    });
    expect(await f.status(caseId)).toBe('AWAITING_DECISION');
  });

  it('judges party submissions by the day the agency received them: a statement posted in time and entered late stands', async () => {
    const { as } = h;
    const caseId = await noticeServed();
    const st = await f.state(caseId);
    const servedOn = f.localDate(Date.parse(st.procedure!.notice.servedAt));
    const workingDay = async (n: number) =>
      (
        await h
          .http()
          .get('/calendar/due-date')
          .set(as('head'))
          .query({ start: servedOn, unit: 'working_days', amount: n })
      ).body.dueDate as string;
    const [day3, day4] = [await workingDay(3), await workingDay(4)];
    // The 陈述申辩 period (3 working days by the default policy) ends on working day 3.
    expect(f.localDate(Date.parse(st.procedure!.notice.statementDueAt) - 1)).toBe(day3);
    const receipt = await h
      .http()
      .post(`/cases/${caseId}/attachments`)
      .set(as('officerA'))
      .send({ kind: 'NOTE', text: `邮寄陈述申辩书信封，邮戳日期 ${day3}` });
    expect(receipt.status).toBe(201);

    // Working day 6: the party window (5 working days for the hearing request) has closed.
    await sleepUntil(Date.parse(st.procedure!.notice.hearingRequestDueAt) + 3_600_000);
    await f.waitStatus(caseId, 'AWAITING_DECISION');
    const post = (body: Record<string, unknown>) =>
      h.http().post(`/cases/penalty/${caseId}/statements`).set(as('officerA')).send(body);

    const noReceipt = await post({ summary: '当事人邮寄的陈述申辩', receivedOn: day3 });
    expect(noReceipt.status).toBe(400);
    expect(noReceipt.body.details.fields).toEqual([expect.objectContaining({ path: 'receiptAttachmentIds' })]);
    const future = await post({ summary: '—', receivedOn: '2099-01-04', receiptAttachmentIds: [receipt.body.id] });
    expect(future.status).toBe(400);
    expect(future.body.details.fields).toEqual([{ path: 'receivedOn', message: 'must not be in the future' }]);
    const beforeService = await post({
      summary: '—',
      receivedOn: '2020-01-02',
      receiptAttachmentIds: [receipt.body.id],
    });
    expect(beforeService.status).toBe(400);
    expect(beforeService.body.details.fields[0].path).toBe('receivedOn');
    const afterPeriod = await post({ summary: '—', receivedOn: day4, receiptAttachmentIds: [receipt.body.id] });
    expect(afterPeriod.status).toBe(422);
    expect(afterPeriod.body.code).toBe('DEADLINE_PASSED');

    const timely = await post({
      summary: '当事人邮寄的陈述申辩：已开始整改',
      receivedOn: day3,
      receiptAttachmentIds: [receipt.body.id],
    });
    expect(timely.status).toBe(201);
    await expectEventually(async () => {
      expect((await f.state(caseId)).procedure!.statements).toEqual([
        expect.objectContaining({ receivedOn: day3, summary: '当事人邮寄的陈述申辩：已开始整改' }),
      ]);
    });
    // The record keeps who entered it, when, the day received and the receipt.
    const recorded = (
      await h.http().get(`/cases/${caseId}/timeline`).query({ limit: 100 }).set(as('head'))
    ).body.items.find((e: { action: string }) => e.action === 'PARTY_STATEMENT_RECORDED');
    expect(recorded.summary).toEqual(
      expect.objectContaining({
        receivedOn: day3,
        receiptAttachmentIds: [receipt.body.id],
        enteredAt: expect.any(String),
      }),
    );
    expect(recorded.actorId).toBe(h.org.users.officerA.id);

    // A hearing request received in time but entered after the window closed: the case has gone on (policy grace 0).
    const lateHearing = await h
      .http()
      .post(`/cases/penalty/${caseId}/hearing-request`)
      .set(as('officerA'))
      .send({ channel: 'WRITTEN', receivedOn: day3, receiptAttachmentIds: [receipt.body.id] });
    expect(lateHearing.status).toBe(422);
    expect(lateHearing.body.message).toContain('party window has closed');
  });
});
