import { rolledBackWhen } from '../../common/persistence/dry-run';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { fetchPage, type ListResult, type ParsedListQuery } from '../../common/list/list-query';
import { ARRIVALS_HISTORY_LIST } from './forecast-lists';
import type { ForecastPoint, Month } from './forecast-math';
import { ArrivalsHistory } from './entities/arrivals-history.entity';
import type { HistoryRow } from './arrivals-history-import';
import type { BacktestByModel, SeriesForecast } from './series-forecast';

/** One region's (or the nation's, regionId null) observed months: imported figures and Qonys's own counts. */
export interface ObservedInputs {
  /** Imported monthly figures: `regionId|YYYY-MM` → persons (regionId '' for the nation). */
  imported: Map<string, number>;
  /** Persons arrived per region and month from settlements. */
  settled: { regionId: number; month: Month; persons: number }[];
  /** Per region, the first month Qonys recorded a settlement. */
  firstRecorded: Map<number, Month>;
}

export interface StoredSeries {
  runId: number;
  createdAt: Date;
  origin: Month;
  model: string;
  inputsFrom: Month;
  inputsTo: Month;
  backtest: BacktestByModel;
  reconciled: boolean;
  forecast: (ForecastPoint & { month: Month })[];
  baseline: (ForecastPoint & { month: Month })[];
}

const month = (date: string | Date): Month =>
  typeof date === 'string' ? date.slice(0, 7) : date.toISOString().slice(0, 7);
const firstDay = (m: Month) => `${m}-01`;

/** Arrivals history, the inputs of the forecasts and the stored forecast runs. */
@Injectable()
export class ForecastsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `rollback`: a dry run, undone at the end with its result kept. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>, rollback = false): Promise<T> {
    return rolledBackWhen(rollback, this.dataSource, work);
  }

  /** History rows; a region-scoped reader sees their region's and the national ones. */
  listHistory(regionScope: number | null, query: ParsedListQuery): Promise<ListResult<ArrivalsHistory>> {
    const qb = this.dataSource.getRepository(ArrivalsHistory).createQueryBuilder('h');
    if (regionScope !== null) qb.where('(h.region_id = :scope OR h.region_id IS NULL)', { scope: regionScope });
    return fetchPage(qb, query, ARRIVALS_HISTORY_LIST);
  }

  async regions(): Promise<{ id: number; code: string }[]> {
    return this.dataSource.query<{ id: number; code: string }[]>('SELECT id, code FROM region ORDER BY code');
  }

  /**
   * Upserts on the natural key year × month × region; a row whose persons and source
   * are already stored is left alone, so the same file twice changes nothing.
   */
  async upsertHistory(
    manager: EntityManager,
    rows: readonly HistoryRow[],
    regionIdByCode: ReadonlyMap<string, number>,
    userId: number | null,
  ): Promise<{ created: number; updated: number }> {
    let created = 0;
    let updated = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const values = chunk
        .map(
          (_, j) =>
            `($${j * 6 + 1}::int, $${j * 6 + 2}::int, $${j * 6 + 3}::int, $${j * 6 + 4}::int, $${j * 6 + 5}, $${j * 6 + 6}::int)`,
        )
        .join(', ');
      const result = await manager.query<{ inserted: boolean }[]>(
        `INSERT INTO arrivals_history (year, month, region_id, persons, source, imported_by) VALUES ${values}
         ON CONFLICT ON CONSTRAINT arrivals_history_uq DO UPDATE
           SET persons = EXCLUDED.persons, source = EXCLUDED.source, confirmed = true, note = NULL,
               imported_by = EXCLUDED.imported_by, imported_at = now(), version = arrivals_history.version + 1
           WHERE (arrivals_history.persons, arrivals_history.source) IS DISTINCT FROM (EXCLUDED.persons, EXCLUDED.source)
         RETURNING (xmax = 0) AS inserted`,
        chunk.flatMap((r) => [
          r.year,
          r.month,
          r.regionCode === null ? null : regionIdByCode.get(r.regionCode),
          r.persons,
          r.source,
          userId,
        ]),
      );
      created += result.filter((r) => r.inserted).length;
      updated += result.filter((r) => !r.inserted).length;
    }
    return { created, updated };
  }

  /** Everything the monthly series are built from, before `origin` only. */
  async observedInputs(origin: Month): Promise<ObservedInputs> {
    const before = firstDay(origin);
    const [imported, settled, first] = await Promise.all([
      this.dataSource.query<{ region_id: number | null; year: number; month: number; persons: number }[]>(
        `SELECT region_id, year, month, persons FROM arrivals_history
         WHERE month IS NOT NULL AND make_date(year, month, 1) < $1::date`,
        [before],
      ),
      // A family that later left its region still arrived there (status 'departed').
      this.dataSource.query<{ region_id: number; month: string; persons: number }[]>(
        `SELECT s.region_id, to_char(s.actual_arrival, 'YYYY-MM') AS month, sum(r.persons)::int AS persons
         FROM settlement s JOIN reservation r ON r.id = s.reservation_id
         WHERE s.status IN ('arrived', 'departed') AND s.actual_arrival < $1::date
         GROUP BY 1, 2`,
        [before],
      ),
      this.dataSource.query<{ region_id: number; month: string }[]>(
        `SELECT region_id, to_char(min(LEAST(created_at::date, COALESCE(actual_arrival, created_at::date))), 'YYYY-MM') AS month
         FROM settlement GROUP BY region_id`,
      ),
    ]);
    return {
      imported: new Map(
        imported.map((r) => [`${r.region_id ?? ''}|${r.year}-${String(r.month).padStart(2, '0')}`, r.persons]),
      ),
      settled: settled.map((r) => ({ regionId: r.region_id, month: r.month, persons: r.persons })),
      firstRecorded: new Map(first.map((r) => [r.region_id, r.month])),
    };
  }

  /** Yearly published figures of a region (or the nation) for the chart. */
  yearlyHistory(regionId: number | null) {
    return this.dataSource.query<
      { year: number; persons: number; source: string; confirmed: boolean; note: string | null }[]
    >(
      `SELECT year, persons, source, confirmed, note FROM arrivals_history
       WHERE month IS NULL AND region_id IS NOT DISTINCT FROM $1 ORDER BY year`,
      [regionId],
    );
  }

  /** The year's quota in persons (all categories) and adaptation-centre places, for one region or all. */
  async capacityOf(regionId: number | null, year: number) {
    const [quota] = await this.dataSource.query<
      { capacity: number; reserved: number; settled: number; quotas: number }[]
    >(
      `SELECT COALESCE(sum(capacity), 0)::int AS capacity, COALESCE(sum(reserved), 0)::int AS reserved,
              COALESCE(sum(settled), 0)::int AS settled, count(*)::int AS quotas
       FROM quota WHERE year = $1 AND unit = 'persons' AND ($2::int IS NULL OR region_id = $2)`,
      [year, regionId],
    );
    const [places] = await this.dataSource.query<{ places: number | null }[]>(
      `SELECT sum(adaptation_centre_places)::int AS places FROM region_capacity
       WHERE year = $1 AND ($2::int IS NULL OR region_id = $2)`,
      [year, regionId],
    );
    return { ...quota, adaptationCentrePlaces: places.places };
  }

  async saveRun(
    run: { jobRunId: string | null; origin: Month; durationMs: number },
    series: { regionId: number | null; forecast: SeriesForecast; points: ForecastPoint[]; reconciled: boolean }[],
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const inputsFrom = series.map((s) => s.forecast.inputsFrom).sort()[0];
      const inputsTo = series
        .map((s) => s.forecast.inputsTo)
        .sort()
        .at(-1);
      const [{ id }] = await manager.query<{ id: number }[]>(
        `INSERT INTO forecast_run (job_run_id, origin, inputs_from, inputs_to, duration_ms)
         VALUES ($1, $2::date, $3::date, $4::date, $5) RETURNING id`,
        [
          run.jobRunId,
          firstDay(run.origin),
          inputsFrom ? firstDay(inputsFrom) : null,
          inputsTo ? firstDay(inputsTo) : null,
          run.durationMs,
        ],
      );
      for (const s of series) {
        const [{ id: seriesId }] = await manager.query<{ id: number }[]>(
          `INSERT INTO forecast_series (run_id, region_id, model, inputs_from, inputs_to, backtest, reconciled)
           VALUES ($1, $2, $3, $4::date, $5::date, $6::jsonb, $7) RETURNING id`,
          [
            id,
            s.regionId,
            s.forecast.model,
            firstDay(s.forecast.inputsFrom),
            firstDay(s.forecast.inputsTo),
            JSON.stringify(s.forecast.backtest),
            s.reconciled,
          ],
        );
        const points = [
          ...s.points.map((p, i) => ({ kind: 'forecast', month: s.forecast.months[i], p })),
          ...s.forecast.baseline.map((p, i) => ({ kind: 'baseline', month: s.forecast.months[i], p })),
        ];
        await manager.query(
          `INSERT INTO forecast_point (series_id, kind, month, mean, lo80, hi80, lo95, hi95)
           SELECT $1, kind, (month || '-01')::date, mean, lo80, hi80, lo95, hi95
           FROM jsonb_to_recordset($2::jsonb) AS t(kind varchar, month varchar, mean float8, lo80 float8, hi80 float8, lo95 float8, hi95 float8)`,
          [seriesId, JSON.stringify(points.map(({ kind, month: m, p }) => ({ kind, month: m, ...p })))],
        );
      }
      return id;
    });
  }

  /** The series of a region (or the nation) in the latest stored run, if any. */
  async latestSeries(regionId: number | null): Promise<StoredSeries | null> {
    const [series] = await this.dataSource.query<
      {
        id: number;
        run_id: number;
        created_at: Date;
        origin: string;
        model: string;
        inputs_from: string;
        inputs_to: string;
        backtest: BacktestByModel;
        reconciled: boolean;
      }[]
    >(
      `SELECT s.id, s.run_id, r.created_at, to_char(r.origin, 'YYYY-MM-DD') AS origin, s.model,
              to_char(s.inputs_from, 'YYYY-MM-DD') AS inputs_from, to_char(s.inputs_to, 'YYYY-MM-DD') AS inputs_to,
              s.backtest, s.reconciled
       FROM forecast_series s JOIN forecast_run r ON r.id = s.run_id
       WHERE s.run_id = (SELECT id FROM forecast_run ORDER BY created_at DESC, id DESC LIMIT 1)
         AND s.region_id IS NOT DISTINCT FROM $1`,
      [regionId],
    );
    if (!series) return null;
    const points = await this.dataSource.query<(ForecastPoint & { kind: string; month: string })[]>(
      `SELECT kind, to_char(month, 'YYYY-MM') AS month, mean, lo80, hi80, lo95, hi95
       FROM forecast_point WHERE series_id = $1 ORDER BY kind, month`,
      [series.id],
    );
    const of = (kind: string) => points.filter((p) => p.kind === kind).map(({ kind: _kind, ...p }) => p);
    return {
      runId: series.run_id,
      createdAt: series.created_at,
      origin: month(series.origin),
      model: series.model,
      inputsFrom: month(series.inputs_from),
      inputsTo: month(series.inputs_to),
      backtest: series.backtest,
      reconciled: series.reconciled,
      forecast: of('forecast'),
      baseline: of('baseline'),
    };
  }
}
