import { screenshots } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { chooseIn } from '../support/console-steps';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * 投诉举报 by a member of the public, on a phone, without an account: the form sends what happened, where, to which
 * department, with a photo and a name; the page shows the tracking code and secret once; the lookup page answers
 * the status in words with them, and nothing with a wrong secret.
 */
describe('public complaint pages (Chromium, dev server)', () => {
  const suite = browserSuite();

  it('sends a real-name complaint with a photo to a chosen department, then tracks it with the code and secret', async () => {
    const p = await suite.person('phone');
    const { h } = suite;
    const { page } = p;
    await page.goto('/ui/public/complaint');
    await page.getByLabel('举报内容（发生了什么）').fill('仓库内违规存放危险化学品，夜间有人动火作业');
    await page.getByLabel('地点', { exact: true }).fill('测试县工业园区东路');
    await chooseIn(page, page.getByLabel('受理部门（找不到被举报单位时必选）'), `测试县应急管理局${h.org.suffix}`);
    await page.getByLabel('匿名举报（不留姓名和联系方式）').click();
    await page.getByLabel('姓名', { exact: true }).fill('李举报');
    await page.getByLabel('电话', { exact: true }).fill('13912345678');
    await page.locator('input[type=file]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('现场照片.png').waitFor();
    await screenshots(p, 'public-complaint');
    await page.getByRole('button', { name: '提交举报' }).click();

    const code = (await page.getByTestId('complaint-code').innerText()).trim();
    const secret = (await page.getByTestId('complaint-secret').innerText()).trim();
    expect(code).toMatch(/^TS[23456789A-HJ-NP-Z]{10}$/);
    const [stored] = await h.db.ds.query(
      `SELECT c.informant, k.department_id,
              (SELECT count(*)::int FROM attachments a WHERE a.case_id = c.case_id) AS photos
         FROM complaints c JOIN cases k ON k.id = c.case_id WHERE c.tracking_code = $1`,
      [code],
    );
    expect(stored).toEqual({
      informant: expect.objectContaining({ anonymous: false, name: '李举报', phone: '13912345678' }),
      department_id: h.org.departmentId,
      photos: 1,
    });

    await page.getByRole('link', { name: '举报查询' }).first().click();
    await page.getByLabel('查询码').waitFor();
    expect(await page.getByLabel('查询码').inputValue()).toBe(code);
    await page.getByLabel('查询密码').fill(`${secret}x`);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('alert').getByText('查询码或密码不正确').waitFor();
    await page.getByLabel('查询密码').fill(secret);
    await page.getByRole('button', { name: '查询' }).click();
    const tracked = page.getByTestId('complaint-tracked');
    await tracked.getByText('已收到，待受理审查').waitFor();
    await tracked.getByText('尚未答复').waitFor();
    // Nothing of the informant comes back to the page.
    expect(await page.content()).not.toContain('13912345678');
    await screenshots(p, 'public-complaint-track');
    expect(p.failedLoads.filter((load) => !load.includes('/public/complaints/'))).toEqual([]);
  });
});
