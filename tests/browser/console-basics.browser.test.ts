import { Browser } from 'playwright-core';
import { OrgHarness, startOrgHarness } from '../support/harness';
import { launchChromium, listen, loginAs, openPerson, Person, screenshots } from '../support/browser';
import { chooseIn } from '../support/console-steps';

/** Login, who-am-I, language, session end, keyboard use and the public pages, in a real browser. */
describe('officer console basics (Chromium, dev server)', () => {
  let h: OrgHarness;
  let browser: Browser;
  let baseURL: string;
  const people: Person[] = [];
  const person = async (viewport: 'desktop' | 'phone' = 'desktop') => {
    const p = await openPerson(browser, baseURL, viewport);
    people.push(p);
    return p;
  };

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    baseURL = await listen(h.app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });
  afterEach(async () => {
    for (const p of people.splice(0)) {
      expect(p.errors).toEqual([]);
      await p.close();
    }
  });

  it('serves the console at / without shadowing the API, and under /ui/ for client routes', async () => {
    const root = await fetch(`${baseURL}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toMatch(/text\/html/);
    expect(root.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await root.text()).toContain('<div id="root">');
    expect((await fetch(`${baseURL}/ui/cases/anything`)).status).toBe(200);
    expect((await fetch(`${baseURL}/ui/assets/missing.js`)).status).toBe(404);
    const health = await fetch(`${baseURL}/health/live`);
    expect((await health.json()) as unknown).toEqual({ status: 'ok' });
    const unauthenticated = await fetch(`${baseURL}/tasks`);
    expect(unauthenticated.status).toBe(401);
    expect(((await unauthenticated.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
  });

  it('logs in with labelled fields, says in Chinese when the password is wrong, shows who I am, switches language and logs out', async () => {
    const p = await person();
    const { page } = p;
    await page.goto('/');
    await page.waitForURL('**/ui/login');
    await page.getByRole('button', { name: '登录' }).waitFor();
    await screenshots(p, 'login');
    await page.getByLabel('用户名').fill(h.org.users.head.username);
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toMatch(/登录失败/);
    expect(p.failedLoads.filter((line) => !line.includes('/auth/login'))).toEqual([]);
    p.failedLoads.length = 0;

    await loginAs(p, h.org.users.head);
    await page.waitForURL('**/ui/inbox');
    const who = page.getByTestId('whoami');
    await who.getByText(h.org.users.head.username).waitFor();
    await who.getByText(/测试县应急管理局/).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/ui/login');
    // A protected page now sends the person back to the login form.
    await page.goto('/ui/cases');
    await page.waitForURL('**/ui/login');
  });

  it('ends a session the API no longer accepts and says so on the login page', async () => {
    const p = await person();
    await loginAs(p, h.org.users.officerA);
    // The stored token no longer verifies (as after a key rotation or a deactivation): the API answers 401.
    await p.page.evaluate(`(() => {
      const stored = JSON.parse(sessionStorage.getItem('console.session'));
      sessionStorage.setItem('console.session', JSON.stringify({ ...stored, token: stored.token + 'x' }));
    })()`);
    await p.page.goto('/ui/cases');
    await p.page.waitForURL('**/ui/login');
    await p.page.getByText('会话已过期，请重新登录').waitFor();
    expect(p.failedLoads.length).toBeGreaterThan(0);
    expect(p.failedLoads.filter((line) => !line.includes('401'))).toEqual([]);
    p.failedLoads.length = 0;
  });

  it('works from the keyboard with a visible focus ring', async () => {
    const p = await person();
    const { page } = p;
    await page.goto('/ui/login');
    await page.getByLabel('用户名').focus();
    await page.keyboard.type(h.org.users.officerA.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(h.org.users.officerA.password);
    await page.keyboard.press('Enter');
    await page.getByTestId('whoami').waitFor();
    // Tab from the top: the skip link first, then the navigation; whatever has focus shows an outline.
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('跳到正文');
    for (let i = 0; i < 2; i++) await page.keyboard.press('Tab');
    const outline = (await page.evaluate(`(() => {
      const style = getComputedStyle(document.activeElement);
      return { style: style.outlineStyle, width: style.outlineWidth };
    })()`)) as { style: string; width: string };
    expect(outline.style).not.toBe('none');
    expect(outline.width).not.toBe('0px');
  });

  it('reports an accident through the form and shows its grade, investigating level and clock', async () => {
    const p = await person();
    const { page } = p;
    await loginAs(p, h.org.users.officerA);
    await page.goto('/ui/accidents/new');
    await page.getByLabel('事故名称').fill('测试企业“12·1”中毒事故');
    await page.getByLabel('地点').fill('测试县化工园区');
    await page.getByLabel('摘要').fill('储罐清洗作业中一人中毒死亡');
    await chooseIn(page, page.getByRole('combobox', { name: '企业' }), '测试企业');
    await page.getByLabel('行业').fill('HAZARDOUS_CHEMICALS');
    await page.getByLabel('死亡人数').fill('1');
    await page.locator('[data-action="report-accident"]').click();
    await page.waitForURL(/\/ui\/accidents\/[0-9a-f-]{36}$/);
    await page.locator('[data-grade="GENERAL"]').waitFor();
    await page.getByTestId('accident-facts').getByText('县级').waitFor();
    await page.getByTestId('gates').waitFor();
    await screenshots(p, 'accident');
  });

  it('opens the public pages without login on a phone', async () => {
    const p = await person('phone');
    const { page } = p;
    for (const [path, heading] of [
      ['/ui/public/decisions', '行政处罚决定公示'],
      ['/ui/public/dishonest', '严重失信主体名单'],
      ['/ui/public/accidents', '事故调查报告'],
      ['/ui/public/draws', '双随机抽查结果'],
    ]) {
      await page.goto(path);
      await page.getByText(heading, { exact: true }).first().waitFor();
    }
    expect(p.failedLoads).toEqual([]);
  });
});
