import {
  arcsByFamily,
  checkAssignment,
  type PlacementAssignment,
  type PlacementInstance,
  relativeGap,
} from '@qonys/domain';
import type highsLoader from 'highs';
import { buildPlacementModel } from './placement-model';
import { solveRelaxation } from './placement-relaxation';

type HighsLoader = typeof highsLoader;
type Highs = Awaited<ReturnType<HighsLoader>>;
type FamilyArcs = { region: number; score: number }[][];
let highsInstance: Promise<Highs> | null = null;

/** HiGHS compiled to WebAssembly, loaded once per process. */
function loadHighs(): Promise<Highs> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  highsInstance ??= (require('highs') as HighsLoader)();
  return highsInstance;
}

export type SolverPhase = 'lp' | 'repair';

export interface SolveOptions {
  /**
   * `mip`: the whole problem as a MIP (exact; for small batches). `lp-repair`: the LP
   * relaxation, then a MIP over only the families the LP left fractional. `auto`: `mip`
   * up to `exactColumnLimit` pairs, else `lp-repair`.
   */
  strategy?: 'auto' | 'mip' | 'lp-repair';
  exactColumnLimit?: number;
  /** Limit for each HiGHS MIP run; the best solution found so far is used after it. */
  mipTimeLimitSeconds?: number;
  onPhase?: (phase: SolverPhase) => Promise<void> | void;
}

export interface SolveResult extends PlacementAssignment {
  /** The LP relaxation's optimum: no assignment can score more. */
  lpBound: number;
  /** (lpBound − total) / lpBound. */
  gap: number;
  strategy: 'mip' | 'lp-repair';
  /** True when the total is proved the best possible (the exact MIP finished, or the LP optimum was integral). */
  provenOptimal: boolean;
  /** Families the LP split between regions or placed partly (repaired afterwards). */
  fractionalFamilies: number;
  lpMs: number;
  repairMs: number;
}

const EPS = 1e-6;
const QUIET = { output_flag: false, log_to_console: false } as const;

interface Solved {
  objective: number;
  values: Map<string, number>;
  status: string;
}

function solve(highs: Highs, lp: string, options: Record<string, number | string | boolean>): Solved {
  const result = highs.solve(lp, { ...QUIET, ...options });
  const values = new Map<string, number>();
  for (const [name, col] of Object.entries(result.Columns ?? {})) {
    const primal = (col as { Primal?: number }).Primal;
    if (typeof primal === 'number') values.set(name, primal);
  }
  return { objective: result.ObjectiveValue, values, status: result.Status };
}

/** Places still-unplaced families into leftover room, best pairs first; never lowers the total. */
function fill(instance: PlacementInstance, byFamily: FamilyArcs, regionOf: (number | null)[], left: number[]): void {
  const order = regionOf
    .map((region, family) => ({ family, best: byFamily[family][0]?.score ?? -1, region }))
    .filter((x) => x.region === null && x.best >= 0)
    .sort((a, b) => b.best - a.best || a.family - b.family);
  for (const { family } of order) {
    const persons = instance.families[family].persons;
    const arc = byFamily[family].find((a) => left[a.region] >= persons && a.score >= 0);
    if (!arc) continue;
    regionOf[family] = arc.region;
    left[arc.region] -= persons;
  }
}

/**
 * One pass of moves that raise the total: a placed family moves to a better region with
 * room; an unplaced family takes the place of a placed one in the same region when it
 * scores more and fits in the room that frees.
 */
function improve(instance: PlacementInstance, byFamily: FamilyArcs, regionOf: (number | null)[], left: number[]): void {
  // Pair scores in a dense table: the swap scan below looks up millions of them.
  const regions = instance.regions.length;
  const table = new Float64Array(regionOf.length * regions).fill(-Infinity);
  for (let family = byFamily.length - 1; family >= 0; family--)
    for (let i = byFamily[family].length - 1; i >= 0; i--)
      table[family * regions + byFamily[family][i].region] = byFamily[family][i].score;
  const scoreOf = (family: number, region: number) => table[family * regions + region];
  for (let family = 0; family < regionOf.length; family++) {
    const current = regionOf[family];
    if (current === null) continue;
    const persons = instance.families[family].persons;
    const here = scoreOf(family, current);
    const better = byFamily[family].find(
      (a) => a.score > here + EPS && a.region !== current && left[a.region] >= persons,
    );
    if (better) {
      left[current] += persons;
      left[better.region] -= persons;
      regionOf[family] = better.region;
    }
  }
  const placedIn: number[][] = instance.regions.map(() => []);
  regionOf.forEach((region, family) => region !== null && placedIn[region].push(family));
  // The lowest score placed in each region: a family scoring no more than it finds no
  // victim there, so the scan below is skipped (kept up to date after every swap).
  const lowest = placedIn.map((families, region) =>
    families.reduce((low, v) => Math.min(low, scoreOf(v, region)), Infinity),
  );
  for (let family = 0; family < regionOf.length; family++) {
    if (regionOf[family] !== null) continue;
    const persons = instance.families[family].persons;
    for (const arc of byFamily[family]) {
      if (!(lowest[arc.region] + EPS < arc.score)) continue;
      const victimIndex = placedIn[arc.region].findIndex(
        (v) => left[arc.region] + instance.families[v].persons >= persons && scoreOf(v, arc.region) + EPS < arc.score,
      );
      if (victimIndex < 0) continue;
      const victim = placedIn[arc.region][victimIndex];
      left[arc.region] += instance.families[victim].persons - persons;
      regionOf[victim] = null;
      regionOf[family] = arc.region;
      placedIn[arc.region][victimIndex] = family;
      lowest[arc.region] = placedIn[arc.region].reduce((low, v) => Math.min(low, scoreOf(v, arc.region)), Infinity);
      break;
    }
  }
}

/** Families the residual MIP may move: the fractional ones and, per region they touch, the NEIGHBOURS weakest placed and strongest unplaced families. */
const NEIGHBOURS = 5;
function neighbourhood(
  instance: PlacementInstance,
  byFamily: FamilyArcs,
  fractional: readonly number[],
  regionOf: (number | null)[],
  left: number[],
  valueOf: (family: number, region: number) => number,
): number[] {
  if (fractional.length === 0) return [];
  const touched = new Set<number>();
  for (const f of fractional) for (const a of byFamily[f]) if (valueOf(f, a.region) > EPS) touched.add(a.region);
  const chosen = new Set(fractional);
  for (const region of touched) {
    const placed: [number, number][] = [];
    const waiting: [number, number][] = [];
    byFamily.forEach((arcs, family) => {
      if (chosen.has(family)) return;
      const arc = arcs.find((a) => a.region === region);
      if (!arc) return;
      if (regionOf[family] === region) placed.push([family, arc.score]);
      else if (regionOf[family] === null) waiting.push([family, arc.score]);
    });
    placed.sort((a, b) => a[1] - b[1]);
    waiting.sort((a, b) => b[1] - a[1]);
    for (const [family] of placed.slice(0, NEIGHBOURS)) {
      chosen.add(family);
      left[region] += instance.families[family].persons;
      regionOf[family] = null;
    }
    for (const [family] of waiting.slice(0, NEIGHBOURS)) chosen.add(family);
  }
  return [...chosen];
}

/** The assignment that maximises the total score within every region's free quota. */
export async function solvePlacement(instance: PlacementInstance, options: SolveOptions = {}): Promise<SolveResult> {
  const highs = await loadHighs();
  const timeLimit = options.mipTimeLimitSeconds ?? 5;
  const regionOf: (number | null)[] = instance.families.map(() => null);
  const strategy =
    options.strategy === 'mip' || options.strategy === 'lp-repair'
      ? options.strategy
      : instance.arcs.length <= (options.exactColumnLimit ?? 2_000)
        ? 'mip'
        : 'lp-repair';

  await options.onPhase?.('lp');
  const lpStart = performance.now();
  const capacity = instance.regions.map((r) => r.remaining);
  const lp = solveRelaxation(highs, instance, capacity);
  const regions = instance.regions.length;
  // Families with a pair that fits, and the LP value per family × region.
  const columnsOf = new Map<number, number[]>();
  const values = new Float64Array(instance.families.length * regions);
  instance.arcs.forEach((arc, a) => {
    if (instance.families[arc.family].persons > capacity[arc.region]) return;
    (columnsOf.get(arc.family) ?? columnsOf.set(arc.family, []).get(arc.family)!).push(arc.region);
    values[arc.family * regions + arc.region] = lp.value[a];
  });
  if (columnsOf.size === 0)
    return {
      regionOf,
      total: 0,
      lpBound: 0,
      gap: 0,
      strategy,
      provenOptimal: true,
      fractionalFamilies: 0,
      lpMs: 0,
      repairMs: 0,
    };
  const lpMs = performance.now() - lpStart;

  await options.onPhase?.('repair');
  const repairStart = performance.now();
  const byFamily = arcsByFamily(instance);
  const left = [...capacity];
  const fractional: number[] = [];
  const valueOf = (f: number, r: number) => values[f * regions + r];
  for (const [family, allowed] of columnsOf) {
    const whole = allowed.find((r) => valueOf(family, r) >= 1 - EPS);
    const partial = allowed.some((r) => valueOf(family, r) > EPS);
    if (whole !== undefined && strategy === 'lp-repair') {
      regionOf[family] = whole;
      left[whole] -= instance.families[family].persons;
    } else if (partial && whole === undefined) {
      fractional.push(family);
    }
  }

  // The exact strategy re-solves everything as a MIP; lp-repair only the fractional
  // families and a small neighbourhood in the regions they touch (the weakest placed
  // families there, the strongest waiting ones), freed so the MIP can trade them.
  let provenOptimal = strategy === 'lp-repair' && fractional.length === 0;
  const mipFamilies =
    strategy === 'mip' ? [...columnsOf.keys()] : neighbourhood(instance, byFamily, fractional, regionOf, left, valueOf);
  if (mipFamilies.length > 0) {
    const mipModel = buildPlacementModel(instance, { integer: true, families: mipFamilies, capacity: left });
    if (mipModel) {
      const mip = solve(highs, mipModel.lp, {
        time_limit: timeLimit,
        // Exact for the whole problem; for the small residual 0.01 % of its part is plenty.
        mip_rel_gap: strategy === 'mip' ? 0 : 1e-4,
        mip_abs_gap: 1e-9,
      });
      provenOptimal = strategy === 'mip' && mip.status === 'Optimal';
      for (const [f, r] of mipModel.columns) {
        if (
          (mip.values.get(`x${f}_${r}`) ?? 0) > 0.5 &&
          regionOf[f] === null &&
          left[r] >= instance.families[f].persons
        ) {
          regionOf[f] = r;
          left[r] -= instance.families[f].persons;
        }
      }
    }
  }
  // Both never lower the total: they use leftover room and strictly better swaps.
  fill(instance, byFamily, regionOf, left);
  improve(instance, byFamily, regionOf, left);
  fill(instance, byFamily, regionOf, left);
  const total = checkAssignment(instance, regionOf);
  const repairMs = performance.now() - repairStart;
  // The Lagrangian bound covers every pair; the MIP may use the LP tolerance, so never below the total.
  const lpBound = Math.max(lp.bound, lp.objective, total);
  return {
    regionOf,
    total,
    lpBound,
    gap: relativeGap(lpBound, total),
    strategy,
    provenOptimal,
    fractionalFamilies: fractional.length,
    lpMs: Math.round(lpMs),
    repairMs: Math.round(repairMs),
  };
}
