import { MigrationInterface, QueryRunner } from 'typeorm';

/** Shards per (department, escalation) counter row, so concurrent task changes in one department rarely wait. */
export const TASK_COUNT_SHARDS = 16;

/**
 * Indexes for the lists that grow (keyset pages: inbox, case search, accidents, referrals,
 * enterprises, users) and the dashboard's open-task counters.
 *
 * Inbox: every index is ordered by a sort key and ends in the row id, so a page is one ordered
 * index range per (status, escalation) that the query merges; the group queue (unassigned tasks)
 * carries the candidate roles and type as included columns, so counting a page's total does not
 * visit the table. `due_sort` is the due date with "no date" as infinity (sorted last).
 *
 * Search: Chinese titles and enterprise names are searched by substring. A trigram index cannot
 * serve the two-character terms Chinese searches mostly use (煤矿, 化工), so the text is indexed by
 * its character bigrams (`text_bigrams`); a term's bigrams select the candidates and `strpos`
 * confirms the substring. The title index leads with the department (btree_gin, a trusted contrib
 * extension), so a search visits only the candidates inside the searcher's jurisdiction.
 */
export class InboxAndSearchIndexes1765100000000 implements MigrationInterface {
  name = 'InboxAndSearchIndexes1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tasks ADD COLUMN due_sort timestamptz
        GENERATED ALWAYS AS (COALESCE(due_at, 'infinity'::timestamptz)) STORED`);
    await q.query(`
      CREATE INDEX tasks_group_due_idx ON tasks (department_id, status, escalation, due_sort, created_at, id)
        INCLUDE (candidate_roles, type) WHERE assignee_id IS NULL`);
    await q.query(`
      CREATE INDEX tasks_group_created_idx ON tasks (department_id, status, created_at, id)
        INCLUDE (candidate_roles, type, escalation) WHERE assignee_id IS NULL`);
    await q.query(`
      CREATE INDEX tasks_assignee_due_idx ON tasks (assignee_id, status, escalation, due_sort, created_at, id)
        INCLUDE (type) WHERE assignee_id IS NOT NULL`);
    await q.query(`
      CREATE INDEX tasks_assignee_created_idx ON tasks (assignee_id, status, created_at, id)
        INCLUDE (type, escalation) WHERE assignee_id IS NOT NULL`);
    await q.query(`DROP INDEX tasks_inbox_idx`);
    await q.query(`DROP INDEX tasks_assignee_idx`);

    // Dashboard: open (OPEN or CLAIMED) tasks per department and escalation, kept by a trigger.
    await q.query(`
      CREATE TABLE task_open_counts (
        department_id uuid NOT NULL,
        escalation varchar(8) NOT NULL,
        shard smallint NOT NULL,
        open integer NOT NULL,
        PRIMARY KEY (department_id, escalation, shard)
      ) WITH (fillfactor = 70)`);
    await q.query(`
      CREATE FUNCTION task_count_shard(id uuid) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT (get_byte(uuid_send(id), 15) % ${TASK_COUNT_SHARDS})::smallint $$`);
    await q.query(`
      CREATE FUNCTION tasks_count_open() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        was_open boolean := TG_OP <> 'INSERT' AND OLD.status IN ('OPEN', 'CLAIMED');
        is_open boolean := TG_OP <> 'DELETE' AND NEW.status IN ('OPEN', 'CLAIMED');
      BEGIN
        IF was_open AND is_open AND OLD.department_id = NEW.department_id AND OLD.escalation = NEW.escalation THEN
          RETURN NULL;
        END IF;
        IF was_open THEN
          UPDATE task_open_counts SET open = open - 1
           WHERE department_id = OLD.department_id AND escalation = OLD.escalation AND shard = task_count_shard(OLD.id);
        END IF;
        IF is_open THEN
          INSERT INTO task_open_counts (department_id, escalation, shard, open)
          VALUES (NEW.department_id, NEW.escalation, task_count_shard(NEW.id), 1)
          ON CONFLICT (department_id, escalation, shard) DO UPDATE SET open = task_open_counts.open + 1;
        END IF;
        RETURN NULL;
      END $$`);
    // Backfill and trigger in one go, with task writes held off meanwhile.
    await q.query(`LOCK TABLE tasks IN SHARE ROW EXCLUSIVE MODE`);
    await q.query(`
      CREATE TRIGGER tasks_count_open AFTER INSERT OR DELETE OR UPDATE OF status, escalation, department_id ON tasks
      FOR EACH ROW EXECUTE FUNCTION tasks_count_open()`);
    await q.query(`
      INSERT INTO task_open_counts (department_id, escalation, shard, open)
      SELECT department_id, escalation, task_count_shard(id), count(*) FROM tasks
       WHERE status IN ('OPEN', 'CLAIMED') GROUP BY 1, 2, 3`);
    // The counters replace the aggregate over open tasks that this index served.
    await q.query(`DROP INDEX tasks_open_counts_idx`);

    // Case search.
    await q.query(`
      CREATE FUNCTION text_bigrams(input text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT substr(lower(input), i, 2)), '{}')
          FROM generate_series(1, length(input) - 1) AS i
      $$`);
    await q.query(`CREATE INDEX cases_dept_created_idx ON cases (department_id, created_at DESC, id DESC)`);
    await q.query(`DROP INDEX cases_department_idx`);
    await q.query(
      `CREATE INDEX cases_dept_status_created_idx ON cases (department_id, status, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX cases_dept_type_created_idx ON cases (department_id, case_type, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX cases_created_idx ON cases (created_at DESC, id DESC)`);
    await q.query(`
      CREATE INDEX cases_enterprise_created_idx ON cases (enterprise_id, department_id, created_at DESC, id DESC)
        WHERE enterprise_id IS NOT NULL`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await q.query(`CREATE INDEX cases_title_search_idx ON cases USING gin (department_id, text_bigrams(title))`);
    await q.query(`CREATE INDEX enterprises_name_bigrams_idx ON enterprises USING gin (text_bigrams(name))`);

    // Other lists that grow.
    await q.query(`CREATE INDEX accidents_occurred_desc_idx ON accidents (occurred_at DESC, case_id DESC)`);
    await q.query(`DROP INDEX accidents_occurred_idx`);
    for (const side of ['receiver', 'sender'] as const) {
      const column = side === 'receiver' ? 'receiving_department_id' : 'sender_department_id';
      await q.query(`DROP INDEX discipline_referrals_${side}_idx`);
      await q.query(
        `CREATE INDEX discipline_referrals_${side}_idx ON discipline_referrals (${column}, sent_at DESC, id DESC)`,
      );
    }
    await q.query(`CREATE INDEX enterprises_department_name_idx ON enterprises (enforcement_department_id, name, id)`);
    await q.query(`DROP INDEX enterprises_department_idx`);
    await q.query(`CREATE INDEX users_department_username_idx ON users (department_id, username)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX users_department_username_idx`);
    await q.query(`CREATE INDEX enterprises_department_idx ON enterprises(enforcement_department_id)`);
    await q.query(`DROP INDEX enterprises_department_name_idx`);
    for (const side of ['receiver', 'sender'] as const) {
      const column = side === 'receiver' ? 'receiving_department_id' : 'sender_department_id';
      await q.query(`DROP INDEX discipline_referrals_${side}_idx`);
      await q.query(`CREATE INDEX discipline_referrals_${side}_idx ON discipline_referrals(${column}, sent_at DESC)`);
    }
    await q.query(`CREATE INDEX accidents_occurred_idx ON accidents(occurred_at)`);
    await q.query(`DROP INDEX accidents_occurred_desc_idx`);
    await q.query(`DROP INDEX enterprises_name_bigrams_idx`);
    await q.query(`DROP INDEX cases_title_search_idx`);
    await q.query(`DROP EXTENSION IF EXISTS btree_gin`);
    await q.query(`DROP INDEX cases_enterprise_created_idx`);
    await q.query(`DROP INDEX cases_created_idx`);
    await q.query(`DROP INDEX cases_dept_type_created_idx`);
    await q.query(`DROP INDEX cases_dept_status_created_idx`);
    await q.query(`CREATE INDEX cases_department_idx ON cases(department_id, created_at DESC)`);
    await q.query(`DROP INDEX cases_dept_created_idx`);
    await q.query(`DROP FUNCTION text_bigrams(text)`);
    await q.query(
      `CREATE INDEX tasks_open_counts_idx ON tasks(department_id, escalation) WHERE status IN ('OPEN','CLAIMED')`,
    );
    await q.query(`DROP TRIGGER tasks_count_open ON tasks`);
    await q.query(`DROP FUNCTION tasks_count_open()`);
    await q.query(`DROP FUNCTION task_count_shard(uuid)`);
    await q.query(`DROP TABLE task_open_counts`);
    await q.query(`CREATE INDEX tasks_assignee_idx ON tasks(assignee_id, status)`);
    await q.query(`CREATE INDEX tasks_inbox_idx ON tasks(department_id, status, due_at)`);
    await q.query(`DROP INDEX tasks_assignee_created_idx`);
    await q.query(`DROP INDEX tasks_assignee_due_idx`);
    await q.query(`DROP INDEX tasks_group_created_idx`);
    await q.query(`DROP INDEX tasks_group_due_idx`);
    await q.query(`ALTER TABLE tasks DROP COLUMN due_sort`);
  }
}
