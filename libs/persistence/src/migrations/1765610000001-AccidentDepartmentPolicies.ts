import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-department overrides of the accident department policy (the bodies 条例 Art.10(1) has a department that
 * received the report notify; DEFAULT_ACCIDENT_DEPARTMENT_POLICY applies to the rest), like the other policies.
 */
export class AccidentDepartmentPolicies1765610000001 implements MigrationInterface {
  name = 'AccidentDepartmentPolicies1765610000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE accident_department_policies (
        department_id uuid PRIMARY KEY REFERENCES departments(id),
        overrides jsonb NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE accident_department_policies`);
  }
}
