import type { PlacementInstance } from '@qonys/domain';
import type { Highs } from 'highs';

/**
 * The LP relaxation of the placement model (placement-model.ts), solved without handing
 * HiGHS all families × regions pairs (docs/placement.md, "Solving the LP"):
 *
 * The LP has one row per family and only one per region. Given λ(r), the LP's price of
 * one person of region r's quota, each family's best choice is the region with the
 * highest score(f,r) − persons(f)·λ(r), or none when every such value is negative. With
 * the optimal λ only a few families (at most one per region) end split; nearly all are
 * decided by λ alone, and most by a wide margin.
 *
 * 1. λ is estimated from the dual with each family's max smoothed (estimatePrices);
 * 2. families whose best choice beats the next by a wide margin are fixed to it and the
 *    rest — the contested ones — get an exact LP over the quota the fixed ones leave;
 * 3. that LP's λ is checked against every fixed family: one whose fixed choice is no
 *    longer its best joins the contested and the LP is solved again.
 *
 * When no fixed family objects, the fixed choices and the contested LP's solution are
 * an optimum of the whole LP: both satisfy the complementary slackness of the duals
 * λ and u(f) = max(0, max_r score − persons·λ(r)). The bound reported is the Lagrangian
 * Σ_f u(f) + Σ_r λ(r)·free(r) over every pair, which is valid for any λ ≥ 0 and equals
 * the LP optimum at the final λ — the gap never rests on the decomposition.
 *
 * The models go to HiGHS as arrays: writing and parsing LP text for 1,000,000 named
 * columns, and reading back a named object per column, cost more than the solve.
 */

/** Instances up to this many families are solved as one LP; larger ones are decomposed. */
const DIRECT_FAMILIES = 1_500;
/** Share of the families left contested on the first pass, and its floor. */
const CONTESTED_SHARE = 0.004;
const MIN_CONTESTED = 100;
/** A fixed family objects when another choice beats its own by more than this. */
const CHECK_TOLERANCE = 1e-9;

export interface Relaxation {
  /** The LP optimum over all pairs. */
  objective: number;
  /** The Lagrangian bound at the final prices, ≥ objective up to rounding. */
  bound: number;
  /** LP value per instance arc (0 for arcs that do not fit). */
  value: Float64Array;
  /** Families in the last contested LP, and how many LPs were solved. */
  contested: number;
  solves: number;
}

/** Pair costs as in the model: a negative score is never worth more than leaving the family out. */
const costOf = (score: number): number => Math.max(0, score);

interface SubResult {
  objective: number;
  /** Region prices λ(r) ≥ 0. */
  lambda: Float64Array;
  /** Column values, in the order of the arcs passed. */
  values: Float64Array;
}

/** The LP over the given families' pairs within the given quota, by the dual simplex. */
function solveLp(
  highs: Highs,
  instance: PlacementInstance,
  families: readonly number[],
  pairsOf: readonly (readonly number[])[],
  capacity: ArrayLike<number>,
): SubResult & { arcs: number[] } {
  const regions = instance.regions.length;
  const rows = families.length + regions;
  const arcs: number[] = [];
  for (const f of families) arcs.push(...pairsOf[f]);
  const starts = new Int32Array(arcs.length + 1);
  const indices = new Int32Array(arcs.length * 2);
  const values = new Float64Array(arcs.length * 2);
  const cost = new Float64Array(arcs.length);
  let j = 0;
  families.forEach((f, row) => {
    const persons = instance.families[f].persons;
    for (const a of pairsOf[f]) {
      starts[j + 1] = 2 * (j + 1);
      indices[2 * j] = row;
      values[2 * j] = 1;
      indices[2 * j + 1] = families.length + instance.arcs[a].region;
      values[2 * j + 1] = persons;
      cost[j] = costOf(instance.arcs[a].score);
      j += 1;
    }
  });
  const rowUpper = new Float64Array(rows).fill(1, 0, families.length);
  for (let r = 0; r < regions; r++) rowUpper[families.length + r] = capacity[r];
  const model = highs.createModel({
    numCols: arcs.length,
    numRows: rows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: cost,
    colLower: new Float64Array(arcs.length),
    colUpper: new Float64Array(arcs.length).fill(highs.infinity),
    rowLower: new Float64Array(rows).fill(-highs.infinity),
    rowUpper,
    matrix: { format: 'csc', numRows: rows, numCols: arcs.length, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false, log_to_console: false, solver: 'simplex' });
    model.run();
    const status = model.getModelStatus();
    if (status !== highs.constants.modelStatus.optimal)
      throw new Error(`the LP relaxation did not solve (HiGHS model status ${status})`);
    const solution = model.getSolution();
    // HiGHS reports a maximisation's ≤-row duals as ≥ 0: λ(r) is region r's row dual.
    const lambda = new Float64Array(regions);
    for (let r = 0; r < regions; r++) lambda[r] = Math.max(0, solution.rowDual[families.length + r]);
    return { objective: model.getObjectiveValue(), lambda, values: solution.colValue, arcs };
  } finally {
    model.dispose();
  }
}

/** Each family's best choice under λ (an arc, or −1 for none) and its margin over the next. */
function choices(
  instance: PlacementInstance,
  pairsOf: readonly (readonly number[])[],
  lambda: Float64Array,
): { best: Int32Array; margin: Float64Array; profit: Float64Array } {
  const count = instance.families.length;
  const best = new Int32Array(count);
  const margin = new Float64Array(count);
  const profit = new Float64Array(count);
  for (let f = 0; f < count; f++) {
    const persons = instance.families[f].persons;
    let top = -Infinity;
    let next = -Infinity;
    let choice = -1;
    for (const a of pairsOf[f]) {
      const arc = instance.arcs[a];
      const value = costOf(arc.score) - persons * lambda[arc.region];
      if (value > top) {
        next = top;
        top = value;
        choice = a;
      } else if (value > next) next = value;
    }
    // Staying unplaced is the choice worth 0.
    if (top > 0) {
      best[f] = choice;
      margin[f] = top - Math.max(next, 0);
      profit[f] = top;
    } else {
      best[f] = -1;
      margin[f] = -top;
      profit[f] = 0;
    }
  }
  return { best, margin, profit };
}

/** Solves the small dense system a·x = b in place (Gaussian elimination, partial pivoting). */
function solveDense(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) pivot = row;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    [b[col], b[pivot]] = [b[pivot], b[col]];
    const d = a[col][col] || 1e-12;
    for (let row = col + 1; row < n; row++) {
      const factor = a[row][col] / d;
      if (factor === 0) continue;
      for (let k = col; k < n; k++) a[row][k] -= factor * a[col][k];
      b[row] -= factor * b[col];
    }
  }
  const x = new Float64Array(n);
  for (let row = n - 1; row >= 0; row--) {
    let sum = b[row];
    for (let k = row + 1; k < n; k++) sum -= a[row][k] * x[k];
    x[row] = sum / (a[row][row] || 1e-12);
  }
  return x;
}

/** Smoothing temperatures, in score points: each warm-starts the next. */
const SAMPLE_TEMPERATURES = [1, 0.3, 0.1, 0.03, 0.01];
const FULL_TEMPERATURES = [0.003, 0.001];
/** Families in the evenly spaced sample that the large temperatures are solved on. */
const SAMPLE_FAMILIES = 4_000;
const NEWTON_STEPS = 8;

/**
 * λ near the LP's optimal prices: the dual min_λ≥0 Σ_r λ(r)·free(r) + Σ_f max(0, max_r
 * score − persons·λ(r)) with each max smoothed to τ·log Σ exp(·/τ), minimised by projected
 * Newton steps (20 prices: the Hessian is 20 × 20) while τ shrinks.
 */
function estimatePrices(
  instance: PlacementInstance,
  pairsOf: readonly (readonly number[])[],
  members: readonly number[],
  capacity: readonly number[],
  temperatures: readonly number[],
  start: Float64Array,
): Float64Array {
  const regions = instance.regions.length;
  const families = members.map((f) => pairsOf[f]);
  const pairs = families.reduce((s, list) => s + list.length, 0);
  const starts = new Int32Array(families.length + 1);
  const region = new Int32Array(pairs);
  const cost = new Float64Array(pairs);
  const persons = new Float64Array(families.length);
  let k = 0;
  families.forEach((list, f) => {
    for (const a of list) {
      region[k] = instance.arcs[a].region;
      cost[k] = costOf(instance.arcs[a].score);
      k += 1;
    }
    starts[f + 1] = k;
    persons[f] = instance.families[instance.arcs[list[0]].family].persons;
  });
  const share = new Float64Array(pairs);
  const weights = new Float64Array(regions);
  const lambda = Float64Array.from(start);
  const gradient = new Float64Array(regions);
  const hessian = Array.from({ length: regions }, () => new Float64Array(regions));
  const evaluate = (at: Float64Array, tau: number, derivatives: boolean): number => {
    let total = 0;
    for (let r = 0; r < regions; r++) total += at[r] * capacity[r];
    if (derivatives) {
      gradient.set(capacity);
      for (const row of hessian) row.fill(0);
    }
    for (let f = 0; f < persons.length; f++) {
      const p = persons[f];
      const from = starts[f];
      const to = starts[f + 1];
      let top = 0;
      for (let i = from; i < to; i++) top = Math.max(top, cost[i] - p * at[region[i]]);
      let sum = Math.exp(-top / tau);
      for (let i = from; i < to; i++) {
        const e = Math.exp((cost[i] - p * at[region[i]] - top) / tau);
        share[i] = e;
        sum += e;
      }
      total += top + tau * Math.log(sum);
      if (!derivatives) continue;
      const scale = (p * p) / tau;
      let used = 0;
      for (let i = from; i < to; i++) {
        const w = share[i] / sum;
        if (w < 1e-12) continue;
        weights[region[i]] = w;
        share[used++ + from] = region[i];
      }
      // share[from … from+used) now holds the regions with a non-negligible weight.
      for (let i = from; i < from + used; i++) {
        const r = share[i];
        const wr = weights[r];
        gradient[r] -= p * wr;
        hessian[r][r] += scale * wr;
        for (let j = from; j < from + used; j++) hessian[r][share[j]] -= scale * wr * weights[share[j]];
      }
      for (let i = from; i < from + used; i++) weights[share[i]] = 0;
    }
    return total;
  };
  for (const tau of temperatures) {
    // Rough prices suffice while τ is large; the last temperature is solved tightly.
    const tolerance = tau === temperatures[temperatures.length - 1] ? 1e-10 : 1e-6;
    for (let step = 0; step < NEWTON_STEPS; step++) {
      const value = evaluate(lambda, tau, true);
      // Prices at 0 whose quota is not short stay at 0 (the bound λ ≥ 0 holds them).
      const free = Array.from({ length: regions }, (_, r) => r).filter((r) => lambda[r] > 0 || gradient[r] < 0);
      if (free.length === 0) break;
      const ridge = 1e-9 * (1 + free.reduce((s, r) => s + hessian[r][r], 0));
      const direction = solveDense(
        free.map((r) => Float64Array.from(free, (q) => hessian[r][q] + (q === r ? ridge : 0))),
        Float64Array.from(free, (r) => -gradient[r]),
      );
      const slope = free.reduce((s, r, i) => s + gradient[r] * direction[i], 0);
      if (slope > -tolerance * Math.max(1, Math.abs(value))) break;
      const trial = new Float64Array(regions);
      let accepted = false;
      for (let t = 1; t > 1e-6; t /= 2) {
        trial.set(lambda);
        free.forEach((r, i) => (trial[r] = Math.max(0, lambda[r] + t * direction[i])));
        if (evaluate(trial, tau, false) <= value + 1e-4 * t * slope) {
          accepted = true;
          break;
        }
      }
      if (!accepted) break;
      lambda.set(trial);
    }
  }
  return lambda;
}

export function solveRelaxation(highs: Highs, instance: PlacementInstance, capacity: readonly number[]): Relaxation {
  const count = instance.families.length;
  const regions = instance.regions.length;
  const value = new Float64Array(instance.arcs.length);
  const pairsOf: number[][] = instance.families.map(() => []);
  instance.arcs.forEach((arc, a) => {
    if (instance.families[arc.family].persons <= capacity[arc.region]) pairsOf[arc.family].push(a);
  });
  const withPairs = pairsOf.flatMap((pairs, f) => (pairs.length > 0 ? [f] : []));
  if (withPairs.length === 0) return { objective: 0, bound: 0, value, contested: 0, solves: 0 };

  let solves = 0;
  const lagrangian = (lambda: Float64Array): number => {
    let bound = 0;
    for (let r = 0; r < regions; r++) bound += lambda[r] * capacity[r];
    const { profit } = choices(instance, pairsOf, lambda);
    for (let f = 0; f < count; f++) bound += profit[f];
    return bound;
  };

  if (withPairs.length <= DIRECT_FAMILIES) {
    const lp = solveLp(highs, instance, withPairs, pairsOf, capacity);
    lp.arcs.forEach((a, j) => (value[a] = lp.values[j]));
    return {
      objective: lp.objective,
      bound: lagrangian(lp.lambda),
      value,
      contested: withPairs.length,
      solves: 1,
    };
  }

  // 1. λ from the smoothed dual: its large temperatures on an evenly spaced sample (the
  // quota scaled to the sample's persons), the small ones on every family.
  const step = Math.max(1, withPairs.length / SAMPLE_FAMILIES);
  const sample = Array.from(
    { length: Math.min(withPairs.length, SAMPLE_FAMILIES) },
    (_, i) => withPairs[Math.floor(i * step)],
  );
  const personsOf = (list: readonly number[]) => list.reduce((s, f) => s + instance.families[f].persons, 0);
  const share = personsOf(sample) / personsOf(withPairs);
  let lambda = estimatePrices(
    instance,
    pairsOf,
    sample,
    capacity.map((c) => c * share),
    SAMPLE_TEMPERATURES,
    new Float64Array(regions),
  );
  lambda = estimatePrices(instance, pairsOf, withPairs, capacity, FULL_TEMPERATURES, lambda);

  // 2. The narrowest margins stay contested; the rest are fixed to their best choice.
  const { best, margin } = choices(instance, pairsOf, lambda);
  const byMargin = [...withPairs].sort(
    (a, b) => margin[a] / instance.families[a].persons - margin[b] / instance.families[b].persons,
  );
  const contestedCount = Math.max(MIN_CONTESTED, Math.ceil(withPairs.length * CONTESTED_SHARE));
  const contested = new Uint8Array(count);
  for (const f of byMargin.slice(0, contestedCount)) contested[f] = 1;
  const left = Float64Array.from(capacity);
  const fixedChoice = new Int32Array(count).fill(-1);
  for (const f of withPairs) {
    if (contested[f] || best[f] < 0) continue;
    fixedChoice[f] = best[f];
    left[instance.arcs[best[f]].region] -= instance.families[f].persons;
  }
  // A region the fixed families overfill gives back its narrowest-margin ones.
  for (const f of byMargin) {
    const a = fixedChoice[f];
    if (contested[f] || a < 0) continue;
    const region = instance.arcs[a].region;
    if (left[region] >= 0) continue;
    contested[f] = 1;
    fixedChoice[f] = -1;
    left[region] += instance.families[f].persons;
  }

  // 3. Solve the contested, check the fixed, repeat until none objects.
  for (;;) {
    const members = withPairs.filter((f) => contested[f]);
    const lp = solveLp(highs, instance, members, pairsOf, left);
    solves += 1;
    lambda = lp.lambda;
    const check = choices(instance, pairsOf, lambda);
    const objectors: [number, number][] = [];
    for (const f of withPairs) {
      if (contested[f]) continue;
      const own = fixedChoice[f];
      const ownValue =
        own < 0
          ? 0
          : costOf(instance.arcs[own].score) - instance.families[f].persons * lambda[instance.arcs[own].region];
      const excess = check.profit[f] - ownValue;
      if (excess > CHECK_TOLERANCE) objectors.push([f, excess / instance.families[f].persons]);
    }
    // The most wronged first, at most as many as are contested already: prices from a
    // few contested families can swing far, and the next LP corrects them with these.
    objectors.sort((a, b) => b[1] - a[1]);
    const objections = Math.min(objectors.length, Math.max(MIN_CONTESTED, members.length));
    for (const [f] of objectors.slice(0, objections)) {
      const own = fixedChoice[f];
      contested[f] = 1;
      if (own >= 0) left[instance.arcs[own].region] += instance.families[f].persons;
      fixedChoice[f] = -1;
    }
    if (objections > 0) continue;
    value.fill(0);
    let objective = lp.objective;
    for (const f of withPairs) {
      if (contested[f] || fixedChoice[f] < 0) continue;
      value[fixedChoice[f]] = 1;
      objective += costOf(instance.arcs[fixedChoice[f]].score);
    }
    lp.arcs.forEach((a, j) => (value[a] = lp.values[j]));
    const bound = lagrangian(lambda);
    return { objective, bound, value, contested: members.length, solves };
  }
}
