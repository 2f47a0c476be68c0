import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regional quotas and settlement. The quota row keeps live counters; the database
 * refuses any change that would over-allocate it (CHECK), so concurrent
 * reservations from any number of replicas can never exceed capacity. The ledger
 * is append-only: capacity changes, reservations, releases and settlements.
 */
export class QuotasAndSettlement1764000000004 implements MigrationInterface {
  name = 'QuotasAndSettlement1764000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quota (
        id serial PRIMARY KEY,
        year int NOT NULL CHECK (year BETWEEN 1990 AND 2200),
        region_id int NOT NULL CONSTRAINT quota_region_fk REFERENCES region (id),
        category varchar NOT NULL CHECK (category IN ('kandas', 'resettler')),
        unit varchar NOT NULL CHECK (unit IN ('persons', 'families')),
        capacity int NOT NULL CHECK (capacity >= 0),
        reserved int NOT NULL DEFAULT 0 CHECK (reserved >= 0),
        settled int NOT NULL DEFAULT 0 CHECK (settled >= 0),
        legal_act varchar NOT NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Never over-allocated, whatever the concurrency.
        CONSTRAINT quota_not_over_allocated_chk CHECK (reserved + settled <= capacity)
      );
      CREATE UNIQUE INDEX quota_year_region_category_uq ON quota (year, region_id, category);
      CREATE INDEX quota_region_idx ON quota (region_id, year);

      CREATE TABLE quota_ledger_entry (
        id bigserial PRIMARY KEY,
        quota_id int NOT NULL CONSTRAINT quota_ledger_entry_quota_fk REFERENCES quota (id),
        entry_date date NOT NULL,
        kind varchar NOT NULL CHECK (kind IN ('capacity_set', 'capacity_change', 'reserve', 'release', 'settle')),
        -- signed change of capacity, reserved and settled
        capacity_delta int NOT NULL DEFAULT 0,
        reserved_delta int NOT NULL DEFAULT 0,
        settled_delta int NOT NULL DEFAULT 0,
        legal_act varchar,
        reason text,
        reservation_id int,
        actor_id int CONSTRAINT quota_ledger_entry_actor_fk REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX quota_ledger_entry_quota_idx ON quota_ledger_entry (quota_id, id);
      CREATE FUNCTION quota_ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'quota_ledger_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER quota_ledger_no_update_delete BEFORE UPDATE OR DELETE ON quota_ledger_entry
        FOR EACH ROW EXECUTE FUNCTION quota_ledger_refuse_change();

      -- An approved family's request to be included in a region's quota.
      CREATE TABLE inclusion_request (
        id serial PRIMARY KEY,
        application_id int NOT NULL CONSTRAINT inclusion_request_application_fk REFERENCES application (id),
        year int NOT NULL,
        category varchar NOT NULL DEFAULT 'kandas' CHECK (category IN ('kandas', 'resettler')),
        status varchar NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'included', 'refused', 'withdrawn')),
        -- ranked region preferences, most wanted first
        preferred_region_ids int[] NOT NULL DEFAULT '{}',
        consent boolean NOT NULL,
        relatives_region_ids int[] NOT NULL DEFAULT '{}',
        -- individual adaptation plan: the services the family will need
        adaptation_services text[] NOT NULL DEFAULT '{}',
        adaptation_notes text,
        persons int NOT NULL CHECK (persons > 0),
        -- the region whose commission decides (the first preference unless moved by a placement)
        region_id int NOT NULL CONSTRAINT inclusion_request_region_fk REFERENCES region (id),
        deadline_due date,
        decided_at timestamptz,
        decided_by int CONSTRAINT inclusion_request_decided_by_fk REFERENCES app_user (id),
        refusal_reason text,
        version int NOT NULL DEFAULT 1,
        created_by int CONSTRAINT inclusion_request_created_by_fk REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX inclusion_request_one_open_uq ON inclusion_request (application_id) WHERE status IN ('submitted', 'included');
      CREATE INDEX inclusion_request_year_status_idx ON inclusion_request (year, status, region_id);

      CREATE TABLE reservation (
        id serial PRIMARY KEY,
        quota_id int NOT NULL CONSTRAINT reservation_quota_fk REFERENCES quota (id),
        inclusion_request_id int CONSTRAINT reservation_inclusion_request_fk REFERENCES inclusion_request (id),
        application_id int NOT NULL CONSTRAINT reservation_application_fk REFERENCES application (id),
        -- the whole family: all its members fit, or none are reserved
        persons int NOT NULL CHECK (persons > 0),
        status varchar NOT NULL DEFAULT 'reserved' CHECK (status IN ('reserved', 'settled', 'released')),
        release_reason varchar,
        created_by int CONSTRAINT reservation_created_by_fk REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        released_at timestamptz,
        settled_at timestamptz
      );
      -- A family holds at most one live reservation: moving region means release + new reservation.
      CREATE UNIQUE INDEX reservation_one_live_uq ON reservation (application_id) WHERE status IN ('reserved', 'settled');
      CREATE INDEX reservation_quota_idx ON reservation (quota_id, status);

      CREATE TABLE settlement (
        id serial PRIMARY KEY,
        reservation_id int NOT NULL CONSTRAINT settlement_reservation_fk REFERENCES reservation (id),
        application_id int NOT NULL CONSTRAINT settlement_application_fk REFERENCES application (id),
        region_id int NOT NULL CONSTRAINT settlement_region_fk REFERENCES region (id),
        district varchar,
        locality varchar,
        housing varchar CHECK (housing IN ('own', 'rented', 'adaptation_centre', 'relatives')),
        planned_arrival date,
        actual_arrival date,
        status varchar NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'arrived', 'cancelled')),
        confirmed_by int CONSTRAINT settlement_confirmed_by_fk REFERENCES app_user (id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX settlement_reservation_uq ON settlement (reservation_id);
      CREATE INDEX settlement_region_status_idx ON settlement (region_id, status, id);

      -- Reference data for placement: labour demand per region × occupation, region capacities, weights.
      CREATE TABLE labour_demand (
        id serial PRIMARY KEY,
        year int NOT NULL,
        region_id int NOT NULL CONSTRAINT labour_demand_region_fk REFERENCES region (id),
        occupation varchar NOT NULL,
        occupation_key varchar NOT NULL,
        vacancies int NOT NULL CHECK (vacancies >= 0),
        source varchar NOT NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX labour_demand_uq ON labour_demand (year, region_id, occupation_key);

      CREATE TABLE region_capacity (
        id serial PRIMARY KEY,
        year int NOT NULL,
        region_id int NOT NULL CONSTRAINT region_capacity_region_fk REFERENCES region (id),
        housing_units int NOT NULL DEFAULT 0 CHECK (housing_units >= 0),
        adaptation_centre_places int NOT NULL DEFAULT 0 CHECK (adaptation_centre_places >= 0),
        languages text[] NOT NULL DEFAULT '{kk,ru}',
        source varchar NOT NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX region_capacity_uq ON region_capacity (year, region_id);

      CREATE TABLE placement_weight (
        key varchar PRIMARY KEY CHECK (key IN ('labour_demand', 'remaining_quota', 'housing', 'preference', 'relatives', 'language')),
        weight numeric NOT NULL CHECK (weight >= 0),
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO placement_weight (key, weight) VALUES
        ('preference', 3), ('relatives', 2), ('labour_demand', 2), ('remaining_quota', 1), ('housing', 1), ('language', 0.5);

      -- A batch placement run over all families awaiting inclusion in a year.
      CREATE TABLE placement_batch (
        id serial PRIMARY KEY,
        year int NOT NULL,
        category varchar NOT NULL DEFAULT 'kandas',
        status varchar NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'proposed', 'accepted', 'failed')),
        progress int NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        families int,
        total_score numeric,
        lp_bound numeric,
        gap numeric,
        solve_ms int,
        fcfs_report jsonb,
        error text,
        created_by int CONSTRAINT placement_batch_created_by_fk REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      );

      CREATE TABLE placement_proposal (
        id serial PRIMARY KEY,
        batch_id int NOT NULL CONSTRAINT placement_proposal_batch_fk REFERENCES placement_batch (id) ON DELETE CASCADE,
        inclusion_request_id int NOT NULL CONSTRAINT placement_proposal_inclusion_request_fk REFERENCES inclusion_request (id),
        proposed_region_id int CONSTRAINT placement_proposal_region_fk REFERENCES region (id),
        score numeric,
        reasons jsonb,
        override_region_id int CONSTRAINT placement_proposal_override_region_fk REFERENCES region (id),
        override_reason text,
        overridden_by int CONSTRAINT placement_proposal_overridden_by_fk REFERENCES app_user (id),
        accepted_at timestamptz,
        reservation_id int CONSTRAINT placement_proposal_reservation_fk REFERENCES reservation (id),
        CONSTRAINT placement_proposal_override_reason_chk CHECK (override_region_id IS NULL OR length(trim(override_reason)) > 0)
      );
      CREATE UNIQUE INDEX placement_proposal_batch_request_uq ON placement_proposal (batch_id, inclusion_request_id);
      CREATE INDEX placement_proposal_region_idx ON placement_proposal (batch_id, proposed_region_id);
    `);
    await seedQuotas(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE placement_proposal;
      DROP TABLE placement_batch;
      DROP TABLE placement_weight;
      DROP TABLE region_capacity;
      DROP TABLE labour_demand;
      DROP TABLE settlement;
      DROP TABLE reservation;
      DROP TABLE inclusion_request;
      DROP TABLE quota_ledger_entry;
      DROP FUNCTION quota_ledger_refuse_change();
      DROP TABLE quota;
    `);
  }
}

/** Kandas quota by region, persons — domain-facts §3 (the rows add up to 2,309 and 2,281). */
const KANDAS: [string, number, number][] = [
  ['55', 1056, 977],
  ['11', 285, 285],
  ['63', 269, 200],
  ['10', 244, 264],
  ['59', 175, 200],
  ['39', 150, 200],
  ['23', 100, 125],
  ['27', 30, 30],
];
/** Resettler quota 2026 by region, persons — domain-facts §3. */
const RESETTLERS_2026: [string, number][] = [
  ['59', 2820],
  ['55', 1655],
  ['63', 600],
  ['39', 485],
  ['10', 275],
  ['62', 125],
  ['35', 37],
];
const ACT_2025 = 'MTSZN order on the regional quota for 2025 (baq.kz)';
const ACT_2026 = 'MTSZN order No. 431 of 30.12.2025 distributing the 2026 quota (inform.kz, mgorod.kz)';

async function seedQuotas(q: QueryRunner): Promise<void> {
  const insert = async (year: number, code: string, category: string, capacity: number, act: string) => {
    const [row]: { id: number }[] = await q.query(
      `INSERT INTO quota (year, region_id, category, unit, capacity, legal_act)
       SELECT $1, id, $3, 'persons', $4, $5 FROM region WHERE code = $2 RETURNING id`,
      [year, code, category, capacity, act],
    );
    await q.query(
      `INSERT INTO quota_ledger_entry (quota_id, entry_date, kind, capacity_delta, legal_act, reason)
       VALUES ($1, $2, 'capacity_set', $3, $4, 'Initial quota')`,
      [row.id, `${year}-01-01`, capacity, act],
    );
  };
  for (const [code, y2025, y2026] of KANDAS) {
    await insert(2025, code, 'kandas', y2025, ACT_2025);
    await insert(2026, code, 'kandas', y2026, ACT_2026);
  }
  for (const [code, capacity] of RESETTLERS_2026) await insert(2026, code, 'resettler', capacity, ACT_2026);
}
