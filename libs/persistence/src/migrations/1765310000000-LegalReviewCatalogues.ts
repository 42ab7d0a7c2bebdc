import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 重大执法决定法制审核目录 (行政处罚法 Art.58): one catalogue per department, replaced as a whole (the
 * audit log keeps every version). A department without a row uses the default catalogue.
 */
export class LegalReviewCatalogues1765310000000 implements MigrationInterface {
  name = 'LegalReviewCatalogues1765310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE legal_review_catalogues (
        department_id uuid PRIMARY KEY REFERENCES departments(id),
        entries jsonb NOT NULL CHECK (jsonb_typeof(entries) = 'array'),
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE legal_review_catalogues`);
  }
}
