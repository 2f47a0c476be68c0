import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The monitoring dashboard's summary tables (docs/monitoring.md). The job
 * `monitoring-aggregates` rewrites them all in one transaction from the case tables,
 * so a page view reads a few hundred small rows instead of scanning every case.
 * `origin` is the country of origin of the case's applicant (null when not recorded):
 * the dashboard's origin filter. Years and months are Kazakhstan time (UTC+5).
 * Distributions (working days, waiting days) are kept as value × count, because
 * medians of regions do not add up to the nation's.
 */
export class MonitoringAggregates1764000000034 implements MigrationInterface {
  name = 'MonitoringAggregates1764000000034';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- One row: when the tables were last rewritten and how long it took.
      CREATE TABLE monitoring_refresh (
        id smallint PRIMARY KEY CONSTRAINT monitoring_refresh_one_row_chk CHECK (id = 1),
        refreshed_at timestamptz NOT NULL,
        duration_ms int NOT NULL CHECK (duration_ms >= 0)
      );

      -- Each day's working-day number (libs/domain workingDayNumbers), rebuilt by every refresh.
      CREATE TABLE monitoring_calendar (
        day date PRIMARY KEY,
        working_day_number int NOT NULL
      );

      -- Applications by the month they were submitted and their status now.
      CREATE TABLE monitoring_application_month (
        year smallint NOT NULL,
        month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
        region_id int NOT NULL CONSTRAINT monitoring_application_month_region_fk REFERENCES region (id),
        origin char(2),
        status varchar NOT NULL,
        applications int NOT NULL CHECK (applications > 0)
      );
      CREATE INDEX monitoring_application_month_year_idx ON monitoring_application_month (year, region_id);

      -- Working days from submission to decision, by the month of decision.
      CREATE TABLE monitoring_processing (
        year smallint NOT NULL,
        month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
        region_id int NOT NULL CONSTRAINT monitoring_processing_region_fk REFERENCES region (id),
        origin char(2),
        working_days int NOT NULL,
        decisions int NOT NULL CHECK (decisions > 0)
      );
      CREATE INDEX monitoring_processing_year_idx ON monitoring_processing (year, region_id);

      -- Decisions of the year by outcome and legal ground (null for approvals).
      CREATE TABLE monitoring_decision (
        year smallint NOT NULL,
        region_id int NOT NULL CONSTRAINT monitoring_decision_region_fk REFERENCES region (id),
        origin char(2),
        outcome varchar NOT NULL CHECK (outcome IN ('approved', 'refused', 'revoked')),
        legal_ground_id int CONSTRAINT monitoring_decision_legal_ground_fk REFERENCES legal_ground (id),
        decisions int NOT NULL CHECK (decisions > 0)
      );
      CREATE INDEX monitoring_decision_year_idx ON monitoring_decision (year, region_id);

      -- Cases past their deadline on the day of the refresh (the case list's "overdue" queue).
      CREATE TABLE monitoring_overdue (
        region_id int NOT NULL CONSTRAINT monitoring_overdue_region_fk REFERENCES region (id),
        origin char(2),
        overdue int NOT NULL CHECK (overdue > 0)
      );

      -- Families and persons arrived (settlement.actual_arrival) by month and region.
      CREATE TABLE monitoring_arrival (
        year smallint NOT NULL,
        month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
        region_id int NOT NULL CONSTRAINT monitoring_arrival_region_fk REFERENCES region (id),
        origin char(2),
        families int NOT NULL CHECK (families > 0),
        persons int NOT NULL CHECK (persons >= 0)
      );
      CREATE INDEX monitoring_arrival_year_idx ON monitoring_arrival (year, region_id);

      -- Applicants and family members of the cases submitted in the year.
      CREATE TABLE monitoring_person (
        year smallint NOT NULL,
        region_id int NOT NULL CONSTRAINT monitoring_person_region_fk REFERENCES region (id),
        origin char(2),
        country_of_origin char(2),
        age_group varchar NOT NULL,
        sex char(1) NOT NULL CHECK (sex IN ('M', 'F')),
        education_level varchar,
        persons int NOT NULL CHECK (persons > 0)
      );
      CREATE INDEX monitoring_person_year_idx ON monitoring_person (year, region_id);

      -- Referrals requested in the year by outcome, with calendar days from request to enrolment.
      CREATE TABLE monitoring_referral (
        year smallint NOT NULL,
        region_id int NOT NULL CONSTRAINT monitoring_referral_region_fk REFERENCES region (id),
        origin char(2),
        outcome varchar NOT NULL CHECK (outcome IN ('successful', 'not_successful', 'rejected', 'cancelled', 'open')),
        wait_days int,
        referrals int NOT NULL CHECK (referrals > 0)
      );
      CREATE INDEX monitoring_referral_year_idx ON monitoring_referral (year, region_id);

      -- Support paid out in the year (paid or reconciled), in tenge and in MCI of the payment's year.
      CREATE TABLE monitoring_payment (
        year smallint NOT NULL,
        region_id int NOT NULL CONSTRAINT monitoring_payment_region_fk REFERENCES region (id),
        origin char(2),
        kind varchar NOT NULL,
        payments int NOT NULL CHECK (payments > 0),
        amount_kzt bigint NOT NULL,
        amount_mci numeric(14, 2) NOT NULL
      );
      CREATE INDEX monitoring_payment_year_idx ON monitoring_payment (year, region_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE monitoring_payment;
      DROP TABLE monitoring_referral;
      DROP TABLE monitoring_person;
      DROP TABLE monitoring_arrival;
      DROP TABLE monitoring_overdue;
      DROP TABLE monitoring_decision;
      DROP TABLE monitoring_processing;
      DROP TABLE monitoring_application_month;
      DROP TABLE monitoring_calendar;
      DROP TABLE monitoring_refresh;
    `);
  }
}
