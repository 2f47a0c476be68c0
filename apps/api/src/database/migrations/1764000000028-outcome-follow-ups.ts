import type { MigrationInterface, QueryRunner } from 'typeorm';

const SOURCE =
  'Qonys practice for the individual adaptation plan: outcomes checked 3, 6 and 12 months after arrival (docs/integration-services.md); not a statutory term';

/**
 * Outcome follow-ups after arrival (docs/integration-services.md, Follow-ups): three
 * dated settings for when each is due, and the follow-up tasks the `outcome-follow-ups`
 * job creates once an arrived family reaches one — one per settlement and round.
 */
export class OutcomeFollowUps1764000000028 implements MigrationInterface {
  name = 'OutcomeFollowUps1764000000028';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO deadline_setting (key, name_kk, name_ru, name_en, amount, unit, source) VALUES
         ('follow_up_first', 'Бірінші бақылау (келгеннен кейін)', 'Первая проверка итогов (после прибытия)', 'First outcome follow-up (after arrival)', 3, 'months', $1),
         ('follow_up_second', 'Екінші бақылау (келгеннен кейін)', 'Вторая проверка итогов (после прибытия)', 'Second outcome follow-up (after arrival)', 6, 'months', $1),
         ('follow_up_third', 'Үшінші бақылау (келгеннен кейін)', 'Третья проверка итогов (после прибытия)', 'Third outcome follow-up (after arrival)', 12, 'months', $1)`,
      [SOURCE],
    );
    await q.query(`
      CREATE TABLE outcome_follow_up (
        id serial PRIMARY KEY,
        settlement_id int NOT NULL CONSTRAINT outcome_follow_up_settlement_fk REFERENCES settlement (id),
        application_id int NOT NULL CONSTRAINT outcome_follow_up_application_fk REFERENCES application (id),
        -- where the family lives: its staff follow it up
        region_id int NOT NULL CONSTRAINT outcome_follow_up_region_fk REFERENCES region (id),
        round int NOT NULL CHECK (round BETWEEN 1 AND 3),
        due_date date NOT NULL,
        state varchar NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done')),
        employment varchar CHECK (employment IN ('employed', 'self_employed', 'in_training', 'seeking_work', 'not_seeking')),
        employment_route varchar CHECK (employment_route IN ('career_centre', 'employer_subsidy', 'own_search', 'relatives',
          'business_support', 'other')),
        language_level varchar CHECK (language_level IN ('none', 'a1', 'a2', 'b1', 'b2', 'c1')),
        schooling varchar CHECK (schooling IN ('all', 'some', 'none', 'no_school_age')),
        housing varchar CHECK (housing IN ('own', 'rented', 'adaptation_centre', 'relatives')),
        note varchar(2000),
        done_at timestamptz,
        done_by int CONSTRAINT outcome_follow_up_done_by_fk REFERENCES app_user (id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT outcome_follow_up_round_uq UNIQUE (settlement_id, round),
        CONSTRAINT outcome_follow_up_done_ck CHECK ((state = 'done') = (done_at IS NOT NULL AND employment IS NOT NULL
          AND language_level IS NOT NULL AND schooling IS NOT NULL AND housing IS NOT NULL))
      );
      CREATE INDEX outcome_follow_up_region_idx ON outcome_follow_up (region_id, state, due_date, id);
      CREATE INDEX outcome_follow_up_open_case_idx ON outcome_follow_up (application_id, due_date) WHERE state = 'open';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE outcome_follow_up;
      DELETE FROM deadline_setting WHERE key IN ('follow_up_first', 'follow_up_second', 'follow_up_third');
    `);
  }
}
