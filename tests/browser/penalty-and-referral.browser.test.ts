import { Browser } from 'playwright-core';
import { OrgHarness, startOrgHarness } from '../support/harness';
import { TestUser } from '../support/fixtures';
import { createAccidentOrg, largerAccident, teamPayload } from '../support/accident-fixtures';
import { launchChromium, listen, loginAs, openPerson, Person, screenshots } from '../support/browser';
import {
  choose,
  chooseIn,
  complete,
  DirectoryPerson,
  field,
  fill,
  fillFromSchema,
  openFromInbox,
  pickNow,
  pressOutcome,
} from '../support/console-steps';
import { expectEventually } from '../support/eventually';
import { penaltyFlow } from '../support/penalty-flow';
import { JsonSchema } from '../support/schema-payload';

/**
 * The required console scenario, by clicks and typing in Chromium against the real API, worker,
 * PostgreSQL and Temporal dev server: a penalty case from opening to the published decision, with
 * a legal review that returns once; a discipline body answering a referral; another department
 * seeing neither; the public page with the ID number masked.
 */
describe('officer console: penalty case, legal review, decision, referral and publication (Chromium, dev server)', () => {
  let h: OrgHarness;
  let f: ReturnType<typeof penaltyFlow>;
  let browser: Browser;
  let baseURL: string;
  const people: Person[] = [];
  const CASE_TITLE = `未按规定对从业人员进行安全生产教育和培训（浏览器）`;
  let caseId = '';

  const as = async (user: TestUser): Promise<Person> => {
    const person = await openPerson(browser, baseURL);
    people.push(person);
    await loginAs(person, user);
    return person;
  };

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    f = penaltyFlow(h);
    await f.loadTestYear2027();
    baseURL = await listen(h.app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const person of people) await person.close().catch(() => undefined);
    await browser?.close();
    await h?.close();
  });

  const noConsoleErrors = () => {
    for (const person of people) expect(person.errors).toEqual([]);
  };

  it('runs a penalty case by clicks: filing, investigation by two officers, a legal review returned once, the decision and its publication', async () => {
    const { org } = h;
    // More departments than one page of the directory, all sorting before the test county's.
    await h.db.ds.query(
      `INSERT INTO departments (code, name, kind, level, region_id)
       SELECT 'AA-' || $2 || '-' || lpad(n::text, 3, '0'), '排在前面的部门' || n, 'EMERGENCY_MANAGEMENT', 'TOWN', d.region_id
         FROM generate_series(1, 120) AS n, departments d WHERE d.id = $1`,
      [org.departmentId, org.suffix],
    );
    const officerA = await as(org.users.officerA);
    const officerB = await as(org.users.officerB);
    const head = await as(org.users.head);
    const legal = await as(org.users.legal);

    // An officer opens the case, naming the second handler.
    await officerA.page.goto('/ui/cases');
    await officerA.page.locator('[data-action="create-case"]').click();
    const dialog = officerA.page.getByRole('dialog');
    await dialog.getByLabel('案件名称').fill(CASE_TITLE);
    // A single select closes on Enter; an Escape after it would close the dialog (when the dropdown is already shut).
    await chooseIn(officerA.page, dialog.getByRole('combobox', { name: '企业' }), '测试企业', false);
    await chooseIn(officerA.page, dialog.getByLabel('其他承办人'), 'officerB');
    await dialog.getByRole('button', { name: '提交' }).click();
    await officerA.page.waitForURL(/\/ui\/cases\/[0-9a-f-]{36}$/);
    caseId = officerA.page.url().split('/').pop()!;
    await officerA.page.getByTestId('chain-badge').first().waitFor();
    expect(await officerA.page.getByTestId('chain-badge').first().getAttribute('data-chain')).toBe('verified');

    // The head approves the filing from the inbox (立案审批).
    await openFromInbox(head, CASE_TITLE, 'FILING_APPROVAL');
    await screenshots(head, 'task-filing-approval');
    await fill(head.page, 'comment', '同意立案');
    await complete(head.page, 'APPROVE');
    await f.waitStatus(caseId, 'INVESTIGATING');

    // The second officer uploads a photo; the first records the evidence both collected.
    await openFromInbox(officerB, CASE_TITLE, 'INVESTIGATION');
    await officerB.page.getByRole('tab', { name: '证据材料' }).click();
    await officerB.page.locator('input[type="file"]').setInputFiles({
      name: '现场照片.png',
      mimeType: 'image/png',
      // A real 1×1 PNG: the API takes an evidence file's type from its bytes.
      buffer: Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
        'base64',
      ),
    });
    await officerB.page.getByTestId('evidence').getByText('现场照片.png').waitFor();

    await openFromInbox(officerA, CASE_TITLE, 'INVESTIGATION');
    const investigate = async (person: Person) => {
      const { page } = person;
      await fill(page, 'findings', '现场检查发现：该企业未对新入职员工开展岗前安全培训，培训档案缺失。');
      await choose(page, 'evidence.0.kind', '现场检查笔录');
      await fill(page, 'evidence.0.description', '现场检查笔录及现场照片');
      await choose(page, 'evidence.0.attachmentIds', '现场照片.png');
      await choose(page, 'evidence.0.officers.0.officerId', 'officerA');
      await fill(page, 'evidence.0.officers.0.credentialNo', `A${org.suffix}`);
      await choose(page, 'evidence.0.officers.1.officerId', 'officerB');
      await fill(page, 'evidence.0.officers.1.credentialNo', `B${org.suffix}`);
    };
    await investigate(officerA);
    await screenshots(officerA, 'task-investigation-form');
    // One officer only: the API's field error appears beside the officers list, and nothing is completed.
    await officerA.page.getByRole('button', { name: /删除 取证执法人员 2/ }).click();
    await pressOutcome(officerA.page, 'SUBMIT');
    const officersError = officerA.page.locator('.ant-form-item-explain-error').first();
    await officersError.waitFor();
    expect(await f.status(caseId)).toBe('INVESTIGATING');
    await officerA.page.getByRole('button', { name: '添加一项：取证执法人员' }).click();
    await choose(officerA.page, 'evidence.0.officers.1.officerId', 'officerB');
    await fill(officerA.page, 'evidence.0.officers.1.credentialNo', `B${org.suffix}`);
    await complete(officerA.page, 'SUBMIT');

    // The next step (审查与处罚建议) appears in the answer without a refresh.
    const proposalLink = officerA.page.locator('[data-next-task="PENALTY_PROPOSAL"]');
    await proposalLink.waitFor({ timeout: 30_000 });
    await proposalLink.click();
    const propose = async (person: Person) => {
      const { page } = person;
      await page.getByTestId('step-form').waitFor();
      await fill(page, 'violationType', 'SPL-97-3');
      await fill(page, 'facts', '未按照规定对从业人员进行安全生产教育和培训');
      await choose(page, 'circumstance', '一般');
      await choose(page, 'measures', '罚款');
      await fill(page, 'fineYuan', '40000');
      await fill(page, 'reasons', '情节一般');
      await field(page, 'involvesMajorPublicInterest').click();
      await complete(page, 'PROPOSE_PENALTY');
    };
    await propose(officerA);
    await f.waitStatus(caseId, 'LEGAL_REVIEW');

    // 法制审核: the reviewer returns it once from the review queue, beside the proposal and its benchmark range.
    await legal.page.goto('/ui/legal-review');
    await legal.page.locator('tr', { hasText: CASE_TITLE }).locator('a[data-task-type="LEGAL_REVIEW"]').click();
    await legal.page.getByTestId('proposal').getByText('40000').waitFor();
    // The benchmark entry of the proposal's violation: the 一般 range applies, and the proposed fine lies in it.
    const benchmark = legal.page.getByTestId('benchmark');
    const ordinary = benchmark.locator('tr[data-circumstance="ORDINARY"]');
    await ordinary.getByText('30,000.00 – 60,000.00').waitFor();
    expect(await ordinary.getAttribute('class')).toContain('benchmark-applied');
    await benchmark.locator('tr[data-circumstance="SEVERE"]').getByText('60,000.00 – 100,000.00').waitFor();
    await benchmark.getByText('《中华人民共和国安全生产法》第九十七条第（三）项').waitFor();
    expect(await benchmark.locator('[data-within-range]').getAttribute('data-within-range')).toBe('true');
    await legal.page.getByTestId('review-evidence').getByText('现场照片.png').waitFor();
    // Side by side at 1366×768: proposal, evidence and benchmark in one row, left to right.
    const boxes = await Promise.all(
      ['proposal', 'review-evidence', 'benchmark'].map(async (id) => (await legal.page.getByTestId(id).boundingBox())!),
    );
    expect(boxes[0].x + boxes[0].width).toBeLessThanOrEqual(boxes[1].x);
    expect(boxes[1].x + boxes[1].width).toBeLessThanOrEqual(boxes[2].x);
    expect(new Set(boxes.map((box) => Math.round(box.y))).size).toBe(1);
    await screenshots(legal, 'legal-review');
    await fill(legal.page, 'opinion', '证据不足，补充调查');
    await complete(legal.page, 'RETURN');
    await f.waitStatus(caseId, 'INVESTIGATING');

    await openFromInbox(officerA, CASE_TITLE, 'INVESTIGATION');
    await investigate(officerA);
    await complete(officerA.page, 'SUBMIT');
    await officerA.page.locator('[data-next-task="PENALTY_PROPOSAL"]').click();
    await propose(officerA);

    await openFromInbox(legal, CASE_TITLE, 'LEGAL_REVIEW');
    await fill(legal.page, 'opinion', '补充证据后事实清楚，适用法律正确');
    await complete(legal.page, 'APPROVE');
    await f.waitStatus(caseId, 'NOTICE');

    // 告知: the notice document is numbered and printable; it is served, the party waives in writing.
    await openFromInbox(officerA, CASE_TITLE, 'PENALTY_NOTICE_SERVICE');
    await officerA.page.getByRole('tab', { name: '执法文书' }).click();
    await officerA.page
      .getByTestId('documents')
      .locator('tr', { hasText: '罚告' })
      .locator('[data-action="view-document"]')
      .click();
    const frame = officerA.page.frameLocator('[data-testid="document-frame"]');
    await frame.getByText('40,000.00 元').first().waitFor();
    await officerA.page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await pickNow(officerA.page, 'servedAt');
    await choose(officerA.page, 'method', '直接送达');
    await fill(officerA.page, 'recipient', '企业安全负责人');
    await complete(officerA.page, 'SERVED');
    await f.waitStatus(caseId, 'AWAITING_PARTY');
    await officerA.page.goto(`/ui/cases/${caseId}`);
    await officerA.page.locator('[data-action="waiver"]').click();
    const waiver = officerA.page.getByRole('dialog');
    await waiver.getByLabel('陈述、申辩').check();
    await waiver.getByLabel('听证').check();
    await waiver.getByLabel('放弃声明（签字确认书）').fill('当事人书面放弃（签字确认书）');
    await waiver.getByRole('button', { name: '提交' }).click();

    // The head decides (行政处罚决定审批).
    await openFromInbox(head, CASE_TITLE, 'PENALTY_DECISION');
    await fill(head.page, 'reasons', '违法事实清楚，证据确凿，依法作出处罚决定');
    await complete(head.page, 'DECIDE_PENALTY');
    await f.waitStatus(caseId, 'DECIDED');

    await openFromInbox(officerA, CASE_TITLE, 'DECISION_SERVICE');
    await pickNow(officerA.page, 'servedAt');
    await choose(officerA.page, 'method', '直接送达');
    await fill(officerA.page, 'recipient', '企业法定代表人');
    await complete(officerA.page, 'SERVED');

    await openFromInbox(officerB, CASE_TITLE, 'DECISION_PUBLICATION');
    await fill(
      officerB.page,
      'violationSummary',
      '未按规定开展安全培训，身份证320202198001011234，联系电话13900001111',
    );
    await complete(officerB.page, 'PUBLISH');

    // The case page: the record verifies, the documents are listed.
    await head.page.goto(`/ui/cases/${caseId}`);
    await head.page.getByTestId('timeline').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await head.page.getByTestId('chain-badge').first().getAttribute('data-chain')).toBe('verified');
    // The handling department is named by id, though more departments than one page of the directory sort first.
    await head.page.locator('.ant-descriptions').getByText(`测试县应急管理局${org.suffix}`, { exact: true }).waitFor();
    await screenshots(head, 'case');
    await head.page.goto('/ui/inbox');
    await head.page.getByTestId('inbox-table').waitFor();
    await screenshots(head, 'inbox');
    await head.page.goto('/ui/dashboard');
    await head.page.getByTestId('dashboard-chart').locator('svg').waitFor();
    await screenshots(head, 'dashboard');
    noConsoleErrors();
  });

  it('shows the decision on the public page without login, the ID number and phone masked', async () => {
    const anonymous = await openPerson(browser, baseURL);
    people.push(anonymous);
    await expectEventually(async () => {
      await anonymous.page.goto('/ui/public/decisions');
      await anonymous.page.getByTestId('public-decisions').getByText('320202************').waitFor({ timeout: 3_000 });
    });
    const text = await anonymous.page.getByTestId('public-decisions').innerText();
    expect(text).not.toContain('320202198001011234');
    expect(text).not.toContain('13900001111');
    expect(text).toContain('139********');
    await screenshots(anonymous, 'public-decisions');
    expect(anonymous.errors).toEqual([]);
  });

  it('lets the discipline body acknowledge and answer its referral; another department sees neither the case nor the referral', async () => {
    const { org } = h;
    // Set-up over HTTP (the accident steps before the 批复 are covered by tests/e2e/accident-flow): a 较大 accident
    // whose approved report refers an official to the discipline body.
    const acc = await createAccidentOrg(h.db.ds, org);
    const token = async (user: TestUser) => ({ Authorization: `Bearer ${await h.login(user)}` });
    const cityHead = h.as('cityHead');
    const created = await h
      .http()
      .post('/accidents')
      .set(h.as('officerA'))
      .send(largerAccident(org.enterpriseId, { directLossYuan: 4_500_000 }));
    expect(created.status).toBe(201);
    const accidentId = created.body.id as string;
    const openTask = (who: Record<string, string>, type: string) =>
      expectEventually(async () => {
        const res = await h.http().get('/tasks').query({ caseId: accidentId, type }).set(who);
        expect(res.body.items.length).toBeGreaterThan(0);
        return res.body.items[0] as { id: string };
      });
    // The head forms the team in the console: the police, trade-union and discipline members belong to other
    // bodies, and the person field finds them in the directory of every department as their names are typed.
    const teamTask = await openTask(cityHead, 'ACCIDENT_TEAM_FORMATION');
    const head = await as(org.users.cityHead);
    await head.page.goto(`/ui/tasks/${teamTask.id}`);
    await head.page.getByTestId('step-form').waitFor();
    const teamForm = (await h.http().get(`/tasks/${teamTask.id}`).set(cityHead)).body.form.outcomes[0].schema;
    const members = [acc.users.lead, org.users.discipline, acc.users.police, acc.users.union];
    const directory: DirectoryPerson[] = [];
    for (const member of members) {
      const found = await h.http().get('/directory/users').query({ q: member.username }).set(cityHead);
      directory.push(...(found.body.items as DirectoryPerson[]).filter((entry) => entry.id === member.id));
    }
    expect(directory.map((entry) => entry.id)).toEqual(members.map((member) => member.id));
    await fillFromSchema(head.page, teamForm as JsonSchema, teamPayload(org, acc), directory);
    await complete(head.page, 'FORM');
    const police = await token(acc.users.police);
    const findings = await openTask(police, 'ACCIDENT_MEMBER_FINDINGS');
    await h
      .http()
      .post(`/tasks/${findings.id}/complete`)
      .set(police)
      .send({ outcome: 'SUBMIT', payload: { findings: '现场勘验完毕' } });
    const lead = await token(acc.users.lead);
    await openTask(lead, 'ACCIDENT_INVESTIGATION_REPORT');
    const report = await h
      .http()
      .post(`/accidents/${accidentId}/report`)
      .set(lead)
      .send({
        directCauses: '操作工违章动火',
        indirectCauses: '企业安全管理缺失；属地监管不到位',
        educationMeasures: '全市危化企业警示教育',
        summary: '李四对事故负有监管责任',
        responsibleParties: [
          {
            kind: 'PUBLIC_OFFICIAL',
            name: '李四',
            organisation: '测试县应急管理局',
            position: '监管科科长',
            responsibility: '监管不力',
            proposedHandling: 'DISCIPLINE_REFERRAL',
            handlingDetail: '建议给予政务处分',
          },
        ],
        rectificationMeasures: [{ description: '完善动火作业审批', owner: '测试企业', dueDate: '2026-12-31' }],
      });
    expect(report.status).toBe(200);
    await openTask(cityHead, 'ACCIDENT_REPORT_APPROVAL');
    expect(
      (
        await h
          .http()
          .post(`/accidents/${accidentId}/approval`)
          .set(cityHead)
          .send({ decision: 'APPROVE', comment: '同意' })
      ).status,
    ).toBe(200);

    // The discipline body, in the browser: its referral inbox, the evidence bundle, acknowledge, answer.
    const discipline = await as(org.users.discipline);
    await expectEventually(async () => {
      await discipline.page.goto('/ui/referrals');
      await discipline.page.getByTestId('referrals-table').getByText('李四').waitFor({ timeout: 3_000 });
    });
    await screenshots(discipline, 'referrals');
    await discipline.page.getByTestId('referrals-table').getByRole('link', { name: '李四' }).click();
    await discipline.page.getByText('操作工违章动火').waitFor();
    const referralId = discipline.page.url().split('/').pop()!;
    await discipline.page.locator('[data-action="acknowledge"]').click();
    await discipline.page.getByRole('button', { name: '提交' }).waitFor({ timeout: 30_000 });
    await chooseIn(discipline.page, discipline.page.getByLabel('结果'), '给予处分');
    await discipline.page.getByLabel('摘要').fill('给予政务记过处分');
    await discipline.page.locator('[data-action="report-result"]').click();
    await discipline.page.locator('[data-referral-status="ANSWERED"]').waitFor({ timeout: 30_000 });
    expect(discipline.errors).toEqual([]);

    // An officer of another county: the penalty case and the referral are refused and nothing of them shows.
    const other = await as(org.users.otherOfficer);
    await other.page.goto('/ui/cases');
    await other.page.getByTestId('cases-table').waitFor();
    expect(await other.page.getByTestId('cases-table').innerText()).not.toContain(CASE_TITLE);
    // The API refuses them (403), and the console says so without showing anything of theirs.
    const refused = (path: string) =>
      other.page.waitForResponse((r) => r.status() === 403 && new URL(r.url()).pathname === path);
    const caseRefused = refused(`/cases/${caseId}`);
    await other.page.goto(`/ui/cases/${caseId}`);
    await caseRefused;
    await other.page.getByText(/无权查看/).waitFor();
    expect(await other.page.locator('body').innerText()).not.toContain(CASE_TITLE);
    const referralRefused = refused(`/discipline-referrals/${referralId}`);
    await other.page.goto(`/ui/referrals/${referralId}`);
    await referralRefused;
    await other.page.getByText(/无权查看/).waitFor();
    expect(await other.page.locator('body').innerText()).not.toContain('李四');
    // Whatever Chromium logs of the refused loads (on its own schedule) is those 403s and nothing else.
    expect(other.failedLoads.filter((line) => !line.includes('403'))).toEqual([]);
    expect(other.errors).toEqual([]);
  });
});
