import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foundation schema: organisation (regions, departments, sectors, enterprises, users), the holiday
 * calendar, cases, human tasks, evidence files and the append-only audit log (执法全过程记录,
 * 行政处罚法 Art.47).
 */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE regions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL UNIQUE,
        name varchar(128) NOT NULL,
        level varchar(16) NOT NULL CHECK (level IN ('PROVINCE','CITY','COUNTY','TOWN','PARK')),
        parent_id uuid REFERENCES regions(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE departments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(64) NOT NULL UNIQUE,
        name varchar(128) NOT NULL,
        kind varchar(48) NOT NULL,
        level varchar(16) NOT NULL CHECK (level IN ('PROVINCE','CITY','COUNTY','TOWN','PARK')),
        region_id uuid NOT NULL REFERENCES regions(id),
        parent_id uuid REFERENCES departments(id),
        predecessor_id uuid REFERENCES departments(id),
        valid_from date NOT NULL DEFAULT DATE '2018-01-01',
        valid_to date,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX departments_parent_idx ON departments(parent_id)`);
    await q.query(`
      CREATE TABLE sectors (
        code varchar(48) PRIMARY KEY,
        name varchar(64) NOT NULL,
        supervising_department_kind varchar(48) NOT NULL
      )`);
    await q.query(`
      CREATE TABLE enterprises (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        credit_code varchar(18) NOT NULL UNIQUE,
        name varchar(200) NOT NULL,
        sector_code varchar(48) NOT NULL REFERENCES sectors(code),
        region_id uuid NOT NULL REFERENCES regions(id),
        enforcement_department_id uuid NOT NULL REFERENCES departments(id),
        risk_grade varchar(8) NOT NULL CHECK (risk_grade IN ('RED','ORANGE','YELLOW','BLUE')),
        credit_status varchar(16) NOT NULL DEFAULT 'NORMAL',
        principal_name varchar(64),
        principal_phone varchar(32),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX enterprises_department_idx ON enterprises(enforcement_department_id)`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL UNIQUE,
        password_hash varchar(255) NOT NULL,
        display_name varchar(64) NOT NULL,
        department_id uuid NOT NULL REFERENCES departments(id),
        roles text[] NOT NULL,
        credential_no varchar(32),
        legal_qualified boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE holiday_years (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        notice_number varchar(64) NOT NULL,
        notice_date date NOT NULL,
        source text NOT NULL,
        holidays date[] NOT NULL,
        makeup_workdays date[] NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_type varchar(32) NOT NULL,
        reference_no varchar(64) UNIQUE,
        title varchar(200) NOT NULL,
        status varchar(32) NOT NULL,
        department_id uuid NOT NULL REFERENCES departments(id),
        enterprise_id uuid REFERENCES enterprises(id),
        workflow_id varchar(128) NOT NULL UNIQUE,
        created_by uuid NOT NULL REFERENCES users(id),
        handler_ids uuid[] NOT NULL DEFAULT '{}',
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX cases_department_idx ON cases(department_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_key varchar(200) NOT NULL UNIQUE,
        case_id uuid NOT NULL REFERENCES cases(id),
        workflow_id varchar(128) NOT NULL,
        type varchar(48) NOT NULL,
        title varchar(200) NOT NULL,
        candidate_roles text[] NOT NULL,
        department_id uuid NOT NULL REFERENCES departments(id),
        assignee_id uuid REFERENCES users(id),
        status varchar(16) NOT NULL CHECK (status IN ('OPEN','CLAIMED','COMPLETED','CANCELLED')),
        due_at timestamptz,
        warn_at timestamptz,
        needs_manual_due_date boolean NOT NULL DEFAULT false,
        escalation varchar(8) NOT NULL DEFAULT 'NONE' CHECK (escalation IN ('NONE','YELLOW','RED')),
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        outcome varchar(48),
        result jsonb,
        completed_by uuid REFERENCES users(id),
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX tasks_inbox_idx ON tasks(department_id, status, due_at)`);
    await q.query(`CREATE INDEX tasks_assignee_idx ON tasks(assignee_id, status)`);
    await q.query(`CREATE INDEX tasks_case_idx ON tasks(case_id)`);
    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        task_id uuid REFERENCES tasks(id),
        kind varchar(16) NOT NULL CHECK (kind IN ('FILE','NOTE')),
        file_name varchar(255),
        content_type varchar(128),
        size_bytes integer NOT NULL,
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attachments_case_idx ON attachments(case_id)`);
    // Append-only, hash-chained audit log. Each row's hash covers its content and the previous
    // row's hash, so an edit anywhere breaks the chain from that row on. The trigger refuses
    // UPDATE/DELETE for every role; only a table owner who deliberately disables it can tamper,
    // and the verification endpoint then reports the first broken link.
    await q.query(`
      CREATE TABLE audit_log (
        seq bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        actor_role varchar(48),
        case_id uuid,
        task_id uuid,
        action varchar(64) NOT NULL,
        summary jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id varchar(64),
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX audit_case_idx ON audit_log(case_id, seq)`);
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = '42501';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
    for (const t of [
      'attachments',
      'tasks',
      'cases',
      'holiday_years',
      'users',
      'enterprises',
      'sectors',
      'departments',
      'regions',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
