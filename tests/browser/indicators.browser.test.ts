import { Browser } from 'playwright-core';
import { seedWuxiPlan, WUXI_14TH_PLAN } from '../../seeds/indicator-plans';
import { OrgHarness, startOrgHarness } from '../support/harness';
import { chooseIn } from '../support/console-steps';
import { launchChromium, listen, loginAs, openPerson, Person, screenshots } from '../support/browser';

/** The 规划指标 page: the seeded Wuxi plan on the test's county, with a verdict computed from a reported accident. */
describe('plan indicators in the console (Chromium, dev server)', () => {
  let h: OrgHarness;
  let browser: Browser;
  let baseURL: string;
  let person: Person | null = null;

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    const planId = await seedWuxiPlan(h.db.ds, h.org.regionId, { demoDenominators: false });
    const reported = await h.http().post('/accidents').set(h.as('officerA')).send({
      occurredAt: '2025-03-10T09:00:00+08:00',
      place: '测试县化工园区',
      summary: '指标页面测试',
      enterpriseId: h.org.enterpriseId,
      sectorCode: 'HAZARDOUS_CHEMICALS',
      deaths: 3,
      seriousInjuries: 0,
      directLossYuan: 0,
    });
    expect(reported.status).toBe(201);
    const put = await h
      .http()
      .put(`/indicators/denominators/${h.org.regionId}/2025`)
      .set(h.as('admin'))
      .send({ values: { GDP: 100, IMC_EMPLOYEES: 1_000_000 }, source: '测试统计公报' });
    expect(put.status).toBe(200);
    // The mid-term review's published results: the accident count agrees, the GDP rate (0.025 against 0.03) does not.
    const { indicators } = (await h.http().get(`/indicators/plans/${planId}`).set(h.as('admin'))).body as {
      indicators: Array<{ id: string; seq: number }>;
    };
    for (const [seq, value, verdict] of [
      [1, 1, 'ACHIEVED'],
      [3, 0.025, 'NOT_ACHIEVED'],
    ] as const) {
      const published = await h
        .http()
        .post(`/indicators/plans/${planId}/indicators/${indicators.find((i) => i.seq === seq)!.id}/published-results`)
        .set(h.as('admin'))
        .send({
          regionId: h.org.regionId,
          year: 2025,
          value,
          verdict,
          source: '中期评估报告',
          publishedOn: '2026-01-20',
        });
      expect(published.status).toBe(201);
    }
    baseURL = await listen(h.app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    if (person) {
      expect(person.errors).toEqual([]);
      await person.close();
    }
    await browser?.close();
    await h?.close();
  });

  it('shows each indicator with its target and verdict for the chosen year', async () => {
    person = await openPerson(browser, baseURL, 'desktop');
    await loginAs(person, h.org.users.head);
    const { page } = person;
    await page.getByRole('link', { name: '规划指标' }).click();
    await page.waitForURL('**/ui/indicators');
    const card = page.locator(`[data-plan="${WUXI_14TH_PLAN.code}"]`);
    await card.getByText(WUXI_14TH_PLAN.title).waitFor();
    const row = (name: string) => card.getByRole('row').filter({ hasText: name });
    // 1 accident against 180; 3 deaths per 100 亿元 = 0.03 against a threshold of 0.008385: 未完成.
    await row('生产安全事故起数').locator('[data-verdict="ACHIEVED"]').waitFor();
    await row('亿元GDP生产安全事故死亡率').locator('[data-verdict="NOT_ACHIEVED"]').waitFor();
    await row('工矿商贸就业人员十万人生产安全事故死亡率').getByText('约束性').waitFor();
    await row('生产安全事故起数').locator('[data-published="agrees"]').getByText('已完成').waitFor();
    await row('亿元GDP生产安全事故死亡率')
      .locator('[data-published="discrepancy"]')
      .getByText('与计算值不一致')
      .waitFor();
    await screenshots(person, 'indicators');
    // 2024 has no accidents and no GDP entered: 缺少基数 for the rate.
    await chooseIn(page, card.getByLabel('年度'), '2024');
    await row('亿元GDP生产安全事故死亡率').getByText('缺少基数').waitFor();
    await row('生产安全事故起数').getByText('进度正常').waitFor();
  });
});
