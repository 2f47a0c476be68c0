import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AGE_GROUP_WIDTH, AGE_GROUPS } from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';

/** A timestamptz column as the Kazakhstan (UTC+5) wall-clock time, for years, months and days. */
const kz = (column: string) => `(${column} AT TIME ZONE 'UTC' + interval '5 hours')`;
const year = (column: string) => `extract(year FROM ${kz(column)})::smallint`;
const month = (column: string) => `extract(month FROM ${kz(column)})::smallint`;
const day = (column: string) => `${kz(column)}::date`;

/** What the dashboard reads: the filters, already scoped to the caller's region. */
export interface MonitoringFilter {
  year: number;
  regionId: number | null;
  origin: string | null;
}

export interface RegionRow {
  id: number;
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  settlementYears: number[];
}

/** The summary rows of one dashboard view, as read in one statement (one snapshot). */
export interface MonitoringRows {
  asOf: string | null;
  statutoryTermWorkingDays: number | null;
  regions: RegionRow[];
  applications: { month: number; status: string; applications: number }[];
  processing: { month: number; workingDays: number; decisions: number }[];
  decisions: {
    outcome: string;
    legalGroundId: number | null;
    legalGroundCode: string | null;
    legalGround: { nameKk: string; nameRu: string; nameEn: string } | null;
    decisions: number;
  }[];
  overdue: { regionId: number; overdue: number }[];
  quotas: { regionId: number; capacity: number; reserved: number; settled: number }[];
  arrivals: { month: number; regionId: number; families: number; persons: number }[];
  arrivalsByYear: { year: number; regionId: number; persons: number }[];
  origins: { country: string | null; persons: number }[];
  pyramid: { ageGroup: string; sex: string; persons: number }[];
  education: { educationLevel: string | null; persons: number }[];
  referrals: { outcome: string; referrals: number }[];
  referralWaits: { waitDays: number; referrals: number }[];
  payments: { kind: string; payments: number; amountKzt: number; amountMci: number }[];
}

/** Row counts written by a refresh, per summary table. */
export type RefreshCounts = Record<string, number>;

/** The monitoring summary tables: their set-based rewrite, and the dashboard's read of them. */
@Injectable()
export class MonitoringRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async lastRefresh(): Promise<Date | null> {
    const rows = await this.dataSource.query<{ refreshed_at: Date }[]>('SELECT refreshed_at FROM monitoring_refresh');
    return rows[0]?.refreshed_at ?? null;
  }

  /** Serialises refreshes (the job and the start-up one) and fixes the span the calendar must cover. */
  async lockAndSpan(manager: EntityManager): Promise<{ first: string | null; last: string | null }> {
    await manager.query('LOCK TABLE monitoring_refresh IN EXCLUSIVE MODE');
    const [row] = await manager.query<{ first: string | null; last: string | null }[]>(
      `SELECT to_char(min(${day('submitted_at')}), 'YYYY-MM-DD') AS first,
              to_char(max(${day('decided_at')}), 'YYYY-MM-DD') AS last
         FROM application WHERE submitted_at IS NOT NULL`,
    );
    return row;
  }

  async writeCalendar(manager: EntityManager, days: string[], numbers: number[]): Promise<void> {
    await manager.query('DELETE FROM monitoring_calendar');
    await manager.query(
      'INSERT INTO monitoring_calendar (day, working_day_number) SELECT * FROM unnest($1::date[], $2::int[])',
      [days, numbers],
    );
  }

  /** Rewrites every summary table from the case tables; `today` is Kazakhstan's date for "overdue". */
  async rewriteSummaries(manager: EntityManager, today: string): Promise<RefreshCounts> {
    const counts: RefreshCounts = {};
    const rewrite = async (table: string, insert: string, params: unknown[] = []) => {
      await manager.query(`DELETE FROM ${table}`);
      await manager.query(insert, params);
      const [{ rows }] = await manager.query<{ rows: number }[]>(`SELECT count(*)::int AS rows FROM ${table}`);
      counts[table] = rows;
    };
    await rewrite(
      'monitoring_application_month',
      `INSERT INTO monitoring_application_month (year, month, region_id, origin, status, applications)
       SELECT ${year('a.submitted_at')}, ${month('a.submitted_at')}, a.region_id, p.country_of_origin, a.status, count(*)
         FROM application a JOIN person p ON p.id = a.applicant_id
        WHERE a.submitted_at IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5`,
    );
    // A revocation moves decided_at to the revocation, so revoked cases have no decision time.
    await rewrite(
      'monitoring_processing',
      `INSERT INTO monitoring_processing (year, month, region_id, origin, working_days, decisions)
       SELECT ${year('a.decided_at')}, ${month('a.decided_at')}, a.region_id, p.country_of_origin,
              cd.working_day_number - cs.working_day_number, count(*)
         FROM application a
         JOIN person p ON p.id = a.applicant_id
         JOIN monitoring_calendar cs ON cs.day = ${day('a.submitted_at')}
         JOIN monitoring_calendar cd ON cd.day = ${day('a.decided_at')}
        WHERE a.decided_at IS NOT NULL AND a.submitted_at IS NOT NULL
          AND a.status IN ('approved', 'expired', 'acceptance_refused', 'rejected')
        GROUP BY 1, 2, 3, 4, 5`,
    );
    await rewrite(
      'monitoring_decision',
      `INSERT INTO monitoring_decision (year, region_id, origin, outcome, legal_ground_id, decisions)
       SELECT ${year('a.decided_at')}, a.region_id, p.country_of_origin, o.outcome,
              CASE WHEN o.outcome = 'approved' THEN NULL ELSE a.legal_ground_id END, count(*)
         FROM application a
         JOIN person p ON p.id = a.applicant_id
         CROSS JOIN LATERAL (SELECT CASE WHEN a.status IN ('approved', 'expired') THEN 'approved'
                                         WHEN a.status IN ('acceptance_refused', 'rejected') THEN 'refused'
                                         WHEN a.status = 'revoked' THEN 'revoked' END AS outcome) o
        WHERE a.decided_at IS NOT NULL AND o.outcome IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5`,
    );
    // The same condition as the case list's "overdue" queue, so a click lands on these cases.
    await rewrite(
      'monitoring_overdue',
      `INSERT INTO monitoring_overdue (region_id, origin, overdue)
       SELECT a.region_id, p.country_of_origin, count(*)
         FROM application a JOIN person p ON p.id = a.applicant_id
        WHERE a.deadline_due < $1::date
        GROUP BY 1, 2`,
      [today],
    );
    await rewrite(
      'monitoring_arrival',
      `INSERT INTO monitoring_arrival (year, month, region_id, origin, families, persons)
       SELECT extract(year FROM s.actual_arrival)::smallint, extract(month FROM s.actual_arrival)::smallint,
              s.region_id, p.country_of_origin, count(*), sum(r.persons)
         FROM settlement s
         JOIN reservation r ON r.id = s.reservation_id
         JOIN application a ON a.id = s.application_id
         JOIN person p ON p.id = a.applicant_id
        WHERE s.actual_arrival IS NOT NULL AND s.status IN ('arrived', 'departed')
        GROUP BY 1, 2, 3, 4`,
    );
    // Age on the day the case was submitted, in AGE_GROUPS of AGE_GROUP_WIDTH years, the last one open.
    await rewrite(
      'monitoring_person',
      `INSERT INTO monitoring_person (year, region_id, origin, country_of_origin, age_group, sex, education_level, persons)
       SELECT ${year('a.submitted_at')}, a.region_id, ap.country_of_origin, mp.country_of_origin,
              ($1::text[])[least(floor(extract(year FROM age(${day('a.submitted_at')}, mp.birth_date)) / $2)::int, $3) + 1],
              mp.sex, mp.education_level, count(*)
         FROM application a
         JOIN person ap ON ap.id = a.applicant_id
         JOIN application_member m ON m.application_id = a.id
         JOIN person mp ON mp.id = m.person_id
        WHERE a.submitted_at IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5, 6, 7`,
      [AGE_GROUPS, AGE_GROUP_WIDTH, AGE_GROUPS.length - 1],
    );
    await rewrite(
      'monitoring_referral',
      `INSERT INTO monitoring_referral (year, region_id, origin, outcome, wait_days, referrals)
       SELECT ${year('r.requested_at')}, r.region_id, p.country_of_origin,
              CASE r.state WHEN 'completed' THEN r.outcome WHEN 'rejected' THEN 'rejected'
                           WHEN 'cancelled' THEN 'cancelled' ELSE 'open' END,
              ${day('r.enrolled_at')} - ${day('r.requested_at')}, count(*)
         FROM referral r
         JOIN application a ON a.id = r.application_id
         JOIN person p ON p.id = a.applicant_id
        GROUP BY 1, 2, 3, 4, 5`,
    );
    await rewrite(
      'monitoring_payment',
      `INSERT INTO monitoring_payment (year, region_id, origin, kind, payments, amount_kzt, amount_mci)
       SELECT ${year('sp.paid_at')}, sp.region_id, p.country_of_origin, sp.kind, count(*), sum(sp.amount_kzt),
              round(sum(sp.amount_kzt::numeric / sp.mci_value), 2)
         FROM support_payment sp
         JOIN application a ON a.id = sp.application_id
         JOIN person p ON p.id = a.applicant_id
        WHERE sp.state IN ('paid', 'reconciled')
        GROUP BY 1, 2, 3, 4`,
    );
    return counts;
  }

  async markRefreshed(manager: EntityManager, refreshedAt: Date, durationMs: number): Promise<void> {
    await manager.query(
      `INSERT INTO monitoring_refresh (id, refreshed_at, duration_ms) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at, duration_ms = EXCLUDED.duration_ms`,
      [refreshedAt, durationMs],
    );
  }

  /**
   * The dashboard's rows in one statement over the summary tables (and the small quota,
   * region and deadline-setting tables). `today` picks the statutory term in force.
   */
  async read(filter: MonitoringFilter, today: string): Promise<MonitoringRows> {
    // $1 year, $2 region or null, $3 origin or null, $4 today
    const where = (alias: string, byYear = true) =>
      `${byYear ? `${alias}.year = $1 AND ` : ''}($2::int IS NULL OR ${alias}.region_id = $2) AND ($3::char(2) IS NULL OR ${alias}.origin = $3)`;
    const rows = (select: string) => `COALESCE((SELECT json_agg(t) FROM (${select}) t), '[]'::json)`;
    const [row] = await this.dataSource.query<MonitoringRows[]>(
      `SELECT
         (SELECT refreshed_at FROM monitoring_refresh) AS "asOf",
         (SELECT sum(amount)::int FROM deadline_setting
           WHERE key IN ('completeness_check', 'status_decision') AND unit = 'working_days'
             AND (valid_from IS NULL OR valid_from <= $4::date) AND (valid_to IS NULL OR valid_to >= $4::date)) AS "statutoryTermWorkingDays",
         ${rows(`SELECT id, code, name_kk AS "nameKk", name_ru AS "nameRu", name_en AS "nameEn", settlement_years AS "settlementYears"
                   FROM region ORDER BY code`)} AS regions,
         ${rows(`SELECT month, status, sum(applications)::int AS applications FROM monitoring_application_month x
                  WHERE ${where('x')} GROUP BY 1, 2 ORDER BY 1, 2`)} AS applications,
         ${rows(`SELECT month, working_days AS "workingDays", sum(decisions)::int AS decisions FROM monitoring_processing x
                  WHERE ${where('x')} GROUP BY 1, 2 ORDER BY 1, 2`)} AS processing,
         ${rows(`SELECT x.outcome, x.legal_ground_id AS "legalGroundId", g.code AS "legalGroundCode",
                        CASE WHEN g.id IS NULL THEN NULL
                             ELSE json_build_object('nameKk', g.name_kk, 'nameRu', g.name_ru, 'nameEn', g.name_en) END AS "legalGround",
                        sum(x.decisions)::int AS decisions
                   FROM monitoring_decision x LEFT JOIN legal_ground g ON g.id = x.legal_ground_id
                  WHERE ${where('x')} GROUP BY x.outcome, x.legal_ground_id, g.id ORDER BY 1, 2`)} AS decisions,
         ${rows(`SELECT region_id AS "regionId", sum(overdue)::int AS overdue FROM monitoring_overdue x
                  WHERE ${where('x', false)} GROUP BY 1 ORDER BY 1`)} AS overdue,
         ${rows(`SELECT region_id AS "regionId", sum(capacity)::int AS capacity, sum(reserved)::int AS reserved, sum(settled)::int AS settled
                   FROM quota WHERE year = $1 AND category = 'kandas' AND ($2::int IS NULL OR region_id = $2)
                  GROUP BY 1 ORDER BY 1`)} AS quotas,
         ${rows(`SELECT month, region_id AS "regionId", sum(families)::int AS families, sum(persons)::int AS persons
                   FROM monitoring_arrival x WHERE ${where('x')} GROUP BY 1, 2 ORDER BY 1, 2`)} AS arrivals,
         ${rows(`SELECT year, region_id AS "regionId", sum(persons)::int AS persons
                   FROM monitoring_arrival x WHERE ${where('x', false)} GROUP BY 1, 2 ORDER BY 1, 2`)} AS "arrivalsByYear",
         ${rows(`SELECT country_of_origin AS country, sum(persons)::int AS persons FROM monitoring_person x
                  WHERE ${where('x')} GROUP BY 1 ORDER BY 2 DESC, 1`)} AS origins,
         ${rows(`SELECT age_group AS "ageGroup", sex, sum(persons)::int AS persons FROM monitoring_person x
                  WHERE ${where('x')} GROUP BY 1, 2 ORDER BY 1, 2`)} AS pyramid,
         ${rows(`SELECT education_level AS "educationLevel", sum(persons)::int AS persons FROM monitoring_person x
                  WHERE ${where('x')} GROUP BY 1 ORDER BY 1`)} AS education,
         ${rows(`SELECT outcome, sum(referrals)::int AS referrals FROM monitoring_referral x
                  WHERE ${where('x')} GROUP BY 1 ORDER BY 1`)} AS referrals,
         ${rows(`SELECT wait_days AS "waitDays", sum(referrals)::int AS referrals FROM monitoring_referral x
                  WHERE ${where('x')} AND wait_days IS NOT NULL GROUP BY 1 ORDER BY 1`)} AS "referralWaits",
         ${rows(`SELECT kind, sum(payments)::int AS payments, sum(amount_kzt)::float8 AS "amountKzt", sum(amount_mci)::float8 AS "amountMci"
                   FROM monitoring_payment x WHERE ${where('x')} GROUP BY 1 ORDER BY 1`)} AS payments`,
      [filter.year, filter.regionId, filter.origin, today],
    );
    return row;
  }
}
