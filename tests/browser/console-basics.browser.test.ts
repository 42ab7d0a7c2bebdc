import { loginAs, screenshots } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { randomUUID } from 'node:crypto';
import { chooseIn, complete, DirectoryPerson, fillFromSchema, openFromInbox } from '../support/console-steps';
import { JsonSchema, payloadFromSchema } from '../support/schema-payload';

/**
 * Login, who-am-I, language, session end, keyboard use, the case search, a step of a workflow no other
 * browser test drives (filled from its schema alone) and the public pages, in a real browser.
 */
describe('officer console basics (Chromium, dev server)', () => {
  const suite = browserSuite();
  const person = (viewport: 'desktop' | 'phone' = 'desktop') => suite.person(viewport);

  it('serves the console at / without shadowing the API, and under /ui/ for client routes', async () => {
    const root = await fetch(`${suite.baseURL}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toMatch(/text\/html/);
    expect(root.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await root.text()).toContain('<div id="root">');
    expect((await fetch(`${suite.baseURL}/ui/cases/anything`)).status).toBe(200);
    expect((await fetch(`${suite.baseURL}/ui/assets/missing.js`)).status).toBe(404);
    const health = await fetch(`${suite.baseURL}/health/live`);
    expect((await health.json()) as unknown).toEqual({ status: 'ok' });
    const unauthenticated = await fetch(`${suite.baseURL}/tasks`);
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
    await page.getByLabel('用户名').fill(suite.h.org.users.head.username);
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toMatch(/登录失败/);
    expect(p.failedLoads.filter((line) => !line.includes('/auth/login'))).toEqual([]);
    p.failedLoads.length = 0;

    await loginAs(p, suite.h.org.users.head);
    await page.waitForURL('**/ui/inbox');
    const who = page.getByTestId('whoami');
    await who.getByText(suite.h.org.users.head.username).waitFor();
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
    await loginAs(p, suite.h.org.users.officerA);
    // The stored token no longer verifies (as after a key rotation or a deactivation): the API answers 401. The
    // inbox's own requests are let finish first, and the next request comes from the same page (a navigation inside
    // the console), so it reads the spoilt token itself: a new document could be given the session storage as it was
    // before the write. Every answer of the context is recorded from before the token is spoilt, and the record is
    // part of the failure message when the session does not end as it should.
    await p.page.waitForLoadState('networkidle');
    const seen: string[] = [];
    p.context.on('response', (response) => seen.push(`${response.status()} ${new URL(response.url()).pathname}`));
    p.context.on('requestfailed', (request) => seen.push(`failed ${new URL(request.url()).pathname}`));
    await p.page.evaluate(`(() => {
      const stored = JSON.parse(sessionStorage.getItem('console.session'));
      sessionStorage.setItem('console.session', JSON.stringify({ ...stored, token: stored.token + 'x' }));
    })()`);
    await p.page.locator('nav a[href="/ui/cases"]').first().click();
    await p.page.waitForURL('**/ui/login').catch((error: Error) => {
      throw new Error(`${error.message}\nanswers since the token was spoilt:\n${seen.join('\n')}`);
    });
    await p.page.getByText('会话已过期，请重新登录').waitFor();
    expect(
      seen.filter((answer) => answer.startsWith('401 ') && !answer.endsWith('/auth/login')).length,
    ).toBeGreaterThan(0);
    // Chromium may also log the refused request to the console, on its own schedule (or not at all once the page
    // has moved on); whatever it logs must be that 401 and nothing else.
    expect(p.failedLoads.filter((line) => !line.includes('401'))).toEqual([]);
    p.failedLoads.length = 0;
  });

  it('works from the keyboard with a visible focus ring', async () => {
    const p = await person();
    const { page } = p;
    await page.goto('/ui/login');
    await page.getByLabel('用户名').focus();
    await page.keyboard.type(suite.h.org.users.officerA.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(suite.h.org.users.officerA.password);
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
    await loginAs(p, suite.h.org.users.officerA);
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
    // 逐级上报 (条例 Art.10–11): the city level's row, open, with its 2 hours counting down in China time.
    await page.reload();
    const city = page.getByTestId('upward-reports').locator('tr[data-level="CITY"][data-chain="EMERGENCY_MANAGEMENT"]');
    await city.waitFor({ timeout: 30_000 });
    expect(await city.innerText()).toMatch(/应急管理部门[\s\S]*设区的市级/);
    await city
      .locator('[data-clock="remaining"]')
      .getByText(/还剩 [0-2] 小时 \d+ 分/)
      .waitFor();
    await screenshots(p, 'accident');
  });

  it('files a 补报 from the accident page with the day it was received and its receipt', async () => {
    const { h } = suite;
    const HOUR = 3_600_000;
    const chinaDate = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
    const occurred = Date.now() - 2 * 24 * HOUR;
    const reported = await h
      .http()
      .post('/accidents')
      .set(h.as('officerA'))
      .send({
        occurredAt: new Date(occurred).toISOString(),
        unitNotifiedAt: new Date(occurred + 10 * 60_000).toISOString(),
        reportedAt: new Date(occurred + 30 * 60_000).toISOString(),
        place: '测试县工业园',
        summary: '高处坠落',
        enterpriseId: h.org.enterpriseId,
        sectorCode: 'INDUSTRY_TRADE',
        deaths: 1,
        seriousInjuries: 0,
        directLossYuan: 0,
      });
    expect(reported.status).toBe(201);
    const receipt = await h
      .http()
      .post(`/cases/${reported.body.id}/attachments`)
      .set(h.as('officerA'))
      .send({ kind: 'NOTE', text: '企业补报传真' });
    expect(receipt.status).toBe(201);
    const yesterday = chinaDate(Date.now() - 24 * HOUR);

    const p = await person();
    const { page } = p;
    await loginAs(p, h.org.users.officerA);
    await page.goto(`/ui/accidents/${reported.body.id}`);
    await page.locator('[data-action="casualty-update"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('死亡人数').fill('2');
    await dialog.getByLabel('重伤人数').fill('1');
    const receivedOn = dialog.getByLabel('收到补报日期');
    await receivedOn.click();
    await receivedOn.fill(yesterday);
    await receivedOn.press('Enter');
    await chooseIn(page, dialog.getByLabel('收件凭证'), 'NOTE');
    const answered = page.waitForResponse(
      (res) =>
        res.url().endsWith(`/accidents/${reported.body.id}/casualty-updates`) && res.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: '提交' }).click();
    const res = await answered;
    expect(res.status()).toBe(200);
    // The record shows the day the agency received it, not the day it was entered.
    const row = page.getByTestId('casualty-revisions').locator('[data-received-on]');
    await row.getByText(yesterday).waitFor();
    const [revision] = (await h.http().get(`/accidents/${reported.body.id}`).set(h.as('officerA'))).body
      .casualtyRevisions;
    expect(revision).toMatchObject({
      deaths: 2,
      seriousInjuries: 1,
      receivedOn: yesterday,
      receiptAttachmentIds: [receipt.body.id],
    });
  });

  it('searches the cases on the server by number, title, enterprise, type and status, beyond the first page', async () => {
    const { org } = suite.h;
    // 30 cases (more than a page of 20); the one searched for is the oldest, so it is not on the first page.
    const stem = `检索${org.suffix}`;
    for (let i = 0; i < 30; i++) {
      await suite.h.db.ds.query(
        `INSERT INTO cases (id, case_type, reference_no, title, status, department_id, enterprise_id, workflow_id, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now() - $10 * interval '1 minute')`,
        [
          randomUUID(),
          i % 2 ? 'INSPECTION' : 'PENALTY',
          `测应急罚〔2026〕${org.suffix}-${i}号`,
          i === 29 ? `${stem}最早的案件` : `${stem}案件${i}`,
          i % 3 ? 'FILED' : 'CLOSED',
          org.departmentId,
          i === 29 ? org.otherEnterpriseId : org.enterpriseId,
          `search-${org.suffix}-${i}`,
          org.users.officerA.id,
          i,
        ],
      );
    }
    // The other county's enterprise name identifies the oldest case (the enterprise is named on the case only).
    await suite.h.db.ds.query(`UPDATE enterprises SET name = $2 WHERE id = $1`, [
      org.otherEnterpriseId,
      `远方企业${org.suffix}`,
    ]);
    const p = await person();
    const { page } = p;
    await loginAs(p, org.users.head);
    await page.goto('/ui/cases');
    const table = page.getByTestId('cases-table');
    await table.getByText(`${stem}案件0`, { exact: true }).waitFor();
    expect(await table.innerText()).not.toContain('最早的案件');
    await screenshots(p, 'cases');

    // The rows a filter keeps may already be on screen before its answer arrives, so each check waits for the
    // total itself to read the expected count rather than for a row to appear.
    const totalReads = (text: string) =>
      page
        .getByTestId('cases-total')
        .filter({ hasText: new RegExp(`^${text}$`) })
        .waitFor();
    const search = async (filter: string, text: string) => {
      const box = page.locator(`input[data-filter="${filter}"], [data-filter="${filter}"] input`);
      const answered = page.waitForResponse(
        (response) => new URL(response.url()).pathname === '/cases' && response.url().includes(`${filter}=`),
      );
      await box.fill(text);
      await box.press('Enter');
      expect((await answered).status()).toBe(200);
    };
    const clear = async (filter: string) => {
      const box = page.locator(`input[data-filter="${filter}"], [data-filter="${filter}"] input`);
      await box.fill('');
      await box.press('Enter');
    };
    await search('title', '最早的');
    await table.getByText(`${stem}最早的案件`).waitFor();
    await totalReads('共 1 件');
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(1);
    await clear('title');

    await search('caseNumber', `测应急罚〔2026〕${org.suffix}-7号`);
    await table.getByText(`${stem}案件7`, { exact: true }).waitFor();
    await totalReads('共 1 件');
    await clear('caseNumber');

    await search('enterpriseName', `远方企业${org.suffix}`);
    await table.getByText(`${stem}最早的案件`).waitFor();
    await totalReads('共 1 件');
    await clear('enterpriseName');

    // Type and status together: the PENALTY cases (even i) that are CLOSED (i % 3 = 0): 0, 6, 12, 18, 24.
    await search('status', 'closed');
    await totalReads('共 10 件');
    const typed = page.waitForResponse(
      (response) => new URL(response.url()).pathname === '/cases' && response.url().includes('caseType=PENALTY'),
    );
    await chooseIn(page, page.locator('[data-filter="caseType"]').getByRole('combobox'), '行政处罚');
    expect((await typed).status()).toBe(200);
    await totalReads('共 5 件');
    await table.getByText(`${stem}案件24`, { exact: true }).waitFor();
    expect(await table.innerText()).not.toContain(`${stem}案件3`);
  });

  it('completes a step of a workflow the other browser tests do not drive, from its published schema alone', async () => {
    const { org } = suite.h;
    // An inspection (现场检查) by two officers, opened over HTTP; its first step is worked in the browser.
    const opened = await suite.h
      .http()
      .post('/inspections')
      .set(suite.h.as('officerA'))
      .send({ enterpriseId: org.enterpriseId, inspectorIds: [org.users.officerA.id, org.users.officerB.id] });
    expect(opened.status).toBe(201);
    const p = await person();
    const { page } = p;
    await loginAs(p, org.users.officerA);
    await openFromInbox(p, '现场检查', 'INSPECTION_RECORD');
    const taskId = page.url().split('/').pop()!;
    // What the console shows is the published contract; the payload comes from the outcome's schema and
    // the directory, the way any client would build it, and is typed into the rendered form.
    const task = await suite.h.http().get(`/tasks/${taskId}`).set(suite.h.as('officerA'));
    const form = task.body.form.outcomes as Array<{ outcome: string; schema: JsonSchema }>;
    const rectify = form.find((candidate) => candidate.outcome === 'RECTIFY')!;
    const directory = await suite.h.http().get('/directory/users').query({ limit: 100 }).set(suite.h.as('officerA'));
    const inspectors = (directory.body.items as DirectoryPerson[]).filter((user) =>
      [org.users.officerA.id, org.users.officerB.id].includes(user.id),
    );
    // A date a deadline accepts: tomorrow in China (UTC+8, no daylight saving).
    const tomorrow = new Date(Date.now() + (8 + 24) * 3_600_000).toISOString().slice(0, 10);
    const payload = payloadFromSchema(rectify.schema, { people: inspectors, today: tomorrow });
    await page
      .locator('label.ant-radio-button-wrapper', { has: page.locator('[data-choose-outcome~="RECTIFY"]') })
      .click();
    await fillFromSchema(page, rectify.schema, payload, inspectors);
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshots(p, 'task-inspection-record');
    await complete(page, 'RECTIFY');
    // The workflow accepted it; its 复查 opens only after the deadline day, so no step follows yet.
    await page.getByTestId('step-answer').getByText('责令限期整改').waitFor();

    // What the workflow stored as the step's result is exactly the payload built from the schema.
    const [stored] = await suite.h.db.ds.query('SELECT status, outcome, result FROM tasks WHERE id = $1', [taskId]);
    expect(stored).toMatchObject({ status: 'COMPLETED', outcome: 'RECTIFY', result: payload });
  });

  it('opens the public pages without login on a phone', async () => {
    const p = await person('phone');
    const { page } = p;
    // Photographed with published data by public-pages.browser.test.ts.
    for (const [path, heading] of [
      ['/ui/public/decisions', '行政处罚决定公示'],
      ['/ui/public/dishonest', '严重失信主体名单'],
      ['/ui/public/accidents', '事故调查报告'],
      ['/ui/public/draws', '双随机抽查结果'],
    ] as const) {
      await page.goto(path);
      await page.getByText(heading, { exact: true }).first().waitFor();
      await page.locator('.ant-table').first().waitFor();
    }
    expect(p.failedLoads).toEqual([]);
  });
});
