import { AuditService, DocumentService, PenaltyPolicyService } from '@safety/application';
import {
  AuditRepository,
  CaseRepository,
  DocumentRepository,
  EnforcementRepository,
  OrganisationRepository,
  UnitOfWork,
} from '@safety/persistence';
import { createTestDatabase, TestDatabase } from '../support/db';
import { createOrg, TestOrg } from '../support/fixtures';

/** 执法文书 numbers: per department, year and kind, gap-free under concurrency, idempotent by key, escaped HTML. */
describe('document numbering (PostgreSQL)', () => {
  let db: TestDatabase;
  let org: TestOrg;
  let docs: DocumentService;
  let caseId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    org = await createOrg(db.ds);
    const ds = db.ds;
    const uow = new UnitOfWork(ds);
    const audit = new AuditService(new AuditRepository(ds));
    const orgRepo = new OrganisationRepository(ds);
    const policies = new PenaltyPolicyService(uow, new EnforcementRepository(ds), orgRepo, audit);
    docs = new DocumentService(uow, new DocumentRepository(ds), new CaseRepository(ds), orgRepo, policies, audit);
    caseId = (
      await ds.query(
        `INSERT INTO cases (case_type, title, status, department_id, enterprise_id, workflow_id, created_by, handler_ids)
       VALUES ('INSPECTION', '检查', 'OPEN', $1, $2, $3, $4, ARRAY[$4]::uuid[]) RETURNING id`,
        [org.departmentId, org.enterpriseId, `test-${org.suffix}`, org.users.officerA.id],
      )
    )[0].id;
  });
  afterAll(async () => db?.drop());

  it('numbers concurrent issues 1..n without gaps or duplicates, per kind', async () => {
    const issued = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        docs.issue('RECTIFICATION_ORDER', caseId, {
          findings: [`问题${i}`],
          deadline: '2026-12-31',
          legalBasis: '《安全生产法》第六十五条',
        }),
      ),
    );
    const seqs = issued.map((d) => Number(/〔(\d{4})〕号$/.exec(d.number)![1])).sort((a, b) => a - b);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(issued[0].number).toMatch(/^〔\d{4}〕测应急责改〔\d{4}〕号$/);
    const other = await docs.issue('PENALTY_NOTICE', caseId, { facts: 'x' });
    expect(other.number).toMatch(/罚告〔0001〕号$/);
  });

  it('returns the same document for a repeated idempotency key, and escapes data in the HTML', async () => {
    const a = await docs.issue(
      'RECTIFICATION_ORDER',
      caseId,
      { findings: ['<script>alert(1)</script>'], deadline: '2026-12-31' },
      { idempotencyKey: `k-${org.suffix}` },
    );
    const b = await docs.issue(
      'RECTIFICATION_ORDER',
      caseId,
      { findings: ['other'] },
      { idempotencyKey: `k-${org.suffix}` },
    );
    expect(b.id).toBe(a.id);
    expect(b.number).toBe(a.number);
    expect(a.html).not.toContain('<script>alert');
    expect(a.html).toContain('&lt;script&gt;');
    const rows = await db.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'DOCUMENT_ISSUED' AND summary->>'documentId' = $1`,
      [a.id],
    );
    expect(rows[0].n).toBe(1);
  });
});
