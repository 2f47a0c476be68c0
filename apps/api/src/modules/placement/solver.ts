import {
  arcsByFamily,
  checkAssignment,
  type PlacementAssignment,
  type PlacementInstance,
  relativeGap,
} from '@qonys/domain';
import type highsLoader from 'highs';
import { buildPlacementModel } from './placement-model';

type HighsLoader = typeof highsLoader;
type Highs = Awaited<ReturnType<HighsLoader>>;
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
function fill(instance: PlacementInstance, regionOf: (number | null)[], left: number[]): void {
  const byFamily = arcsByFamily(instance);
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
function improve(instance: PlacementInstance, regionOf: (number | null)[], left: number[]): void {
  const byFamily = arcsByFamily(instance);
  const scoreOf = (family: number, region: number) =>
    byFamily[family].find((a) => a.region === region)?.score ?? -Infinity;
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
  for (let family = 0; family < regionOf.length; family++) {
    if (regionOf[family] !== null) continue;
    const persons = instance.families[family].persons;
    for (const arc of byFamily[family]) {
      const victimIndex = placedIn[arc.region].findIndex(
        (v) => left[arc.region] + instance.families[v].persons >= persons && scoreOf(v, arc.region) + EPS < arc.score,
      );
      if (victimIndex < 0) continue;
      const victim = placedIn[arc.region][victimIndex];
      left[arc.region] += instance.families[victim].persons - persons;
      regionOf[victim] = null;
      regionOf[family] = arc.region;
      placedIn[arc.region][victimIndex] = family;
      break;
    }
  }
}

/** Families the residual MIP may move: the fractional ones and, per region they touch, the NEIGHBOURS weakest placed and strongest unplaced families. */
const NEIGHBOURS = 5;
function neighbourhood(
  instance: PlacementInstance,
  fractional: readonly number[],
  regionOf: (number | null)[],
  left: number[],
  valueOf: (family: number, region: number) => number,
): number[] {
  if (fractional.length === 0) return [];
  const byFamily = arcsByFamily(instance);
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
  const lpModel = buildPlacementModel(instance, { integer: false });
  if (!lpModel)
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
  // Interior point with crossover: ~5× faster than simplex here, and crossover returns a
  // vertex, so only a few families come out fractional.
  const lp = solve(highs, lpModel.lp, { solver: 'ipm', run_crossover: 'on' });
  if (lp.status !== 'Optimal') throw new Error(`the LP relaxation did not solve: ${lp.status}`);
  const lpMs = performance.now() - lpStart;

  await options.onPhase?.('repair');
  const repairStart = performance.now();
  const left = instance.regions.map((r) => r.remaining);
  const fractional: number[] = [];
  const valueOf = (f: number, r: number) => lp.values.get(`x${f}_${r}`) ?? 0;
  const columnsOf = new Map<number, number[]>();
  for (const [f, r] of lpModel.columns) (columnsOf.get(f) ?? columnsOf.set(f, []).get(f)!).push(r);
  for (const [family, regions] of columnsOf) {
    const whole = regions.find((r) => valueOf(family, r) >= 1 - EPS);
    const partial = regions.some((r) => valueOf(family, r) > EPS);
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
    strategy === 'mip' ? [...columnsOf.keys()] : neighbourhood(instance, fractional, regionOf, left, valueOf);
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
  fill(instance, regionOf, left);
  improve(instance, regionOf, left);
  fill(instance, regionOf, left);
  const total = checkAssignment(instance, regionOf);
  const repairMs = performance.now() - repairStart;
  // The MIP may use the LP tolerance; the LP optimum is the bound, never below the total.
  const lpBound = Math.max(lp.objective, total);
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
