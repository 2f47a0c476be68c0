/**
 * `npm run bench:placement`: the batch placement solver on a realistic year — 10,000
 * families × 20 regions, sizes 1–8, ranked preferences, relatives, professions and
 * languages scored with the real scoring and default weights, and quotas that hold
 * fewer persons than are waiting. Prints LP, repair and total time (wall and CPU), the
 * peak RSS, the gap to the LP bound and the optimal-vs-first-come-first-served
 * comparison. `BENCH_FAMILIES=50000` for the national scale. Asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  DEFAULT_PLACEMENT_WEIGHTS,
  firstComeFirstServed,
  type PlacementFamily,
  type PlacementRegion,
  placementReport,
} from '@qonys/domain';
import { buildInstance } from '../../apps/api/src/modules/placement/placement-instance';
import { prng } from '../../apps/api/src/modules/placement/random-instance';
import { solvePlacement } from '../../apps/api/src/modules/placement/solver';

const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 10_000);
const REGIONS = Number(process.env.BENCH_REGIONS ?? 20);
/** Free quota as a share of the persons waiting. */
const TIGHTNESS = Number(process.env.BENCH_TIGHTNESS ?? 0.8);
const SEED = Number(process.env.BENCH_SEED ?? 2026);

const OCCUPATIONS = [
  'welder',
  'teacher',
  'nurse',
  'driver',
  'doctor',
  'engineer',
  'cook',
  'veterinarian',
  'accountant',
  'electrician',
  'builder',
  'farmer',
  'mechanic',
  'programmer',
  'herder',
];
const random = prng(SEED);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
/** Family sizes weighted like kandas households (mostly 3–5). */
const SIZES = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 6, 6, 7, 8];

const families: PlacementFamily[] = Array.from({ length: FAMILIES }, () => {
  const persons = pick(SIZES);
  const preferred: number[] = [];
  const wanted = Math.floor(random() * 4);
  // Preferences lean towards a few popular regions, as in practice.
  while (preferred.length < wanted) {
    const r = random() < 0.5 ? 1 + Math.floor(random() * 5) : 1 + Math.floor(random() * REGIONS);
    if (!preferred.includes(r)) preferred.push(r);
  }
  const members = Array.from({ length: persons }, (_, m) => ({
    profession: m < 2 && random() < 0.8 ? pick(OCCUPATIONS) : null,
    languages: m < 2 ? (random() < 0.3 ? ['kk', 'ru'] : random() < 0.5 ? ['kk', 'mn'] : ['kk', 'zh']) : [],
  }));
  return {
    persons,
    preferredRegionIds: preferred,
    relativesRegionIds: random() < 0.3 ? [1 + Math.floor(random() * REGIONS)] : [],
    members,
  };
});
const waiting = families.reduce((s, f) => s + f.persons, 0);
const shares = Array.from({ length: REGIONS }, () => 0.3 + random() * 1.7);
const shareSum = shares.reduce((s, x) => s + x, 0);
const regions: PlacementRegion[] = shares.map((share, i) => {
  const capacity = Math.floor((waiting * TIGHTNESS * share) / shareSum);
  const vacancies: Record<string, number> = {};
  for (const occupation of OCCUPATIONS) if (random() < 0.6) vacancies[occupation] = Math.floor(random() * 120);
  return {
    regionId: i + 1,
    capacity,
    remaining: Math.floor(capacity * (0.7 + random() * 0.3)),
    vacancies,
    housingUnits: Math.floor(random() * capacity * 0.3),
    adaptationCentrePlaces: Math.floor(random() * 200),
    languages: random() < 0.7 ? ['kk', 'ru'] : ['kk'],
  };
});

/** The kernel's high-water mark of this process's resident memory (a sampler misses short peaks). */
function peakRssBytes(): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return kb ? Number(kb[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}

async function main() {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const instance = buildInstance(families, regions, DEFAULT_PLACEMENT_WEIGHTS);
  const scoredMs = performance.now() - started;
  const result = await solvePlacement(instance);
  const totalMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const peakRss = peakRssBytes();
  const fcfsStart = performance.now();
  const fcfs = firstComeFirstServed(instance);
  const fcfsMs = performance.now() - fcfsStart;
  const optimal = placementReport(instance, result.regionOf);
  const baseline = placementReport(instance, fcfs.regionOf);
  const free = instance.regions.reduce((s, r) => s + r.remaining, 0);
  const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
  console.log(
    `\nPlacement bench: ${FAMILIES} families (${waiting} persons) × ${REGIONS} regions, ${free} free places (${Math.round((free / waiting) * 100)} %), ${instance.arcs.length} pairs, seed ${SEED}\n`,
  );
  console.table({
    'scoring (all pairs)': `${Math.round(scoredMs)} ms`,
    'LP relaxation (prices, contested LP, check)': `${result.lpMs} ms`,
    'repair (residual MIP + fill + swaps)': `${result.repairMs} ms`,
    'total (scoring + solve)': `${Math.round(totalMs)} ms`,
    // Wall time suffers when other work shares the cores; CPU time much less so.
    'CPU time (scoring + solve)': `${Math.round(cpuMs)} ms`,
    'first come first served': `${Math.round(fcfsMs)} ms`,
    'peak RSS (VmHWM, up to the end of the solve)': mb(peakRss),
    'fractional families in the LP': result.fractionalFamilies,
    strategy: result.strategy,
    'LP bound': result.lpBound.toFixed(3),
    'optimal total': result.total.toFixed(3),
    'gap to LP bound': `${(result.gap * 100).toFixed(4)} %`,
  });
  console.table({
    optimal: {
      ...optimal,
      underfilledRegions: optimal.underfilledRegions.length,
      leftoverPersons: optimal.underfilledRegions.reduce((s, r) => s + r.leftover, 0),
    },
    'first come first served': {
      ...baseline,
      underfilledRegions: baseline.underfilledRegions.length,
      leftoverPersons: baseline.underfilledRegions.reduce((s, r) => s + r.leftover, 0),
    },
  });
  console.log(
    `optimal vs FCFS: total score +${(((optimal.totalScore - baseline.totalScore) / baseline.totalScore) * 100).toFixed(2)} %`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
