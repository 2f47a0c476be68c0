import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Failed-login counters and blocks in the database, so every replica sees the same
 * ones: per username, per client address and per device (docs/accounts.md).
 */
@Injectable()
export class LoginThrottleRepository {
  /** When the key's block ends, or null when it is not blocked. */
  async blockedUntil(manager: EntityManager, key: string): Promise<Date | null> {
    const rows = await manager.query<{ blocked_until: Date }[]>(
      `SELECT blocked_until FROM login_throttle WHERE key = $1 AND blocked_until > now()`,
      [key],
    );
    return rows[0]?.blocked_until ?? null;
  }

  /** Counts one more failure, forgetting earlier ones older than `memorySeconds`; returns the count. */
  async countFailure(manager: EntityManager, key: string, memorySeconds: number): Promise<number> {
    const rows = await manager.query<{ failures: number }[]>(
      `INSERT INTO login_throttle (key, failures, last_failure_at) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_throttle.last_failure_at < now() - make_interval(secs => $2::int)
                         THEN 1 ELSE login_throttle.failures + 1 END,
         last_failure_at = now()
       RETURNING failures`,
      [key, memorySeconds],
    );
    return rows[0].failures;
  }

  /** Blocks the key for `seconds`; `resetCount` starts the count afresh for after the block. */
  async block(manager: EntityManager, key: string, seconds: number, resetCount: boolean): Promise<Date> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows] = await manager.query<[{ blocked_until: Date }[], number]>(
      `UPDATE login_throttle SET blocked_until = now() + make_interval(secs => $2::int),
              failures = CASE WHEN $3::boolean THEN 0 ELSE failures END
        WHERE key = $1 RETURNING blocked_until`,
      [key, seconds, resetCount],
    );
    return rows[0].blocked_until;
  }

  /** Forgets the key's failures unless it is blocked; true when no block remains. */
  async forgive(manager: EntityManager, key: string): Promise<boolean> {
    await manager.query(
      `DELETE FROM login_throttle WHERE key = $1 AND (blocked_until IS NULL OR blocked_until <= now())`,
      [key],
    );
    return (await this.blockedUntil(manager, key)) === null;
  }
}
