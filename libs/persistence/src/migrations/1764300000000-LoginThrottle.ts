import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764200000000-AppRole';

/**
 * Failed-login counters per account (username as typed, known or not) and per client address, with
 * the lock each has earned. In the database, not in a process, so every API replica throttles alike.
 */
export class LoginThrottle1764300000000 implements MigrationInterface {
  name = 'LoginThrottle1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_throttle (
        scope varchar(8) NOT NULL CHECK (scope IN ('ACCOUNT','ADDRESS')),
        key varchar(128) NOT NULL,
        failures integer NOT NULL CHECK (failures >= 1),
        last_failure_at timestamptz NOT NULL,
        locked_until timestamptz,
        PRIMARY KEY (scope, key)
      )`);
    await q.query(`CREATE INDEX login_throttle_last_failure_idx ON login_throttle (last_failure_at)`);
    await q.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON login_throttle TO ${APP_ROLE};
      END IF;
    END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_throttle`);
  }
}
