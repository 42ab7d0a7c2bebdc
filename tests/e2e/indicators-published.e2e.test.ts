import { seedWuxiPlan } from '../../seeds/indicator-plans';
import { OrgHarness, startOrgHarness } from '../support/harness';

type Published = {
  value: number;
  verdict: string;
  verdictLabel: string;
  source: string;
  publishedOn: string;
  revisionReason: string | null;
  difference: number | null;
  valueDiffers: boolean | null;
  verdictDiffers: boolean | null;
  discrepancy: boolean;
};
type Year = { year: number; value: number | null; verdict: string; published: Published | null };
type Plan = { id: string; indicators: Array<{ id: string; seq: number; years: Year[] }> };

/**
 * Results as the agencies published them (a mid-term review's value and 未完成), recorded through the API beside
 * the values GET /indicators computes from the accidents and denominators entered through the API.
 */
describe('published indicator results over HTTP', () => {
  let h: OrgHarness;
  let plan: Plan;
  const NONE = '00000000-0000-4000-8000-000000000000';

  const yearOf = async (seq: number, year: number): Promise<Year> => {
    const res = await h
      .http()
      .get('/indicators')
      .query({ planId: plan.id, year: String(year) })
      .set(h.as('officerA'));
    expect(res.status).toBe(200);
    const found = (res.body.plans as Plan[])[0].indicators.find((i) => i.seq === seq)?.years[0];
    if (!found) throw new Error(`no indicator ${seq} in ${year}`);
    return found;
  };
  const url = (seq: number, planId = plan.id) =>
    `/indicators/plans/${planId}/indicators/${plan.indicators.find((i) => i.seq === seq)!.id}/published-results`;
  const result = (year: number, value: number, verdict: string, extra: Record<string, unknown> = {}) => ({
    regionId: h.org.regionId,
    year,
    value,
    verdict,
    source: '测试县“十四五”安全生产规划中期评估报告',
    publishedOn: `${year + 1}-03-15`,
    ...extra,
  });
  const post = (path: string, body: object, who: Parameters<OrgHarness['as']>[0] = 'admin') =>
    h.http().post(path).set(h.as(who)).send(body);

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    const planId = await seedWuxiPlan(h.db.ds, h.org.regionId, { demoDenominators: false });
    plan = (await h.http().get(`/indicators/plans/${planId}`).set(h.as('admin'))).body as Plan;
    // 2024: one accident with 3 deaths; GDP 400 亿元 (no 工矿商贸 employees entered).
    const accident = await h.http().post('/accidents').set(h.as('officerA')).send({
      enterpriseId: h.org.enterpriseId,
      sectorCode: 'HAZARDOUS_CHEMICALS',
      occurredAt: '2024-06-15T10:00:00+08:00',
      place: '测试县',
      summary: '指标测试',
      deaths: 3,
      seriousInjuries: 0,
      directLossYuan: 0,
    });
    expect(accident.status).toBe(201);
    const gdp = await h
      .http()
      .put(`/indicators/denominators/${h.org.regionId}/2024`)
      .set(h.as('admin'))
      .send({ values: { GDP: 400 }, source: '测试统计公报' });
    expect(gdp.status).toBe(200);
  });
  afterAll(async () => h?.close());

  it('shows each published result beside the computed one and flags a discrepancy beyond the tolerance', async () => {
    // 事故起数 2024: 1 computed, 1 published, both 进度正常.
    const agreed = await post(url(1), result(2024, 1, 'ON_TRACK'));
    expect(agreed.status).toBe(201);
    expect(agreed.body).toMatchObject({ year: 2024, value: 1, verdict: 'ON_TRACK', verdictLabel: '进度正常' });
    expect(await yearOf(1, 2024)).toMatchObject({
      value: 1,
      verdict: 'ON_TRACK',
      published: { value: 1, valueDiffers: false, verdictDiffers: false, discrepancy: false, difference: 0 },
    });
    // 亿元GDP死亡率 2024: 3 / 400 = 0.0075 on the path (0.009288); the review published 0.0080 and 进度滞后.
    expect((await post(url(3), result(2024, 0.008, 'OFF_TRACK'))).status).toBe(201);
    expect(await yearOf(3, 2024)).toMatchObject({
      value: 0.0075,
      verdict: 'ON_TRACK',
      published: {
        value: 0.008,
        verdictLabel: '进度滞后',
        difference: 0.0005,
        valueDiffers: true,
        verdictDiffers: true,
        discrepancy: true,
      },
    });
    // 工矿商贸十万人死亡率 2024: no employees entered, so nothing to compare (缺少基数).
    expect((await post(url(4), result(2024, 1.2, 'OFF_TRACK'))).status).toBe(201);
    expect(await yearOf(4, 2024)).toMatchObject({
      value: null,
      verdict: 'NO_DATA',
      published: { value: 1.2, valueDiffers: null, verdictDiffers: null, discrepancy: false },
    });
    // Years without a published result show none.
    expect((await yearOf(1, 2023)).published).toBeNull();
    // One result per indicator, region and year: a second is 409, and the first stands.
    const again = await post(url(1), result(2024, 2, 'OFF_TRACK'));
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_EXISTS']);
    expect((await yearOf(1, 2024)).published).toMatchObject({ value: 1, verdict: 'ON_TRACK' });
  });

  it('revises a published result with a reason, audited with before and after', async () => {
    const path = `${url(3)}/${h.org.regionId}/2024`;
    const revision = {
      value: 0.0075,
      verdict: 'ON_TRACK',
      source: '测试县规划中期评估报告（修订）',
      publishedOn: '2025-06-30',
      reason: '按正式印发的评估报告更正',
    };
    const { reason: _reason, ...withoutReason } = revision;
    expect((await h.http().put(path).set(h.as('admin')).send(withoutReason)).status).toBe(400);
    const revised = await h.http().put(path).set(h.as('admin')).send(revision);
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ value: 0.0075, revisionReason: '按正式印发的评估报告更正' });
    expect((await yearOf(3, 2024)).published).toMatchObject({
      value: 0.0075,
      verdict: 'ON_TRACK',
      revisionReason: '按正式印发的评估报告更正',
      discrepancy: false,
    });
    const [audited] = await h.db.ds.query(
      `SELECT actor_id, summary FROM audit_log WHERE action = 'INDICATOR_PUBLISHED_RESULT_REVISED'
         AND summary->>'indicatorId' = $1`,
      [plan.indicators[2].id],
    );
    expect(audited.actor_id).toBe(h.org.users.admin.id);
    expect(audited.summary).toMatchObject({
      year: 2024,
      reason: '按正式印发的评估报告更正',
      before: { value: 0.008, verdict: 'OFF_TRACK', publishedOn: '2025-03-15' },
      after: { value: 0.0075, verdict: 'ON_TRACK', publishedOn: '2025-06-30' },
    });
    const recorded = await h.db.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'INDICATOR_RESULT_PUBLISHED' AND summary->>'planId' = $1`,
      [plan.id],
    );
    expect(recorded[0].n).toBe(3);
    // Nothing recorded for 2023: nothing to revise.
    const missing = await h
      .http()
      .put(`${url(3)}/${h.org.regionId}/2023`)
      .set(h.as('admin'))
      .send(revision);
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('refuses bad, impossible and unauthorised records with clear errors', async () => {
    const fieldOf = (res: { body: { details?: { fields?: Array<{ path: string }> } } }) =>
      res.body.details?.fields?.map((f) => f.path);
    // 400: a verdict the agencies do not publish, a negative value, a malformed day, an unknown field.
    for (const bad of [
      result(2023, 1, 'NO_DATA'),
      result(2023, -1, 'ON_TRACK'),
      result(2023, 1, 'ON_TRACK', { publishedOn: '2024-02-30' }),
      result(2023, 1, 'ON_TRACK', { note: 'x' }),
    ]) {
      const res = await post(url(1), bad);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    // 422: a year the report does not rate, another region than the plan's, a day before the year or in the future.
    const outside = await post(url(1), result(2019, 1, 'ON_TRACK'));
    expect([outside.status, fieldOf(outside)]).toEqual([422, ['year']]);
    const otherRegionId = (
      await h.db.ds.query('SELECT region_id FROM departments WHERE id = $1', [h.org.otherDepartmentId])
    )[0].region_id as string;
    const elsewhere = await post(url(1), result(2023, 1, 'ON_TRACK', { regionId: otherRegionId }));
    expect([elsewhere.status, fieldOf(elsewhere)]).toEqual([422, ['regionId']]);
    const early = await post(url(1), result(2023, 1, 'ON_TRACK', { publishedOn: '2022-12-31' }));
    expect([early.status, fieldOf(early)]).toEqual([422, ['publishedOn']]);
    const future = await post(url(1), result(2023, 1, 'ON_TRACK', { publishedOn: '2099-01-01' }));
    expect([future.status, fieldOf(future)]).toEqual([422, ['publishedOn']]);
    // 404: an unknown plan, indicator, region; an indicator of another plan.
    expect((await post(url(1, NONE), result(2023, 1, 'ON_TRACK'))).status).toBe(404);
    expect(
      (await post(`/indicators/plans/${plan.id}/indicators/${NONE}/published-results`, result(2023, 1, 'ON_TRACK')))
        .status,
    ).toBe(404);
    expect((await post(url(1), result(2023, 1, 'ON_TRACK', { regionId: NONE }))).status).toBe(404);
    // 403: an officer may read, not record; an administrator only within the jurisdiction.
    const officer = await post(url(1), result(2023, 1, 'ON_TRACK'), 'officerA');
    expect([officer.status, officer.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const officerRevision = await h
      .http()
      .put(`${url(1)}/${h.org.regionId}/2024`)
      .set(h.as('officerA'))
      .send({ value: 1, verdict: 'ON_TRACK', source: 'x', publishedOn: '2025-01-01', reason: 'x' });
    expect([officerRevision.status, officerRevision.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const otherPlan = await post(
      '/indicators/plans',
      {
        code: `OTHER-${h.org.suffix.toUpperCase()}`,
        title: '邻县规划',
        issuer: '邻县人民政府',
        regionId: otherRegionId,
        periodStartYear: 2021,
        periodEndYear: 2025,
        indicators: [
          {
            name: '生产安全事故起数',
            definition: '下降10%以上',
            measure: 'ACCIDENT_COUNT',
            baselineYear: 2020,
            baselineValue: 10,
            targetKind: 'DECREASE_MORE_THAN',
            targetValue: 10,
            targetYear: 2025,
            nature: 'INDICATIVE',
            leadDepartment: '邻县应急管理局',
          },
        ],
      },
      'sysadmin',
    );
    expect(otherPlan.status).toBe(201);
    const foreign = await post(
      `/indicators/plans/${otherPlan.body.id}/indicators/${otherPlan.body.indicators[0].id}/published-results`,
      result(2023, 1, 'ON_TRACK', { regionId: otherRegionId }),
    );
    expect([foreign.status, foreign.body.code]).toEqual([403, 'FORBIDDEN_JURISDICTION']);
    const crossed = await post(
      `/indicators/plans/${plan.id}/indicators/${otherPlan.body.indicators[0].id}/published-results`,
      result(2023, 1, 'ON_TRACK'),
    );
    expect(crossed.status).toBe(404);
    // Nothing of these was stored.
    expect((await yearOf(1, 2023)).published).toBeNull();
  });
});
