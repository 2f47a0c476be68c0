import { ACTIONS, can, canOnRegion, type Action } from '@qonys/domain';
import type { SessionUser } from './session';

export interface AccessRequest {
  action: string;
  resource: string;
  record?: Record<string, unknown>;
}

const isAction = (value: string): value is Action => (ACTIONS as readonly string[]).includes(value);

/**
 * authProvider.canAccess in terms of the domain's permission table, the one
 * the API's guard reads too. Rows that carry a `regionId` are checked against
 * the user's region; anything the table does not name is refused.
 */
export function canAccessAs(
  user: Pick<SessionUser, 'role' | 'regionId'> | null,
  { action, resource, record }: AccessRequest,
): boolean {
  if (!user || !isAction(action)) return false;
  if (record && 'regionId' in record) {
    const rowRegionId = typeof record.regionId === 'number' ? record.regionId : null;
    return canOnRegion(user.role, user.regionId, resource, action, rowRegionId);
  }
  return can(user.role, resource, action);
}
