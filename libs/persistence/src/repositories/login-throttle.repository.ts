import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** ACCOUNT and ADDRESS count login failures; INTAKE counts public complaints, LOOKUP wrong tracking secrets, per address. */
export type ThrottleScope = 'ACCOUNT' | 'ADDRESS' | 'INTAKE' | 'LOOKUP';

export interface ThrottleKey {
  scope: ThrottleScope;
  key: string;
}

/** All SQL of login throttling. Times are the database's `now()`, the one clock every replica shares. */
@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly ds: DataSource) {}

  /** Seconds until the longest current lock among the keys ends (0 when none is locked). */
  async secondsLocked(keys: ThrottleKey[]): Promise<number> {
    const rows: Array<{ wait: string | null }> = await this.ds.query(
      `SELECT EXTRACT(EPOCH FROM max(locked_until) - now()) AS wait
         FROM login_throttle
        WHERE (scope, key) IN (SELECT * FROM unnest($1::varchar[], $2::varchar[])) AND locked_until > now()`,
      [keys.map((k) => k.scope), keys.map((k) => k.key)],
    );
    return rows[0]?.wait === null || rows[0]?.wait === undefined ? 0 : Math.max(0, Number(rows[0].wait));
  }

  /**
   * Counts one more failure (starting again at 1 when the last one is older than the window) and
   * returns the new count. Atomic, so concurrent failures on several replicas all count.
   */
  async countFailure(key: ThrottleKey, windowSeconds: number): Promise<number> {
    const rows: Array<{ failures: number }> = await this.ds.query(
      `INSERT INTO login_throttle AS t (scope, key, failures, last_failure_at) VALUES ($1, $2, 1, now())
       ON CONFLICT (scope, key) DO UPDATE SET
         failures = CASE WHEN t.last_failure_at < now() - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END,
         locked_until = CASE WHEN t.last_failure_at < now() - make_interval(secs => $3) THEN NULL ELSE t.locked_until END,
         last_failure_at = now()
       RETURNING failures`,
      [key.scope, key.key, windowSeconds],
    );
    return rows[0].failures;
  }

  /** Locks the key for `seconds` from now, never shortening a lock already in place. */
  async lock(key: ThrottleKey, seconds: number): Promise<void> {
    await this.ds.query(
      `UPDATE login_throttle SET locked_until = GREATEST(COALESCE(locked_until, now()), now() + make_interval(secs => $3))
        WHERE scope = $1 AND key = $2`,
      [key.scope, key.key, seconds],
    );
  }

  /** Forgets the key's failures (an account after a successful login). */
  async clear(key: ThrottleKey): Promise<void> {
    await this.ds.query(`DELETE FROM login_throttle WHERE scope = $1 AND key = $2`, [key.scope, key.key]);
  }

  /** Deletes up to `limit` rows whose failures are older than the window and whose lock has ended. */
  async purgeStale(windowSeconds: number, limit = 500): Promise<void> {
    await this.ds.query(
      `DELETE FROM login_throttle WHERE ctid IN (
         SELECT ctid FROM login_throttle
          WHERE last_failure_at < now() - make_interval(secs => $1) AND (locked_until IS NULL OR locked_until < now())
          LIMIT $2)`,
      [windowSeconds, limit],
    );
  }
}
