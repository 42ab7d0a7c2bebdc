import { MigrationInterface, QueryRunner } from 'typeorm';

/** The public list of published summons records (约谈情况公开), newest first, as a keyset page. */
export class PublishedSummonsIndex1765630100000 implements MigrationInterface {
  name = 'PublishedSummonsIndex1765630100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX summonses_published_newest_idx ON summonses (created_at DESC, id DESC) WHERE publication IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX summonses_published_newest_idx`);
  }
}
