import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public accident reports (条例 Art.34) and the public 双随机 draws are keyset pages, newest
 * publication first; each order is a partial index over the published rows ending in the row id.
 * They replace the indexes on the publication time alone.
 */
export class PublicReportAndDrawIndexes1765330000000 implements MigrationInterface {
  name = 'PublicReportAndDrawIndexes1765330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX accident_reports_published_newest_idx ON accident_reports (published_at DESC, id DESC)
        WHERE status = 'APPROVED' AND published_at IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX inspection_draws_published_newest_idx ON inspection_draws (published_at DESC, id DESC)
        WHERE published_at IS NOT NULL`,
    );
    await q.query(`DROP INDEX accident_reports_published_idx`);
    await q.query(`DROP INDEX inspection_draws_published_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX inspection_draws_published_idx ON inspection_draws(published_at DESC) WHERE published_at IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX accident_reports_published_idx ON accident_reports(published_at DESC) WHERE published_at IS NOT NULL`,
    );
    await q.query(`DROP INDEX inspection_draws_published_newest_idx`);
    await q.query(`DROP INDEX accident_reports_published_newest_idx`);
  }
}
