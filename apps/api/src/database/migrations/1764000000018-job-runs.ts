import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Our record of each background job run (docs/jobs.md): pg-boss keeps the queue in its
 * own schema but has no progress, so state, progress, result and error live here. A
 * placement batch points at the run that computes it.
 */
export class JobRuns1764000000018 implements MigrationInterface {
  name = 'JobRuns1764000000018';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        job_name varchar(100) NOT NULL,
        state varchar(16) NOT NULL DEFAULT 'queued'
          CONSTRAINT job_run_state_check CHECK (state IN ('queued', 'running', 'completed', 'failed')),
        params jsonb NOT NULL DEFAULT '{}',
        total int,
        processed int NOT NULL DEFAULT 0,
        failed int NOT NULL DEFAULT 0,
        phase varchar(100),
        result jsonb,
        error_code varchar(100),
        error_params jsonb,
        attempts int NOT NULL DEFAULT 0,
        queued_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        heartbeat_at timestamptz,
        requested_by int CONSTRAINT job_run_requested_by_fk REFERENCES app_user (id)
      );
      CREATE INDEX job_run_name_queued_idx ON job_run (job_name, queued_at DESC);
      CREATE INDEX job_run_running_idx ON job_run (heartbeat_at) WHERE state = 'running';
      ALTER TABLE placement_batch ADD COLUMN run_id uuid CONSTRAINT placement_batch_run_fk REFERENCES job_run (id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE placement_batch DROP COLUMN run_id;
      DROP TABLE job_run;
    `);
  }
}
