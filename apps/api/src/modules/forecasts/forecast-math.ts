/**
 * The framework-free arithmetic of the arrival forecasts (docs/monitoring-history.md,
 * Forecasts): months, the log transform, the seasonal-naive baseline, the rolling-origin
 * backtest windows, the accuracy metrics and the reconciliation of regions to the nation.
 * The forecasting models themselves come from a library (forecast-models.ts).
 */

/** Seasonal period of monthly arrivals. */
export const SEASON = 12;
export const HORIZON = 12;

/** A month as `YYYY-MM`. */
export type Month = string;

export const isMonth = (value: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `first` to `last`, both included (empty when last < first). */
export function monthRange(first: Month, last: Month): Month[] {
  const months: Month[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** One forecast month: the point and the two intervals, all on the counts' scale. */
export interface ForecastPoint {
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

/** Counts go to log1p before a model sees them: small counts vary multiplicatively, and the back-transform never goes below 0. */
export const toLog = (counts: readonly number[]): number[] => counts.map((c) => Math.log1p(Math.max(0, c)));
export const fromLog = (value: number): number => Math.max(0, Math.expm1(value));

/** Back-transforms a forecast made on the log scale, keeping lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95. */
export function pointFromLog(p: ForecastPoint): ForecastPoint {
  const [lo95, lo80, mean, hi80, hi95] = [p.lo95, p.lo80, p.mean, p.hi80, p.hi95].map(fromLog).sort((a, b) => a - b);
  return { mean, lo80, hi80, lo95, hi95 };
}

/** z-values of the central 80 % and 95 % normal intervals. */
const Z80 = 1.2815515655446004;
const Z95 = 1.959963984540054;

/**
 * The seasonal-naive baseline on an already transformed series: each month repeats the
 * same month a year before; the interval widens with the number of whole seasons ahead
 * (Hyndman & Athanasopoulos, FPP3 §5.5: σ_h = σ √(⌊(h−1)/m⌋ + 1), σ from the seasonal differences).
 */
export function seasonalNaive(y: readonly number[], horizon: number, m = SEASON): ForecastPoint[] {
  if (y.length < m) throw new RangeError(`seasonal naive needs at least ${m} values`);
  const diffs = y.slice(m).map((v, i) => v - y[i]);
  const sigma = diffs.length > 1 ? Math.sqrt(diffs.reduce((s, d) => s + d * d, 0) / diffs.length) : 0;
  return Array.from({ length: horizon }, (_, i) => {
    const mean = y[y.length - m + (i % m)];
    const sd = sigma * Math.sqrt(Math.floor(i / m) + 1);
    return { mean, lo80: mean - Z80 * sd, hi80: mean + Z80 * sd, lo95: mean - Z95 * sd, hi95: mean + Z95 * sd };
  });
}

/** One rolling-origin window: train on y[0, origin), test on y[origin, origin + horizon). */
export interface BacktestWindow {
  origin: number;
  horizon: number;
}

/**
 * Rolling origins one month apart over the last `horizon + maxOrigins − 1` months, each
 * with at least `minTrain` months before it: the first `maxOrigins` forecast a full
 * horizon, the later ones up to the series' end (so a short series is still scored on
 * its 1-, 2-, … month-ahead errors). None when no month follows `minTrain`.
 */
export function backtestWindows(length: number, minTrain: number, horizon = HORIZON, maxOrigins = 12): BacktestWindow[] {
  const first = Math.max(minTrain, length - horizon - maxOrigins + 1);
  const windows: BacktestWindow[] = [];
  for (let origin = first; origin < length; origin++) windows.push({ origin, horizon: Math.min(horizon, length - origin) });
  return windows;
}

/** Mean absolute scaled error with the in-sample seasonal-naive scale; null when that scale is 0. */
export function mase(
  actual: readonly number[],
  forecast: readonly number[],
  train: readonly number[],
  m = SEASON,
): number | null {
  const scale = seasonalScale(train, m);
  if (scale === null || scale === 0) return null;
  return meanAbsError(actual, forecast) / scale;
}

/** The mean absolute seasonal difference of a training series (MASE's denominator). */
export function seasonalScale(train: readonly number[], m = SEASON): number | null {
  if (train.length <= m) return null;
  let sum = 0;
  for (let t = m; t < train.length; t++) sum += Math.abs(train[t] - train[t - m]);
  return sum / (train.length - m);
}

export function meanAbsError(actual: readonly number[], forecast: readonly number[]): number {
  return actual.reduce((s, a, i) => s + Math.abs(a - forecast[i]), 0) / actual.length;
}

/** Symmetric MAPE in percent (0–200); a month where both are 0 is a perfect 0. */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  const terms = actual.map((a, i) => {
    const denominator = Math.abs(a) + Math.abs(forecast[i]);
    return denominator === 0 ? 0 : (200 * Math.abs(a - forecast[i])) / denominator;
  });
  return terms.reduce((s, v) => s + v, 0) / terms.length;
}

/** Share (0–1) of actual values inside [lo, hi]. */
export function coverage(actual: readonly number[], lo: readonly number[], hi: readonly number[]): number {
  return actual.filter((a, i) => a >= lo[i] && a <= hi[i]).length / actual.length;
}

/** A model's accuracy over all backtest windows and steps, on the counts' scale. */
export interface BacktestScore {
  windows: number;
  mase: number | null;
  smape: number;
  coverage80: number;
  coverage95: number;
}

/**
 * Scores a forecaster over the windows: MASE is scaled per window by its own training
 * series, then averaged; sMAPE and coverage pool every (window, step) pair. Null when
 * there are no windows or the forecaster fails on one (a model that cannot fit a window
 * cannot be chosen).
 */
export function scoreBacktest(
  counts: readonly number[],
  windows: readonly BacktestWindow[],
  forecaster: (train: readonly number[], horizon: number) => ForecastPoint[] | null,
): BacktestScore | null {
  if (windows.length === 0) return null;
  const mases: number[] = [];
  const actual: number[] = [];
  const mean: number[] = [];
  const lo80: number[] = [];
  const hi80: number[] = [];
  const lo95: number[] = [];
  const hi95: number[] = [];
  for (const w of windows) {
    const train = counts.slice(0, w.origin);
    const test = counts.slice(w.origin, w.origin + w.horizon);
    const points = forecaster(train, w.horizon);
    if (points === null) return null;
    const m = mase(
      test,
      points.map((p) => p.mean),
      train,
    );
    if (m !== null) mases.push(m);
    test.forEach((a, i) => {
      actual.push(a);
      mean.push(points[i].mean);
      lo80.push(points[i].lo80);
      hi80.push(points[i].hi80);
      lo95.push(points[i].lo95);
      hi95.push(points[i].hi95);
    });
  }
  return {
    windows: windows.length,
    mase: mases.length === 0 ? null : mases.reduce((s, v) => s + v, 0) / mases.length,
    smape: smape(actual, mean),
    coverage80: coverage(actual, lo80, hi80),
    coverage95: coverage(actual, lo95, hi95),
  };
}

/** The model with the lowest backtest MASE; the baseline wins ties and when nothing could be scored. */
export function chooseModel(scores: Readonly<Record<string, BacktestScore | null>>, baseline: string): string {
  let best = baseline;
  let bestMase = scores[baseline]?.mase ?? Number.POSITIVE_INFINITY;
  for (const [model, score] of Object.entries(scores)) {
    if (score?.mase !== null && score?.mase !== undefined && score.mase < bestMase) {
      best = model;
      bestMase = score.mase;
    }
  }
  return best;
}

/**
 * Proportional (top-down) reconciliation: each month, every regional forecast is scaled
 * by national mean ÷ Σ regional means, so the regional means add up to the national one;
 * the bounds scale with their mean. When every regional mean is 0 the national mean is
 * shared by `weights` (the regions' recent arrivals), or equally when those are 0 too.
 */
export function reconcile(
  national: readonly ForecastPoint[],
  regional: readonly (readonly ForecastPoint[])[],
  weights: readonly number[],
): ForecastPoint[][] {
  if (regional.length === 0) return [];
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const share = (r: number) => (weightSum > 0 ? weights[r] / weightSum : 1 / regional.length);
  return regional.map((series, r) =>
    series.map((p, step) => {
      const total = regional.reduce((s, other) => s + other[step].mean, 0);
      const target = national[step].mean;
      if (total > 0) {
        const k = target / total;
        return { mean: p.mean * k, lo80: p.lo80 * k, hi80: p.hi80 * k, lo95: p.lo95 * k, hi95: p.hi95 * k };
      }
      const mean = target * share(r);
      return {
        mean,
        lo80: Math.min(p.lo80, mean),
        hi80: Math.max(p.hi80, mean),
        lo95: Math.min(p.lo95, mean),
        hi95: Math.max(p.hi95, mean),
      };
    }),
  );
}

/**
 * The longest run of consecutive observed months ending at the last one: a model needs
 * a gap-free series, and a month nobody recorded is unknown, not zero.
 */
export function trailingRun(observed: ReadonlyMap<Month, number>): { first: Month; values: number[] } | null {
  const months = [...observed.keys()].sort();
  if (months.length === 0) return null;
  let first = months[months.length - 1];
  for (let i = months.length - 2; i >= 0 && months[i] === addMonths(first, -1); i--) first = months[i];
  return { first, values: monthRange(first, months[months.length - 1]).map((m) => observed.get(m)!) };
}
