import { MigrationInterface, QueryRunner } from 'typeorm';

/** 核查 may open a penalty case (立案查处) against the complaint's enterprise; the complaint keeps the link. */
export class ComplaintPenaltyCase1765630000000 implements MigrationInterface {
  name = 'ComplaintPenaltyCase1765630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE complaints ADD COLUMN penalty_case_id uuid REFERENCES cases(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE complaints DROP COLUMN penalty_case_id`);
  }
}
