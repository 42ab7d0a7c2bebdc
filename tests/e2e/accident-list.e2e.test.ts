import { OrgHarness, startOrgHarness } from '../support/harness';

/** GET /accidents: the list joins cases and pages; it answered 500 for every role and query. */
describe('accident list over HTTP', () => {
  let h: OrgHarness;
  const ids: string[] = [];

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    // Three accidents 30, 20 and 10 minutes ago: the newest comes first.
    for (const [minutesAgo, deaths] of [
      [30, 0],
      [20, 3],
      [10, 1],
    ]) {
      const res = await h
        .http()
        .post('/accidents')
        .set(h.as('officerA'))
        .send({
          occurredAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
          place: '测试县化工园区',
          summary: '列表测试',
          enterpriseId: h.org.enterpriseId,
          sectorCode: 'HAZARDOUS_CHEMICALS',
          deaths,
          seriousInjuries: 0,
          directLossYuan: 0,
        });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
  });
  afterAll(async () => h?.close());

  it.each(['officerA', 'head', 'admin', 'cityHead'] as const)(
    'lists the accidents, newest first, for %s',
    async (who) => {
      const res = await h.http().get('/accidents').set(h.as(who));
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(3);
      expect(res.body.items.map((a: { id: string }) => a.id)).toEqual([...ids].reverse());
    },
  );

  it('filters by grade and status and pages by cursor', async () => {
    const larger = await h.http().get('/accidents').query({ grade: 'LARGER' }).set(h.as('head'));
    expect(larger.status).toBe(200);
    expect(larger.body.items.map((a: { id: string }) => a.id)).toEqual([ids[1]]);
    const first = await h.http().get('/accidents').query({ limit: 1 }).set(h.as('officerA'));
    expect(first.body).toMatchObject({ total: 3, totalExact: true, nextCursor: expect.any(String) });
    expect(first.body.items.map((a: { id: string }) => a.id)).toEqual([ids[2]]);
    const page = await h
      .http()
      .get('/accidents')
      .query({ limit: 1, cursor: first.body.nextCursor })
      .set(h.as('officerA'));
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 3, nextCursor: expect.any(String) });
    expect(page.body.items.map((a: { id: string }) => a.id)).toEqual([ids[1]]);
    const last = await h
      .http()
      .get('/accidents')
      .query({ limit: 2, cursor: page.body.nextCursor })
      .set(h.as('officerA'));
    expect(last.body).toMatchObject({ nextCursor: null });
    expect(last.body.items.map((a: { id: string }) => a.id)).toEqual([ids[0]]);
    const status = page.body.items[0].status as string;
    const byStatus = await h.http().get('/accidents').query({ status }).set(h.as('officerA'));
    expect(byStatus.status).toBe(200);
    expect(byStatus.body.total).toBeGreaterThanOrEqual(1);
    const none = await h.http().get('/accidents').query({ status: 'NO_SUCH_STATUS' }).set(h.as('officerA'));
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
  });

  it('shows another department nothing', async () => {
    const res = await h.http().get('/accidents').set(h.as('otherOfficer'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [], total: 0 });
  });
});
