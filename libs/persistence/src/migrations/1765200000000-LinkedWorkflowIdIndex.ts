import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Linked cases are numbered `<prefix>-<source case id>-<n>` by looking up the workflow ids that start
 * with that stem. The unique index on `workflow_id` uses the database's collation, which cannot answer
 * a prefix match; `text_pattern_ops` compares bytes, so `workflow_id LIKE 'stem%'` is an index range
 * and opening a linked case no longer scans every case.
 */
export class LinkedWorkflowIdIndex1765200000000 implements MigrationInterface {
  name = 'LinkedWorkflowIdIndex1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX cases_workflow_id_prefix_idx ON cases (workflow_id text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_workflow_id_prefix_idx`);
  }
}
