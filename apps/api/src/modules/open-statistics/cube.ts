import { type AuditFailure, protectTable } from './disclosure-audit';
import { fillMargins, type MarginDimension, marginLines } from './disclosure-control';
import { type DatasetSpec, TOTAL } from './datasets';

/**
 * A dataset as a dense cube: every combination of its dimensions' categories (each
 * dimension with margins ending in TOTAL) is one cell, in row-major order — one CSV row,
 * one JSON-stat value.
 */
export interface Cube {
  readonly spec: DatasetSpec;
  readonly categories: readonly (readonly string[])[];
  readonly values: readonly number[];
  /** The companion figure per cell (processing days' median), null where there is none. */
  readonly companion: readonly (number | null)[] | null;
}

/** One inner cell from the database: its category per dimension (no TOTAL), its count. */
export interface CubeRow {
  readonly coordinates: readonly string[];
  readonly value: number;
  readonly companion?: number | null;
}

export interface ProtectedCube extends Cube {
  readonly suppressed: readonly boolean[];
  readonly primary: number;
  readonly secondary: number;
  /** Cells the audit still found too narrow (the release is refused when any). */
  readonly failures: readonly (AuditFailure & { coordinates: string[] })[];
}

const marginDims = (cube: Pick<Cube, 'spec' | 'categories'>): MarginDimension[] =>
  cube.spec.dimensions.map((dim, d) => ({ size: cube.categories[d].length - (dim.total ? 1 : 0), total: dim.total }));

const stridesOf = (extents: readonly number[]) =>
  extents.map((_, i) => extents.slice(i + 1).reduce((a, b) => a * b, 1));

/** The cube of a dataset from its inner cells (missing ones are 0); the TOTAL cells are their sums. */
export function buildCube(spec: DatasetSpec, inner: readonly (readonly string[])[], rows: readonly CubeRow[]): Cube {
  const categories = spec.dimensions.map((dim, d) => (dim.total ? [...inner[d], TOTAL] : [...inner[d]]));
  const positions = categories.map((list) => new Map(list.map((category, i) => [category, i])));
  const strides = stridesOf(categories.map((list) => list.length));
  const size = categories.reduce((n, list) => n * list.length, 1);
  const values = new Array<number>(size).fill(0);
  const companion = spec.companion ? new Array<number | null>(size).fill(null) : null;
  for (const row of rows) {
    let cell = 0;
    row.coordinates.forEach((category, d) => {
      const at = positions[d].get(category);
      if (at === undefined || category === TOTAL)
        throw new Error(`${spec.id}: no category ${category} in ${spec.dimensions[d].id}`);
      cell += at * strides[d];
    });
    values[cell] += row.value;
    if (companion) companion[cell] = row.companion ?? null;
  }
  return { spec, categories, values: fillMargins(marginDims({ spec, categories }), values), companion };
}

/** The categories of a cell, one per dimension. */
export function coordinatesOf(cube: Pick<Cube, 'categories'>, cell: number): string[] {
  const strides = stridesOf(cube.categories.map((list) => list.length));
  return cube.categories.map((list, d) => list[Math.floor(cell / strides[d]) % list.length]);
}

/**
 * Disclosure control of a cube, slice by slice: a slice is one position of the
 * dimensions without a total (a year, a month), whose cells and margins form one table —
 * no published line crosses two slices, so each is protected and audited on its own.
 */
export async function protectCube(cube: Cube, threshold: number): Promise<ProtectedCube> {
  const dims = cube.spec.dimensions;
  const extents = cube.categories.map((list) => list.length);
  const strides = stridesOf(extents);
  const withTotal = dims.flatMap((dim, d) => (dim.total ? [d] : []));
  const without = dims.flatMap((dim, d) => (dim.total ? [] : [d]));
  const local = withTotal.map((d) => ({ size: extents[d] - 1, total: true }));
  const lines = marginLines(local);
  const localStrides = stridesOf(withTotal.map((d) => extents[d]));
  const localSize = withTotal.reduce((n, d) => n * extents[d], 1);
  const slices = without.reduce((n, d) => n * extents[d], 1);
  const sliceStrides = stridesOf(without.map((d) => extents[d]));

  const suppressed = new Array<boolean>(cube.values.length).fill(false);
  const failures: (AuditFailure & { coordinates: string[] })[] = [];
  let primary = 0;
  let secondary = 0;
  for (let slice = 0; slice < slices; slice++) {
    let base = 0;
    const fixed: Record<string, string> = {};
    without.forEach((d, k) => {
      const at = Math.floor(slice / sliceStrides[k]) % extents[d];
      base += at * strides[d];
      fixed[dims[d].id] = cube.categories[d][at];
    });
    if (cube.spec.unprotected?.(fixed)) continue;
    const cells = Array.from({ length: localSize }, (_, i) =>
      withTotal.reduce((cell, d, k) => cell + (Math.floor(i / localStrides[k]) % extents[d]) * strides[d], base),
    );
    const protection = await protectTable({ values: cells.map((c) => cube.values[c]), lines }, threshold);
    protection.suppressed.forEach((hidden, i) => (suppressed[cells[i]] = hidden));
    primary += protection.primary;
    secondary += protection.secondary;
    for (const failure of protection.audit.failures)
      failures.push({ ...failure, cell: cells[failure.cell], coordinates: coordinatesOf(cube, cells[failure.cell]) });
  }
  return { ...cube, suppressed, primary, secondary, failures };
}
