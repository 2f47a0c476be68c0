import { auditSuppression, protectTable } from './disclosure-audit';
import {
  fillMargins,
  lineLeaks,
  marginLines,
  type MarginDimension,
  type ProtectedTable,
  suppressSmallCounts,
} from './disclosure-control';

const THRESHOLD = 5;

/** A two-way table with row and column totals and the grand total, from its inner rows. */
function twoWay(rows: number[][]): ProtectedTable {
  const dims: MarginDimension[] = [
    { size: rows.length, total: true },
    { size: rows[0].length, total: true },
  ];
  const width = rows[0].length + 1;
  const values = new Array<number>((rows.length + 1) * width).fill(0);
  rows.forEach((row, i) => row.forEach((v, j) => (values[i * width + j] = v)));
  return { values: fillMargins(dims, values), lines: marginLines(dims) };
}

const cellAt = (table: ProtectedTable, columns: number, i: number, j: number) => i * (columns + 1) + j;
const leakingLines = (table: ProtectedTable, suppressed: boolean[]) =>
  table.lines.filter((line) => lineLeaks(table, line, suppressed, THRESHOLD));

/** A small deterministic generator, so the property test is the same every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function randomTable(seed: number): ProtectedTable {
  const next = random(seed);
  const rows = 2 + Math.floor(next() * 5);
  const columns = 2 + Math.floor(next() * 5);
  return twoWay(
    Array.from({ length: rows }, () => Array.from({ length: columns }, () => Math.floor(next() * next() * 30))),
  );
}

describe('marginLines and fillMargins', () => {
  it('give a two-way table its rows, columns and the line of totals', () => {
    const table = twoWay([
      [1, 2],
      [3, 4],
    ]);
    expect(table.values).toEqual([1, 2, 3, 3, 4, 7, 4, 6, 10]);
    // Columns (the TOTAL row's cells), then rows (the TOTAL column's cells), grand total in both.
    expect(table.lines).toEqual([
      { total: 6, members: [0, 3] },
      { total: 7, members: [1, 4] },
      { total: 8, members: [2, 5] },
      { total: 2, members: [0, 1] },
      { total: 5, members: [3, 4] },
      { total: 8, members: [6, 7] },
    ]);
  });

  it('leave a dimension without a total out of the lines', () => {
    const lines = marginLines([
      { size: 2, total: false },
      { size: 3, total: true },
    ]);
    expect(lines).toEqual([
      { total: 3, members: [0, 1, 2] },
      { total: 7, members: [4, 5, 6] },
    ]);
  });
});

describe('suppressSmallCounts', () => {
  it('suppresses counts 1 to 4 and publishes zeros and counts of 5 or more', () => {
    const table: ProtectedTable = { values: [0, 1, 4, 5, 9], lines: [] };
    expect(suppressSmallCounts(table, THRESHOLD).suppressed).toEqual([false, true, true, false, false]);
  });

  it('protects a row left with one suppressed cell: its total would give the cell back', () => {
    // 3 + 10 + 12 = 25: with only the 3 hidden, 25 − 10 − 12 recovers it.
    const table: ProtectedTable = { values: [3, 10, 12, 25], lines: [{ total: 3, members: [0, 1, 2] }] };
    const primaryOnly = table.values.map((v) => v > 0 && v < THRESHOLD);
    expect(leakingLines(table, primaryOnly)).toHaveLength(1);

    const result = suppressSmallCounts(table, THRESHOLD);
    // The smallest other count goes with it; the total stays published.
    expect(result.suppressed).toEqual([true, true, false, false]);
    expect(result).toMatchObject({ primary: 1, secondary: 1 });
    expect(leakingLines(table, result.suppressed)).toEqual([]);
  });

  it('keeps suppressing in a line whose hidden cells add up to less than the threshold', () => {
    // 1 and 2 hidden together would each lie in 0..3.
    const table: ProtectedTable = { values: [1, 2, 7, 9, 19], lines: [{ total: 4, members: [0, 1, 2, 3] }] };
    const result = suppressSmallCounts(table, THRESHOLD);
    expect(result.suppressed).toEqual([true, true, true, false, false]);
  });

  it('iterates when the cell a row gives up opens a leak in its column', () => {
    const table = twoWay([
      [2, 6, 9],
      [7, 8, 10],
      [11, 12, 13],
    ]);
    const at = (i: number, j: number) => cellAt(table, 3, i, j);
    // One pass that fixes the first row alone: the 6 it gives up is alone in its column.
    const onePass = table.values.map(() => false);
    onePass[at(0, 0)] = true;
    onePass[at(0, 1)] = true;
    const stillLeaking = leakingLines(table, onePass);
    expect(stillLeaking.map((line) => line.total)).toEqual(expect.arrayContaining([at(3, 0), at(3, 1)]));

    const result = suppressSmallCounts(table, THRESHOLD);
    expect(result.rounds).toBeGreaterThan(1);
    expect(leakingLines(table, result.suppressed)).toEqual([]);
    expect(result.suppressed[at(0, 0)]).toBe(true);
  });

  it('suppresses a total the line of totals would give back', () => {
    // Every row's inner cells are small, so each row total is hidden too; with one hidden
    // row total, the grand total would return it — so a second row total goes.
    const table = twoWay([
      [1, 1],
      [5, 6],
      [7, 9],
    ]);
    const result = suppressSmallCounts(table, THRESHOLD);
    expect(leakingLines(table, result.suppressed)).toEqual([]);
  });

  it('picks the same cells every time (smallest value, then lowest cell)', () => {
    const table = twoWay([
      [3, 6, 6],
      [6, 6, 6],
    ]);
    const first = suppressSmallCounts(table, THRESHOLD).suppressed;
    expect(suppressSmallCounts(table, THRESHOLD).suppressed).toEqual(first);
    expect(first[cellAt(table, 3, 0, 1)]).toBe(true);
    expect(first[cellAt(table, 3, 0, 2)]).toBe(false);
  });
});

describe('auditSuppression (HiGHS)', () => {
  it('catches a table where single-pass suppression leaks: a lone suppressed cell is exact', async () => {
    const table: ProtectedTable = { values: [3, 10, 12, 25], lines: [{ total: 3, members: [0, 1, 2] }] };
    const audit = await auditSuppression(table, [true, false, false, false], THRESHOLD);
    expect(audit.failures).toEqual([{ cell: 0, min: 3, max: 3 }]);
  });

  it('catches two suppressed cells whose published sum pins them in a narrow range', async () => {
    // Two cells hidden, so the counting rule holds — but 1 + 1 = 2 leaves each in 0..2.
    const table: ProtectedTable = { values: [1, 1, 20, 22], lines: [{ total: 3, members: [0, 1, 2] }] };
    const audit = await auditSuppression(table, [true, true, false, false], THRESHOLD);
    expect(audit.failures.map((f) => [f.cell, f.min, f.max])).toEqual([
      [0, 0, 2],
      [1, 0, 2],
    ]);
  });

  it('catches a leak through two lines that no single line shows', async () => {
    // Row 0 hides 3 and 6 (sum 9), but column 1 hides 6 with a 5 of row 1, whose row
    // hides nothing else: 5 is exact from row 1, so 6 is, so 3 is.
    const table = twoWay([
      [3, 6, 9],
      [7, 5, 10],
    ]);
    const hidden = table.values.map(() => false);
    for (const [i, j] of [
      [0, 0],
      [0, 1],
      [1, 1],
    ])
      hidden[cellAt(table, 3, i, j)] = true;
    const audit = await auditSuppression(table, hidden, THRESHOLD);
    expect(audit.failures.length).toBe(3);
  });

  it('finds the cells the line rules alone leave too narrow in some random tables', async () => {
    let narrow = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const table = randomTable(seed);
      narrow += (await auditSuppression(table, suppressSmallCounts(table, THRESHOLD).suppressed, THRESHOLD)).failures
        .length;
    }
    expect(narrow).toBeGreaterThan(0);
  });
});

describe('protectTable', () => {
  it('widens until the audit passes, on random tables with many small counts', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const table = randomTable(seed);
      const protection = await protectTable(table, THRESHOLD);
      expect({ seed, failures: protection.audit.failures }).toEqual({ seed, failures: [] });
      expect(leakingLines(table, protection.suppressed)).toEqual([]);
      // Never a count 1..4 published.
      table.values.forEach((v, cell) => {
        if (v > 0 && v < THRESHOLD) expect(protection.suppressed[cell]).toBe(true);
      });
    }
  });
});
