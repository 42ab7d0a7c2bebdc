import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inspection plans and 双随机一公开 draws: plans per department (分类分级 sampling config), the
 * conflict-of-interest exclusion list, draws with their seed and pool snapshot (so each draw can be
 * recomputed), drawn targets, and per-department numbering (draws, 简易程序 decision forms).
 * Inspection, simple-penalty and criminal-transfer cases themselves live in `cases`.
 */
export class Inspection1764000000000 implements MigrationInterface {
  name = 'Inspection1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inspection_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES departments(id),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        kind varchar(16) NOT NULL CHECK (kind IN ('ANNUAL','SPECIAL')),
        title varchar(200) NOT NULL,
        sector_codes text[] NOT NULL DEFAULT '{}',
        config jsonb NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('DRAFT','APPROVED')),
        created_by uuid NOT NULL REFERENCES users(id),
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX inspection_plans_department_idx ON inspection_plans(department_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE inspection_conflicts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES departments(id),
        officer_id uuid NOT NULL REFERENCES users(id),
        enterprise_id uuid NOT NULL REFERENCES enterprises(id),
        reason varchar(32) NOT NULL CHECK (reason IN ('KINSHIP','PRIOR_EMPLOYMENT','FINANCIAL_INTEREST','OTHER')),
        note varchar(500),
        active boolean NOT NULL DEFAULT true,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        deactivated_by uuid REFERENCES users(id),
        deactivated_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX inspection_conflicts_active_uq ON inspection_conflicts(officer_id, enterprise_id) WHERE active`,
    );
    await q.query(
      `CREATE INDEX inspection_conflicts_department_idx ON inspection_conflicts(department_id, created_at DESC)`,
    );
    await q.query(`
      CREATE TABLE inspection_draws (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        draw_no varchar(64) NOT NULL UNIQUE,
        plan_id uuid NOT NULL REFERENCES inspection_plans(id),
        department_id uuid NOT NULL REFERENCES departments(id),
        seed varchar(128) NOT NULL,
        algorithm varchar(64) NOT NULL,
        config jsonb NOT NULL,
        pool jsonb NOT NULL,
        quotas jsonb NOT NULL,
        drawn_by uuid NOT NULL REFERENCES users(id),
        drawn_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await q.query(`CREATE INDEX inspection_draws_department_idx ON inspection_draws(department_id, drawn_at DESC)`);
    await q.query(
      `CREATE INDEX inspection_draws_published_idx ON inspection_draws(published_at DESC) WHERE published_at IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE inspection_draw_targets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        draw_id uuid NOT NULL REFERENCES inspection_draws(id),
        position integer NOT NULL,
        enterprise_id uuid NOT NULL REFERENCES enterprises(id),
        risk_grade varchar(8) NOT NULL,
        inspector_ids uuid[] NOT NULL,
        inspection_case_id uuid REFERENCES cases(id),
        UNIQUE (draw_id, position)
      )`);
    await q.query(`
      CREATE TABLE inspection_sequences (
        department_id uuid NOT NULL REFERENCES departments(id),
        kind varchar(32) NOT NULL,
        year integer NOT NULL,
        last_no integer NOT NULL,
        PRIMARY KEY (department_id, kind, year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'inspection_sequences',
      'inspection_draw_targets',
      'inspection_draws',
      'inspection_conflicts',
      'inspection_plans',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
