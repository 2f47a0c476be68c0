import type { PlacementInstance } from '@qonys/domain';
import highsLoader from 'highs';
import { buildPlacementModel } from './placement-model';
import { solveRelaxation } from './placement-relaxation';
import { randomInstance } from './random-instance';

/** The LP optimum as the previous solver computed it: the whole model as LP text, interior point. */
function textLpOptimum(highs: Awaited<ReturnType<typeof highsLoader>>, instance: PlacementInstance): number {
  const model = buildPlacementModel(instance, { integer: false });
  if (!model) return 0;
  const result = highs.solve(model.lp, { output_flag: false, solver: 'ipm', run_crossover: 'on' });
  expect(result.Status).toBe('Optimal');
  return result.ObjectiveValue;
}

/** Fails when a family is placed more than once in total or a region's persons exceed its quota. */
function expectFeasible(instance: PlacementInstance, value: Float64Array): void {
  const perFamily = instance.families.map(() => 0);
  const perRegion = instance.regions.map(() => 0);
  instance.arcs.forEach((arc, a) => {
    expect(value[a]).toBeGreaterThanOrEqual(-1e-9);
    perFamily[arc.family] += value[a];
    perRegion[arc.region] += value[a] * instance.families[arc.family].persons;
  });
  for (const placed of perFamily) expect(placed).toBeLessThanOrEqual(1 + 1e-7);
  perRegion.forEach((persons, r) => expect(persons).toBeLessThanOrEqual(instance.regions[r].remaining + 1e-6));
}

describe('solveRelaxation', () => {
  let highs: Awaited<ReturnType<typeof highsLoader>>;
  beforeAll(async () => {
    highs = await highsLoader();
  });

  // 400 families are solved as one LP; 2,500 and 4,000 go through the decomposition.
  it.each([
    [1, 400, 0.6],
    [2, 2_500, 0.6],
    [3, 2_500, 0.3],
    [4, 4_000, 1.2],
  ])(
    'seed %i, %i families × 20 regions at tightness %d: the optimum of the whole LP, within every quota',
    (seed, families, tightness) => {
      const instance = randomInstance(seed, families, 20, tightness);
      const relaxation = solveRelaxation(
        highs,
        instance,
        instance.regions.map((r) => r.remaining),
      );
      const optimum = textLpOptimum(highs, instance);
      expect(relaxation.objective).toBeCloseTo(optimum, 5);
      // The Lagrangian bound holds over every pair and meets the optimum.
      expect(relaxation.bound).toBeGreaterThanOrEqual(optimum - 1e-6);
      expect(relaxation.bound).toBeCloseTo(optimum, 5);
      expectFeasible(instance, relaxation.value);
      const valueTotal = instance.arcs.reduce((s, arc, a) => s + Math.max(0, arc.score) * relaxation.value[a], 0);
      expect(valueTotal).toBeCloseTo(relaxation.objective, 5);
      if (families > 1_500) expect(relaxation.contested).toBeLessThan(families / 2);
    },
  );
});
