/**
 * Statistical disclosure control of a published table (docs/open-statistics.md):
 * threshold suppression of small counts, then complementary suppression until no line
 * lets a suppressed cell be derived. Framework-free; the linear-programming audit that
 * proves the result is in disclosure-audit.ts.
 *
 * A table is its cells and its lines: a line says `values[total] = Σ values[members]`
 * (a row, a column, or the line of totals). Totals are cells like any other.
 */
export interface ProtectedTable {
  /** Non-negative whole counts, one per cell. */
  readonly values: readonly number[];
  readonly lines: readonly TableLine[];
}

export interface TableLine {
  readonly total: number;
  readonly members: readonly number[];
}

export interface Suppression {
  /** True for each cell published empty with status `c`. */
  readonly suppressed: boolean[];
  /** Cells suppressed for being small (1 … threshold − 1). */
  readonly primary: number;
  /** Cells suppressed to protect them (complementary suppression). */
  readonly secondary: number;
  /** Passes over the lines until none needed another cell. */
  readonly rounds: number;
}

/** Counts 1 … threshold − 1 are too small to publish; zeros are published. */
export const isSmall = (value: number, threshold: number): boolean => value > 0 && value < threshold;

/**
 * Whether a line still gives a suppressed cell away: it holds exactly one suppressed cell
 * (the sum gives it back), or its total is published while its suppressed members add up
 * to less than the threshold (each of them then lies in a range narrower than that).
 */
export function lineLeaks(
  table: ProtectedTable,
  line: TableLine,
  suppressed: readonly boolean[],
  threshold: number,
): boolean {
  const hiddenMembers = line.members.filter((cell) => suppressed[cell]);
  const count = hiddenMembers.length + (suppressed[line.total] ? 1 : 0);
  if (count === 0) return false;
  if (count === 1) return true;
  if (suppressed[line.total]) return false;
  return hiddenMembers.reduce((sum, cell) => sum + table.values[cell], 0) < threshold;
}

/**
 * The cell a leaking line gives up next: its smallest published member with a count
 * (zeros widen no range), else its smallest published member, else its total. Ties go
 * to the lower cell index, so a release is reproducible.
 */
function nextCell(table: ProtectedTable, line: TableLine, suppressed: readonly boolean[]): number | null {
  const open = line.members.filter((cell) => !suppressed[cell]);
  const pick = (cells: number[]) =>
    cells.reduce<number | null>(
      (best, cell) =>
        best === null ||
        table.values[cell] < table.values[best] ||
        (table.values[cell] === table.values[best] && cell < best)
          ? cell
          : best,
      null,
    );
  const withCount = open.filter((cell) => table.values[cell] > 0);
  if (withCount.length > 0) return pick(withCount);
  if (open.length > 0) return pick(open);
  return suppressed[line.total] ? null : line.total;
}

/**
 * Primary suppression of the small counts, then complementary suppression
 * (`closeLeaks`) until no line leaks.
 */
export function suppressSmallCounts(table: ProtectedTable, threshold: number): Suppression {
  const suppressed = table.values.map((value) => isSmall(value, threshold));
  const primary = suppressed.filter(Boolean).length;
  const { secondary, rounds } = closeLeaks(table, threshold, suppressed);
  return { suppressed, primary, secondary, rounds };
}

/**
 * Passes over every line — each leaking line suppresses one more cell — until a whole
 * pass changes nothing; `suppressed` is updated in place. A suppression can open a leak
 * in a line already passed (a column crossed by the row that gave up a cell), which is
 * why one pass is not enough. Ends: every pass but the last suppresses a cell.
 */
export function closeLeaks(
  table: ProtectedTable,
  threshold: number,
  suppressed: boolean[],
): { secondary: number; rounds: number } {
  let secondary = 0;
  let rounds = 0;
  for (let changed = suppressed.some(Boolean); changed;) {
    changed = false;
    rounds += 1;
    for (const line of table.lines) {
      while (lineLeaks(table, line, suppressed, threshold)) {
        const cell = nextCell(table, line, suppressed);
        if (cell === null) break;
        suppressed[cell] = true;
        secondary += 1;
        changed = true;
      }
    }
  }
  return { secondary, rounds };
}

/**
 * The cell to suppress for a cell the audit found too narrow: the smallest published
 * member (a count before a zero, then the lower index) of the lines through it, else
 * a published total of one of them; null when everything around it is suppressed.
 */
export function widenerFor(table: ProtectedTable, cell: number, suppressed: readonly boolean[]): number | null {
  const through = table.lines.filter((line) => line.total === cell || line.members.includes(cell));
  let best: number | null = null;
  const rank = (c: number) => [table.values[c] > 0 ? 0 : 1, table.values[c], c];
  const better = (a: number, b: number) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  };
  for (const line of through)
    for (const c of line.members) if (!suppressed[c] && (best === null || better(c, best) < 0)) best = c;
  if (best !== null) return best;
  return through.map((line) => line.total).find((c) => !suppressed[c]) ?? null;
}

/** One dimension of a table with margins: its categories and whether a TOTAL follows them. */
export interface MarginDimension {
  readonly size: number;
  readonly total: boolean;
}

/**
 * The lines of a table with margins, cells in row-major order over `dims`, each
 * dimension's TOTAL (when it has one) at its last index: for each dimension with a
 * total and each position of the others (their totals included), the TOTAL cell equals
 * the sum of the categories. So a two-way table gets its rows, its columns and the line
 * of totals ending in the grand total.
 */
export function marginLines(dims: readonly MarginDimension[]): TableLine[] {
  const extents = dims.map((d) => d.size + (d.total ? 1 : 0));
  const strides = extents.map((_, i) => extents.slice(i + 1).reduce((a, b) => a * b, 1));
  const cells = extents.reduce((a, b) => a * b, 1);
  const lines: TableLine[] = [];
  dims.forEach((dim, d) => {
    if (!dim.total) return;
    for (let cell = 0; cell < cells; cell++) {
      // One line per position of the other dimensions: start from its TOTAL cell.
      if (Math.floor(cell / strides[d]) % extents[d] !== dim.size) continue;
      const base = cell - dim.size * strides[d];
      lines.push({ total: cell, members: Array.from({ length: dim.size }, (_, k) => base + k * strides[d]) });
    }
  });
  return lines;
}

/** Fills the TOTAL cells of a table with margins from its inner cells (the totals are 0 on entry). */
export function fillMargins(dims: readonly MarginDimension[], values: number[]): number[] {
  const extents = dims.map((d) => d.size + (d.total ? 1 : 0));
  const strides = extents.map((_, i) => extents.slice(i + 1).reduce((a, b) => a * b, 1));
  const inner = values.map((_, cell) => dims.every((dim, d) => Math.floor(cell / strides[d]) % extents[d] < dim.size));
  const out = values.map((value, cell) => (inner[cell] ? value : 0));
  values.forEach((value, cell) => {
    if (!inner[cell] || value === 0) return;
    // Every cell that replaces any subset of this cell's coordinates by TOTAL.
    const totalDims = dims.map((dim, d) => d).filter((d) => dims[d].total);
    for (let mask = 1; mask < 1 << totalDims.length; mask++) {
      let target = cell;
      totalDims.forEach((d, bit) => {
        if (mask & (1 << bit)) target += (dims[d].size - (Math.floor(cell / strides[d]) % extents[d])) * strides[d];
      });
      out[target] += value;
    }
  });
  return out;
}
