import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 条例 Art.10(1): the report to the State Council's department (a level the installation does not hold:
 * the row keeps the province department that made it, who received it and how), and the notifications
 * each department that received the report made to 公安机关、劳动保障行政部门、工会和人民检察院 (one per
 * department and body).
 */
export class AccidentNationalReportsAndNotifications1765510000000 implements MigrationInterface {
  name = 'AccidentNationalReportsAndNotifications1765510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE accident_upward_reports ADD COLUMN recipient varchar(200), ADD COLUMN means varchar(32)`,
    );
    await q.query(`CREATE TABLE accident_report_notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id),
      department_id uuid NOT NULL REFERENCES departments(id),
      body varchar(40) NOT NULL,
      notified_at timestamptz NOT NULL,
      means varchar(32) NOT NULL,
      recipient varchar(200),
      notified_by uuid REFERENCES users(id),
      task_key varchar(200) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (case_id, department_id, body)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE accident_report_notifications`);
    await q.query(`ALTER TABLE accident_upward_reports DROP COLUMN recipient, DROP COLUMN means`);
  }
}
