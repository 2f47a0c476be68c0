import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { type CodedMessage, todayInKazakhstan } from '@qonys/domain';
import type { AuthedContext } from '../../common/auth/actor';
import { regionScope } from '../../common/auth/region-scope';
import { coded, DomainError, ErrorKind } from '../../common/errors/domain-error';
import type { ListResult, ParsedListQuery } from '../../common/list/list-query';
import { AuditService } from '../audit/audit.service';
import type { JobProgress } from '../jobs/job-handler';
import { type Cell, importRefused, readTable } from '../../common/input/table-import';
import { checkHistoryRows } from './arrivals-history-import';
import type { ArrivalsHistory } from './entities/arrivals-history.entity';
import { addMonths, type ForecastPoint, HORIZON, isMonth, type Month, monthRange, reconcile } from './forecast-math';
import { BASELINE } from './forecast-models';
import { ForecastsRepository, type ObservedInputs } from './forecasts.repository';
import { type BacktestByModel, forecastSeries, observedSeries, type SeriesForecast } from './series-forecast';

/** The job's runs and the forecasts read as the system. */
const currentMonth = (): Month => todayInKazakhstan().slice(0, 7);
const EARLIEST_ORIGIN = '1992-01';
/** Months of observed history sent with a forecast, for the chart. */
const HISTORY_MONTHS = 48;

export interface ForecastQuery {
  regionCode?: unknown;
  from?: unknown;
}

type Point = ForecastPoint & { month: Month };

const withMonths = (months: Month[], points: ForecastPoint[]): Point[] =>
  points.map((p, i) => ({ month: months[i], ...p }));

/** Arrivals history (published and Qonys's own) and the forecasts made from it (docs/monitoring-history.md). */
@Injectable()
export class ForecastsService {
  constructor(
    private readonly repository: ForecastsRepository,
    private readonly audit: AuditService,
  ) {}

  listHistory(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<ArrivalsHistory>> {
    return this.repository.listHistory(regionScope(ctx.actor, 'arrivals-history', 'list'), query);
  }

  /**
   * Upserts published history from a CSV or XLSX file. Every row is checked first; one
   * bad row refuses the whole file (400, every problem by row and field); a good file is
   * written in one transaction with its audit entry.
   */
  async importHistory(ctx: AuthedContext, content: Buffer, fileName: string) {
    regionScope(ctx.actor, 'arrivals-history', 'create');
    return this.importHistoryRecords(ctx, await readTable(content, fileName), fileName);
  }

  /** The same from rows already read (a bulk import run, docs/imports.md); a dry run rolls its writes back. */
  async importHistoryRecords(
    ctx: AuthedContext,
    records: Record<string, Cell>[],
    fileName: string,
    options: { dryRun?: boolean } = {},
  ) {
    regionScope(ctx.actor, 'arrivals-history', 'create');
    const regions = await this.repository.regions();
    const idByCode = new Map(regions.map((r) => [r.code, r.id]));
    const { rows, errors } = checkHistoryRows(records, new Set(idByCode.keys()), currentMonth());
    if (errors.length > 0) throw importRefused(errors.sort((a, b) => a.row - b.row));
    return this.repository.transaction(async (manager) => {
      const { created, updated } = await this.repository.upsertHistory(manager, rows, idByCode, ctx.actor.id);
      const summary = { rows: rows.length, created, updated, unchanged: rows.length - created - updated };
      await this.audit.record(manager, ctx, {
        action: 'arrivals_history.import',
        entityType: 'arrivals_history',
        changes: {
          file: { before: null, after: fileName },
          created: { before: null, after: created },
          updated: { before: null, after: updated },
        },
      });
      return summary;
    }, options.dryRun === true);
  }

  /**
   * One series' forecast. Without `from`: the latest stored run's (or, before any run,
   * computed now from every month before the current one). With `from`: computed now
   * from the months before `from` only, so it can be checked against what followed.
   */
  async forecast(ctx: AuthedContext, query: ForecastQuery) {
    const { regionId, regionCode, origin } = await this.parseQuery(query);
    const scope = regionScope(ctx.actor, 'forecasts', 'show');
    if (scope !== null && regionId !== null && regionId !== scope)
      throw new DomainError(ErrorKind.Forbidden, 'region.not_yours');
    const stored = origin === null ? await this.repository.latestSeries(regionId) : null;
    const at = origin ?? stored?.origin ?? currentMonth();
    const inputs = await this.repository.observedInputs(at);
    const observed = this.observed(inputs, regionId, at);
    const history = monthRange(addMonths(at, -HISTORY_MONTHS), addMonths(at, -1))
      .filter((m) => observed.has(m))
      .map((m) => ({ month: m, persons: observed.get(m)! }));
    let series: {
      model: string | null;
      backtestByModel: BacktestByModel;
      points: Point[];
      baselinePoints: Point[];
      inputs: { from: Month; to: Month } | null;
      reconciled: boolean;
      runId: number | null;
      computedAt: Date;
    };
    if (stored) {
      series = {
        model: stored.model,
        backtestByModel: stored.backtest,
        points: stored.forecast,
        baselinePoints: stored.baseline,
        inputs: { from: stored.inputsFrom, to: stored.inputsTo },
        reconciled: stored.reconciled,
        runId: stored.runId,
        computedAt: stored.createdAt,
      };
    } else {
      const f = forecastSeries(observed, at);
      series = {
        model: f?.model ?? null,
        backtestByModel: f?.backtest ?? {},
        points: f ? withMonths(f.months, f.points) : [],
        baselinePoints: f ? withMonths(f.months, f.baseline) : [],
        inputs: f ? { from: f.inputsFrom, to: f.inputsTo } : null,
        reconciled: false,
        runId: null,
        computedAt: new Date(),
      };
    }
    const chosen =
      series.model === null ? null : (series.backtestByModel[series.model as keyof BacktestByModel] ?? null);
    const year = Number(at.slice(0, 4));
    const capacity = await this.repository.capacityOf(regionId, year);
    const expected = Math.round(
      series.points.filter((p) => p.month.startsWith(`${year}-`)).reduce((s, p) => s + p.mean, 0),
    );
    const free = capacity.capacity - capacity.reserved - capacity.settled;
    const warnings: CodedMessage[] = [];
    if (capacity.quotas > 0 && expected > free)
      warnings.push(coded('forecast.exceeds_free_quota', { year, expected, free }));
    if (capacity.adaptationCentrePlaces !== null && expected > capacity.adaptationCentrePlaces)
      warnings.push(
        coded('forecast.exceeds_adaptation_places', { year, expected, places: capacity.adaptationCentrePlaces }),
      );
    return {
      regionCode,
      from: at,
      model: series.model,
      baseline: BASELINE,
      backtest: {
        mase: chosen?.mase ?? null,
        smape: chosen?.smape ?? null,
        coverage80: chosen?.coverage80 ?? null,
        coverage95: chosen?.coverage95 ?? null,
      },
      backtestByModel: series.backtestByModel,
      points: series.points,
      baselinePoints: series.baselinePoints,
      reconciled: series.reconciled,
      inputs: series.inputs,
      runId: series.runId,
      computedAt: series.computedAt,
      message: series.model === null ? coded('forecast.not_enough_history') : null,
      history,
      yearly: await this.repository.yearlyHistory(regionId),
      quota: {
        year,
        capacity: capacity.capacity,
        reserved: capacity.reserved,
        settled: capacity.settled,
        free,
        quotas: capacity.quotas,
      },
      adaptationCentrePlaces: capacity.adaptationCentrePlaces,
      expectedRestOfYear: expected,
      warnings,
    };
  }

  /**
   * The `forecast` job: every region and the nation from the current month on, on every
   * complete month before it; the regional forecasts are reconciled to the national one
   * (proportionally, docs/monitoring-history.md) and the run is stored with its points.
   */
  async runForecasts(progress: JobProgress, jobRunId: string | null) {
    const started = Date.now();
    const origin = currentMonth();
    const [inputs, regions] = await Promise.all([this.repository.observedInputs(origin), this.repository.regions()]);
    await progress.phase('forecast.phase_series', regions.length + 1);
    const national = forecastSeries(this.observed(inputs, null, origin), origin);
    await progress.advance(1);
    const regional: { regionId: number; forecast: SeriesForecast; recent: number }[] = [];
    for (const region of regions) {
      // Each series takes tens of milliseconds of WASM: let requests through between them.
      await yieldToEventLoop();
      const observed = this.observed(inputs, region.id, origin);
      const forecast = forecastSeries(observed, origin);
      if (forecast)
        regional.push({
          regionId: region.id,
          forecast,
          recent: monthRange(addMonths(origin, -12), addMonths(origin, -1)).reduce(
            (s, m) => s + (observed.get(m) ?? 0),
            0,
          ),
        });
      await progress.advance(1);
    }
    const reconciled = national
      ? reconcile(
          national.points,
          regional.map((r) => r.forecast.points),
          regional.map((r) => r.recent),
        )
      : regional.map((r) => r.forecast.points);
    const series = [
      ...(national ? [{ regionId: null, forecast: national, points: national.points, reconciled: false }] : []),
      ...regional.map((r, i) => ({
        regionId: r.regionId,
        forecast: r.forecast,
        points: reconciled[i],
        reconciled: national !== null,
      })),
    ];
    const durationMs = Date.now() - started;
    const runId = await this.repository.saveRun({ jobRunId, origin, durationMs }, series);
    const models: Record<string, number> = {};
    for (const s of series) models[s.forecast.model] = (models[s.forecast.model] ?? 0) + 1;
    return { forecastRunId: runId, origin, series: series.length, horizon: HORIZON, models, durationMs };
  }

  private observed(inputs: ObservedInputs, regionId: number | null, origin: Month) {
    const first = regionId === null ? [...inputs.firstRecorded.values()].sort()[0] : inputs.firstRecorded.get(regionId);
    return observedSeries(inputs.imported, inputs.settled, first, regionId, origin);
  }

  private async parseQuery(
    query: ForecastQuery,
  ): Promise<{ regionId: number | null; regionCode: string; origin: Month | null }> {
    const errors: Record<string, CodedMessage> = {};
    let regionId: number | null = null;
    let regionCode = 'national';
    const code = query.regionCode;
    if (code !== undefined && code !== '' && code !== 'national') {
      const region =
        typeof code === 'string' && /^\d{2}$/.test(code)
          ? (await this.repository.regions()).find((r) => r.code === code)
          : undefined;
      if (region) {
        regionId = region.id;
        regionCode = region.code;
      } else errors.regionCode = coded('forecast.unknown_region', { value: String(code as string).slice(0, 20) });
    }
    let origin: Month | null = null;
    if (query.from !== undefined) {
      const latest = currentMonth();
      if (typeof query.from !== 'string' || !isMonth(query.from))
        errors.from = coded('forecast.not_month', { value: String(query.from as string).slice(0, 20) });
      else if (query.from < EARLIEST_ORIGIN || query.from > latest)
        errors.from = coded('forecast.from_out_of_range', { min: EARLIEST_ORIGIN, max: latest });
      else origin = query.from;
    }
    if (Object.keys(errors).length > 0) throw DomainError.invalid(errors);
    return { regionId, regionCode, origin };
  }
}
