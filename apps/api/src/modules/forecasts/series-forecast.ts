import {
  addMonths,
  backtestWindows,
  type BacktestScore,
  chooseModel,
  type ForecastPoint,
  HORIZON,
  type Month,
  monthRange,
  scoreBacktest,
  SEASON,
  trailingRun,
} from './forecast-math';
import { BASELINE, forecastWith, MIN_TRAIN, MODELS, type ModelName } from './forecast-models';

export type BacktestByModel = Partial<Record<ModelName, BacktestScore | null>>;

/** One series' forecast before reconciliation. */
export interface SeriesForecast {
  model: ModelName;
  /** The months the model was fitted on (a gap-free run ending at the last observation). */
  inputsFrom: Month;
  inputsTo: Month;
  /** The 12 forecast months, from the origin. */
  months: Month[];
  points: ForecastPoint[];
  baseline: ForecastPoint[];
  backtest: BacktestByModel;
}

/** The furthest an origin may be after a series' last observation (bounded work, and a forecast that far is noise). */
export const MAX_GAP_MONTHS = 36;

/**
 * The observed months of one series before `origin`. Imported monthly figures count as
 * observed; so does every month from the first one Qonys recorded a settlement in the
 * region (or anywhere, for the nation) up to the month before the origin, where Qonys's
 * own count (zero included) stands in unless an imported figure covers that month.
 * Months outside both are unknown, not zero.
 */
export function observedSeries(
  imported: ReadonlyMap<string, number>,
  settled: readonly { regionId: number; month: Month; persons: number }[],
  firstRecorded: Month | undefined,
  regionId: number | null,
  origin: Month,
): Map<Month, number> {
  const observed = new Map<Month, number>();
  if (firstRecorded !== undefined && firstRecorded < origin) {
    for (const m of monthRange(firstRecorded, addMonths(origin, -1))) observed.set(m, 0);
    for (const s of settled) {
      if ((regionId === null || s.regionId === regionId) && s.month < origin && observed.has(s.month))
        observed.set(s.month, observed.get(s.month)! + s.persons);
    }
  }
  const prefix = `${regionId ?? ''}|`;
  for (const [key, persons] of imported) {
    const m = key.slice(prefix.length);
    if (key.startsWith(prefix) && m < origin) observed.set(m, persons);
  }
  return observed;
}

/**
 * Picks a model for the series by a rolling-origin backtest (backtestWindows: origins a
 * month apart over the last 23 months, 1–12 months ahead; two seasons of training when
 * the series allows, else one) and forecasts
 * the 12 months from `origin`. Null when the series has less than one season.
 */
export function forecastSeries(observed: ReadonlyMap<Month, number>, origin: Month): SeriesForecast | null {
  const run = trailingRun(observed);
  if (run === null || run.values.length < SEASON) return null;
  const last = addMonths(run.first, run.values.length - 1);
  const gap = monthRange(addMonths(last, 1), addMonths(origin, -1)).length;
  if (gap > MAX_GAP_MONTHS) return null;
  const minTrain = run.values.length >= 2 * SEASON + HORIZON ? 2 * SEASON : SEASON;
  const windows = backtestWindows(run.values.length, minTrain);
  const backtest: BacktestByModel = {};
  for (const model of MODELS) {
    backtest[model] =
      minTrain < MIN_TRAIN[model]
        ? null
        : scoreBacktest(run.values, windows, (train, h) => forecastWith(model, train, h));
  }
  let model = chooseModel(backtest, BASELINE) as ModelName;
  const steps = gap + HORIZON;
  const baseline = forecastWith(BASELINE, run.values, steps)!;
  let points = forecastWith(model, run.values, steps);
  if (points === null) {
    model = BASELINE;
    points = baseline;
  }
  return {
    model,
    inputsFrom: run.first,
    inputsTo: last,
    months: monthRange(origin, addMonths(origin, HORIZON - 1)),
    points: points.slice(gap),
    baseline: baseline.slice(gap),
    backtest,
  };
}
