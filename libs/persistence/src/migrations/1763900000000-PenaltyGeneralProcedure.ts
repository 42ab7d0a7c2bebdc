import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Penalty case 一般程序 beyond 立案: per-department policy, discretion benchmarks (with an
 * installation-wide default), numbered documents with a gap-free counter, public disclosure, the
 * dishonest-entity list and credit repair, case archives, case-file review samples and the
 * idempotency keys of workflow-recorded events.
 */
export class PenaltyGeneralProcedure1763900000000 implements MigrationInterface {
  name = 'PenaltyGeneralProcedure1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE penalty_policies (
        department_id uuid PRIMARY KEY REFERENCES departments(id),
        overrides jsonb NOT NULL DEFAULT '{}'::jsonb,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE discretion_benchmarks (
        id varchar(64) PRIMARY KEY,
        department_id uuid REFERENCES departments(id),
        jurisdiction varchar(128) NOT NULL,
        effective_from date NOT NULL,
        source text NOT NULL,
        entries jsonb NOT NULL,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX discretion_benchmarks_dept_idx ON discretion_benchmarks(department_id, effective_from DESC)`,
    );
    // One row per department, kind and year. Issuing a document takes the row lock (INSERT … ON
    // CONFLICT DO UPDATE … RETURNING) in the same transaction as the document insert, so numbers are
    // gap-free: a rolled-back issue never consumes a number, and concurrent issues queue on the lock.
    await q.query(`
      CREATE TABLE document_counters (
        department_id uuid NOT NULL REFERENCES departments(id),
        kind varchar(32) NOT NULL,
        year integer NOT NULL,
        last_seq integer NOT NULL,
        PRIMARY KEY (department_id, kind, year)
      )`);
    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid REFERENCES cases(id),
        department_id uuid NOT NULL REFERENCES departments(id),
        kind varchar(32) NOT NULL,
        year integer NOT NULL,
        seq integer NOT NULL,
        number varchar(80) NOT NULL UNIQUE,
        title varchar(200) NOT NULL,
        html text NOT NULL,
        sha256 char(64) NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        idempotency_key varchar(200) UNIQUE,
        issued_by uuid REFERENCES users(id),
        issued_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (department_id, kind, year, seq)
      )`);
    await q.query(`CREATE INDEX documents_case_idx ON documents(case_id, issued_at)`);
    await q.query(`
      CREATE TABLE published_penalty_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        publication_key varchar(200) NOT NULL UNIQUE,
        department_id uuid NOT NULL REFERENCES departments(id),
        department_name varchar(128) NOT NULL,
        party_name varchar(200) NOT NULL,
        credit_code varchar(18),
        decision_number varchar(80) NOT NULL,
        violation text NOT NULL,
        legal_basis text NOT NULL,
        penalty text NOT NULL,
        fine_yuan numeric(14,2),
        decision_date date NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        status varchar(16) NOT NULL CHECK (status IN ('PUBLISHED','WITHDRAWN')),
        withdrawn_at timestamptz,
        withdrawal_reason text
      )`);
    await q.query(
      `CREATE INDEX published_decisions_public_idx ON published_penalty_decisions(status, decision_date DESC, published_at DESC)`,
    );
    await q.query(`
      CREATE TABLE dishonest_entities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL REFERENCES enterprises(id),
        case_id uuid NOT NULL UNIQUE REFERENCES cases(id),
        department_id uuid NOT NULL REFERENCES departments(id),
        party_name varchar(200) NOT NULL,
        credit_code varchar(18) NOT NULL,
        reason text NOT NULL,
        decision_number varchar(80) NOT NULL,
        listed_on date NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('LISTED','REPAIRED','REMOVED')),
        removed_on date,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX dishonest_public_idx ON dishonest_entities(status, listed_on DESC)`);
    await q.query(`
      CREATE TABLE credit_repair_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dishonest_entity_id uuid NOT NULL REFERENCES dishonest_entities(id),
        department_id uuid NOT NULL REFERENCES departments(id),
        requested_by uuid NOT NULL REFERENCES users(id),
        statement text NOT NULL,
        rectification_evidence text NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('PENDING','APPROVED','REJECTED')),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        decision_comment text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // At most one open request per listing.
    await q.query(
      `CREATE UNIQUE INDEX credit_repair_one_pending ON credit_repair_requests(dishonest_entity_id) WHERE status = 'PENDING'`,
    );
    await q.query(`
      CREATE TABLE case_archives (
        case_id uuid PRIMARY KEY REFERENCES cases(id),
        department_id uuid NOT NULL REFERENCES departments(id),
        archived_at timestamptz NOT NULL DEFAULT now(),
        archived_by uuid REFERENCES users(id),
        case_file jsonb NOT NULL,
        sha256 char(64) NOT NULL
      )`);
    await q.query(`
      CREATE TABLE file_review_samples (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES departments(id),
        seed varchar(128) NOT NULL,
        requested_size integer NOT NULL CHECK (requested_size > 0),
        population_size integer NOT NULL,
        criteria jsonb NOT NULL,
        case_ids uuid[] NOT NULL,
        drawn_by uuid NOT NULL REFERENCES users(id),
        drawn_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE file_review_scores (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sample_id uuid NOT NULL REFERENCES file_review_samples(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        reviewer_id uuid NOT NULL REFERENCES users(id),
        score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
        items jsonb NOT NULL DEFAULT '[]'::jsonb,
        findings text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (sample_id, case_id, reviewer_id)
      )`);
    // Keys of events a workflow activity has recorded, so a retried activity never audits twice.
    await q.query(`
      CREATE TABLE workflow_event_keys (
        event_key varchar(200) PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The installation-wide default benchmark (illustrative ranges inside the statutory maxima of
    // 安全生产法 2021; UNVERIFIED — each agency loads its own published 裁量基准).
    const range = (min: number, max: number) => ({ minYuan: min, maxYuan: max });
    const entries = [
      {
        violationType: 'SPL-97-3',
        legalBasis: '《中华人民共和国安全生产法》第九十七条第（三）项',
        title: '未按照规定对从业人员进行安全生产教育和培训',
        statutoryRange: range(0, 100_000),
        ranges: { LENIENT: range(1_000, 30_000), ORDINARY: range(30_000, 60_000), SEVERE: range(60_000, 100_000) },
      },
      {
        violationType: 'SPL-99-3',
        legalBasis: '《中华人民共和国安全生产法》第九十九条第（三）项',
        title: '未对安全设备进行经常性维护、保养和定期检测',
        statutoryRange: range(0, 50_000),
        ranges: { LENIENT: range(1_000, 10_000), ORDINARY: range(10_000, 30_000), SEVERE: range(30_000, 50_000) },
      },
      {
        violationType: 'SPL-101-2',
        legalBasis: '《中华人民共和国安全生产法》第一百零一条第（二）项',
        title: '对重大危险源未登记建档或者未进行定期检测、评估、监控',
        statutoryRange: range(0, 100_000),
        ranges: { LENIENT: range(1_000, 30_000), ORDINARY: range(30_000, 60_000), SEVERE: range(60_000, 100_000) },
      },
      {
        violationType: 'SPL-102',
        legalBasis: '《中华人民共和国安全生产法》第一百零二条',
        title: '未采取措施消除事故隐患',
        statutoryRange: range(0, 50_000),
        ranges: { LENIENT: range(1_000, 10_000), ORDINARY: range(10_000, 30_000), SEVERE: range(30_000, 50_000) },
      },
    ];
    await q.query(
      `INSERT INTO discretion_benchmarks (id, department_id, jurisdiction, effective_from, source, entries) VALUES ($1, NULL, $2, $3, $4, $5)`,
      [
        'DEFAULT-2026',
        '默认（未配置本辖区裁量基准时适用）',
        '2026-01-01',
        'Illustrative default shipped with the system (UNVERIFIED); replace with the published provincial 裁量基准',
        JSON.stringify(entries),
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'workflow_event_keys',
      'file_review_scores',
      'file_review_samples',
      'case_archives',
      'credit_repair_requests',
      'dishonest_entities',
      'published_penalty_decisions',
      'documents',
      'document_counters',
      'discretion_benchmarks',
      'penalty_policies',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
