import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open statistics as immutable, numbered releases (docs/open-statistics.md): each
 * release keeps the exact bytes of every file it published, and the manifest of their
 * SHA-256 whose own SHA-256 sits in the audit chain. Rows are only ever added: a trigger
 * refuses UPDATE, DELETE and TRUNCATE, and the application's role is granted SELECT and
 * INSERT only (migrate.ts). A correction is a new release naming the one it corrects.
 */
export class StatisticsReleases1764000000036 implements MigrationInterface {
  name = 'StatisticsReleases1764000000036';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE statistics_release (
        number int PRIMARY KEY CHECK (number > 0),
        published_at timestamptz NOT NULL DEFAULT now(),
        -- null for the monthly scheduled run
        published_by int CONSTRAINT statistics_release_published_by_fk REFERENCES app_user (id),
        note varchar(1000),
        corrects_release_number int CONSTRAINT statistics_release_corrects_fk REFERENCES statistics_release (number),
        threshold int NOT NULL CHECK (threshold >= 2),
        -- the first and last day any dataset covers; null while the base tables are empty
        period_from date,
        period_to date,
        -- "<sha256>  <file name>" per file, as sha256sum prints it; sha256 is that text's
        manifest text NOT NULL,
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        suppressed_cells int NOT NULL CHECK (suppressed_cells >= 0),
        CONSTRAINT statistics_release_period_chk CHECK (period_to IS NULL OR period_from <= period_to),
        CONSTRAINT statistics_release_corrects_earlier_chk CHECK (corrects_release_number < number)
      );
      CREATE INDEX statistics_release_published_at_idx ON statistics_release (published_at);

      CREATE TABLE statistics_release_file (
        release_number int NOT NULL CONSTRAINT statistics_release_file_release_fk REFERENCES statistics_release (number),
        dataset varchar NOT NULL CHECK (dataset ~ '^[a-z][a-z0-9-]{1,62}$'),
        format varchar NOT NULL CHECK (format IN ('csv', 'jsonstat', 'schema')),
        content bytea NOT NULL,
        size_bytes int NOT NULL CHECK (size_bytes = octet_length(content)),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT statistics_release_file_pk PRIMARY KEY (release_number, dataset, format)
      );

      CREATE FUNCTION statistics_release_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER statistics_release_no_update_delete BEFORE UPDATE OR DELETE ON statistics_release
        FOR EACH ROW EXECUTE FUNCTION statistics_release_refuse_change();
      CREATE TRIGGER statistics_release_no_truncate BEFORE TRUNCATE ON statistics_release
        FOR EACH STATEMENT EXECUTE FUNCTION statistics_release_refuse_change();
      CREATE TRIGGER statistics_release_file_no_update_delete BEFORE UPDATE OR DELETE ON statistics_release_file
        FOR EACH ROW EXECUTE FUNCTION statistics_release_refuse_change();
      CREATE TRIGGER statistics_release_file_no_truncate BEFORE TRUNCATE ON statistics_release_file
        FOR EACH STATEMENT EXECUTE FUNCTION statistics_release_refuse_change();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE statistics_release_file;
      DROP TABLE statistics_release;
      DROP FUNCTION statistics_release_refuse_change();
    `);
  }
}
