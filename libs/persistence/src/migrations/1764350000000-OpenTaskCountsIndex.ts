import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open-task counts per department (dashboard and the metrics scrape) read only open tasks: a partial
 * index over them keeps that aggregate proportional to the open work, not to every task ever completed.
 */
export class OpenTaskCountsIndex1764350000000 implements MigrationInterface {
  name = 'OpenTaskCountsIndex1764350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX tasks_open_counts_idx ON tasks(department_id, escalation) WHERE status IN ('OPEN','CLAIMED')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tasks_open_counts_idx`);
  }
}
