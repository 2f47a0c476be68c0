import { type Action, grantFor, type Resource } from '@qonys/domain';
import { DomainError, ErrorKind } from '../errors/domain-error';
import type { Actor } from './actor';

/**
 * The region a caller's rows are limited to for an action on a resource: their own
 * region under an `own_region` grant, or null when they see every region. Services
 * add `region_id = :region` to every read, list, count, export and write with it.
 */
export function regionScope(actor: Actor, resource: Resource, action: Action): number | null {
  const grant = grantFor(actor.role, resource, action);
  if (!grant) throw new DomainError(ErrorKind.Forbidden, 'auth.forbidden');
  if (grant.scope === 'all') return null;
  // A region-scoped grant without a region sees nothing rather than everything.
  return actor.regionId ?? -1;
}

/** True when a row of `rowRegionId` is inside the scope (null scope = everything). */
export const inScope = (scope: number | null, rowRegionId: number): boolean => scope === null || scope === rowRegionId;
