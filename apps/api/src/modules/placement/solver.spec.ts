import { checkAssignment, firstComeFirstServed, type PlacementInstance } from '@qonys/domain';
import highsLoader from 'highs';
import { buildPlacementModel } from './placement-model';
import { randomInstance } from './random-instance';
import { solvePlacement } from './solver';

/** The best total over every assignment (each family to one allowed region or none). */
function bruteForce(instance: PlacementInstance): number {
  const options = instance.families.map((_, f) => instance.arcs.filter((a) => a.family === f));
  const left = instance.regions.map((r) => r.remaining);
  let best = 0;
  const walk = (family: number, total: number): void => {
    if (family === instance.families.length) {
      best = Math.max(best, total);
      return;
    }
    walk(family + 1, total);
    const persons = instance.families[family].persons;
    for (const arc of options[family]) {
      if (left[arc.region] < persons) continue;
      left[arc.region] -= persons;
      walk(family + 1, total + arc.score);
      left[arc.region] += persons;
    }
  };
  walk(0, 0);
  return best;
}

const SEEDS = Array.from({ length: 30 }, (_, i) => i + 1);

describe('solvePlacement', () => {
  it.each(SEEDS)('equals brute force on 8 families × 3 regions (seed %i)', async (seed) => {
    const instance = randomInstance(seed, 8, 3, 0.6);
    const result = await solvePlacement(instance);
    expect(checkAssignment(instance, result.regionOf)).toBeCloseTo(result.total, 6);
    expect(result.total).toBeCloseTo(bruteForce(instance), 6);
    expect(result.lpBound).toBeGreaterThanOrEqual(result.total - 1e-6);
  });

  it.each(SEEDS.slice(0, 10))('equals brute force on 10 families × 4 regions, tight (seed %i)', async (seed) => {
    const instance = randomInstance(1000 + seed, 10, 4, 0.4);
    const result = await solvePlacement(instance, { strategy: 'mip' });
    expect(result.total).toBeCloseTo(bruteForce(instance), 6);
  });

  it('the LP-and-repair strategy stays feasible, never beats brute force and reports its gap honestly', async () => {
    for (const seed of SEEDS) {
      const instance = randomInstance(seed, 8, 3, 0.6);
      const result = await solvePlacement(instance, { strategy: 'lp-repair' });
      const optimum = bruteForce(instance);
      expect(checkAssignment(instance, result.regionOf)).toBeCloseTo(result.total, 6);
      expect(result.total).toBeLessThanOrEqual(optimum + 1e-6);
      expect(result.lpBound).toBeGreaterThanOrEqual(optimum - 1e-6);
      expect(result.gap).toBeCloseTo((result.lpBound - result.total) / result.lpBound, 9);
    }
  });

  it('keeps a 1,500-family batch within 0.5 % of the LP bound and never splits a family or overfills a region', async () => {
    const instance = randomInstance(7, 1500, 20, 0.6);
    const result = await solvePlacement(instance, { strategy: 'lp-repair' });
    expect(result.gap).toBeLessThanOrEqual(0.005);
    // checkAssignment throws on an over-allocated region; one region per family by construction.
    expect(checkAssignment(instance, result.regionOf)).toBeCloseTo(result.total, 6);
    expect(result.total).toBeGreaterThanOrEqual(firstComeFirstServed(instance).total - 1e-6);
  });

  it('leaves a family unplaced rather than splitting it when no region has room for all of it', async () => {
    const instance: PlacementInstance = {
      families: [
        { persons: 5, preferredRegionIds: [1] },
        { persons: 3, preferredRegionIds: [2] },
      ],
      regions: [
        { regionId: 1, remaining: 3 },
        { regionId: 2, remaining: 3 },
      ],
      // the 5-person family has no pair (it fits nowhere); the model also drops such pairs itself
      arcs: [
        { family: 0, region: 0, score: 9 },
        { family: 1, region: 0, score: 1 },
        { family: 1, region: 1, score: 2 },
      ],
    };
    const result = await solvePlacement(instance);
    expect(result.regionOf).toEqual([null, 1]);
    expect(result.total).toBe(2);
  });

  it('returns an empty assignment when nothing can be placed', async () => {
    const result = await solvePlacement({
      families: [{ persons: 2, preferredRegionIds: [] }],
      regions: [{ regionId: 1, remaining: 1 }],
      arcs: [],
    });
    expect(result).toMatchObject({ regionOf: [null], total: 0, gap: 0 });
  });
});

describe('solvePlacement on a batch the LP decomposes', () => {
  it.each([11, 12])(
    'seed %i, 2,500 families: the bound is the whole LP optimum, every quota holds, within 0.5 %% of the bound',
    async (seed) => {
      const instance = randomInstance(seed, 2500, 20, 0.7);
      const result = await solvePlacement(instance, { mipTimeLimitSeconds: 2 });
      const highs = await highsLoader();
      const text = buildPlacementModel(instance, { integer: false });
      const optimum = highs.solve(text!.lp, { output_flag: false, solver: 'ipm', run_crossover: 'on' }).ObjectiveValue;
      expect(result.lpBound).toBeCloseTo(optimum, 5);
      // checkAssignment throws on an over-allocated region or a pair that is not allowed.
      expect(checkAssignment(instance, result.regionOf)).toBeCloseTo(result.total, 6);
      expect(result.total).toBeLessThanOrEqual(result.lpBound + 1e-6);
      expect(result.gap).toBeLessThanOrEqual(0.005);
      expect(result.total).toBeGreaterThan(firstComeFirstServed(instance).total);
    },
    // The text LP it is compared with takes seconds, more on a loaded machine.
    120_000,
  );
});
