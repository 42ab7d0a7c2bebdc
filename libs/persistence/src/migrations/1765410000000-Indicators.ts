import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plan indicators (规划指标): a plan of a region, its indicators with baseline and target, and the
 * denominators (GDP, 工矿商贸 employees, registered vehicles) administrators enter per region and year.
 * The indicators are computed from the accident records per region subtree and year: an index on
 * (region_id, occurred_at) serves that aggregate.
 */
export class Indicators1765410000000 implements MigrationInterface {
  name = 'Indicators1765410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE indicator_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(64) NOT NULL UNIQUE,
        title varchar(200) NOT NULL,
        issuer varchar(200) NOT NULL,
        region_id uuid NOT NULL REFERENCES regions(id),
        period_start_year integer NOT NULL,
        period_end_year integer NOT NULL,
        source text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (period_start_year <= period_end_year)
      )`);
    await q.query(`CREATE INDEX indicator_plans_region_idx ON indicator_plans (region_id)`);
    await q.query(`
      CREATE TABLE plan_indicators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES indicator_plans(id),
        seq integer NOT NULL,
        name varchar(200) NOT NULL,
        definition text NOT NULL,
        measure varchar(40) NOT NULL,
        unit varchar(40) NOT NULL,
        sector_codes text[],
        baseline_year integer NOT NULL,
        baseline_value numeric(20, 6) NOT NULL CHECK (baseline_value >= 0),
        target_kind varchar(30) NOT NULL CHECK (target_kind IN ('DECREASE_MORE_THAN', 'CEILING')),
        target_value numeric(20, 6) NOT NULL,
        target_year integer NOT NULL,
        nature varchar(20) NOT NULL CHECK (nature IN ('BINDING', 'INDICATIVE')),
        lead_department varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (plan_id, seq),
        CHECK (target_year > baseline_year)
      )`);
    await q.query(`
      CREATE TABLE indicator_denominators (
        region_id uuid NOT NULL REFERENCES regions(id),
        year integer NOT NULL,
        kind varchar(30) NOT NULL CHECK (kind IN ('GDP', 'IMC_EMPLOYEES', 'REGISTERED_VEHICLES')),
        value numeric(20, 4) NOT NULL CHECK (value > 0),
        source text NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (region_id, year, kind)
      )`);
    await q.query(`CREATE INDEX accidents_region_occurred_idx ON accidents (region_id, occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX accidents_region_occurred_idx`);
    await q.query(`DROP TABLE indicator_denominators`);
    await q.query(`DROP TABLE plan_indicators`);
    await q.query(`DROP TABLE indicator_plans`);
  }
}
