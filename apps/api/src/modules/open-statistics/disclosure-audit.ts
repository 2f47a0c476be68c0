import type highsLoader from 'highs';
import {
  closeLeaks,
  type ProtectedTable,
  type Suppression,
  suppressSmallCounts,
  widenerFor,
} from './disclosure-control';

type HighsLoader = typeof highsLoader;
type Highs = Awaited<ReturnType<HighsLoader>>;
let highsInstance: Promise<Highs> | null = null;

/** HiGHS compiled to WebAssembly, loaded once per process (as the placement solver does). */
function loadHighs(): Promise<Highs> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  highsInstance ??= (require('highs') as HighsLoader)();
  return highsInstance;
}

const QUIET = { output_flag: false, log_to_console: false } as const;

/** A suppressed cell whose feasible range an attacker could narrow below the threshold. */
export interface AuditFailure {
  cell: number;
  /** The smallest and largest value the published figures allow (max may be Infinity). */
  min: number;
  max: number;
}

export interface AuditResult {
  /** Suppressed cells checked (two linear programmes each). */
  checked: number;
  failures: AuditFailure[];
}

/**
 * What an attacker knows, as a linear programme over the suppressed cells: every
 * published cell, every line sum (`Σ members − total = 0`), and non-negativity (the LP
 * format's default bound). Lines with no suppressed cell say nothing and are left out.
 */
function constraints(table: ProtectedTable, suppressed: readonly boolean[]): string[] {
  const rows: string[] = [];
  table.lines.forEach((line, i) => {
    const terms: string[] = [];
    let rhs = 0;
    for (const cell of line.members) {
      if (suppressed[cell]) terms.push(`+ x${cell}`);
      else rhs -= table.values[cell];
    }
    if (suppressed[line.total]) terms.push(`- x${line.total}`);
    else rhs += table.values[line.total];
    if (terms.length > 0) rows.push(` l${i}: ${terms.join(' ')} = ${rhs}`);
  });
  return rows;
}

/** The bound HiGHS proves for one cell, Infinity when nothing bounds it. */
function bound(highs: Highs, sense: 'Minimize' | 'Maximize', cell: number, rows: string[], free: number[]): number {
  // Cells in no constraint still need declaring; bounded only below, by zero.
  const lp = [sense, ` obj: x${cell}`, 'Subject To', ...rows, 'Bounds', ...free.map((c) => ` x${c} >= 0`), 'End'].join(
    '\n',
  );
  const result = highs.solve(lp, QUIET);
  if (result.Status === 'Optimal') return result.ObjectiveValue;
  if (result.Status === 'Unbounded' || result.Status === 'Primal infeasible or unbounded')
    return sense === 'Maximize' ? Infinity : -Infinity;
  // The published figures are the true ones, so the programme is always feasible.
  throw new Error(`disclosure audit: HiGHS ended with ${result.Status}`);
}

/**
 * The audit of a suppression: for each suppressed cell, the least and the greatest value
 * consistent with everything published. A cell whose range (max − min) is narrower than
 * the threshold is a failure: the release must not be published.
 */
export async function auditSuppression(
  table: ProtectedTable,
  suppressed: readonly boolean[],
  threshold: number,
): Promise<AuditResult> {
  const cells = suppressed.flatMap((hidden, cell) => (hidden ? [cell] : []));
  if (cells.length === 0) return { checked: 0, failures: [] };
  const highs = await loadHighs();
  const rows = constraints(table, suppressed);
  const failures: AuditFailure[] = [];
  // No published line touches a suppressed cell: nothing bounds any of them.
  if (rows.length === 0) return { checked: cells.length, failures };
  for (const cell of cells) {
    const min = bound(highs, 'Minimize', cell, rows, cells);
    const max = bound(highs, 'Maximize', cell, rows, cells);
    // HiGHS works in floating point: a range of 4.9999999 is a range of 5.
    if (max - min < threshold - 1e-6) failures.push({ cell, min, max });
  }
  return { checked: cells.length, failures };
}

export interface Protection extends Suppression {
  /** The last audit: no failures, or the cells still too narrow when nothing more could be suppressed. */
  readonly audit: AuditResult;
}

/**
 * Suppression proved by the audit: threshold and complementary suppression, then while
 * the audit finds a cell too narrow, one more cell next to it is suppressed (and the
 * lines closed again) and the audit re-run. The line rules leave few such cells — a
 * range narrowed through several lines at once — so this rarely loops more than once.
 * Returns with failures only when every cell around a narrow one is already suppressed.
 */
export async function protectTable(table: ProtectedTable, threshold: number): Promise<Protection> {
  const first = suppressSmallCounts(table, threshold);
  const suppressed = first.suppressed;
  let { secondary, rounds } = first;
  for (;;) {
    const audit = await auditSuppression(table, suppressed, threshold);
    const widener = audit.failures.length > 0 ? widenerFor(table, audit.failures[0].cell, suppressed) : null;
    if (widener === null) return { suppressed, primary: first.primary, secondary, rounds, audit };
    suppressed[widener] = true;
    const closed = closeLeaks(table, threshold, suppressed);
    secondary += 1 + closed.secondary;
    rounds += closed.rounds;
  }
}
