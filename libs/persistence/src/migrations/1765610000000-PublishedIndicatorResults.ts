import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plan indicators: the results the agencies published (a mid-term review's value and 未完成), one per indicator,
 * region and year, beside the value computed from the accident records. Revisions replace the row; the audit
 * record keeps each one with its reason.
 */
export class PublishedIndicatorResults1765610000000 implements MigrationInterface {
  name = 'PublishedIndicatorResults1765610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE indicator_published_results (
        indicator_id uuid NOT NULL REFERENCES plan_indicators(id),
        region_id uuid NOT NULL REFERENCES regions(id),
        year integer NOT NULL,
        value numeric(20, 6) NOT NULL CHECK (value >= 0),
        verdict varchar(20) NOT NULL CHECK (verdict IN ('ACHIEVED', 'NOT_ACHIEVED', 'ON_TRACK', 'OFF_TRACK')),
        source text NOT NULL,
        published_on date NOT NULL,
        revision_reason text,
        recorded_by uuid REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (indicator_id, region_id, year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE indicator_published_results`);
  }
}
