import { isNationwide, type Role } from '@qonys/domain';
import { usePermissions } from 'react-admin';
import type { Permissions } from '../providers/authProvider';

/** The signed-in user's role and region; `nationwide` for administrators and auditors. */
export function useRole(): { role: Role | null; regionId: number | null; nationwide: boolean } {
  const { permissions } = usePermissions<Permissions | null>();
  const role = permissions?.role ?? null;
  return { role, regionId: permissions?.regionId ?? null, nationwide: role !== null && isNationwide(role) };
}
