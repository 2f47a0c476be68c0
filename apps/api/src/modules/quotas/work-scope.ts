import type { Action, Resource } from '@qonys/domain';
import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { regionScope } from '../../common/auth/region-scope';

/**
 * Region scoping of settlement work (inclusion requests, settlements). A regional
 * official works on the rows of their region (where the family is to settle); a
 * caseworker follows the families whose case is in their region. Null: every row.
 */
export interface WorkScope {
  regionId: number;
  by: 'row' | 'case';
}

export function workScope(actor: Actor, resource: Resource, action: Action): WorkScope | null {
  const regionId = regionScope(actor, resource, action);
  if (regionId === null) return null;
  return { regionId, by: actor.role === 'caseworker' ? 'case' : 'row' };
}

/** True when a row (its own region, its case's region) is inside the scope. */
export function inWorkScope(scope: WorkScope | null, row: { regionId: number; caseRegionId: number }): boolean {
  if (scope === null) return true;
  return (scope.by === 'row' ? row.regionId : row.caseRegionId) === scope.regionId;
}

/** Adds the scope to a query over a table with `region_id` and `application_id`. */
export function applyWorkScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  scope: WorkScope | null,
): SelectQueryBuilder<T> {
  if (scope === null) return qb;
  const alias = qb.alias;
  return scope.by === 'row'
    ? qb.andWhere(`${alias}.region_id = :scopeRegion`, { scopeRegion: scope.regionId })
    : qb.andWhere(
        `EXISTS (SELECT 1 FROM application scope_case WHERE scope_case.id = ${alias}.application_id AND scope_case.region_id = :scopeRegion)`,
        { scopeRegion: scope.regionId },
      );
}
