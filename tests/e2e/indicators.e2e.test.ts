import { seedWuxiPlan, WUXI_14TH_PLAN } from '../../seeds/indicator-plans';
import { OrgHarness, startOrgHarness } from '../support/harness';

type Year = {
  year: number;
  numerator: number;
  denominator: number | null;
  value: number | null;
  verdict: string;
  verdictLabel: string;
  benchmark: number | null;
  changeFromBaselinePct: number | null;
  previousYear: { previousValue: number | null; change: number | null; changePct: number | null };
  bySector: Array<{ sectorCode: string; accidents: number; deaths: number }>;
};
type Indicator = { seq: number; measure: string; name: string; target: { threshold: number }; years: Year[] };
type Plan = { id: string; code: string; indicators: Indicator[] };

/**
 * GET /indicators for the seeded Wuxi 14th plan (its indicator table on the test's county), from accidents
 * reported through the API and denominators entered through the API: every value and verdict is computed.
 */
describe('plan indicators over HTTP', () => {
  let h: OrgHarness;
  let planId: string;
  let otherRegionId: string;

  const report = async (who: Parameters<OrgHarness['as']>[0], query: Record<string, string> = {}) => {
    const res = await h.http().get('/indicators').query(query).set(h.as(who));
    expect(res.status).toBe(200);
    return res.body.plans as Plan[];
  };
  const yearOf = (plan: Plan, seq: number, year: number): Year => {
    const found = plan.indicators.find((i) => i.seq === seq)?.years.find((y) => y.year === year);
    if (!found) throw new Error(`no indicator ${seq} in ${year}`);
    return found;
  };
  const accident = async (who: 'officerA' | 'otherOfficer', body: Record<string, unknown>) => {
    const res = await h
      .http()
      .post('/accidents')
      .set(h.as(who))
      .send({ place: '测试县', summary: '指标测试', seriousInjuries: 0, directLossYuan: 0, ...body });
    expect(res.status).toBe(201);
  };

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    planId = await seedWuxiPlan(h.db.ds, h.org.regionId, { demoDenominators: false });
    otherRegionId = (
      await h.db.ds.query('SELECT region_id FROM departments WHERE id = $1', [h.org.otherDepartmentId])
    )[0].region_id;
    const chemicals = { enterpriseId: h.org.enterpriseId, sectorCode: 'HAZARDOUS_CHEMICALS' };
    // 2024: one accident, 2 deaths. 2025: three accidents, 4 deaths (3 of them 工矿商贸), one of them just
    // after midnight on 1 January China time (still 31 December in UTC).
    await accident('officerA', { ...chemicals, occurredAt: '2024-06-15T10:00:00+08:00', deaths: 2 });
    await accident('officerA', { ...chemicals, occurredAt: '2025-01-01T00:30:00+08:00', deaths: 0 });
    await accident('officerA', { ...chemicals, occurredAt: '2025-03-10T09:00:00+08:00', deaths: 3 });
    await accident('officerA', {
      regionId: h.org.regionId,
      sectorCode: 'ROAD_TRANSPORT',
      occurredAt: '2025-08-20T18:00:00+08:00',
      deaths: 1,
    });
    // The neighbouring county's accident is not the test county's.
    await accident('otherOfficer', {
      enterpriseId: h.org.otherEnterpriseId,
      sectorCode: 'HAZARDOUS_CHEMICALS',
      occurredAt: '2025-05-05T08:00:00+08:00',
      deaths: 5,
    });
    const put = (year: number, values: Record<string, number>) =>
      h
        .http()
        .put(`/indicators/denominators/${h.org.regionId}/${year}`)
        .set(h.as('admin'))
        .send({ values, source: '测试统计公报' });
    expect((await put(2024, { GDP: 400 })).status).toBe(200);
    expect((await put(2025, { GDP: 400, IMC_EMPLOYEES: 300_000 })).status).toBe(200);
  });
  afterAll(async () => h?.close());

  it('reports each indicator of the seeded plan with its value, target and verdict', async () => {
    const [plan] = await report('officerA', { planId });
    expect(plan).toMatchObject({ code: WUXI_14TH_PLAN.code, periodStartYear: 2021, periodEndYear: 2025 });
    expect(plan.indicators.map((i) => i.name)).toEqual(WUXI_14TH_PLAN.indicators.map((i) => i.name));
    // 生产安全事故起数: 3 against 180 (down 15%+ means below 153).
    expect(plan.indicators[0].target.threshold).toBe(153);
    expect(yearOf(plan, 1, 2025)).toMatchObject({
      numerator: 3,
      value: 3,
      verdict: 'ACHIEVED',
      verdictLabel: '已完成',
      changeFromBaselinePct: 98.3,
      previousYear: { previousValue: 1, change: 2, changePct: 200 },
    });
    // 死亡人数 4 against 160; the sectors it came from.
    expect(yearOf(plan, 2, 2025)).toMatchObject({ value: 4, verdict: 'ACHIEVED' });
    expect(yearOf(plan, 2, 2025).bySector).toEqual([
      // 3 deaths make a 较大 accident (条例 Art.3).
      { sectorCode: 'HAZARDOUS_CHEMICALS', sectorName: '危险化学品', accidents: 2, deaths: 3, largerOrAbove: 1 },
      { sectorCode: 'ROAD_TRANSPORT', sectorName: '道路运输', accidents: 1, deaths: 1, largerOrAbove: 0 },
    ]);
    // 亿元GDP死亡率: 4 / 400 = 0.0100, not below 0.0129 × 0.65 = 0.008385: 未完成.
    expect(yearOf(plan, 3, 2025)).toMatchObject({
      numerator: 4,
      denominator: 400,
      value: 0.01,
      verdict: 'NOT_ACHIEVED',
      verdictLabel: '未完成',
      benchmark: 0.008385,
    });
    // 2024 against the linear path (0.0129 → 0.008385 over 2020–2025: 0.009288 in 2024): 2 / 400 = 0.005.
    expect(yearOf(plan, 3, 2024)).toMatchObject({ value: 0.005, verdict: 'ON_TRACK', benchmark: 0.009288 });
    // 工矿商贸十万人死亡率 (binding): road transport left out, 3 deaths / 3 × 100 000 = 1.000 below 1.16.
    expect(yearOf(plan, 4, 2025)).toMatchObject({ numerator: 3, denominator: 300_000, value: 1, verdict: 'ACHIEVED' });
    expect(yearOf(plan, 4, 2024)).toMatchObject({ numerator: 2, value: null, verdict: 'NO_DATA' });
    // Years without accidents count 0.
    expect(yearOf(plan, 1, 2022)).toMatchObject({ value: 0, verdict: 'ON_TRACK' });
  });

  it('moves the verdict when an administrator corrects a denominator (idempotently, audited)', async () => {
    const body = { values: { GDP: 600, IMC_EMPLOYEES: 300_000 }, source: '测试统计年鉴' };
    const url = `/indicators/denominators/${h.org.regionId}/2025`;
    const audited = async () =>
      Number(
        (await h.db.ds.query(`SELECT count(*) AS n FROM audit_log WHERE action = 'INDICATOR_DENOMINATORS_SAVED'`))[0].n,
      );
    const before = await audited();
    const first = await h.http().put(url).set(h.as('admin')).send(body);
    expect(first.status).toBe(200);
    const again = await h.http().put(url).set(h.as('admin')).send(body);
    expect(again.body).toEqual(first.body);
    expect(first.body).toMatchObject({ values: { GDP: 600, IMC_EMPLOYEES: 300_000 }, source: '测试统计年鉴' });
    expect(await audited()).toBe(before + 2);
    // 4 / 600 = 0.0067 < 0.008385.
    const [plan] = await report('head', { planId, year: '2025' });
    expect(plan.indicators[2].years).toHaveLength(1);
    expect(yearOf(plan, 3, 2025)).toMatchObject({ value: 0.0067, verdict: 'ACHIEVED' });
    const read = await h.http().get(url).set(h.as('officerA'));
    expect(read.status).toBe(200);
    expect(read.body.values).toEqual({ GDP: 600, IMC_EMPLOYEES: 300_000 });
  });

  it('enters a plan and an indicator: a fall of exactly X% is not "more than X%"', async () => {
    const created = await h
      .http()
      .post('/indicators/plans')
      .set(h.as('admin'))
      .send({
        code: `TEST-${h.org.suffix.toUpperCase()}`,
        title: '测试县安全生产规划',
        issuer: '测试县人民政府',
        regionId: h.org.regionId,
        periodStartYear: 2021,
        periodEndYear: 2025,
        indicators: [
          {
            name: '生产安全事故起数',
            definition: '下降25%以上',
            measure: 'ACCIDENT_COUNT',
            baselineYear: 2020,
            baselineValue: 4,
            targetKind: 'DECREASE_MORE_THAN',
            targetValue: 25,
            targetYear: 2025,
            nature: 'INDICATIVE',
            leadDepartment: '县应急管理局',
          },
          {
            name: '较大及以上生产安全事故起数',
            definition: '杜绝较大及以上事故',
            measure: 'LARGER_OR_ABOVE_ACCIDENTS',
            baselineYear: 2020,
            baselineValue: 1,
            targetKind: 'CEILING',
            targetValue: 0,
            targetYear: 2025,
            nature: 'BINDING',
            leadDepartment: '县应急管理局',
          },
        ],
      });
    expect(created.status).toBe(201);
    expect(created.body.indicators).toHaveLength(2);
    const added = await h.http().post(`/indicators/plans/${created.body.id}/indicators`).set(h.as('admin')).send({
      name: '生产安全事故死亡人数',
      definition: '控制在4人以内',
      measure: 'DEATHS',
      baselineYear: 2020,
      baselineValue: 6,
      targetKind: 'CEILING',
      targetValue: 4,
      targetYear: 2025,
      nature: 'BINDING',
      leadDepartment: '县应急管理局',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ seq: 3, unit: '人' });
    const [plan] = await report('admin', { planId: created.body.id });
    // 3 accidents against 4: exactly 25% down, not more.
    expect(yearOf(plan, 1, 2025)).toMatchObject({ value: 3, verdict: 'NOT_ACHIEVED', changeFromBaselinePct: 25 });
    // One 较大 accident against 杜绝 (a ceiling of 0).
    expect(yearOf(plan, 2, 2025)).toMatchObject({ value: 1, verdict: 'NOT_ACHIEVED' });
    // 4 deaths against a ceiling of 4: within it.
    expect(yearOf(plan, 3, 2025)).toMatchObject({ value: 4, verdict: 'ACHIEVED' });
    const duplicate = await h.http().post('/indicators/plans').set(h.as('admin')).send({
      code: created.body.code,
      title: 'x',
      issuer: 'x',
      regionId: h.org.regionId,
      periodStartYear: 2021,
      periodEndYear: 2025,
    });
    expect(duplicate.status).toBe(409);
    const impossible = await h.http().post(`/indicators/plans/${created.body.id}/indicators`).set(h.as('admin')).send({
      name: 'x',
      definition: 'x',
      measure: 'DEATHS',
      baselineYear: 2020,
      baselineValue: 6,
      targetKind: 'DECREASE_MORE_THAN',
      targetValue: 100,
      targetYear: 2025,
      nature: 'BINDING',
      leadDepartment: 'x',
    });
    expect(impossible.status).toBe(422);
    expect(impossible.body.code).toBe('RULE_VIOLATION');
  });

  it("revises an indicator's target and a plan's title with a reason: the verdict follows, both audited", async () => {
    const accidentCount = {
      name: '生产安全事故起数',
      definition: '下降25%以上',
      measure: 'ACCIDENT_COUNT',
      baselineYear: 2020,
      baselineValue: 4,
      targetKind: 'DECREASE_MORE_THAN',
      targetValue: 25,
      targetYear: 2025,
      nature: 'INDICATIVE',
      leadDepartment: '县应急管理局',
    };
    const created = await h
      .http()
      .post('/indicators/plans')
      .set(h.as('admin'))
      .send({
        code: `REV-${h.org.suffix.toUpperCase()}`,
        title: '测试县规划（征求意见稿）',
        issuer: '测试县人民政府',
        regionId: h.org.regionId,
        periodStartYear: 2021,
        periodEndYear: 2025,
        indicators: [accidentCount],
      });
    expect(created.status).toBe(201);
    const plan = created.body as { id: string; indicators: Array<{ id: string }> };
    const indicatorUrl = `/indicators/plans/${plan.id}/indicators/${plan.indicators[0].id}`;
    // 3 accidents against 4: exactly 25% down, not more.
    expect(yearOf((await report('admin', { planId: plan.id }))[0], 1, 2025).verdict).toBe('NOT_ACHIEVED');

    const revised = await h
      .http()
      .put(indicatorUrl)
      .set(h.as('admin'))
      .send({ ...accidentCount, targetValue: 20, definition: '下降20%以上', reason: '中期评估调整目标' });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ seq: 1, targetValue: 20, definition: '下降20%以上', unit: '起' });
    // 3 < 4 × 0.8 = 3.2.
    expect(yearOf((await report('admin', { planId: plan.id }))[0], 1, 2025)).toMatchObject({
      verdict: 'ACHIEVED',
      benchmark: 3.2,
    });
    const [audited] = await h.db.ds.query(
      `SELECT actor_id, summary FROM audit_log WHERE action = 'INDICATOR_REVISED' AND summary->>'planId' = $1`,
      [plan.id],
    );
    expect(audited.actor_id).toBe(h.org.users.admin.id);
    expect(audited.summary).toMatchObject({
      reason: '中期评估调整目标',
      before: { targetValue: 25, definition: '下降25%以上' },
      after: { targetValue: 20, definition: '下降20%以上' },
    });

    const send = (url: string, who: Parameters<OrgHarness['as']>[0], body: object, method: 'put' | 'patch' = 'put') =>
      h.http()[method](url).set(h.as(who)).send(body);
    const valid = { ...accidentCount, reason: '更正' };
    expect((await send(indicatorUrl, 'admin', accidentCount)).status).toBe(400);
    const impossible = await send(indicatorUrl, 'admin', { ...valid, targetValue: 100 });
    expect([impossible.status, impossible.body.code]).toEqual([422, 'RULE_VIOLATION']);
    const outsidePeriod = await send(indicatorUrl, 'admin', { ...valid, targetYear: 2026 });
    expect(outsidePeriod.body.details.fields).toEqual([expect.objectContaining({ path: 'targetYear' })]);
    expect((await send(indicatorUrl, 'officerA', valid)).status).toBe(403);
    const unknown = `/indicators/plans/${plan.id}/indicators/00000000-0000-4000-8000-000000000000`;
    expect((await send(unknown, 'admin', valid)).status).toBe(404);
    // An indicator of another plan is not one of this plan's.
    const seeded = (await h.http().get(`/indicators/plans/${planId}`).set(h.as('admin'))).body;
    const crossed = `/indicators/plans/${plan.id}/indicators/${seeded.indicators[0].id}`;
    expect((await send(crossed, 'admin', valid)).status).toBe(404);
    expect((await send(indicatorUrl, 'admin', { ...valid, targetValue: 20 })).status).toBe(200);

    const planUrl = `/indicators/plans/${plan.id}`;
    const retitled = await send(planUrl, 'admin', { title: '测试县安全生产规划', reason: '正式印发' }, 'patch');
    expect(retitled.status).toBe(200);
    expect(retitled.body).toMatchObject({
      title: '测试县安全生产规划',
      issuer: '测试县人民政府',
      code: `REV-${h.org.suffix.toUpperCase()}`,
    });
    expect((await h.http().get(planUrl).set(h.as('officerA'))).body.title).toBe('测试县安全生产规划');
    // The code, region and period identify the plan: not changed by a revision.
    expect((await send(planUrl, 'admin', { periodEndYear: 2030, reason: 'x' }, 'patch')).status).toBe(400);
    expect((await send(planUrl, 'officerA', { title: 'x', reason: 'x' }, 'patch')).status).toBe(403);
    const [planAudit] = await h.db.ds.query(
      `SELECT summary FROM audit_log WHERE action = 'INDICATOR_PLAN_REVISED' AND summary->>'planId' = $1`,
      [plan.id],
    );
    expect(planAudit.summary).toMatchObject({
      reason: '正式印发',
      before: { title: '测试县规划（征求意见稿）' },
      after: { title: '测试县安全生产规划' },
    });
  });

  it('shows a region only to its jurisdiction and lets only its administrators change it', async () => {
    expect((await report('cityHead')).map((p) => p.id)).toContain(planId);
    expect(await report('otherOfficer')).toEqual([]);
    const outsider = await h.http().get('/indicators').query({ planId }).set(h.as('otherOfficer'));
    expect(outsider.status).toBe(403);
    expect(outsider.body.code).toBe('FORBIDDEN_JURISDICTION');
    const unknown = await h
      .http()
      .get('/indicators')
      .query({ planId: '00000000-0000-4000-8000-000000000000' })
      .set(h.as('head'));
    expect(unknown.status).toBe(404);
    const discipline = await h.http().get('/indicators').set(h.as('discipline'));
    expect(discipline.status).toBe(403);
    expect(discipline.body.code).toBe('FORBIDDEN_ROLE');
    const body = { values: { GDP: 1 }, source: 'x' };
    const officer = await h
      .http()
      .put(`/indicators/denominators/${h.org.regionId}/2025`)
      .set(h.as('officerA'))
      .send(body);
    expect(officer.status).toBe(403);
    expect(officer.body.code).toBe('FORBIDDEN_ROLE');
    const elsewhere = await h
      .http()
      .put(`/indicators/denominators/${otherRegionId}/2025`)
      .set(h.as('admin'))
      .send(body);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('FORBIDDEN_JURISDICTION');
    // The city's system administrator administers the counties below the city.
    const sysadmin = await h
      .http()
      .put(`/indicators/denominators/${otherRegionId}/2025`)
      .set(h.as('sysadmin'))
      .send(body);
    expect(sysadmin.status).toBe(200);
  });
});
