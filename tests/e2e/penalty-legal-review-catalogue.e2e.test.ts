import { randomUUID } from 'node:crypto';
import { OrgHarness, startOrgHarness } from '../support/harness';
import { recordHistoryIfAsked } from '../support/history';
import { penaltyFlow } from '../support/penalty-flow';

/**
 * 重大执法决定法制审核目录 (行政处罚法 Art.58): each department's catalogue of the decisions it always reviews,
 * configurable over HTTP, with a default that follows the hearing thresholds (Art.63 较大数额). A proposal that
 * matches a line cannot reach the notice or the decision before 法制审核, and the case names the line.
 */
describe('penalty case: the legal review catalogue (dev server)', () => {
  let h: OrgHarness;
  let f: ReturnType<typeof penaltyFlow>;
  const catalogueOf = (departmentId: string) => `/enforcement/legal-review-catalogues/${departmentId}`;
  const count = async (caseId: string, type: string): Promise<number> =>
    Number(
      (await h.db.ds.query('SELECT count(*)::int AS n FROM tasks WHERE case_id = $1 AND type = $2', [caseId, type]))[0]
        .n,
    );

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    f = penaltyFlow(h);
    await f.loadTestYear2027();
  });
  afterAll(async () => h?.close());

  /** Opens, files and investigates a case, then proposes a LENIENT fine of SPL-97-3 (range 1,000–30,000). */
  const proposeFine = async (fineYuan: number, extra: Record<string, unknown> = {}) => {
    const c = await f.openCase();
    await f.file(c.id);
    await f.investigate(c.id);
    await f.completeOk(
      c.id,
      'PENALTY_PROPOSAL',
      'officerA',
      'PROPOSE_PENALTY',
      f.proposal({ circumstance: 'LENIENT', fineYuan, ...extra }),
    );
    return c;
  };

  it('serves the default catalogue, built from the department’s hearing thresholds, to its jurisdiction only', async () => {
    const res = await h.http().get(catalogueOf(h.org.departmentId)).set(h.as('officerA'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ departmentId: h.org.departmentId, isDefault: true, updatedAt: null });
    expect(res.body.entries).toEqual(
      expect.arrayContaining([
        {
          id: 'fine-organisation',
          kind: 'FINE_AT_OR_ABOVE',
          partyType: 'ORGANISATION',
          amountYuan: 30_000,
          title: '对单位处以30000元以上罚款',
        },
        {
          id: 'fine-individual',
          kind: 'FINE_AT_OR_ABOVE',
          partyType: 'INDIVIDUAL',
          amountYuan: 10_000,
          title: '对个人处以10000元以上罚款',
        },
        { id: 'suspend-production', kind: 'SUSPEND_PRODUCTION', title: '责令停产停业' },
        { id: 'licence-revocation', kind: 'LICENCE_REVOCATION', title: '吊销许可证件' },
        { id: 'closure', kind: 'CLOSURE', title: '责令关闭' },
      ]),
    );
    const outsider = await h.http().get(catalogueOf(h.org.departmentId)).set(h.as('otherOfficer'));
    expect(outsider.status).toBe(403);
    expect(outsider.body.code).toBe('FORBIDDEN_JURISDICTION');
    const missing = await h.http().get(catalogueOf(randomUUID())).set(h.as('sysadmin'));
    expect(missing.status).toBe(404);
    expect((await h.http().get(catalogueOf('not-a-uuid')).set(h.as('officerA'))).status).toBe(400);
  });

  it('under the default catalogue: a fine at the organisation threshold needs review, one yuan less does not', async () => {
    const at = await proposeFine(30_000);
    await f.waitStatus(at.id, 'LEGAL_REVIEW');
    const legalReview = (await f.state(at.id)).procedure!.legalReview;
    expect(legalReview).toMatchObject({
      required: true,
      grounds: [],
      catalogue: {
        isDefault: true,
        matched: [{ id: 'fine-organisation', kind: 'FINE_AT_OR_ABOVE', title: '对单位处以30000元以上罚款' }],
      },
    });
    // The review task names the matched line; no notice and no decision before it passes.
    const review = await h
      .http()
      .get(`/tasks/${(await f.openTask(at.id, 'LEGAL_REVIEW')).id}`)
      .set(h.as('legal'));
    expect(review.status).toBe(200);
    expect(JSON.stringify(review.body)).toContain('fine-organisation');
    expect(await count(at.id, 'PENALTY_NOTICE_SERVICE')).toBe(0);
    expect(await count(at.id, 'PENALTY_DECISION')).toBe(0);
    await f.completeOk(at.id, 'LEGAL_REVIEW', 'legal', 'APPROVE', { opinion: '事实清楚，适用法律正确' });
    await f.waitStatus(at.id, 'NOTICE');
    await f.serveNotice(at.id);
    recordHistoryIfAsked(at.workflowId, 'penalty-case-v3-legal-review-catalogue');

    const below = await proposeFine(29_999);
    await f.waitStatus(below.id, 'NOTICE');
    expect((await f.state(below.id)).procedure!.legalReview).toMatchObject({
      required: false,
      catalogue: { isDefault: true, matched: [] },
    });
    expect(await count(below.id, 'LEGAL_REVIEW')).toBe(0);
  });

  it('replaces the catalogue (head of the department): a lower threshold and a hand-flagged line apply to new proposals', async () => {
    const entries = [
      { id: 'fine-organisation', kind: 'FINE_AT_OR_ABOVE', partyType: 'ORGANISATION', amountYuan: 20_000.5 },
      {
        id: 'fine-individual',
        kind: 'FINE_AT_OR_ABOVE',
        partyType: 'INDIVIDUAL',
        amountYuan: 5_000,
        title: '对个人处以五千元以上罚款',
      },
      { id: 'closure', kind: 'CLOSURE' },
      { id: 'hazardous-chemicals', kind: 'OTHER', title: '涉及危险化学品重大危险源的案件' },
    ];
    const put = await h.http().put(catalogueOf(h.org.departmentId)).set(h.as('head')).send({ entries });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      departmentId: h.org.departmentId,
      isDefault: false,
      updatedBy: h.org.users.head.id,
    });
    expect(put.body.entries[0]).toEqual({ ...entries[0], title: '对单位处以20000.5元以上罚款' });
    const got = await h.http().get(catalogueOf(h.org.departmentId)).set(h.as('legal'));
    expect(got.status).toBe(200);
    expect(got.body).toEqual(put.body);
    const audited = await h.db.ds.query(
      `SELECT actor_id, summary FROM audit_log WHERE action = 'LEGAL_REVIEW_CATALOGUE_SAVED' AND summary->>'departmentId' = $1`,
      [h.org.departmentId],
    );
    expect(audited).toHaveLength(1);
    expect(audited[0].actor_id).toBe(h.org.users.head.id);
    expect(audited[0].summary.before.isDefault).toBe(true);
    expect(audited[0].summary.after.entries).toHaveLength(4);

    // 25,000 is below the default threshold but above the department's own: review, naming the line.
    const lowered = await proposeFine(25_000);
    await f.waitStatus(lowered.id, 'LEGAL_REVIEW');
    expect((await f.state(lowered.id)).procedure!.legalReview.catalogue).toEqual({
      isDefault: false,
      matched: [{ id: 'fine-organisation', kind: 'FINE_AT_OR_ABOVE', title: '对单位处以20000.5元以上罚款' }],
    });
    // Just under the new threshold: straight to the notice.
    const under = await proposeFine(20_000);
    await f.waitStatus(under.id, 'NOTICE');

    // An OTHER line matches when the officer names it; a name that is not an OTHER line is a 400.
    const c = await f.openCase();
    await f.file(c.id);
    await f.investigate(c.id);
    const task = await f.openTask(c.id, 'PENALTY_PROPOSAL');
    // The task's form offers the catalogue's OTHER lines as the only choices.
    const view = await h.http().get(`/tasks/${task.id}`).set(h.as('officerA'));
    expect(view.status).toBe(200);
    const penaltyForm = view.body.form.outcomes.find((o: { outcome: string }) => o.outcome === 'PROPOSE_PENALTY');
    expect(penaltyForm.schema.properties.legalReviewCatalogueEntries.items.enum).toEqual(['hazardous-chemicals']);
    const proposal = (extra: Record<string, unknown>) =>
      f.proposal({ circumstance: 'LENIENT', fineYuan: 5_000, ...extra });
    const wrong = await f.complete(
      task.id,
      'officerA',
      'PROPOSE_PENALTY',
      proposal({ legalReviewCatalogueEntries: ['closure'] }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('VALIDATION_FAILED');
    const flagged = await f.complete(
      task.id,
      'officerA',
      'PROPOSE_PENALTY',
      proposal({ legalReviewCatalogueEntries: ['hazardous-chemicals'] }),
    );
    expect(flagged.status).toBe(200);
    await f.waitStatus(c.id, 'LEGAL_REVIEW');
    expect((await f.state(c.id)).procedure!.legalReview.catalogue.matched).toEqual([
      { id: 'hazardous-chemicals', kind: 'OTHER', title: '涉及危险化学品重大危险源的案件' },
    ]);
  });

  it('validates the catalogue: amounts in yuan with 2 decimals ≥ 0, known kinds, unique ids (400)', async () => {
    const put = (entries: unknown[], who: 'head' | 'admin' = 'head') =>
      h.http().put(catalogueOf(h.org.departmentId)).set(h.as(who)).send({ entries });
    const bad = await put([
      { id: 'a', kind: 'FINE_AT_OR_ABOVE', partyType: 'ORGANISATION', amountYuan: 100.001 },
      { id: 'b', kind: 'CONFISCATION_AT_OR_ABOVE', partyType: 'INDIVIDUAL', amountYuan: -1 },
      { id: 'c', kind: 'DEMOLITION' },
      { id: 'd', kind: 'FINE_AT_OR_ABOVE', partyType: 'ORGANISATION' },
      { id: 'e', kind: 'OTHER' },
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details.fields.map((field: { path: string }) => field.path)).toEqual(
      expect.arrayContaining([
        'entries.0.amountYuan',
        'entries.1.amountYuan',
        'entries.2.kind',
        'entries.3.amountYuan',
        'entries.4.title',
      ]),
    );
    const duplicate = await put([
      { id: 'a', kind: 'CLOSURE' },
      { id: 'a', kind: 'SUSPEND_PRODUCTION' },
    ]);
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.details.fields).toEqual([{ path: 'entries.1.id', message: 'is used by another entry' }]);
    // Nothing was stored by the refused requests: still the head's catalogue of the previous test.
    const got = await h.http().get(catalogueOf(h.org.departmentId)).set(h.as('head'));
    expect(got.body.entries.map((entry: { id: string }) => entry.id)).toContain('hazardous-chemicals');
    // The department administrator may replace it too; an empty catalogue leaves Art.58 itself.
    expect((await put([], 'admin')).status).toBe(200);
  });

  it('lets only the department’s head or an administrator over it replace the catalogue (403), and 404s an unknown department', async () => {
    const put = (who: keyof OrgHarness['org']['users'], departmentId: string) =>
      h
        .http()
        .put(catalogueOf(departmentId))
        .set(h.as(who))
        .send({ entries: [{ id: 'closure', kind: 'CLOSURE' }] });
    for (const who of ['officerA', 'legal', 'discipline'] as const) {
      const res = await put(who, h.org.departmentId);
      expect({ who, status: res.status, code: res.body.code }).toEqual({ who, status: 403, code: 'FORBIDDEN_ROLE' });
    }
    // A head sets only their own department's catalogue, not the one below nor another.
    const cityHead = await put('cityHead', h.org.departmentId);
    expect(cityHead.status).toBe(403);
    expect(cityHead.body.code).toBe('FORBIDDEN_JURISDICTION');
    const otherDepartment = await put('head', h.org.otherDepartmentId);
    expect(otherDepartment.status).toBe(403);
    expect(otherDepartment.body.code).toBe('FORBIDDEN_JURISDICTION');
    // An administrator over it (the city's system administrator) may.
    expect((await put('sysadmin', h.org.departmentId)).status).toBe(200);
    expect((await put('admin', randomUUID())).status).toBe(404);
  });
});
