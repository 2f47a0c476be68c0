import { readFileSync } from 'node:fs';
import { FORECAST_MODELS, type ForecastModel } from '@qonys/domain';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type ForecastPoint, pointFromLog, SEASON, seasonalNaive, toLog } from './forecast-math';

/**
 * The candidate models (docs/monitoring-history.md, Forecasts). The two fitted ones are
 * grafana's augurs (@bsull/augurs, Rust compiled to WASM): MSTL with an AutoETS trend for
 * the yearly season, and a non-seasonal AutoETS; augurs' own AutoETS seasonal models are
 * not implemented, so the season goes through MSTL. Every model sees log1p counts.
 */
export const MODELS = FORECAST_MODELS;
export type ModelName = ForecastModel;
export const BASELINE: ModelName = 'seasonal-naive';

/** The fewest months each model is fitted on: two seasons for MSTL, one for the others. */
export const MIN_TRAIN: Record<ModelName, number> = { 'mstl-ets': 2 * SEASON, ets: SEASON, 'seasonal-naive': SEASON };

interface AugursForecast {
  point: number[];
  intervals?: { lower: number[]; upper: number[] };
}
interface AugursModel {
  fit(y: number[]): void;
  predict(horizon: number, level?: number): AugursForecast;
  free(): void;
}
interface Augurs {
  mstl: (y: number[]) => AugursModel;
  ets: (y: number[]) => AugursModel;
}

let augurs: Augurs | null = null;

/** Loads the WASM modules once, synchronously: the packages are ESM, read through require(esm) on Node ≥ 20.19. */
function loadAugurs(): Augurs {
  if (augurs) return augurs;
  const require = createRequire(__filename);
  const mstl = require('@bsull/augurs/mstl') as {
    initSync(m: { module: Buffer }): void;
    MSTL: { ets(periods: number[]): AugursModel };
  };
  const ets = require('@bsull/augurs/ets') as {
    initSync(m: { module: Buffer }): void;
    AutoETS: new (season: number, spec: string) => AugursModel;
  };
  const dir = dirname(require.resolve('@bsull/augurs/mstl'));
  mstl.initSync({ module: readFileSync(join(dir, 'mstl_bg.wasm')) });
  ets.initSync({ module: readFileSync(join(dir, 'ets_bg.wasm')) });
  augurs = {
    mstl: () => mstl.MSTL.ets([SEASON]),
    // 'ZZN': error and trend chosen by AICc, no season (the MSTL candidate carries it).
    ets: () => new ets.AutoETS(1, 'ZZN'),
  };
  return augurs;
}

function fitted(make: (y: number[]) => AugursModel, y: number[], horizon: number): ForecastPoint[] {
  const model = make(y);
  try {
    model.fit(y);
    const p80 = model.predict(horizon, 0.8);
    const p95 = model.predict(horizon, 0.95);
    if (!p80.intervals || !p95.intervals) throw new Error('no intervals');
    return p80.point.map((mean, i) => ({
      mean,
      lo80: p80.intervals!.lower[i],
      hi80: p80.intervals!.upper[i],
      lo95: p95.intervals!.lower[i],
      hi95: p95.intervals!.upper[i],
    }));
  } finally {
    model.free();
  }
}

/**
 * A model's forecast of `horizon` months after the counts, on the counts' scale; null
 * when the series is too short for it or the library cannot fit it (a flat series, a
 * numerical failure): that model is then not a candidate for the series.
 */
export function forecastWith(model: ModelName, counts: readonly number[], horizon: number): ForecastPoint[] | null {
  if (counts.length < MIN_TRAIN[model]) return null;
  const y = toLog(counts);
  try {
    const points =
      model === 'seasonal-naive'
        ? seasonalNaive(y, horizon)
        : fitted(model === 'mstl-ets' ? loadAugurs().mstl : loadAugurs().ets, y, horizon);
    if (points.some((p) => ![p.mean, p.lo80, p.hi80, p.lo95, p.hi95].every(Number.isFinite))) return null;
    return points.map(pointFromLog);
  } catch {
    return null;
  }
}
