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
  // A region-scoped grant without a region sees nothing rather than everything
  // (a provider's staff are inside their provider's region).
  return actor.regionId ?? -1;
}

/**
 * The provider a caller's rows are limited to: theirs under an `own_provider` grant,
 * else null (the region scope applies). A grant without a provider sees nothing.
 */
export function providerScope(actor: Actor, resource: Resource, action: Action): number | null {
  const grant = grantFor(actor.role, resource, action);
  if (!grant) throw new DomainError(ErrorKind.Forbidden, 'auth.forbidden');
  return grant.scope === 'own_provider' ? (actor.providerId ?? -1) : null;
}

/** True when a row of `rowRegionId` is inside the scope (null scope = everything). */
export const inScope = (scope: number | null, rowRegionId: number): boolean => scope === null || scope === rowRegionId;

/**
 * The user a caller's rows are limited to under an `own_user` grant (their own
 * notifications): always the caller. Any other grant is refused, so a table that
 * grants a role more than its own rows has to say how on purpose.
 */
export function userScope(actor: Actor, resource: Resource, action: Action): number {
  const grant = grantFor(actor.role, resource, action);
  if (!grant || grant.scope !== 'own_user') throw new DomainError(ErrorKind.Forbidden, 'auth.forbidden');
  return actor.id;
}
