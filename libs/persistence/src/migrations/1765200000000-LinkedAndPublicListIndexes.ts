import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Linked cases are numbered `<prefix>-<source case id>-<n>` by looking up the workflow ids that start
 * with that stem. The unique index on `workflow_id` uses the database's collation, which cannot answer
 * a prefix match; `text_pattern_ops` compares bytes, so `workflow_id LIKE 'stem%'` is an index range
 * and opening a linked case no longer scans every case.
 *
 * The public disclosure lists (published decisions, the dishonest list) and the agency's listings are
 * keyset pages, newest first: each order is an index ending in the row id.
 */
export class LinkedAndPublicListIndexes1765200000000 implements MigrationInterface {
  name = 'LinkedAndPublicListIndexes1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX cases_workflow_id_prefix_idx ON cases (workflow_id text_pattern_ops)`);
    await q.query(
      `CREATE INDEX published_decisions_newest_idx ON published_penalty_decisions (status, published_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX dishonest_newest_idx ON dishonest_entities (status, created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX dishonest_department_newest_idx ON dishonest_entities (department_id, created_at DESC, id DESC)`,
    );
    await q.query(`DROP INDEX published_decisions_public_idx`);
    await q.query(`DROP INDEX dishonest_public_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX dishonest_public_idx ON dishonest_entities (status, listed_on DESC)`);
    await q.query(
      `CREATE INDEX published_decisions_public_idx ON published_penalty_decisions (status, decision_date DESC, published_at DESC)`,
    );
    await q.query(`DROP INDEX dishonest_department_newest_idx`);
    await q.query(`DROP INDEX dishonest_newest_idx`);
    await q.query(`DROP INDEX published_decisions_newest_idx`);
    await q.query(`DROP INDEX cases_workflow_id_prefix_idx`);
  }
}
