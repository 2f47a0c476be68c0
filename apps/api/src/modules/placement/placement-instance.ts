import {
  type PlacementFamily,
  type PlacementInstance,
  type PlacementRegion,
  type PlacementWeights,
  regionScore,
} from '@qonys/domain';

/**
 * The solver's instance for a batch: one allowed pair per family × open region where
 * the whole family fits the region's free quota, scored with the current weights.
 */
export function buildInstance(
  families: readonly PlacementFamily[],
  regions: readonly PlacementRegion[],
  weights: PlacementWeights,
): PlacementInstance {
  const arcs: { family: number; region: number; score: number }[] = [];
  families.forEach((family, f) => {
    regions.forEach((region, r) => {
      if (family.persons <= region.remaining)
        arcs.push({ family: f, region: r, score: regionScore(family, region, weights) });
    });
  });
  return {
    families: families.map((f) => ({ persons: f.persons, preferredRegionIds: f.preferredRegionIds })),
    regions: regions.map((r) => ({ regionId: r.regionId, remaining: r.remaining })),
    arcs,
  };
}
