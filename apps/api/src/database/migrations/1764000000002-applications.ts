import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applications for kandas status: persons, the case and its members, its timeline,
 * documents and certificates, with the editable checklist and legal grounds.
 * The database itself guards two rules: a person is in one active case at a time,
 * and a case's status only moves along the state machine.
 */
export class Applications1764000000002 implements MigrationInterface {
  name = 'Applications1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document_type (
        id serial PRIMARY KEY,
        key varchar NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]*$'),
        name_kk varchar NOT NULL,
        name_ru varchar NOT NULL,
        name_en varchar NOT NULL,
        -- one document for the case, or one for each family member
        scope varchar NOT NULL CHECK (scope IN ('application', 'member')),
        required boolean NOT NULL DEFAULT true,
        -- 'without_commission': only when the nationality commission has not recommended
        condition varchar NOT NULL DEFAULT 'always' CHECK (condition IN ('always', 'without_commission', 'mission_abroad')),
        sort_order int NOT NULL DEFAULT 0,
        source varchar NOT NULL,
        valid_from date,
        valid_to date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX document_type_key_valid_from_uq ON document_type (key, valid_from) NULLS NOT DISTINCT;

      CREATE TABLE legal_ground (
        id serial PRIMARY KEY,
        kind varchar NOT NULL CHECK (kind IN ('refuse_acceptance', 'reject', 'revoke')),
        code varchar NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]*$'),
        name_kk varchar NOT NULL,
        name_ru varchar NOT NULL,
        name_en varchar NOT NULL,
        source varchar NOT NULL,
        valid_from date,
        valid_to date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX legal_ground_code_uq ON legal_ground (code);
      CREATE INDEX legal_ground_kind_idx ON legal_ground (kind);

      CREATE TABLE person (
        id serial PRIMARY KEY,
        surname varchar NOT NULL,
        given_name varchar NOT NULL,
        patronymic varchar,
        surname_latin varchar NOT NULL,
        given_name_latin varchar NOT NULL,
        patronymic_latin varchar,
        other_spellings text[] NOT NULL DEFAULT '{}',
        birth_date date NOT NULL,
        sex char(1) NOT NULL CHECK (sex IN ('M', 'F')),
        iin char(12) CHECK (iin ~ '^[0-9]{12}$'),
        ethnicity varchar NOT NULL DEFAULT 'kazakh',
        citizenship char(2) CHECK (citizenship ~ '^[A-Z]{2}$'),
        country_of_origin char(2) CHECK (country_of_origin ~ '^[A-Z]{2}$'),
        id_document_type varchar CHECK (id_document_type IN ('passport', 'id_card', 'birth_certificate', 'stateless_document', 'other')),
        id_document_number varchar,
        id_document_issuer varchar,
        id_document_expiry date,
        education_level varchar CHECK (education_level IN ('none', 'primary', 'general_secondary', 'secondary_specialised', 'higher', 'postgraduate')),
        profession varchar,
        languages text[] NOT NULL DEFAULT '{}',
        phone varchar,
        address_abroad varchar,
        address_kz varchar,
        region_id int NOT NULL CONSTRAINT person_region_fk REFERENCES region (id),
        -- nameSearchKey() of every spelling, for script-insensitive trigram search
        search_key text NOT NULL,
        document_key varchar,
        merged_into_id int CONSTRAINT person_merged_into_fk REFERENCES person (id),
        version int NOT NULL DEFAULT 1,
        created_by int CONSTRAINT person_created_by_fk REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX person_iin_uq ON person (iin) WHERE iin IS NOT NULL AND merged_into_id IS NULL;
      CREATE INDEX person_iin_idx ON person (iin);
      CREATE INDEX person_document_key_idx ON person (document_key);
      CREATE INDEX person_search_key_trgm_idx ON person USING gin (search_key gin_trgm_ops);
      CREATE INDEX person_birth_date_idx ON person (birth_date);
      CREATE INDEX person_region_idx ON person (region_id, id);

      CREATE TABLE person_distinct_pair (
        person_id int NOT NULL CONSTRAINT person_distinct_pair_person_fk REFERENCES person (id),
        other_person_id int NOT NULL CONSTRAINT person_distinct_pair_other_fk REFERENCES person (id),
        decided_by int NOT NULL CONSTRAINT person_distinct_pair_user_fk REFERENCES app_user (id),
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (person_id, other_person_id),
        CONSTRAINT person_distinct_pair_order_chk CHECK (person_id < other_person_id)
      );

      CREATE TABLE application_number_counter (
        year int PRIMARY KEY,
        last_value int NOT NULL
      );

      CREATE TABLE application (
        id serial PRIMARY KEY,
        number varchar CHECK (number ~ '^KND-[0-9]{4}-[0-9]{6}$'),
        status varchar NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'acceptance_refused',
          'commission_review', 'under_review', 'information_requested', 'approved', 'rejected', 'withdrawn', 'expired', 'revoked')),
        channel varchar NOT NULL CHECK (channel IN ('egov', 'public_service_centre', 'mission_abroad', 'in_person')),
        region_id int NOT NULL CONSTRAINT application_region_fk REFERENCES region (id),
        assigned_to_id int CONSTRAINT application_assigned_to_fk REFERENCES app_user (id),
        applicant_id int NOT NULL CONSTRAINT application_applicant_fk REFERENCES person (id),
        deadline_stage varchar CHECK (deadline_stage IN ('completeness_check', 'commission_review', 'status_decision')),
        deadline_due date,
        -- working days left when information was requested (the clock is paused)
        deadline_paused_remaining int,
        submitted_at timestamptz,
        decided_at timestamptz,
        legal_ground_id int CONSTRAINT application_legal_ground_fk REFERENCES legal_ground (id),
        decision_comment text,
        status_valid_from date,
        status_valid_to date,
        extension_count int NOT NULL DEFAULT 0,
        version int NOT NULL DEFAULT 1,
        created_by int CONSTRAINT application_created_by_fk REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX application_number_uq ON application (number);
      CREATE INDEX application_region_status_idx ON application (region_id, status, id);
      CREATE INDEX application_assigned_status_idx ON application (assigned_to_id, status);
      CREATE INDEX application_deadline_due_idx ON application (region_id, deadline_due) WHERE deadline_due IS NOT NULL;
      CREATE INDEX application_applicant_idx ON application (applicant_id);
      CREATE INDEX application_created_at_idx ON application (created_at);

      -- A case's status only moves along the state machine (libs/domain application-workflow).
      CREATE TABLE application_transition (
        from_status varchar NOT NULL,
        to_status varchar NOT NULL,
        PRIMARY KEY (from_status, to_status)
      );
      INSERT INTO application_transition (from_status, to_status) VALUES
        ('draft', 'submitted'),
        ('submitted', 'under_review'), ('submitted', 'commission_review'), ('submitted', 'acceptance_refused'),
        ('commission_review', 'under_review'), ('commission_review', 'rejected'),
        ('under_review', 'information_requested'), ('information_requested', 'under_review'),
        ('under_review', 'approved'), ('under_review', 'rejected'),
        ('draft', 'withdrawn'), ('submitted', 'withdrawn'), ('commission_review', 'withdrawn'),
        ('under_review', 'withdrawn'), ('information_requested', 'withdrawn'),
        ('approved', 'approved'), ('approved', 'expired'), ('approved', 'revoked');
      CREATE FUNCTION application_check_transition() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IS DISTINCT FROM OLD.status AND NOT EXISTS (
          SELECT 1 FROM application_transition WHERE from_status = OLD.status AND to_status = NEW.status) THEN
          RAISE EXCEPTION 'application % cannot move from % to %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER application_status_transition BEFORE UPDATE OF status ON application
        FOR EACH ROW EXECUTE FUNCTION application_check_transition();

      CREATE TABLE application_member (
        id serial PRIMARY KEY,
        application_id int NOT NULL CONSTRAINT application_member_application_fk REFERENCES application (id) ON DELETE CASCADE,
        person_id int NOT NULL CONSTRAINT application_member_person_fk REFERENCES person (id),
        relation varchar NOT NULL CHECK (relation IN ('applicant', 'spouse', 'child', 'parent', 'sibling', 'other')),
        -- false once the case ends (refused, rejected, withdrawn, expired, revoked)
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX application_member_uq ON application_member (application_id, person_id);
      -- A person belongs to one active case at a time.
      CREATE UNIQUE INDEX application_member_one_active_case_uq ON application_member (person_id) WHERE active;

      CREATE TABLE application_event (
        id bigserial PRIMARY KEY,
        application_id int NOT NULL CONSTRAINT application_event_application_fk REFERENCES application (id) ON DELETE CASCADE,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id int CONSTRAINT application_event_actor_fk REFERENCES app_user (id),
        type varchar NOT NULL CHECK (type IN ('created', 'updated', 'transition', 'note', 'document', 'assignment', 'member')),
        transition varchar,
        from_status varchar,
        to_status varchar,
        comment text,
        data jsonb
      );
      CREATE INDEX application_event_application_idx ON application_event (application_id, id);

      CREATE TABLE document (
        id serial PRIMARY KEY,
        application_id int NOT NULL CONSTRAINT document_application_fk REFERENCES application (id),
        person_id int CONSTRAINT document_person_fk REFERENCES person (id),
        document_type_id int NOT NULL CONSTRAINT document_document_type_fk REFERENCES document_type (id),
        file_name varchar NOT NULL,
        content_type varchar NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        size_bytes int NOT NULL CHECK (size_bytes > 0),
        sha256 char(64) NOT NULL,
        storage_key varchar NOT NULL,
        status varchar NOT NULL DEFAULT 'uploaded' CHECK (status IN ('uploaded', 'verified', 'rejected')),
        rejection_reason text,
        uploaded_by int CONSTRAINT document_uploaded_by_fk REFERENCES app_user (id),
        reviewed_by int CONSTRAINT document_reviewed_by_fk REFERENCES app_user (id),
        reviewed_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX document_application_idx ON document (application_id, document_type_id);

      CREATE TABLE certificate (
        id serial PRIMARY KEY,
        number varchar NOT NULL,
        application_id int NOT NULL CONSTRAINT certificate_application_fk REFERENCES application (id),
        holder_initials varchar NOT NULL,
        issued_on date NOT NULL,
        valid_from date NOT NULL,
        valid_to date NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX certificate_number_uq ON certificate (number);
      CREATE UNIQUE INDEX certificate_application_uq ON certificate (application_id);
    `);
    await seedChecklistAndGrounds(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE certificate;
      DROP TABLE document;
      DROP TABLE application_event;
      DROP TABLE application_member;
      DROP TRIGGER application_status_transition ON application;
      DROP FUNCTION application_check_transition();
      DROP TABLE application_transition;
      DROP TABLE application;
      DROP TABLE application_number_counter;
      DROP TABLE person_distinct_pair;
      DROP TABLE person;
      DROP TABLE legal_ground;
      DROP TABLE document_type;
      DELETE FROM deadline_setting WHERE key IN ('status_decision', 'status_extension', 'status_extension_window', 'status_extension_limit');
    `);
  }
}

const RULES_2025 = 'MTSZN order 22.07.2013 No. 329-Ө-М as amended 10.10.2025; egov.kz service 2F30';

/** [key, kk, ru, en, scope, condition, order] — domain-facts §2 "Documents"; editable by admins. */
const DOCUMENT_TYPES: [string, string, string, string, 'application' | 'member', string, number][] = [
  ['application_form', 'Өтініш', 'Заявление', 'Application form', 'application', 'always', 10],
  [
    'autobiography',
    'Өмірбаян (еркін нысанда)',
    'Автобиография (в произвольной форме)',
    'Autobiography (free form)',
    'application',
    'always',
    20,
  ],
  [
    'identity_document',
    'Жеке басын куәландыратын құжат',
    'Документ, удостоверяющий личность',
    'Identity document',
    'member',
    'always',
    30,
  ],
  [
    'notarised_translation',
    'Құжаттың нотариат куәландырған аудармасы',
    'Нотариально засвидетельствованный перевод документа',
    'Notarised translation of the identity document',
    'member',
    'always',
    40,
  ],
  [
    'proof_of_nationality',
    'Қазақ ұлтына жататынын растайтын құжат',
    'Документ, подтверждающий казахскую национальность',
    'Proof of Kazakh nationality',
    'application',
    'without_commission',
    50,
  ],
  [
    'consent_decision',
    'ЖАО келісімі туралы шешім',
    'Решение МИО о согласии',
    'Consent decision of the local executive body',
    'application',
    'mission_abroad',
    60,
  ],
];

/** [kind, code, kk, ru, en, source] — grounds found in domain-facts §2; the full statutory list is unconfirmed. */
const LEGAL_GROUNDS: [string, string, string, string, string, string][] = [
  [
    'refuse_acceptance',
    'incomplete_documents',
    'Құжаттар топтамасы толық емес',
    'Неполный пакет документов',
    'Incomplete set of documents',
    `${RULES_2025} (kaz24.info)`,
  ],
  [
    'refuse_acceptance',
    'expired_documents',
    'Құжаттардың қолданылу мерзімі өткен',
    'Истёк срок действия документов',
    'Documents have expired',
    `${RULES_2025} (kaz24.info)`,
  ],
  [
    'reject',
    'false_information',
    'Жалған мәліметтер ұсынылған',
    'Представлены недостоверные сведения',
    'False information was provided',
    'uakytnews.kz (2022)',
  ],
  [
    'reject',
    'negative_nationality_finding',
    'Ұлты бойынша теріс қорытынды',
    'Отрицательное заключение о национальности',
    'Negative finding on Kazakh nationality',
    'Law "On migration of population" as amended 2024 (nationality commission)',
  ],
  [
    'reject',
    'holds_citizenship',
    'Қазақстан Республикасының азаматтығы бар',
    'Имеет гражданство Республики Казахстан',
    'Already a citizen of Kazakhstan',
    'Law "On migration of population", definition of kandas',
  ],
  [
    'revoke',
    'false_information_found',
    'Жалған мәліметтер анықталды',
    'Выявлены недостоверные сведения',
    'False information discovered after the decision',
    'uakytnews.kz (2022)',
  ],
  [
    'revoke',
    'citizenship_obtained',
    'Азаматтық алынды',
    'Получено гражданство',
    'Citizenship of Kazakhstan obtained',
    'almaty.tv: status ends on obtaining citizenship',
  ],
];

/** [key, kk, ru, en, amount, unit, source] — the decision term is unconfirmed (4, 5 or 30 working days reported). */
const DEADLINES: [string, string, string, string, number, string, string][] = [
  [
    'status_decision',
    'Мәртебе беру туралы шешім',
    'Решение о присвоении статуса',
    'Decision on kandas status',
    5,
    'working_days',
    'sakhara.kz (5 working days); eGov 2022: 4; State Corporation 2025: 30 — UNCONFIRMED',
  ],
  [
    'status_extension',
    'Мәртебені ұзарту мерзімі',
    'Срок продления статуса',
    'Status extension',
    3,
    'months',
    'Oralman rules 2018 (enbek.gov.kz); current rules UNCONFIRMED',
  ],
  [
    'status_extension_window',
    'Ұзартуға өтініш беру кезеңі (мерзім біткенге дейін)',
    'Период подачи на продление (до истечения)',
    'Window to apply for extension (before expiry)',
    6,
    'months',
    'Oralman rules 2018 (enbek.gov.kz); current rules UNCONFIRMED',
  ],
  [
    'status_extension_limit',
    'Ұзартулар саны',
    'Количество продлений',
    'Number of extensions allowed',
    1,
    'times',
    'Oralman rules 2018: extended once (enbek.gov.kz)',
  ],
];

async function seedChecklistAndGrounds(q: QueryRunner): Promise<void> {
  // A limit such as "extended once" is a count, not a span of time.
  await q.query(`
    ALTER TABLE deadline_setting DROP CONSTRAINT deadline_setting_unit_check;
    ALTER TABLE deadline_setting ADD CONSTRAINT deadline_setting_unit_check
      CHECK (unit IN ('working_days', 'calendar_days', 'months', 'years', 'times'));
  `);
  for (const [key, kk, ru, en, scope, condition, order] of DOCUMENT_TYPES) {
    await q.query(
      `INSERT INTO document_type (key, name_kk, name_ru, name_en, scope, condition, sort_order, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [key, kk, ru, en, scope, condition, order, RULES_2025],
    );
  }
  for (const [kind, code, kk, ru, en, source] of LEGAL_GROUNDS) {
    await q.query(
      `INSERT INTO legal_ground (kind, code, name_kk, name_ru, name_en, source) VALUES ($1, $2, $3, $4, $5, $6)`,
      [kind, code, kk, ru, en, source],
    );
  }
  for (const [key, kk, ru, en, amount, unit, source] of DEADLINES) {
    await q.query(
      `INSERT INTO deadline_setting (key, name_kk, name_ru, name_en, amount, unit, source) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [key, kk, ru, en, amount, unit, source],
    );
  }
}
