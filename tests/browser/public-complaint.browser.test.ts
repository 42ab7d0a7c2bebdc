import { loginAs, screenshots } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { chooseIn, complete, DirectoryDepartment, fillFromSchema } from '../support/console-steps';
import { expectEventually } from '../support/eventually';
import type { JsonSchema } from '../support/schema-payload';

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

  it("transfers a complaint to the competent department, chosen in the step's department picker by typing its name", async () => {
    const { h } = suite;
    const sent = await h
      .http()
      .post('/public/complaints')
      .send({
        description: '邻县企业的货车在本县境内违规装卸液氯',
        place: '测试县与邻县交界处',
        departmentId: h.org.departmentId,
        contact: { anonymous: true },
      });
    expect(sent.status).toBe(201);
    const [{ case_id: caseId }] = await h.db.ds.query('SELECT case_id FROM complaints WHERE tracking_code = $1', [
      sent.body.code,
    ]);
    const taskId = await expectEventually(async () => {
      const open = await h.http().get('/tasks').query({ caseId }).set(h.as('officerA'));
      expect(open.body.items).toHaveLength(1);
      return open.body.items[0].id as string;
    });

    const p = await suite.person();
    const { page } = p;
    await loginAs(p, h.org.users.officerA);
    await page.goto(`/ui/tasks/${taskId}`);
    await page.getByTestId('step-form').waitFor();
    // The picker comes from the contract's annotation (x-widget: department), published by GET /task-types.
    const task = await h.http().get(`/tasks/${taskId}`).set(h.as('officerA'));
    const transfer = (task.body.form.outcomes as Array<{ outcome: string; schema: JsonSchema }>).find(
      (candidate) => candidate.outcome === 'TRANSFER',
    )!;
    expect(transfer.schema.properties?.departmentId?.['x-widget']).toBe('department');
    const neighbour: DirectoryDepartment = { id: h.org.otherDepartmentId, name: `邻县应急管理局${h.org.suffix}` };
    const payload = { departmentId: neighbour.id, reason: '被举报单位在邻县登记，由邻县应急管理局管辖' };

    await page
      .locator('label.ant-radio-button-wrapper', { has: page.locator('[data-choose-outcome~="TRANSFER"]') })
      .click();
    // The neighbouring county is outside the officer's jurisdiction: it is found by the server's search.
    const searched = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/directory/departments' &&
        new URL(response.url()).searchParams.get('q') === neighbour.name &&
        response.ok(),
    );
    await fillFromSchema(page, transfer.schema, payload, [], '', [neighbour]);
    await searched;
    await screenshots(p, 'task-complaint-transfer');
    await complete(page, 'TRANSFER');

    const [stored] = await h.db.ds.query('SELECT status, outcome, result FROM tasks WHERE id = $1', [taskId]);
    expect(stored).toEqual({ status: 'COMPLETED', outcome: 'TRANSFER', result: payload });
    // The competent department's officers find its own 受理审查 in their inbox.
    await expectEventually(async () => {
      const theirs = await h.http().get('/tasks').query({ caseId }).set(h.as('otherOfficer'));
      expect(theirs.body.items).toEqual([
        expect.objectContaining({ type: 'COMPLAINT_ACCEPTANCE', departmentId: h.org.otherDepartmentId }),
      ]);
    });
  });
});
