import type { CodedMessage, ForecastModel } from '@qonys/domain';

export interface ForecastPointView {
  month: string;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

export interface BacktestView {
  windows?: number;
  mase: number | null;
  smape: number | null;
  coverage80: number | null;
  coverage95: number | null;
}

/** GET /api/monitoring/forecasts (docs/monitoring-history.md). */
export interface ForecastView {
  regionCode: string;
  from: string;
  model: ForecastModel | null;
  baseline: ForecastModel;
  backtest: BacktestView;
  backtestByModel: Partial<Record<ForecastModel, BacktestView | null>>;
  points: ForecastPointView[];
  baselinePoints: ForecastPointView[];
  reconciled: boolean;
  inputs: { from: string; to: string } | null;
  runId: number | null;
  computedAt: string;
  message: CodedMessage | null;
  history: { month: string; persons: number }[];
  yearly: { year: number; persons: number; source: string; confirmed: boolean; note: string | null }[];
  quota: { year: number; capacity: number; reserved: number; settled: number; free: number; quotas: number };
  adaptationCentrePlaces: number | null;
  expectedRestOfYear: number;
  warnings: CodedMessage[];
}

export interface HistoryImportResult {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}
