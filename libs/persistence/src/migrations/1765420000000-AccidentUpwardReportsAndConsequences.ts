import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 逐级上报 (条例 Art.10–11): the instant each level's report was made, as the accident workflow
 * counted it (one row per upward-report task), and the consequences a 迟报/漏报/谎报/瞒报 flag opened
 * (条例 Art.36): a penalty case or a discipline referral per subject, idempotent by the link key.
 */
export class AccidentUpwardReportsAndConsequences1765420000000 implements MigrationInterface {
  name = 'AccidentUpwardReportsAndConsequences1765420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE accident_upward_reports (
      task_key varchar(200) PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(id),
      chain varchar(32) NOT NULL,
      level varchar(16) NOT NULL,
      department_id uuid NOT NULL REFERENCES departments(id),
      due_at timestamptz,
      reported_at timestamptz NOT NULL,
      reported_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX accident_upward_reports_case_idx ON accident_upward_reports (case_id)`);
    await q.query(`CREATE TABLE accident_reporting_consequences (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id),
      flag varchar(16) NOT NULL,
      target varchar(16) NOT NULL,
      subject_name varchar(200) NOT NULL,
      subject_position varchar(200),
      subject_organisation varchar(200),
      legal_basis varchar(300) NOT NULL,
      link_key varchar(200) NOT NULL UNIQUE,
      linked_case_id uuid REFERENCES cases(id),
      referral_id uuid REFERENCES discipline_referrals(id),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX accident_reporting_consequences_case_idx ON accident_reporting_consequences (case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE accident_reporting_consequences`);
    await q.query(`DROP TABLE accident_upward_reports`);
  }
}
