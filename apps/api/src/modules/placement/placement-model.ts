import type { PlacementInstance } from '@qonys/domain';

/**
 * The batch placement model in CPLEX LP format, for HiGHS:
 *
 *   maximise   Σ score(f,r) · x(f,r)
 *   subject to Σ_r x(f,r) ≤ 1                      each family (placed once or not at all)
 *              Σ_f persons(f) · x(f,r) ≤ free(r)   each region (its quota, in persons)
 *              x ≥ 0, and x binary for the MIP.
 *
 * A family is one column per allowed region, so it is never split: x(f,r) = 1 moves the
 * whole family. Column x<f>_<r> is family index f, region index r of the instance.
 */
export interface ModelOptions {
  /** Families (instance indexes) in the model; default all. */
  families?: readonly number[];
  /** Free capacity per region index; default the instance's. */
  capacity?: readonly number[];
  integer: boolean;
}

export const column = (family: number, region: number): string => `x${family}_${region}`;

/** Splits long sums over several lines (the LP format reader is line-based in some tools). */
function sum(terms: string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 40) lines.push(terms.slice(i, i + 40).join(' + '));
  return lines.join('\n + ');
}

const coefficient = (n: number): string => (Number.isInteger(n) ? String(n) : n.toPrecision(12));

export interface BuiltModel {
  lp: string;
  /** The columns in the model, as [family, region, score]. */
  columns: [number, number, number][];
}

/** The model text, or null when no allowed pair remains (nothing to solve). */
export function buildPlacementModel(instance: PlacementInstance, options: ModelOptions): BuiltModel | null {
  const capacity = options.capacity ?? instance.regions.map((r) => r.remaining);
  const included = options.families ? new Set(options.families) : null;
  const columns: [number, number, number][] = [];
  const byFamily = new Map<number, string[]>();
  const byRegion = new Map<number, string[]>();
  for (const arc of instance.arcs) {
    if (included && !included.has(arc.family)) continue;
    const persons = instance.families[arc.family].persons;
    if (persons > capacity[arc.region]) continue;
    const name = column(arc.family, arc.region);
    columns.push([arc.family, arc.region, arc.score]);
    (byFamily.get(arc.family) ?? byFamily.set(arc.family, []).get(arc.family)!).push(name);
    (byRegion.get(arc.region) ?? byRegion.set(arc.region, []).get(arc.region)!).push(`${persons} ${name}`);
  }
  if (columns.length === 0) return null;

  const objective = columns.map(([f, r, score]) => `${coefficient(Math.max(0, score))} ${column(f, r)}`);
  const rows: string[] = [];
  for (const [family, names] of byFamily) rows.push(` f${family}: ${sum(names)} <= 1`);
  for (const [region, terms] of byRegion) rows.push(` r${region}: ${sum(terms)} <= ${capacity[region]}`);
  const parts = ['Maximize', ` obj: ${sum(objective)}`, 'Subject To', ...rows];
  if (options.integer) {
    // Binary bounds are implied by the family rows; integrality makes it a MIP.
    parts.push('General');
    for (let i = 0; i < columns.length; i += 40) {
      parts.push(
        ` ${columns
          .slice(i, i + 40)
          .map(([f, r]) => column(f, r))
          .join(' ')}`,
      );
    }
  }
  parts.push('End');
  return { lp: parts.join('\n'), columns };
}
