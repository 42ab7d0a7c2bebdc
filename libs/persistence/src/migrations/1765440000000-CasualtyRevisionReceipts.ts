import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 补报 (条例 Art.13) carry the day the agency received them and the receipt of one entered on a later day; the
 * window counts from that day. Earlier revisions were received the day they were entered.
 */
export class CasualtyRevisionReceipts1765440000000 implements MigrationInterface {
  name = 'CasualtyRevisionReceipts1765440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE accident_casualty_revisions
      ADD COLUMN received_on date,
      ADD COLUMN receipt_attachment_ids jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await q.query(
      `UPDATE accident_casualty_revisions SET received_on = (reported_at AT TIME ZONE 'Asia/Shanghai')::date`,
    );
    await q.query(`ALTER TABLE accident_casualty_revisions ALTER COLUMN received_on SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE accident_casualty_revisions DROP COLUMN receipt_attachment_ids, DROP COLUMN received_on`,
    );
  }
}
