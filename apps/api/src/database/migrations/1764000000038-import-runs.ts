import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per bulk import (docs/imports.md): what was uploaded (kept in the file store),
 * what the run may do, how far it got, and its report. The work itself runs as a job;
 * `job_run_id` is its latest attempt (a run whose worker died is queued again).
 */
export class ImportRuns1764000000038 implements MigrationInterface {
  name = 'ImportRuns1764000000038';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(32) NOT NULL
          CONSTRAINT import_run_kind_check CHECK (kind IN ('persons', 'labour-demand', 'arrivals-history')),
        mode varchar(16) NOT NULL CONSTRAINT import_run_mode_check CHECK (mode IN ('dry-run', 'create', 'upsert')),
        state varchar(16) NOT NULL DEFAULT 'queued'
          CONSTRAINT import_run_state_check CHECK (state IN ('queued', 'running', 'completed', 'failed')),
        file_name varchar(255) NOT NULL,
        format varchar(8) NOT NULL CONSTRAINT import_run_format_check CHECK (format IN ('csv', 'xlsx')),
        file_size int NOT NULL CHECK (file_size > 0),
        storage_key varchar(100) NOT NULL,
        -- the creator's region under a regional grant, null for a nationwide one: who sees the run
        region_id int CONSTRAINT import_run_region_fk REFERENCES region (id),
        -- the region of rows without a region code, chosen by a nationwide user
        default_region_id int CONSTRAINT import_run_default_region_fk REFERENCES region (id),
        rows_read int NOT NULL DEFAULT 0,
        rows_valid int NOT NULL DEFAULT 0,
        rows_written int NOT NULL DEFAULT 0,
        inserted int,
        updated int,
        unchanged int,
        error_count int NOT NULL DEFAULT 0,
        -- the first errors by row and field ({ row, field, code, params }), at most IMPORT_ERRORS_KEPT
        errors jsonb NOT NULL DEFAULT '[]',
        error_code varchar(100),
        error_params jsonb,
        attempts int NOT NULL DEFAULT 0,
        job_run_id uuid CONSTRAINT import_run_job_run_fk REFERENCES job_run (id),
        created_by int NOT NULL CONSTRAINT import_run_created_by_fk REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      );
      CREATE INDEX import_run_created_idx ON import_run (created_at DESC, id DESC);
      CREATE INDEX import_run_region_created_idx ON import_run (region_id, created_at DESC, id DESC);
      CREATE INDEX import_run_unfinished_idx ON import_run (job_run_id) WHERE state IN ('queued', 'running');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE import_run');
  }
}
