/**
 * The header row an arrivals-history import file must have, in this spelling (English,
 * lower case) whatever the UI language: `month` empty for a yearly figure, `region_code`
 * a region's KATO code, or empty or `national` for the whole country.
 */
export const ARRIVALS_HISTORY_IMPORT_COLUMNS = ['year', 'month', 'region_code', 'persons', 'source'] as const;

/** The forecast models a series may be given (docs/monitoring-history.md); `seasonal-naive` is the baseline. */
export const FORECAST_MODELS = ['mstl-ets', 'ets', 'seasonal-naive'] as const;
export type ForecastModel = (typeof FORECAST_MODELS)[number];

/** A stored forecast point is the chosen model's or the seasonal-naive baseline's. */
export const FORECAST_POINT_KINDS = ['forecast', 'baseline'] as const;
