import { Page } from 'playwright-core';
import { plusDays, toLocalDate } from '@safety/domain/calendar/local-date';
import { AccidentOrg, createAccidentOrg, largerAccident, teamPayload } from '../support/accident-fixtures';
import { screenshots } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { expectEventually } from '../support/eventually';
import { penaltyFlow } from '../support/penalty-flow';

/**
 * The public disclosure pages with published data, opened without login: a serious violation's decision puts the
 * enterprise on the 严重失信主体名单, an approved accident report is published, a 双随机 draw is published. Each
 * is published through the API as the agency would; each page shows its entry with the personal data masked.
 */
describe('public disclosure pages with published data (Chromium, dev server)', () => {
  const suite = browserSuite();

  /** Opens a public page and waits for the API's answer to the page's list request. */
  async function openPublic(page: Page, route: string, apiPath: string): Promise<void> {
    const answered = page.waitForResponse(
      (response) => new URL(response.url()).pathname === apiPath && response.request().method() === 'GET',
    );
    await page.goto(route);
    expect((await answered).status()).toBe(200);
  }

  // The draw comes first: the dishonest listing below marks the fixture's enterprise, which the draw's pool holds.
  it("publishes a 双随机 draw with the inspectors' names masked", async () => {
    const { h } = suite;
    const plan = await h
      .http()
      .post('/inspection/plans')
      .set(h.as('admin'))
      .send({ year: 2026, kind: 'SPECIAL', title: '危化企业专项抽查', sectorCodes: ['HAZARDOUS_CHEMICALS'] });
    expect(plan.status).toBe(201);
    expect(
      (await h.http().post(`/inspection/plans/${plan.body.id}/approve`).set(h.as('head')).send({ comment: '同意' }))
        .status,
    ).toBe(200);
    const draw = await h.http().post(`/inspection/plans/${plan.body.id}/draws`).set(h.as('admin')).send({});
    expect(draw.status).toBe(201);
    const drawNo = draw.body.drawNo as string;
    const published = await h.http().get('/public/inspection-draws').query({ departmentId: h.org.departmentId });
    const mine = published.body.items.find((d: { drawNo: string }) => d.drawNo === drawNo);
    const inspectors = mine.targets[0].inspectors as string[];
    expect(inspectors).toHaveLength(2);
    for (const name of inspectors) expect(name).toMatch(/^.\*+$/);

    const p = await suite.person();
    const { page } = p;
    await openPublic(page, '/ui/public/draws', '/public/inspection-draws');
    const row = page.locator(`tr[data-row-key="${drawNo}"]`);
    await row.getByText('危化企业专项抽查', { exact: true }).waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    await page.getByText(inspectors.join('、'), { exact: true }).first().waitFor();
    const text = await page.content();
    for (const user of [h.org.users.officerA, h.org.users.officerB]) {
      expect(text).not.toContain(user.username);
      expect(text).not.toContain(user.id);
    }
    await screenshots(p, 'public-draws');
    expect(p.failedLoads).toEqual([]);
  });

  it('lists an enterprise on the dishonest list with the phone and ID number in the reason masked', async () => {
    const { h } = suite;
    const f = penaltyFlow(h);
    await f.loadTestYear2027();
    const c = await f.openCase();
    await f.file(c.id);
    await f.investigate(c.id);
    await f.completeOk(c.id, 'PENALTY_PROPOSAL', 'officerA', 'PROPOSE_PENALTY', f.proposal({ serious: true }));
    await f.completeOk(c.id, 'LEGAL_REVIEW', 'legal', 'APPROVE', { opinion: '事实清楚，适用法律正确' });
    await f.serveNotice(c.id);
    expect((await f.waive(c.id, ['STATEMENT', 'HEARING'])).status).toBe(201);
    await f.completeOk(c.id, 'COLLECTIVE_DISCUSSION', 'head', 'DECIDE_PENALTY', {
      participants: ['局长', '副局长甲', '副局长乙'],
      minutes: '一致同意按告知内容处罚',
    });
    // A serious violation (安全生产法 Art.78): the decision's publication lists the enterprise.
    await f.completeOk(c.id, 'PENALTY_DECISION', 'head', 'DECIDE_PENALTY', {
      reasons: '违法事实清楚，证据确凿',
      seriousViolation: true,
    });
    await f.completeOk(c.id, 'DECISION_SERVICE', 'officerA', 'SERVED', {
      servedAt: new Date().toISOString(),
      method: 'DIRECT',
      recipient: '企业法定代表人',
    });
    await f.completeOk(c.id, 'DECISION_PUBLICATION', 'officerB', 'PUBLISH', {
      violationSummary: '未按规定开展安全培训，联系电话13900001111，身份证320202198001011234',
    });
    const [enterprise] = await h.db.ds.query('SELECT name, credit_code FROM enterprises WHERE id = $1', [
      h.org.enterpriseId,
    ]);
    await expectEventually(async () => {
      const listed = await h.http().get('/public/dishonest-entities');
      expect(listed.body.items.map((x: { creditCode: string }) => x.creditCode)).toContain(enterprise.credit_code);
    });

    const p = await suite.person();
    const { page } = p;
    await openPublic(page, '/ui/public/dishonest', '/public/dishonest-entities');
    const row = page.locator('tr', { hasText: enterprise.credit_code });
    await row.getByText(enterprise.name, { exact: true }).waitFor();
    await row
      .getByText('未按规定开展安全培训，联系电话139********，身份证320202************', { exact: true })
      .waitFor();
    const text = await page.content();
    expect(text).not.toContain('13900001111');
    expect(text).not.toContain('320202198001011234');
    await screenshots(p, 'public-dishonest');
    expect(p.failedLoads).toEqual([]);
  });

  it('publishes an approved accident report with the people named in it masked', async () => {
    const { h } = suite;
    const acc: AccidentOrg = await createAccidentOrg(h.db.ds, h.org);
    const tokens = new Map<string, string>();
    for (const [key, user] of Object.entries(acc.users)) tokens.set(key, await h.login(user));
    const asMember = (who: keyof AccidentOrg['users']) => ({ Authorization: `Bearer ${tokens.get(who)}` });
    const openTask = (caseId: string, type: string, auth: { Authorization: string }) =>
      expectEventually(async () => {
        const res = await h.http().get('/tasks').query({ caseId, type }).set(auth);
        expect(res.body.items.length).toBeGreaterThanOrEqual(1);
        return res.body.items[0] as { id: string };
      });

    const created = await h
      .http()
      .post('/accidents')
      .set(h.as('officerA'))
      .send(
        largerAccident(h.org.enterpriseId, { summary: '储罐区闪爆', seriousInjuries: 1, directLossYuan: 2_600_000 }),
      );
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await openTask(id, 'ACCIDENT_TEAM_FORMATION', h.as('cityHead'));
    expect(
      (await h.http().post(`/accidents/${id}/team`).set(h.as('cityHead')).send(teamPayload(h.org, acc))).status,
    ).toBe(200);
    const findings = await openTask(id, 'ACCIDENT_MEMBER_FINDINGS', asMember('police'));
    expect(
      (
        await h
          .http()
          .post(`/tasks/${findings.id}/complete`)
          .set(asMember('police'))
          .send({ outcome: 'SUBMIT', payload: { findings: '现场勘验完毕' } })
      ).status,
    ).toBe(200);
    await openTask(id, 'ACCIDENT_INVESTIGATION_REPORT', asMember('lead'));
    const report = await h
      .http()
      .post(`/accidents/${id}/report`)
      .set(asMember('lead'))
      .send({
        directCauses: '操作工赵六违章动火（身份证110101199003071234）',
        indirectCauses: '企业安全管理缺失；属地监管不到位',
        educationMeasures: '全市危化企业警示教育，联系电话13912345678',
        summary: '储罐区动火作业未审批引发闪爆',
        responsibleParties: [
          {
            kind: 'ENTERPRISE',
            name: '测试企业',
            enterpriseId: h.org.enterpriseId,
            responsibility: '未落实主体责任',
            proposedHandling: 'ADMINISTRATIVE_PENALTY',
          },
          {
            kind: 'ENTERPRISE_STAFF',
            name: '赵六',
            enterpriseId: h.org.enterpriseId,
            position: '操作工',
            responsibility: '违章动火',
            proposedHandling: 'INTERNAL_HANDLING',
          },
        ],
        rectificationMeasures: [{ description: '完善动火作业审批', owner: '测试企业', dueDate: '2027-03-31' }],
      });
    expect(report.status).toBe(200);
    await openTask(id, 'ACCIDENT_REPORT_APPROVAL', h.as('cityHead'));
    const approved = await h
      .http()
      .post(`/accidents/${id}/approval`)
      .set(h.as('cityHead'))
      .send({ decision: 'APPROVE', comment: '同意' });
    expect(approved.status).toBe(200);
    const published = await expectEventually(async () => {
      const res = await h.http().get(`/public/accident-reports/${id}`);
      expect(res.status).toBe(200);
      return res.body as {
        directCauses: string;
        educationMeasures: string;
        responsibleParties: Array<{ name: string }>;
      };
    });
    const secrets = ['赵六', '110101199003071234', '13912345678'];
    for (const secret of secrets) expect(JSON.stringify(published)).not.toContain(secret);
    expect(published.responsibleParties.map((party) => party.name)).toEqual(['测试企业', '赵*']);

    const p = await suite.person();
    const { page } = p;
    await openPublic(page, '/ui/public/accidents', '/public/accident-reports');
    const row = page.locator('tr', { hasText: '储罐区动火作业未审批引发闪爆' });
    await row.getByText('较大事故', { exact: true }).waitFor();
    await screenshots(p, 'public-accidents');
    const detail = page.waitForResponse(
      (response) => new URL(response.url()).pathname === `/public/accident-reports/${id}`,
    );
    await row.getByRole('link').click();
    expect((await detail).status()).toBe(200);
    // An enterprise's staff member by surname only; the ID number and phone in the text masked.
    await page.getByText('赵*', { exact: true }).waitFor();
    await page.getByText(published.directCauses, { exact: true }).waitFor();
    await page.getByText(published.educationMeasures, { exact: true }).waitFor();
    expect(published.directCauses).toContain('110101************');
    expect(published.educationMeasures).toContain('139********');
    const text = await page.content();
    for (const secret of secrets) expect(text).not.toContain(secret);
    await screenshots(p, 'public-accident-report');
    expect(p.failedLoads).toEqual([]);
  });
  it('publishes a summons record (约谈情况公开) with the person summoned masked', async () => {
    const { h } = suite;
    const today = toLocalDate(new Date());
    const created = await h
      .http()
      .post('/summonses')
      .set(h.as('head'))
      .send({
        targetKind: 'ENTERPRISE_PRINCIPAL',
        targetName: '测试公示化工有限公司',
        principalName: '孙经理',
        reason: '重大事故隐患逾期未整改',
        basis: '安全生产约谈办法',
        scheduledOn: today,
        attendees: [{ name: '周科长', position: '危化科科长' }],
      });
    expect(created.status).toBe(201);
    const caseId = created.body.caseId as string;
    const complete = async (type: string, outcome: string, payload: Record<string, unknown>) => {
      const task = await expectEventually(async () => {
        const res = await h.http().get('/tasks').query({ caseId, type }).set(h.as('officerA'));
        expect(res.body.items).toHaveLength(1);
        return res.body.items[0] as { id: string };
      });
      const res = await h.http().post(`/tasks/${task.id}/complete`).set(h.as('officerA')).send({ outcome, payload });
      expect({ type, status: res.status }).toEqual({ type, status: 200 });
    };
    await complete('SUMMONS_MINUTES', 'HELD', {
      heldOn: today,
      attendees: [{ name: '孙经理', position: '企业主要负责人' }],
      minutes: '约谈要求立即停用超期储罐',
      commitments: [{ content: '十日内完成储罐检测', deadline: plusDays(today, 10), responsible: '孙经理' }],
    });
    await complete('SUMMONS_PUBLICATION', 'PUBLISHED', {
      publishedOn: today,
      channel: 'WEBSITE',
      summary: '县应急管理局约谈测试公示化工有限公司主要负责人',
    });

    const p = await suite.person();
    const { page } = p;
    await openPublic(page, '/ui/public/summonses', '/public/summonses');
    const row = page.locator('tr', { hasText: '测试公示化工有限公司（企业主要负责人）' });
    await row.getByText('孙**', { exact: true }).waitFor();
    await row.getByText('政府网站', { exact: true }).waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    await page.getByText('十日内完成储罐检测', { exact: true }).waitFor();
    await page.getByText('县应急管理局约谈测试公示化工有限公司主要负责人', { exact: true }).waitFor();
    const text = await page.content();
    for (const secret of ['孙经理', '周科长', '约谈要求立即停用超期储罐', caseId]) expect(text).not.toContain(secret);
    await screenshots(p, 'public-summonses');
    expect(p.failedLoads).toEqual([]);
  });
});
