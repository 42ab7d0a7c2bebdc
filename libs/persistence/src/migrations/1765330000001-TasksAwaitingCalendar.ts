import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A task whose deadline could not be computed because its year's holiday notice is not loaded keeps
 * that year, so heads see how many of their tasks wait for a date and administrators which year to
 * load. The partial index holds only those open tasks (normally none).
 */
export class TasksAwaitingCalendar1765330000001 implements MigrationInterface {
  name = 'TasksAwaitingCalendar1765330000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN missing_calendar_year integer`);
    await q.query(
      `CREATE INDEX tasks_awaiting_calendar_idx ON tasks (department_id, missing_calendar_year)
        WHERE needs_manual_due_date AND status IN ('OPEN', 'CLAIMED')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tasks_awaiting_calendar_idx`);
    await q.query(`ALTER TABLE tasks DROP COLUMN missing_calendar_year`);
  }
}
