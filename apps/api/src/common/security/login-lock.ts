import type { EntityManager } from 'typeorm';

/** The failure counter of a username, whether or not an account has it (docs/accounts.md). */
export const accountThrottleKey = (username: string): string => `account:${username}`;

/** Lifts a username's lockout (an admin's password reset). */
export async function liftAccountLock(manager: EntityManager, username: string): Promise<void> {
  await manager.query(`DELETE FROM login_throttle WHERE key = $1`, [accountThrottleKey(username)]);
}
