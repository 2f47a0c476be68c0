/**
 * Which inclusion requests a regional official reads: every family a placement batch
 * may place in their region — the requests their region decides, those naming the
 * region among the family's preferences, and those a batch proposed or moved there.
 * Deciding stays with the request's own region (the row's `region_id`).
 *
 * `region` is the SQL placeholder of the official's region (`:scopeRegion`, `$2`).
 * Each branch has its own index (migration 1764000000007), so the planner can OR
 * them as bitmaps; the proposals are looked up once (an InitPlan), not per row.
 */
export function visibleToRegionSql(alias: string, region: string): string {
  return `(${alias}.region_id = ${region}
    OR ${alias}.preferred_region_ids @> ARRAY[${region}]::int[]
    OR ${alias}.id = ANY (ARRAY (
      SELECT vp.inclusion_request_id FROM placement_proposal vp
       WHERE vp.proposed_region_id = ${region} OR vp.override_region_id = ${region})))`;
}
