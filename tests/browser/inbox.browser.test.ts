import { Browser } from 'playwright-core';
import { OrgHarness, startOrgHarness } from '../support/harness';
import { launchChromium, listen, loginAs, openPerson, Person, screenshots } from '../support/browser';
import { chooseIn } from '../support/console-steps';
import { expectEventually } from '../support/eventually';
import { penaltyFlow } from '../support/penalty-flow';

/**
 * The inbox of an agency head in Chromium: the navigation's open and red counts, the yellow and red
 * cards set by the workflows' own deadline timers, the escalation filter, and a reassignment to
 * another head of the department, who then finds the step in their inbox.
 */
describe('inbox: counts, 黄牌/红牌, filter and reassignment (Chromium, dev server)', () => {
  let h: OrgHarness;
  let f: ReturnType<typeof penaltyFlow>;
  let browser: Browser;
  let baseURL: string;
  const people: Person[] = [];
  const YELLOW_TITLE = '黄牌案件：临近期限的立案审批';
  const RED_TITLE = '红牌案件：已逾期的立案审批';

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    f = penaltyFlow(h);
    baseURL = await listen(h.app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const person of people) await person.close().catch(() => undefined);
    await browser?.close();
    await h?.close();
  });

  /** The head moves a step's due date (as after an approved extension); the workflow re-arms its timer. */
  const moveDeadline = async (taskId: string, dueAt: Date) => {
    const res = await h
      .http()
      .post(`/tasks/${taskId}/deadline`)
      .set(h.as('head'))
      .send({ dueAt: dueAt.toISOString(), reason: '测试：调整期限' });
    expect(res.status).toBe(200);
  };
  const escalationOf = (taskId: string, expected: string) =>
    expectEventually(
      async () => {
        const res = await h.http().get(`/tasks/${taskId}`).set(h.as('head'));
        expect(res.body.escalation).toBe(expected);
      },
      { timeoutMs: 30_000 },
    );

  it('shows the counts and the cards, filters by escalation, and lets the head reassign a step to another head', async () => {
    const { org } = h;
    const yellowCase = await f.openCase(undefined, YELLOW_TITLE);
    const redCase = await f.openCase(undefined, RED_TITLE);
    const yellowTask = await f.openTask(yellowCase.id, 'FILING_APPROVAL');
    const redTask = await f.openTask(redCase.id, 'FILING_APPROVAL');
    // Due in three hours: inside the step's warning lead (24 h), so the timer turns it yellow at once.
    await moveDeadline(yellowTask.id, new Date(Date.now() + 3 * 3_600_000));
    // Due in three seconds: yellow at once, red when the due instant passes.
    await moveDeadline(redTask.id, new Date(Date.now() + 3_000));
    await escalationOf(yellowTask.id, 'YELLOW');
    await escalationOf(redTask.id, 'RED');

    // A second head of the department, created by its administrator, to reassign to.
    const deputyPassword = 'deputy-head-password';
    const created = await h
      .http()
      .post('/users')
      .set(h.as('admin'))
      .send({
        username: `deputy.${org.suffix}`.toLowerCase(),
        password: deputyPassword,
        displayName: '副局长',
        departmentId: org.departmentId,
        roles: ['AGENCY_HEAD'],
      });
    expect(created.status).toBe(201);
    const deputy = {
      ...org.users.head,
      id: created.body.id,
      username: created.body.username,
      password: deputyPassword,
    };

    const head = await openPerson(browser, baseURL);
    people.push(head);
    await loginAs(head, org.users.head);
    const { page } = head;
    await page.goto('/ui/inbox');
    const table = page.getByTestId('inbox-table');
    const yellowRow = table.locator('tr', { hasText: YELLOW_TITLE });
    const redRow = table.locator('tr', { hasText: RED_TITLE });
    await yellowRow.locator('[data-card="YELLOW"]', { hasText: '黄牌' }).waitFor();
    await redRow.locator('[data-card="RED"]', { hasText: '红牌' }).waitFor();
    // Soonest due first: the red step (due three seconds after it was moved) heads the list.
    expect(await table.locator('tbody tr.ant-table-row').first().innerText()).toContain(RED_TITLE);
    // The enterprise and the case number are on the row.
    expect(await redRow.innerText()).toContain('测试企业');

    // The navigation counts agree with the API's totals for the same person.
    const total = async (query: Record<string, string>) =>
      (
        await h
          .http()
          .get('/tasks')
          .query({ limit: 1, ...query })
          .set(h.as('head'))
      ).body.total as number;
    const open = await total({});
    expect(open).toBeGreaterThanOrEqual(2);
    expect(await total({ escalation: 'RED' })).toBe(1);
    const nav = page.locator('[data-nav="inbox"]');
    await nav.locator('[data-count="open"]', { hasText: String(open) }).waitFor();
    await nav.locator('[data-count="red"]', { hasText: '1' }).waitFor();
    await screenshots(head, 'inbox-cards');

    // The escalation filter: red only.
    await chooseIn(page, page.locator('[data-filter="escalation"]').getByRole('combobox'), '红牌');
    await table.locator('tbody tr', { hasText: YELLOW_TITLE }).waitFor({ state: 'detached' });
    await redRow.waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(1);

    // Reassign the red step to the deputy: it leaves the head's inbox (a step claimed by someone else is theirs)
    // and sits in the deputy's.
    // A full directory page of colleagues ahead of the deputy (the directory pages by username): the deputy is
    // found by name through the directory's search, not from its first page.
    await h.db.ds.query(
      `INSERT INTO users (username, password_hash, display_name, department_id, roles, credential_no)
         SELECT 'aa-filler-' || n || '.' || $1, password_hash, '填充人员' || n, department_id, roles, 'F' || n || $1
           FROM users, generate_series(1, 100) AS n WHERE id = $2`,
      [org.suffix.toLowerCase(), org.users.officerA.id],
    );
    await redRow.locator('[data-action="reassign"]').click();
    const dialog = page.getByRole('dialog');
    await chooseIn(page, dialog.getByRole('combobox'), '副局长', false);
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.waitFor({ state: 'detached' });
    await redRow.waitFor({ state: 'detached' });
    const res = await h.http().get(`/tasks/${redTask.id}`).set(h.as('head'));
    expect(res.body).toMatchObject({ status: 'CLAIMED', assigneeId: deputy.id });

    const deputyPerson = await openPerson(browser, baseURL);
    people.push(deputyPerson);
    await loginAs(deputyPerson, deputy);
    await deputyPerson.page.goto('/ui/inbox');
    const deputyRow = deputyPerson.page.getByTestId('inbox-table').locator('tr', { hasText: RED_TITLE });
    await deputyRow.locator('[data-card="RED"]').waitFor();
    expect(await deputyRow.innerText()).toMatch(/·\s*我/);

    for (const person of people) expect(person.errors).toEqual([]);
  });
});
