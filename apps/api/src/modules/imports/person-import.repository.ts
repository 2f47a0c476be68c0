import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportMode } from '@qonys/domain';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource, EntityManager } from 'typeorm';
import type { StoredRowError } from './entities/import-run.entity';

/** The staging table's columns, in the order of person-rows.ts `copyLine`. */
const STAGE_COLUMNS =
  'row_no, surname, given_name, patronymic, surname_latin, given_name_latin, patronymic_latin, birth_date, sex, iin, citizenship, id_document_number, document_key, search_key, region_code';

/** The columns a file sets; a row equal on all of them is unchanged. */
const COMPARED = ['surname', 'given_name', 'patronymic', 'birth_date', 'sex', 'citizenship', 'id_document_number'];
const person = (alias: string) => `(${COMPARED.map((c) => `${alias}.${c}`).join(', ')})`;

/** What an update sets: the file's columns and what derives from them. */
const SET_FROM = (
  src: string,
) => `surname = ${src}.surname, given_name = ${src}.given_name, patronymic = ${src}.patronymic,
  surname_latin = ${src}.surname_latin, given_name_latin = ${src}.given_name_latin, patronymic_latin = ${src}.patronymic_latin,
  birth_date = ${src}.birth_date, sex = ${src}.sex, citizenship = ${src}.citizenship,
  id_document_number = ${src}.id_document_number, document_key = ${src}.document_key,
  -- other spellings typed on the person's page stay in its search key
  search_key = CASE WHEN person.other_spellings = '{}' THEN ${src}.search_key ELSE person.search_key END,
  version = person.version + 1, updated_at = now()`;

const INSERTED_COLUMNS =
  'surname, given_name, patronymic, surname_latin, given_name_latin, patronymic_latin, birth_date, sex, iin, citizenship, id_document_number, document_key, search_key, region_id, created_by';
const INSERTED_VALUES = (createdBy: string, defaultRegion: string) =>
  `surname, given_name, patronymic, surname_latin, given_name_latin, patronymic_latin, birth_date, sex, iin, citizenship, id_document_number, document_key, search_key, coalesce(region_id, ${defaultRegion}), ${createdBy}`;

export interface MergeCounts {
  inserted: number;
  updated: number;
}

/**
 * One persons import inside one transaction (docs/imports.md): the file's rows COPYed
 * into a temporary staging table, the set-based checks (regions, repeats within the
 * file, who is already registered), and the merge into `person` by natural key (IIN,
 * else document number). Nothing is visible to anyone before `commit`; a rollback or a
 * dead process leaves no row behind.
 */
export class PersonImportTransaction {
  /** The region of rows without a code (set by checkRegions). */
  private defaultRegionId: number | null = null;

  constructor(
    private readonly client: PoolClient,
    readonly manager: EntityManager,
  ) {}

  async createStage(): Promise<void> {
    await this.manager.query(`
      CREATE TEMP TABLE import_person_stage (
        row_no int NOT NULL, surname text NOT NULL, given_name text NOT NULL, patronymic text,
        surname_latin text NOT NULL, given_name_latin text NOT NULL, patronymic_latin text,
        birth_date date NOT NULL, sex char(1) NOT NULL, iin char(12), citizenship char(2),
        id_document_number text, document_key text, search_key text NOT NULL, region_code text,
        region_id int, target_id int, target_region_id int
      ) ON COMMIT DROP`);
  }

  /** Streams COPY text lines (person-rows.ts `copyLine`, batched) into the staging table. */
  async copy(chunks: AsyncIterable<string>): Promise<void> {
    const stream = this.client.query(copyFrom(`COPY import_person_stage (${STAGE_COLUMNS}) FROM STDIN`));
    await pipeline(Readable.from(chunks, { objectMode: false }), stream);
    await this.manager.query('ANALYZE import_person_stage');
  }

  /**
   * Each row's region: its KATO code's, else the caller's (or the default a nationwide
   * caller chose). Unknown codes, missing regions and other regions than the caller's are errors.
   */
  async checkRegions(scope: number | null, defaultRegionId: number | null): Promise<StoredRowError[]> {
    this.defaultRegionId = scope ?? defaultRegionId;
    // Rows without a code stay NULL here and take the default in the merge: no rewrite of every row.
    await this.manager.query(
      'UPDATE import_person_stage s SET region_id = r.id FROM region r WHERE s.region_code IS NOT NULL AND r.code = s.region_code',
    );
    return this.errors(
      `SELECT row_no, 'region_code' AS field,
              CASE WHEN region_code IS NOT NULL AND region_id IS NULL THEN 'import.unknown_region'
                   WHEN region_code IS NULL THEN 'import.region_required'
                   ELSE 'import.not_your_region' END AS code,
              jsonb_build_object('value', coalesce(region_code, '')) AS params
         FROM import_person_stage
        WHERE (region_code IS NOT NULL AND region_id IS NULL) OR (region_code IS NULL AND $2::int IS NULL)
           OR ($1::int IS NOT NULL AND region_id <> $1::int)`,
      [scope, this.defaultRegionId],
    );
  }

  /** A second row of the same IIN (or, without one, the same document number) repeats the first. */
  repeats(): Promise<StoredRowError[]> {
    return this.errors(
      `SELECT row_no, field, 'import.repeats_person' AS code, jsonb_build_object('row', first) AS params FROM (
         SELECT row_no, 'iin' AS field, min(row_no) OVER (PARTITION BY iin) AS first
           FROM import_person_stage WHERE iin IS NOT NULL
         UNION ALL
         SELECT row_no, 'document_number', min(row_no) OVER (PARTITION BY document_key)
           FROM import_person_stage WHERE iin IS NULL
       ) d WHERE row_no <> first`,
    );
  }

  /**
   * Finds who each row already is: the unmerged person of its IIN, else (a row without
   * IIN) the first unmerged, unerased person of its document number. A regional caller
   * may not update another region's person; `create` may not meet anyone.
   */
  async matchRegistered(scope: number | null, mode: ImportMode): Promise<StoredRowError[]> {
    await this.manager.query(
      `UPDATE import_person_stage s SET target_id = p.id, target_region_id = p.region_id
         FROM person p WHERE s.iin IS NOT NULL AND p.iin = s.iin AND p.merged_into_id IS NULL`,
    );
    await this.manager.query(
      `UPDATE import_person_stage s SET target_id = m.id, target_region_id = m.region_id
         FROM (SELECT DISTINCT ON (p.document_key) p.document_key, p.id, p.region_id FROM person p
                WHERE p.document_key IN (SELECT document_key FROM import_person_stage WHERE iin IS NULL)
                  AND p.merged_into_id IS NULL AND p.erased_at IS NULL
                ORDER BY p.document_key, p.id) m
        WHERE s.iin IS NULL AND s.document_key = m.document_key`,
    );
    return this.errors(
      `SELECT row_no, CASE WHEN iin IS NOT NULL THEN 'iin' ELSE 'document_number' END AS field,
              CASE WHEN $1::int IS NOT NULL AND target_region_id <> $1::int THEN 'person.iin_registered_elsewhere'
                   ELSE 'import.person_exists' END AS code,
              '{}'::jsonb AS params
         FROM import_person_stage
        WHERE target_id IS NOT NULL AND ($2 = 'create' OR ($1::int IS NOT NULL AND target_region_id <> $1::int))`,
      [scope, mode],
    );
  }

  /** What the merge would do, without doing it (a dry run). */
  async wouldMerge(): Promise<MergeCounts> {
    const [row] = await this.manager.query<MergeCounts[]>(
      `SELECT count(*) FILTER (WHERE s.target_id IS NULL)::int AS inserted,
              count(*) FILTER (WHERE s.target_id IS NOT NULL AND ${person('p')} IS DISTINCT FROM ${person('s')})::int AS updated
         FROM import_person_stage s LEFT JOIN person p ON p.id = s.target_id`,
    );
    return row;
  }

  /**
   * The merge: rows with an IIN in one INSERT … ON CONFLICT on the unique IIN index (an
   * update only where a compared column differs, so an identical row is not touched and
   * RETURNING counts only real changes: xmax = 0 for an insert); rows known by document
   * number updated by id, the rest inserted.
   */
  async merge(mode: ImportMode, createdBy: number): Promise<MergeCounts> {
    const counts: MergeCounts = { inserted: 0, updated: 0 };
    const add = (row: Partial<MergeCounts>) => {
      counts.inserted += row.inserted ?? 0;
      counts.updated += row.updated ?? 0;
    };
    const [byDocument] = await this.manager.query<{ updated: number }[]>(
      `WITH u AS (UPDATE person SET ${SET_FROM('s')}
                    FROM import_person_stage s
                   WHERE s.iin IS NULL AND s.target_id = person.id AND ${person('person')} IS DISTINCT FROM ${person('s')}
                  RETURNING 1)
       SELECT count(*)::int AS updated FROM u`,
    );
    add(byDocument);
    const conflict =
      mode === 'upsert'
        ? `ON CONFLICT (iin) WHERE iin IS NOT NULL AND merged_into_id IS NULL DO UPDATE SET ${SET_FROM('EXCLUDED')}
             WHERE ${person('person')} IS DISTINCT FROM ${person('EXCLUDED')}`
        : '';
    const [byIin] = await this.manager.query<MergeCounts[]>(
      `WITH w AS (INSERT INTO person (${INSERTED_COLUMNS})
                  SELECT ${INSERTED_VALUES('$1::int', '$2::int')} FROM import_person_stage WHERE iin IS NOT NULL ORDER BY row_no
                  ${conflict}
                  RETURNING (xmax = 0) AS inserted)
       SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM w`,
      [createdBy, this.defaultRegionId],
    );
    add(byIin);
    const [newByDocument] = await this.manager.query<{ inserted: number }[]>(
      `WITH w AS (INSERT INTO person (${INSERTED_COLUMNS})
                  SELECT ${INSERTED_VALUES('$1::int', '$2::int')} FROM import_person_stage
                   WHERE iin IS NULL AND target_id IS NULL ORDER BY row_no
                  RETURNING 1)
       SELECT count(*)::int AS inserted FROM w`,
      [createdBy, this.defaultRegionId],
    );
    add(newByDocument);
    return counts;
  }

  private async errors(sql: string, params: unknown[] = []): Promise<StoredRowError[]> {
    const rows = await this.manager.query<StoredRowError[] & { row_no: number }[]>(
      `SELECT row_no AS row, field, code, params FROM (${sql}) e ORDER BY row_no LIMIT 100000`,
      params,
    );
    return rows;
  }
}

@Injectable()
export class PersonImportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one transaction on a connection of its own (COPY needs the raw
   * client). `commit: false` from `work` rolls everything back (a dry run, or errors).
   */
  async inTransaction<T>(work: (tx: PersonImportTransaction) => Promise<{ commit: boolean; value: T }>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await runner.startTransaction();
      const { commit, value } = await work(new PersonImportTransaction(client, runner.manager));
      if (commit) await runner.commitTransaction();
      else await runner.rollbackTransaction();
      return value;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}
