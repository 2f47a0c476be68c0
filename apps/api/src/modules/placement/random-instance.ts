import type { PlacementInstance } from '@qonys/domain';

/** A small deterministic PRNG (mulberry32), so a seed names an instance. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random batch: families of 1–8 persons (most 2–5), up to three ranked preferences,
 * scores 0…10 with a bonus for preferred regions, and total free quota a `tightness`
 * share of the persons waiting. For tests and the benchmark.
 */
export function randomInstance(seed: number, families: number, regions: number, tightness = 0.7): PlacementInstance {
  const random = prng(seed);
  const sizes = [1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6, 7, 8];
  const fams = Array.from({ length: families }, () => {
    const persons = sizes[Math.floor(random() * sizes.length)];
    const count = Math.floor(random() * 4);
    const preferred: number[] = [];
    while (preferred.length < Math.min(count, regions)) {
      const r = Math.floor(random() * regions);
      if (!preferred.includes(r)) preferred.push(r);
    }
    return { persons, preferredRegionIds: preferred.map((r) => r + 1) };
  });
  const demand = fams.reduce((s, f) => s + f.persons, 0);
  const shares = Array.from({ length: regions }, () => 0.2 + random());
  const shareSum = shares.reduce((s, x) => s + x, 0);
  const regionList = shares.map((share, i) => ({
    regionId: i + 1,
    remaining: Math.max(1, Math.floor((demand * tightness * share) / shareSum)),
  }));
  const arcs: PlacementInstance['arcs'][number][] = [];
  fams.forEach((family, f) => {
    for (let r = 0; r < regions; r++) {
      if (family.persons > regionList[r].remaining) continue;
      const rank = family.preferredRegionIds.indexOf(r + 1) + 1;
      const score = Math.round((random() * 6 + (rank > 0 ? 3 / rank : 0)) * 1000) / 1000;
      arcs.push({ family: f, region: r, score });
    }
  });
  return { families: fams, regions: regionList, arcs };
}
