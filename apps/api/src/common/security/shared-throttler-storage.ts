import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';

interface HitRow {
  hits: number;
  expires_in_ms: number;
  blocked_for_ms: number;
}

/** A window restarts when it ended unblocked, or when its block ended. */
const RESTARTS = `((r.blocked_until IS NULL AND r.window_ends_at <= clock_timestamp()) OR r.blocked_until <= clock_timestamp())`;

/** One in this many hits also clears windows that ended, so the table holds only live ones. */
const SWEEP_EVERY = 500;

/**
 * @nestjs/throttler's counters in PostgreSQL (the UNLOGGED table rate_limit_hit), so the
 * login and public-route limits hold across replicas: behind nginx's round robin an
 * in-memory counter per process would let a client make N × limit attempts
 * (docs/deployment.md). One upsert per request counts a fixed window and blocks for
 * `blockDuration` once the count passes the limit, as the in-memory storage does.
 * UNLOGGED: a database crash forgets the counts, which for a rate limit costs little.
 * This class is the table's repository; the guard never sees SQL.
 */
export class SharedThrottlerStorage implements ThrottlerStorage {
  private calls = 0;

  constructor(private readonly dataSource: DataSource) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    const rows = await this.dataSource.query<HitRow[]>(
      `INSERT INTO rate_limit_hit AS r (key, throttler, hits, window_ends_at, blocked_until)
       VALUES ($1, $2, 1, clock_timestamp() + make_interval(secs => $3 / 1000.0),
               CASE WHEN 1 > $4 THEN clock_timestamp() + make_interval(secs => $5 / 1000.0) END)
       ON CONFLICT (key, throttler) DO UPDATE SET
         hits = CASE WHEN ${RESTARTS} THEN 1 ELSE r.hits + 1 END,
         window_ends_at = CASE WHEN ${RESTARTS} THEN excluded.window_ends_at ELSE r.window_ends_at END,
         blocked_until = CASE
           WHEN r.blocked_until > clock_timestamp() THEN r.blocked_until
           WHEN (CASE WHEN ${RESTARTS} THEN 1 ELSE r.hits + 1 END) > $4
             THEN clock_timestamp() + make_interval(secs => $5 / 1000.0)
         END
       RETURNING hits,
         (extract(epoch FROM window_ends_at - clock_timestamp()) * 1000)::float8 AS expires_in_ms,
         (COALESCE(extract(epoch FROM blocked_until - clock_timestamp()) * 1000, 0))::float8 AS blocked_for_ms`,
      [key, throttlerName, ttl, limit, blockDuration],
    );
    if (++this.calls % SWEEP_EVERY === 0) {
      await this.dataSource.query(
        `DELETE FROM rate_limit_hit WHERE window_ends_at < now() AND (blocked_until IS NULL OR blocked_until < now())`,
      );
    }
    const { hits, expires_in_ms, blocked_for_ms } = rows[0];
    const isBlocked = blocked_for_ms > 0;
    return {
      totalHits: hits,
      timeToExpire: Math.max(0, Math.ceil(expires_in_ms / 1000)),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil(blocked_for_ms / 1000) : 0,
    };
  }
}
