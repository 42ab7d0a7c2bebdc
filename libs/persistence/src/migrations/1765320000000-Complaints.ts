import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 投诉举报 (12350): the complaint beside its case row (the informant kept apart from the case, where
 * the generic endpoints cannot reach it), and per-department policy overrides. A complaint filed
 * online has no account behind it, so a case's creator and an attachment's uploader may be null
 * (the public).
 */
export class Complaints1765320000000 implements MigrationInterface {
  name = 'Complaints1765320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ALTER COLUMN created_by DROP NOT NULL`);
    await q.query(`ALTER TABLE attachments ALTER COLUMN uploaded_by DROP NOT NULL`);
    await q.query(`
      CREATE TABLE complaints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL UNIQUE REFERENCES cases(id),
        tracking_code varchar(20) NOT NULL UNIQUE,
        secret_hash char(64) NOT NULL,
        channel varchar(20) NOT NULL,
        received_at timestamptz NOT NULL,
        registered_by uuid REFERENCES users(id),
        department_id uuid NOT NULL REFERENCES departments(id),
        received_by_department_id uuid NOT NULL REFERENCES departments(id),
        description text NOT NULL,
        place text NOT NULL,
        enterprise_text varchar(200),
        enterprise_id uuid REFERENCES enterprises(id),
        sector_code varchar(60),
        anonymous boolean NOT NULL,
        informant jsonb NOT NULL,
        handler_ids uuid[] NOT NULL DEFAULT '{}',
        status varchar(30) NOT NULL,
        acceptance jsonb,
        transfers jsonb NOT NULL DEFAULT '[]',
        inspection_case_id uuid REFERENCES cases(id),
        merged_into_id uuid REFERENCES complaints(id),
        verified_true boolean,
        verified_grade varchar(30),
        findings text,
        verified_at timestamptz,
        result text,
        result_at timestamptz,
        feedback text,
        feedback_at timestamptz,
        feedback_on_time boolean,
        reward_status varchar(20),
        reward_amount_yuan numeric(14, 2),
        reward_paid_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The officers' list: newest first per department, keyset on (received_at, id).
    await q.query(
      `CREATE INDEX complaints_department_newest_idx ON complaints (department_id, received_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX complaints_received_idx ON complaints (received_by_department_id, received_at)`);
    // Public intake and tracking lookups are throttled per client address in the login throttle's table.
    await q.query(`ALTER TABLE login_throttle DROP CONSTRAINT login_throttle_scope_check`);
    await q.query(
      `ALTER TABLE login_throttle ADD CONSTRAINT login_throttle_scope_check CHECK (scope IN ('ACCOUNT','ADDRESS','INTAKE','LOOKUP'))`,
    );
    await q.query(`
      CREATE TABLE complaint_policies (
        department_id uuid PRIMARY KEY REFERENCES departments(id),
        overrides jsonb NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE complaint_policies`);
    await q.query(`DROP TABLE complaints`);
    await q.query(`DELETE FROM login_throttle WHERE scope IN ('INTAKE','LOOKUP')`);
    await q.query(`ALTER TABLE login_throttle DROP CONSTRAINT login_throttle_scope_check`);
    await q.query(
      `ALTER TABLE login_throttle ADD CONSTRAINT login_throttle_scope_check CHECK (scope IN ('ACCOUNT','ADDRESS'))`,
    );
    // Rows the public filed have no creator: they cannot survive the NOT NULL constraint coming back.
    const publicCases = `SELECT id FROM cases WHERE created_by IS NULL`;
    await q.query(`DELETE FROM attachments WHERE uploaded_by IS NULL OR case_id IN (${publicCases})`);
    await q.query(`ALTER TABLE attachments ALTER COLUMN uploaded_by SET NOT NULL`);
    await q.query(`DELETE FROM tasks WHERE case_id IN (${publicCases})`);
    await q.query(`DELETE FROM cases WHERE created_by IS NULL`);
    await q.query(`ALTER TABLE cases ALTER COLUMN created_by SET NOT NULL`);
  }
}
