import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 督办 and 约谈: the supervision item beside its case row (lead and co-responsible departments,
 * milestones, completion rounds), each department's report per period, the summons beside its
 * case row with its commitments (each a tracked rectification item), and per-department policy
 * overrides.
 */
export class Supervision1765400000000 implements MigrationInterface {
  name = 'Supervision1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supervision_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL UNIQUE REFERENCES cases(id),
        issuer_department_id uuid NOT NULL REFERENCES departments(id),
        lead_department_id uuid NOT NULL REFERENCES departments(id),
        co_responsible_department_ids uuid[] NOT NULL DEFAULT '{}',
        title varchar(300) NOT NULL,
        description text NOT NULL,
        basis_kind varchar(30) NOT NULL,
        basis_reference text NOT NULL,
        basis_case_id uuid REFERENCES cases(id),
        start_date date NOT NULL,
        deadline date NOT NULL,
        frequency varchar(20) NOT NULL,
        milestones jsonb NOT NULL DEFAULT '[]',
        completion jsonb NOT NULL DEFAULT '[]',
        status varchar(30) NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The list: newest first, keyset on (created_at, id); participants found by the three department columns.
    await q.query(`CREATE INDEX supervision_items_newest_idx ON supervision_items (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX supervision_items_issuer_idx ON supervision_items (issuer_department_id)`);
    await q.query(`CREATE INDEX supervision_items_lead_idx ON supervision_items (lead_department_id)`);
    await q.query(
      `CREATE INDEX supervision_items_co_idx ON supervision_items USING gin (co_responsible_department_ids)`,
    );
    await q.query(`
      CREATE TABLE supervision_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES supervision_items(id),
        department_id uuid NOT NULL REFERENCES departments(id),
        period int NOT NULL,
        progress text NOT NULL,
        percent_complete int NOT NULL CHECK (percent_complete BETWEEN 0 AND 100),
        on_time boolean NOT NULL,
        reported_by uuid NOT NULL REFERENCES users(id),
        reported_at timestamptz NOT NULL,
        UNIQUE (item_id, department_id, period)
      )`);
    await q.query(`
      CREATE TABLE summonses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL UNIQUE REFERENCES cases(id),
        department_id uuid NOT NULL REFERENCES departments(id),
        supervision_item_id uuid REFERENCES supervision_items(id),
        milestone_index int,
        target_kind varchar(30) NOT NULL,
        target_name varchar(200) NOT NULL,
        principal_name varchar(100) NOT NULL,
        reason text NOT NULL,
        basis text NOT NULL,
        scheduled_on date NOT NULL,
        attendees jsonb NOT NULL,
        held_on date,
        attendees_present jsonb,
        minutes text,
        publication jsonb,
        status varchar(30) NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX summonses_department_newest_idx ON summonses (department_id, created_at DESC, id DESC)`,
    );
    await q.query(`
      CREATE TABLE summons_commitments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        summons_id uuid NOT NULL REFERENCES summonses(id),
        index int NOT NULL,
        content text NOT NULL,
        responsible varchar(100) NOT NULL,
        deadline date NOT NULL,
        status varchar(20) NOT NULL,
        verifications jsonb NOT NULL DEFAULT '[]',
        verified_at timestamptz,
        UNIQUE (summons_id, index)
      )`);
    await q.query(`
      CREATE TABLE supervision_policies (
        department_id uuid PRIMARY KEY REFERENCES departments(id),
        overrides jsonb NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The case rows stay (other records, such as discipline referrals, may point at them).
    await q.query(`DROP TABLE supervision_policies`);
    await q.query(`DROP TABLE summons_commitments`);
    await q.query(`DROP TABLE summonses`);
    await q.query(`DROP TABLE supervision_reports`);
    await q.query(`DROP TABLE supervision_items`);
  }
}
