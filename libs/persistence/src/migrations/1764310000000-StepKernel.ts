import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workflow kernel's records: the outcomes a task offers when a workflow narrows its step's
 * (null: all of them), and the key by which a workflow opens a linked case idempotently (the
 * database numbers linked cases, so every starter shares one workflow-id scheme).
 */
export class StepKernel1764310000000 implements MigrationInterface {
  name = 'StepKernel1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN outcomes text[]`);
    await q.query(`ALTER TABLE cases ADD COLUMN link_key varchar(200)`);
    await q.query(`CREATE UNIQUE INDEX cases_link_key_uq ON cases(link_key) WHERE link_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_link_key_uq`);
    await q.query(`ALTER TABLE cases DROP COLUMN link_key`);
    await q.query(`ALTER TABLE tasks DROP COLUMN outcomes`);
  }
}
