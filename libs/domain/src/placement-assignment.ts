/**
 * The batch placement problem in plain data, the first-come-first-served baseline and
 * the figures that compare two assignments. The optimal assignment itself is the
 * API's solver (HiGHS); this file stays pure so both sides and the tests share it.
 */

export interface PlacementInstance {
  /** Families in order of their inclusion request (first come first). */
  families: readonly { persons: number; preferredRegionIds: readonly number[] }[];
  /** Settlement regions with their free quota, in persons. */
  regions: readonly { regionId: number; remaining: number }[];
  /** Allowed (family, region) pairs, by index, with the pair's score. */
  arcs: readonly { family: number; region: number; score: number }[];
}

export interface PlacementAssignment {
  /** Region index per family, or null when the family stays unplaced. */
  regionOf: (number | null)[];
  total: number;
}

export interface PlacementReport {
  families: number;
  placed: number;
  unplaced: number;
  totalScore: number;
  /** Share (0…1) of all families placed in one of their own preferred regions. */
  preferredShare: number;
  /** Families placed in the region they wanted most (their first preference). */
  firstChoice: number;
  /** Regions with free quota left while some family stayed unplaced. */
  underfilledRegions: { regionId: number; leftover: number }[];
}

/** Arcs grouped by family, best score first. */
export function arcsByFamily(instance: PlacementInstance): { region: number; score: number }[][] {
  const byFamily: { region: number; score: number }[][] = instance.families.map(() => []);
  for (const arc of instance.arcs) byFamily[arc.family].push({ region: arc.region, score: arc.score });
  for (const list of byFamily) list.sort((a, b) => b.score - a.score || a.region - b.region);
  return byFamily;
}

/** Sum of scores; throws when the assignment breaks a capacity or uses a pair that is not allowed. */
export function checkAssignment(instance: PlacementInstance, regionOf: readonly (number | null)[]): number {
  const used = instance.regions.map(() => 0);
  // Each placed family's pair score, found in one pass over the pairs (no key per pair:
  // a batch has up to a million pairs); the last listed pair wins, as in a map.
  const score: (number | undefined)[] = regionOf.map(() => undefined);
  for (const arc of instance.arcs) if (regionOf[arc.family] === arc.region) score[arc.family] = arc.score;
  let total = 0;
  regionOf.forEach((region, family) => {
    if (region === null) return;
    const s = score[family];
    if (s === undefined) throw new Error(`family ${family} may not go to region ${region}`);
    used[region] += instance.families[family].persons;
    total += s;
  });
  used.forEach((persons, region) => {
    if (persons > instance.regions[region].remaining) {
      throw new Error(`region ${region} over-allocated: ${persons} > ${instance.regions[region].remaining}`);
    }
  });
  return total;
}

/** First come first served: each family in turn to its best-scoring region that still has room. */
export function firstComeFirstServed(instance: PlacementInstance): PlacementAssignment {
  const left = instance.regions.map((r) => r.remaining);
  const byFamily = arcsByFamily(instance);
  let total = 0;
  const regionOf = instance.families.map((family, index) => {
    const arc = byFamily[index].find((a) => left[a.region] >= family.persons);
    if (!arc) return null;
    left[arc.region] -= family.persons;
    total += arc.score;
    return arc.region;
  });
  return { regionOf, total };
}

export function placementReport(instance: PlacementInstance, regionOf: readonly (number | null)[]): PlacementReport {
  const left = instance.regions.map((r) => r.remaining);
  let placed = 0;
  let preferred = 0;
  let firstChoice = 0;
  regionOf.forEach((region, family) => {
    if (region === null) return;
    placed += 1;
    left[region] -= instance.families[family].persons;
    const wanted = instance.families[family].preferredRegionIds;
    if (wanted.includes(instance.regions[region].regionId)) preferred += 1;
    if (wanted[0] === instance.regions[region].regionId) firstChoice += 1;
  });
  const unplaced = regionOf.length - placed;
  const totalScore = checkAssignment(instance, regionOf);
  return {
    families: regionOf.length,
    placed,
    unplaced,
    totalScore: Math.round(totalScore * 1e4) / 1e4,
    preferredShare: regionOf.length === 0 ? 0 : Math.round((preferred / regionOf.length) * 1e4) / 1e4,
    firstChoice,
    underfilledRegions:
      unplaced === 0
        ? []
        : instance.regions.map((r, i) => ({ regionId: r.regionId, leftover: left[i] })).filter((r) => r.leftover > 0),
  };
}

/** Relative gap of a total to an upper bound, (bound − total) / bound; 0 for a zero bound. */
export function relativeGap(bound: number, total: number): number {
  return bound <= 0 ? 0 : Math.max(0, (bound - total) / bound);
}
