import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Arrivals history and forecasts (docs/monitoring-history.md). `arrivals_history` holds
 * published arrivals: a month or a whole year (month NULL), a region or the nation
 * (region_id NULL), one row per year × month × region (NULLS NOT DISTINCT: the import
 * upserts on it). The published national yearly totals since 1991 are seeded with their
 * sources; year-to-date releases say so in the note, and a figure without a source or
 * contradicted by another is `confirmed = false`. Each `forecast` job run is kept with
 * its series (inputs' months, chosen model, backtest per model) and points, so a past
 * forecast can be set against what happened.
 */
export class ArrivalForecasts1764000000035 implements MigrationInterface {
  name = 'ArrivalForecasts1764000000035';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE arrivals_history (
        id serial PRIMARY KEY,
        year int NOT NULL CHECK (year BETWEEN 1990 AND 2200),
        month int CHECK (month BETWEEN 1 AND 12),
        region_id int CONSTRAINT arrivals_history_region_fk REFERENCES region (id),
        persons int NOT NULL CHECK (persons >= 0),
        source varchar NOT NULL,
        confirmed boolean NOT NULL DEFAULT true,
        note varchar,
        imported_by int CONSTRAINT arrivals_history_imported_by_fk REFERENCES app_user (id),
        imported_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CONSTRAINT arrivals_history_uq UNIQUE NULLS NOT DISTINCT (year, month, region_id)
      );
      CREATE INDEX arrivals_history_region_idx ON arrivals_history (region_id, year, month);

      CREATE TABLE forecast_run (
        id serial PRIMARY KEY,
        job_run_id uuid CONSTRAINT forecast_run_job_run_fk REFERENCES job_run (id),
        -- the first forecast month; every input month is before it
        origin date NOT NULL,
        inputs_from date,
        inputs_to date,
        duration_ms int NOT NULL CHECK (duration_ms >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT forecast_run_origin_chk CHECK (date_trunc('month', origin) = origin),
        CONSTRAINT forecast_run_inputs_chk CHECK (inputs_to IS NULL OR inputs_to < origin)
      );
      CREATE INDEX forecast_run_created_idx ON forecast_run (created_at DESC, id DESC);

      CREATE TABLE forecast_series (
        id serial PRIMARY KEY,
        run_id int NOT NULL CONSTRAINT forecast_series_run_fk REFERENCES forecast_run (id) ON DELETE CASCADE,
        -- NULL: the national series
        region_id int CONSTRAINT forecast_series_region_fk REFERENCES region (id),
        model varchar NOT NULL CHECK (model IN ('mstl-ets', 'ets', 'seasonal-naive')),
        inputs_from date NOT NULL,
        inputs_to date NOT NULL,
        -- per model: { windows, mase, smape, coverage80, coverage95 } or null
        backtest jsonb NOT NULL,
        reconciled boolean NOT NULL,
        CONSTRAINT forecast_series_uq UNIQUE NULLS NOT DISTINCT (run_id, region_id)
      );

      CREATE TABLE forecast_point (
        series_id int NOT NULL CONSTRAINT forecast_point_series_fk REFERENCES forecast_series (id) ON DELETE CASCADE,
        kind varchar NOT NULL CHECK (kind IN ('forecast', 'baseline')),
        month date NOT NULL,
        mean double precision NOT NULL,
        lo80 double precision NOT NULL,
        hi80 double precision NOT NULL,
        lo95 double precision NOT NULL,
        hi95 double precision NOT NULL,
        CONSTRAINT forecast_point_pk PRIMARY KEY (series_id, kind, month),
        CONSTRAINT forecast_point_order_chk CHECK (0 <= lo95 AND lo95 <= lo80 AND lo80 <= mean AND mean <= hi80 AND hi80 <= hi95)
      );
    `);
    // The published national yearly totals (docs/monitoring-history.md, Published history).
    await q.query(
      `INSERT INTO arrivals_history (year, month, region_id, persons, source, confirmed, note)
       SELECT year, NULL, NULL, persons, source, confirmed, note
       FROM jsonb_to_recordset($1::jsonb) AS t(year int, persons int, source varchar, confirmed boolean, note varchar)`,
      [JSON.stringify(PUBLISHED_NATIONAL_TOTALS)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE forecast_point; DROP TABLE forecast_series; DROP TABLE forecast_run; DROP TABLE arrivals_history;',
    );
  }
}

const OFENSYWA = 'http://ofensywawolnosci.pl/niemal-milion-etnicznych-kazachow-wrocilo-do-ojczyzny-od-1991/';
const KZVESTI = 'https://kzvesti.kz/kalejdoskop/v-2021-godu-v-kazahstan-vernulis-17-3-tys-jetnicheskih-kazahov-41678';
const LADA =
  'https://www.lada.kz/kazakhstan-news/148759-kto-i-pochemu-vozvrashchaetsia-v-kazakhstan-nazvano-gosudarstvo-lidiruiushchee-po-chislu-pribyvshikh.html';

/** Stored text in English, as the import's `source` and `note` are: provenance, not UI. */
const PUBLISHED_NATIONAL_TOTALS = [
  { year: 1993, persons: 45632, source: 'Press summary (no source address recorded)', confirmed: false, note: null },
  {
    year: 2013,
    persons: 33952,
    source: OFENSYWA,
    confirmed: true,
    note: 'Baltabayeva, as reported by ofensywawolnosci.pl',
  },
  {
    year: 2014,
    persons: 9000,
    source: OFENSYWA,
    confirmed: false,
    note: 'Published as "fewer than 9,000": an upper bound',
  },
  {
    year: 2016,
    persons: 33754,
    source: 'https://en.inform.kz/news/over-1mm-repatriates-came-back-to-kazakhstan-since-independence_a3037015/',
    confirmed: true,
    note: '16,417 families',
  },
  {
    year: 2019,
    persons: 13000,
    source: 'Press release (no source address recorded)',
    confirmed: false,
    note: 'About 13,000, year to 5 December',
  },
  { year: 2020, persons: 12300, source: KZVESTI, confirmed: true, note: 'Year to 1 December' },
  {
    year: 2021,
    persons: 17358,
    source: KZVESTI,
    confirmed: false,
    note: 'Year to 1 December; other releases give 14,358 to 1 October and about 12,500 for the year',
  },
  {
    year: 2022,
    persons: 15637,
    source: 'Ortalyq.kz (excerpt, no address recorded)',
    confirmed: false,
    note: 'Year to 1 November; another release gives 13,362 to 1 October',
  },
  {
    year: 2023,
    persons: 16408,
    source:
      'https://travelpress.kz/amp/news/kazakhstan/kolichestvo-prinimaemih-v-2024-godu-kandasov-v-kazahstane-uvelichitsya-241',
    confirmed: true,
    note: 'Year to 1 October; another release gives 19,476 to 1 December',
  },
  {
    year: 2024,
    persons: 19700,
    source: 'Press release (no source address recorded)',
    confirmed: false,
    note: 'Published as "more than 19,700" for the full year; Qazaqstan TV gave more than 16,500 by early December',
  },
  {
    year: 2025,
    persons: 16805,
    source: LADA,
    confirmed: true,
    note: 'Full year; another release gives 14,828 to 1 December',
  },
];
