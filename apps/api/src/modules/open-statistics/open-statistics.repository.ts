import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CubeRow } from './cube';

/** A day or a year as Kazakhstan (UTC+5) saw it, whatever the session's time zone. */
const LOCAL = (column: string) => `((${column} AT TIME ZONE 'UTC') + interval '5 hours')`;

/**
 * The persons granted kandas status: every member of a case that was approved (it may
 * have expired or been revoked since), in the case's region, in the year the status took
 * effect (status_valid_from, else the decision's day). A person is counted once per case.
 */
const GRANTED = `
  SELECT m.person_id, a.region_id,
         coalesce(a.status_valid_from, ${LOCAL('a.decided_at')}::date) AS granted_on
    FROM application a
    JOIN application_member m ON m.application_id = a.id
   WHERE a.status IN ('approved', 'expired', 'revoked') AND a.decided_at IS NOT NULL`;

/** The SQL of each dataset's inner cells: k0 … kn (its dimensions in order) and value. */
const DATASET_SQL: Record<string, string> = {
  'status-granted': `
    SELECT extract(year FROM g.granted_on)::int::text AS k0, r.code AS k1, count(DISTINCT g.person_id)::int AS value
      FROM (${GRANTED}) g JOIN region r ON r.id = g.region_id
     GROUP BY 1, 2`,
  // Settled under the quota: a settlement whose arrival was confirmed (the family may
  // have left since), in its region and arrival month; the reservation holds the family.
  arrivals: `
    SELECT to_char(s.actual_arrival, 'YYYY-MM') AS k0, r.code AS k1, sum(res.persons)::int AS value
      FROM settlement s
      JOIN reservation res ON res.id = s.reservation_id
      JOIN region r ON r.id = s.region_id
     WHERE s.status IN ('arrived', 'departed') AND s.actual_arrival IS NOT NULL
     GROUP BY 1, 2`,
  // Every case ever submitted, by the year it was submitted and its status now.
  applications: `
    SELECT extract(year FROM ${LOCAL('a.submitted_at')})::int::text AS k0, a.status AS k1, count(*)::int AS value
      FROM application a
     WHERE a.submitted_at IS NOT NULL
     GROUP BY 1, 2`,
  // Calendar days from submission to decision (Kazakhstan days), by the decision's year.
  'processing-days': `
    SELECT k0, count(*)::int AS value, round(percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::numeric, 1)::float8 AS companion
      FROM (SELECT extract(year FROM ${LOCAL('a.decided_at')})::int::text AS k0,
                   ${LOCAL('a.decided_at')}::date - ${LOCAL('a.submitted_at')}::date AS days
              FROM application a
             WHERE a.decided_at IS NOT NULL AND a.submitted_at IS NOT NULL) d
     GROUP BY 1`,
  'origin-countries': `
    SELECT extract(year FROM g.granted_on)::int::text AS k0, coalesce(p.country_of_origin, 'ZZ') AS k1,
           count(DISTINCT g.person_id)::int AS value
      FROM (${GRANTED}) g JOIN person p ON p.id = g.person_id
     GROUP BY 1, 2`,
  // Age in completed years on the day the status took effect.
  'age-sex': `
    SELECT k0, k1, k2, count(DISTINCT person_id)::int AS value
      FROM (SELECT extract(year FROM g.granted_on)::int::text AS k0,
                   CASE WHEN age < 18 THEN '0-17' WHEN age < 35 THEN '18-34' WHEN age < 50 THEN '35-49'
                        WHEN age < 65 THEN '50-64' ELSE '65+' END AS k1,
                   p.sex AS k2, g.person_id
              FROM (${GRANTED}) g
              JOIN person p ON p.id = g.person_id
              CROSS JOIN LATERAL (SELECT extract(year FROM age(g.granted_on, p.birth_date))::int AS age) x) a
     GROUP BY 1, 2, 3`,
  // The kandas quota in persons: its capacity, and its places reserved or settled.
  quota: `
    SELECT q.year::text AS k0, r.code AS k1, m.measure AS k2,
           CASE m.measure WHEN 'capacity' THEN q.capacity ELSE q.reserved + q.settled END AS value
      FROM quota q
      JOIN region r ON r.id = q.region_id
      CROSS JOIN (VALUES ('capacity'), ('used')) m (measure)
     WHERE q.category = 'kandas' AND q.unit = 'persons'`,
  // Referrals by the year they were sent, their service type and how they ended.
  services: `
    SELECT extract(year FROM ${LOCAL('f.requested_at')})::int::text AS k0, st.code AS k1,
           CASE f.state WHEN 'completed' THEN coalesce(f.outcome, 'successful')
                        WHEN 'rejected' THEN 'rejected' WHEN 'cancelled' THEN 'cancelled' ELSE 'open' END AS k2,
           count(*)::int AS value
      FROM referral f
      JOIN provider_service ps ON ps.id = f.provider_service_id
      JOIN service_type st ON st.id = ps.service_type_id
     GROUP BY 1, 2, 3`,
};

export interface Figures {
  /** Every region's KATO code and English name, by code. */
  regions: { code: string; name: string }[];
  /** Every service type's code and English name (its latest version), by code. */
  serviceTypes: { code: string; name: string }[];
  /** Each dataset's inner cells. */
  rows: Record<string, CubeRow[]>;
}

export interface ReleaseRow {
  number: number;
  publishedAt: Date;
  publishedBy: number | null;
  note: string | null;
  correctsReleaseNumber: number | null;
  threshold: number;
  periodFrom: string | null;
  periodTo: string | null;
  manifest: string;
  sha256: string;
  suppressedCells: number;
}

export interface ReleaseFileRow {
  releaseNumber: number;
  dataset: string;
  format: 'csv' | 'jsonstat' | 'schema';
  sizeBytes: number;
  sha256: string;
}

export type NewRelease = Omit<ReleaseRow, 'number' | 'publishedAt'>;
export type NewReleaseFile = Omit<ReleaseFileRow, 'releaseNumber' | 'sizeBytes'> & { content: Buffer };

// Two releases written at once (a scheduled and an admin's run) must not take one number.
const RELEASE_NUMBER_LOCK = 7_262_036;

const RELEASE_COLUMNS = `number, published_at AS "publishedAt", published_by AS "publishedBy", note,
  corrects_release_number AS "correctsReleaseNumber", threshold, to_char(period_from, 'YYYY-MM-DD') AS "periodFrom",
  to_char(period_to, 'YYYY-MM-DD') AS "periodTo", manifest, sha256, suppressed_cells AS "suppressedCells"`;
const FILE_COLUMNS = `release_number AS "releaseNumber", dataset, format, size_bytes AS "sizeBytes", sha256`;

@Injectable()
export class OpenStatisticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every dataset's figures from one snapshot, so the datasets of a release agree with each other. */
  async readFigures(): Promise<Figures> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const regions = await manager.query<{ code: string; name: string }[]>(
        'SELECT code, name_en AS name FROM region ORDER BY code',
      );
      const serviceTypes = await manager.query<{ code: string; name: string }[]>(
        `SELECT DISTINCT ON (code) code, name_en AS name FROM service_type ORDER BY code, valid_from DESC NULLS LAST`,
      );
      const rows: Record<string, CubeRow[]> = {};
      // One after another: the embedded database has one session.
      for (const [dataset, sql] of Object.entries(DATASET_SQL)) {
        const result = await manager.query<Record<string, string | number | null>[]>(sql);
        rows[dataset] = result.map((row) => ({
          coordinates: Object.keys(row)
            .filter((key) => /^k\d$/.test(key))
            .sort()
            .map((key) => String(row[key])),
          value: Number(row.value),
          companion: row.companion === undefined || row.companion === null ? null : Number(row.companion),
        }));
      }
      return { regions, serviceTypes, rows };
    });
  }

  /** Inside the release's transaction: the next number, held until commit. */
  async nextNumber(manager: EntityManager): Promise<number> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [RELEASE_NUMBER_LOCK]);
    const [row] = await manager.query<{ next: number }[]>(
      'SELECT coalesce(max(number), 0)::int + 1 AS next FROM statistics_release',
    );
    return row.next;
  }

  async insertRelease(
    manager: EntityManager,
    number: number,
    release: NewRelease,
    files: NewReleaseFile[],
  ): Promise<Date> {
    const [row] = await manager.query<{ publishedAt: Date }[]>(
      `INSERT INTO statistics_release (number, published_by, note, corrects_release_number, threshold, period_from,
         period_to, manifest, sha256, suppressed_cells)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING published_at AS "publishedAt"`,
      [
        number,
        release.publishedBy,
        release.note,
        release.correctsReleaseNumber,
        release.threshold,
        release.periodFrom,
        release.periodTo,
        release.manifest,
        release.sha256,
        release.suppressedCells,
      ],
    );
    for (const file of files) {
      await manager.query(
        `INSERT INTO statistics_release_file (release_number, dataset, format, content, size_bytes, sha256)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [number, file.dataset, file.format, file.content, file.content.length, file.sha256],
      );
    }
    return row.publishedAt;
  }

  async exists(number: number): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>('SELECT 1 FROM statistics_release WHERE number = $1', [number]);
    return rows.length > 0;
  }

  /** The latest release, or the one numbered; null when there is none. */
  async release(number?: number): Promise<ReleaseRow | null> {
    const rows = await this.dataSource.query<ReleaseRow[]>(
      number === undefined
        ? `SELECT ${RELEASE_COLUMNS} FROM statistics_release ORDER BY number DESC LIMIT 1`
        : `SELECT ${RELEASE_COLUMNS} FROM statistics_release WHERE number = $1`,
      number === undefined ? [] : [number],
    );
    return rows[0] ?? null;
  }

  /** A page of releases, newest first, and how many there are. */
  async releases(offset: number, limit: number): Promise<{ items: ReleaseRow[]; total: number }> {
    const items = await this.dataSource.query<ReleaseRow[]>(
      `SELECT ${RELEASE_COLUMNS} FROM statistics_release ORDER BY number DESC OFFSET $1 LIMIT $2`,
      [offset, limit],
    );
    const [count] = await this.dataSource.query<{ total: number }[]>(
      'SELECT count(*)::int AS total FROM statistics_release',
    );
    return { items, total: count.total };
  }

  /** The files of the given releases (without their bytes). */
  async files(numbers: number[]): Promise<ReleaseFileRow[]> {
    if (numbers.length === 0) return [];
    return this.dataSource.query<ReleaseFileRow[]>(
      `SELECT ${FILE_COLUMNS} FROM statistics_release_file WHERE release_number = ANY($1::int[])
        ORDER BY release_number DESC, dataset, format`,
      [numbers],
    );
  }

  /** The stored bytes of one file, exactly as published. */
  async fileContent(
    number: number,
    dataset: string,
    format: string,
  ): Promise<{ content: Buffer; sha256: string; publishedAt: Date } | null> {
    const rows = await this.dataSource.query<{ content: Buffer; sha256: string; publishedAt: Date }[]>(
      `SELECT f.content, f.sha256, r.published_at AS "publishedAt"
         FROM statistics_release_file f JOIN statistics_release r ON r.number = f.release_number
        WHERE f.release_number = $1 AND f.dataset = $2 AND f.format = $3`,
      [number, dataset, format],
    );
    return rows[0] ?? null;
  }
}
