import type { MigrationInterface, QueryRunner } from 'typeorm';

const MFA_SOURCE = 'Qonys policy: every role that reads personal data uses a second factor (docs/accounts.md)';
const SERVICES_SOURCE =
  'Law No. 477-V On Population Migration art. 1 (adaptation and integration services); MTSZN Order No. 331-Ө-М as amended 30 May 2024 No. 170';

/**
 * Integration services after arrival (docs/integration-services.md): service types as
 * dated reference data in three languages, providers per region with the places each
 * service has per month, a family's adaptation plan and its items, and referrals to
 * providers. Places are counted per provider service and month in
 * `provider_capacity_use`, whose CHECK is the last guard against over-filling; the
 * `provider_staff` role belongs to one provider.
 */
export class IntegrationServices1764000000026 implements MigrationInterface {
  name = 'IntegrationServices1764000000026';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE service_type (
        id serial PRIMARY KEY,
        code varchar NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,62}$'),
        service_group varchar NOT NULL CHECK (service_group IN ('information', 'legal', 'social', 'medical', 'educational')),
        audience varchar NOT NULL DEFAULT 'family' CHECK (audience IN ('family', 'adult', 'school_child', 'preschool_child')),
        -- the inclusion request's service choice this type starts a plan from; null: added by hand
        inclusion_service varchar CHECK (inclusion_service IN ('information', 'legal', 'social', 'medical', 'educational',
          'language_course', 'vocational_training', 'job_placement', 'business_support')),
        response_working_days int NOT NULL DEFAULT 5 CHECK (response_working_days BETWEEN 1 AND 60),
        name_kk varchar NOT NULL,
        name_ru varchar NOT NULL,
        name_en varchar NOT NULL,
        source varchar NOT NULL,
        valid_from date,
        valid_to date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT service_type_validity_ck CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to)
      );
      CREATE UNIQUE INDEX service_type_code_valid_from_uq ON service_type (code, valid_from) NULLS NOT DISTINCT;

      INSERT INTO service_type (code, service_group, audience, inclusion_service, name_kk, name_ru, name_en, source) VALUES
        ('information_consultation', 'information', 'family', 'information',
         'Ақпараттық кеңес', 'Информационная консультация', 'Information and orientation', '${SERVICES_SOURCE}'),
        ('translator', 'information', 'family', NULL, 'Аудармашы', 'Переводчик', 'Translator', '${SERVICES_SOURCE}'),
        ('legal_aid', 'legal', 'family', 'legal', 'Заң көмегі', 'Юридическая помощь', 'Legal aid', '${SERVICES_SOURCE}'),
        ('document_help', 'legal', 'family', NULL,
         'Құжаттарды ресімдеуге көмек', 'Помощь в оформлении документов', 'Help with documents', '${SERVICES_SOURCE}'),
        ('temporary_accommodation', 'social', 'family', 'social',
         'Уақытша орналастыру', 'Временное размещение', 'Temporary accommodation', '${SERVICES_SOURCE}'),
        ('job_placement', 'social', 'adult', 'job_placement',
         'Жұмысқа орналастыру', 'Трудоустройство', 'Job placement', '${SERVICES_SOURCE}'),
        ('business_support', 'social', 'family', 'business_support',
         'Кәсіпкерлікті қолдау', 'Поддержка предпринимательства', 'Business support', '${SERVICES_SOURCE}'),
        ('psychologist', 'social', 'family', NULL, 'Психолог', 'Психолог', 'Psychologist', '${SERVICES_SOURCE}'),
        ('health_registration', 'medical', 'family', 'medical',
         'Емханаға тіркелу', 'Прикрепление к поликлинике', 'Registration with a clinic', '${SERVICES_SOURCE}'),
        ('kazakh_language', 'educational', 'adult', 'language_course',
         'Қазақ тілі курсы', 'Курсы казахского языка', 'Kazakh language course', '${SERVICES_SOURCE}'),
        ('russian_language', 'educational', 'adult', NULL,
         'Орыс тілі курсы', 'Курсы русского языка', 'Russian language course', '${SERVICES_SOURCE}'),
        ('vocational_training', 'educational', 'adult', 'vocational_training',
         'Кәсіптік оқыту', 'Профессиональное обучение', 'Vocational training', '${SERVICES_SOURCE}'),
        ('school_place', 'educational', 'school_child', 'educational',
         'Мектептен орын', 'Место в школе', 'School place', '${SERVICES_SOURCE}'),
        ('kindergarten_place', 'educational', 'preschool_child', 'educational',
         'Балабақшадан орын', 'Место в детском саду', 'Kindergarten place', '${SERVICES_SOURCE}');

      CREATE TABLE service_provider (
        id serial PRIMARY KEY,
        region_id int NOT NULL CONSTRAINT service_provider_region_fk REFERENCES region (id),
        kind varchar NOT NULL CHECK (kind IN ('adaptation_centre', 'temporary_accommodation_centre', 'career_centre',
          'language_school', 'college', 'school', 'kindergarten', 'clinic', 'employer', 'ngo')),
        name varchar NOT NULL,
        address varchar,
        phone varchar,
        email varchar,
        valid_from date,
        valid_to date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT service_provider_validity_ck CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to)
      );
      CREATE INDEX service_provider_region_idx ON service_provider (region_id, id);

      -- The services a provider offers and its places for each per month (beds, course seats).
      CREATE TABLE provider_service (
        id serial PRIMARY KEY,
        provider_id int NOT NULL CONSTRAINT provider_service_provider_fk REFERENCES service_provider (id) ON DELETE CASCADE,
        service_type_id int NOT NULL CONSTRAINT provider_service_type_fk REFERENCES service_type (id),
        places_per_month int NOT NULL CHECK (places_per_month BETWEEN 0 AND 100000),
        CONSTRAINT provider_service_uq UNIQUE (provider_id, service_type_id)
      );
      CREATE INDEX provider_service_type_idx ON provider_service (service_type_id);

      CREATE TABLE provider_capacity_use (
        provider_service_id int NOT NULL CONSTRAINT provider_capacity_use_service_fk REFERENCES provider_service (id) ON DELETE CASCADE,
        period date NOT NULL CHECK (extract(day FROM period) = 1),
        used int NOT NULL DEFAULT 0 CHECK (used >= 0),
        PRIMARY KEY (provider_service_id, period)
      );

      CREATE TABLE adaptation_plan (
        id serial PRIMARY KEY,
        application_id int NOT NULL CONSTRAINT adaptation_plan_application_fk REFERENCES application (id),
        -- where the family settles: its staff run the plan
        region_id int NOT NULL CONSTRAINT adaptation_plan_region_fk REFERENCES region (id),
        created_by int CONSTRAINT adaptation_plan_created_by_fk REFERENCES app_user (id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT adaptation_plan_application_uq UNIQUE (application_id)
      );
      CREATE INDEX adaptation_plan_region_idx ON adaptation_plan (region_id, id);

      CREATE TABLE adaptation_plan_item (
        id serial PRIMARY KEY,
        plan_id int NOT NULL CONSTRAINT adaptation_plan_item_plan_fk REFERENCES adaptation_plan (id) ON DELETE CASCADE,
        service_type_id int NOT NULL CONSTRAINT adaptation_plan_item_type_fk REFERENCES service_type (id),
        -- the member the item is for; null: the whole family
        person_id int CONSTRAINT adaptation_plan_item_person_fk REFERENCES person (id),
        note varchar(1000),
        created_by int CONSTRAINT adaptation_plan_item_created_by_fk REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX adaptation_plan_item_plan_idx ON adaptation_plan_item (plan_id, id);

      CREATE TABLE referral (
        id serial PRIMARY KEY,
        plan_item_id int NOT NULL CONSTRAINT referral_plan_item_fk REFERENCES adaptation_plan_item (id),
        application_id int NOT NULL CONSTRAINT referral_application_fk REFERENCES application (id),
        region_id int NOT NULL CONSTRAINT referral_region_fk REFERENCES region (id),
        provider_id int NOT NULL CONSTRAINT referral_provider_fk REFERENCES service_provider (id),
        provider_service_id int NOT NULL CONSTRAINT referral_provider_service_fk REFERENCES provider_service (id),
        person_id int CONSTRAINT referral_person_fk REFERENCES person (id),
        -- the month the service is wanted in, whose places it takes
        period date NOT NULL CHECK (extract(day FROM period) = 1),
        state varchar NOT NULL DEFAULT 'requested'
          CHECK (state IN ('requested', 'waitlisted', 'accepted', 'rejected', 'enrolled', 'completed', 'cancelled')),
        -- the family agreed that the provider may see who they are and how to reach them
        consent_to_share boolean NOT NULL,
        due_date date NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        responded_at timestamptz,
        waitlisted_at timestamptz,
        enrolled_at timestamptz,
        completed_at timestamptz,
        cancelled_at timestamptz,
        reject_reason varchar CHECK (reject_reason IN ('not_eligible', 'service_not_offered', 'family_unreachable', 'duplicate', 'other')),
        outcome varchar CHECK (outcome IN ('successful', 'not_successful')),
        failure_reason varchar CHECK (failure_reason IN ('did_not_attend', 'dropped_out', 'failed_assessment', 'moved_away', 'health', 'other')),
        cancel_reason varchar CHECK (cancel_reason IN ('family_declined', 'moved_away', 'no_longer_needed', 'other')),
        note varchar(1000),
        provider_notes varchar(2000),
        created_by int CONSTRAINT referral_created_by_fk REFERENCES app_user (id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT referral_rejected_ck CHECK ((state = 'rejected') = (reject_reason IS NOT NULL)),
        CONSTRAINT referral_outcome_ck CHECK ((state = 'completed') = (outcome IS NOT NULL)),
        CONSTRAINT referral_failure_ck CHECK ((outcome = 'not_successful') = (failure_reason IS NOT NULL)
          OR (outcome IS NULL AND failure_reason IS NULL))
      );
      CREATE INDEX referral_region_idx ON referral (region_id, id);
      CREATE INDEX referral_provider_idx ON referral (provider_id, state, id);
      CREATE INDEX referral_application_idx ON referral (application_id, id);
      CREATE INDEX referral_due_idx ON referral (due_date) WHERE state = 'requested';
      -- the waiting list of a provider's service in a month, oldest first
      CREATE INDEX referral_waitlist_idx ON referral (provider_service_id, period, waitlisted_at, id) WHERE state = 'waitlisted';
      -- one live referral per plan item
      CREATE UNIQUE INDEX referral_plan_item_open_uq ON referral (plan_item_id)
        WHERE state NOT IN ('rejected', 'cancelled');

      ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
      ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
        CHECK (role IN ('caseworker', 'regional_official', 'admin', 'auditor', 'provider_staff'));
      ALTER TABLE app_user ADD COLUMN provider_id int CONSTRAINT app_user_provider_fk REFERENCES service_provider (id);
      ALTER TABLE app_user ADD CONSTRAINT app_user_provider_ck CHECK ((role = 'provider_staff') = (provider_id IS NOT NULL));
      CREATE INDEX app_user_provider_idx ON app_user (provider_id) WHERE provider_id IS NOT NULL;

      ALTER TABLE mfa_policy DROP CONSTRAINT mfa_policy_role_check;
      ALTER TABLE mfa_policy ADD CONSTRAINT mfa_policy_role_check
        CHECK (role IN ('caseworker', 'regional_official', 'admin', 'auditor', 'provider_staff'));
      INSERT INTO mfa_policy (role, mfa_required, source) VALUES ('provider_staff', true, '${MFA_SOURCE}');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM mfa_policy WHERE role = 'provider_staff';
      ALTER TABLE mfa_policy DROP CONSTRAINT mfa_policy_role_check;
      ALTER TABLE mfa_policy ADD CONSTRAINT mfa_policy_role_check
        CHECK (role IN ('caseworker', 'regional_official', 'admin', 'auditor'));
      DELETE FROM app_user WHERE role = 'provider_staff';
      ALTER TABLE app_user DROP CONSTRAINT app_user_provider_ck;
      ALTER TABLE app_user DROP COLUMN provider_id;
      ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
      ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
        CHECK (role IN ('caseworker', 'regional_official', 'admin', 'auditor'));
      DROP TABLE referral;
      DROP TABLE adaptation_plan_item;
      DROP TABLE adaptation_plan;
      DROP TABLE provider_capacity_use;
      DROP TABLE provider_service;
      DROP TABLE service_provider;
      DROP TABLE service_type;
    `);
  }
}
