import type { EntityManager } from 'typeorm';

/** Ends every open session of a user: their access and refresh tokens stop working at once. */
export async function revokeUserSessions(manager: EntityManager, userId: number, reason: string): Promise<number> {
  const result = await manager.query<[unknown[], number]>(
    `UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
    [userId, reason],
  );
  return result[1];
}
