import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation schema: staff accounts and sessions, the hash-chained audit log
 * (append-only, enforced by triggers) and the reference data the procedure reads.
 */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE region (
        id serial PRIMARY KEY,
        code varchar(2) NOT NULL CHECK (code ~ '^[0-9]{2}$'),
        name_kk varchar NOT NULL,
        name_ru varchar NOT NULL,
        name_en varchar NOT NULL,
        centre varchar,
        settlement_years int[] NOT NULL DEFAULT '{}',
        source varchar NOT NULL,
        valid_from date,
        valid_to date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT region_validity_chk CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
      );
      CREATE UNIQUE INDEX region_code_uq ON region (code);
      CREATE INDEX region_settlement_years_idx ON region USING gin (settlement_years);

      CREATE TABLE mci_rate (
        id serial PRIMARY KEY,
        year int NOT NULL CHECK (year BETWEEN 1990 AND 2200),
        amount int NOT NULL CHECK (amount > 0),
        source varchar NOT NULL,
        valid_from date,
        valid_to date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX mci_rate_year_uq ON mci_rate (year);

      CREATE TABLE holiday (
        id serial PRIMARY KEY,
        kind varchar NOT NULL CHECK (kind IN ('fixed', 'dated', 'working_day')),
        month int CHECK (month BETWEEN 1 AND 12),
        day int CHECK (day BETWEEN 1 AND 31),
        date date,
        name_kk varchar NOT NULL,
        name_ru varchar NOT NULL,
        name_en varchar NOT NULL,
        moves_if_weekend boolean NOT NULL DEFAULT true,
        source varchar NOT NULL,
        valid_from date,
        valid_to date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT holiday_shape_chk CHECK (
          (kind = 'fixed' AND month IS NOT NULL AND day IS NOT NULL AND date IS NULL)
          OR (kind IN ('dated', 'working_day') AND date IS NOT NULL AND month IS NULL AND day IS NULL))
      );
      CREATE INDEX holiday_kind_idx ON holiday (kind);
      CREATE INDEX holiday_date_idx ON holiday (date);

      CREATE TABLE deadline_setting (
        id serial PRIMARY KEY,
        key varchar NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]*$'),
        name_kk varchar NOT NULL,
        name_ru varchar NOT NULL,
        name_en varchar NOT NULL,
        amount int NOT NULL CHECK (amount > 0),
        unit varchar NOT NULL CHECK (unit IN ('working_days', 'calendar_days', 'months', 'years')),
        source varchar NOT NULL,
        valid_from date,
        valid_to date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX deadline_setting_key_valid_from_uq ON deadline_setting (key, valid_from) NULLS NOT DISTINCT;

      CREATE TABLE app_user (
        id serial PRIMARY KEY,
        username varchar NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
        full_name varchar NOT NULL,
        email varchar,
        role varchar NOT NULL CHECK (role IN ('caseworker', 'regional_official', 'admin', 'auditor')),
        region_id int CONSTRAINT app_user_region_fk REFERENCES region (id),
        password_hash varchar NOT NULL,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        disabled boolean NOT NULL DEFAULT false,
        failed_login_count int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_login_at timestamptz,
        mfa_secret varchar,
        mfa_enabled boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Every non-admin user belongs to one region.
        CONSTRAINT app_user_region_chk CHECK (role IN ('admin', 'auditor') OR region_id IS NOT NULL)
      );
      CREATE UNIQUE INDEX app_user_username_uq ON app_user (username);
      CREATE INDEX app_user_region_idx ON app_user (region_id);
      CREATE INDEX app_user_role_idx ON app_user (role);

      CREATE TABLE auth_session (
        id uuid PRIMARY KEY,
        user_id int NOT NULL CONSTRAINT auth_session_user_fk REFERENCES app_user (id) ON DELETE CASCADE,
        refresh_token_hash varchar NOT NULL,
        previous_refresh_token_hash varchar,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason varchar,
        ip varchar,
        user_agent varchar,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX auth_session_user_active_idx ON auth_session (user_id) WHERE revoked_at IS NULL;

      CREATE TABLE mfa_recovery_code (
        id serial PRIMARY KEY,
        user_id int NOT NULL CONSTRAINT mfa_recovery_code_user_fk REFERENCES app_user (id) ON DELETE CASCADE,
        code_hash varchar NOT NULL,
        used_at timestamptz
      );
      CREATE INDEX mfa_recovery_code_user_idx ON mfa_recovery_code (user_id);

      CREATE TABLE audit_event (
        id bigint PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor_id int,
        actor_username varchar,
        actor_role varchar,
        action varchar NOT NULL,
        entity_type varchar,
        entity_id varchar,
        region_id int,
        changes jsonb,
        request_id varchar,
        ip varchar,
        prev_hash varchar NOT NULL,
        hash varchar NOT NULL
      );
      CREATE SEQUENCE audit_event_id_seq OWNED BY audit_event.id;
      CREATE INDEX audit_event_occurred_at_idx ON audit_event (occurred_at);
      CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, id);
      CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, id);
      CREATE INDEX audit_event_action_idx ON audit_event (action, id);
      CREATE INDEX audit_event_ip_action_idx ON audit_event (ip, action, occurred_at);

      -- The audit log is append-only: no role, not even the application's, may rewrite it.
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
    `);
    await seedReferenceData(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_event;
      DROP FUNCTION audit_event_refuse_change();
      DROP TABLE mfa_recovery_code;
      DROP TABLE auth_session;
      DROP TABLE app_user;
      DROP TABLE deadline_setting;
      DROP TABLE holiday;
      DROP TABLE mci_rate;
      DROP TABLE region;
    `);
  }
}

const FACT_SHEET = 'ISO 3166-2:KZ / KATO prefix; regions Abai, Jetisu, Ulytau formed 8 June 2022';

/** [code, kk, ru, en, centre, settlement years] — domain-facts §3 and §6. */
const REGIONS: [string, string, string, string, string | null, number[]][] = [
  ['10', 'Абай облысы', 'область Абай', 'Abai', 'Semey', [2024, 2025, 2026]],
  ['11', 'Ақмола облысы', 'Акмолинская область', 'Akmola', 'Kokshetau', [2016, 2024, 2025, 2026]],
  ['15', 'Ақтөбе облысы', 'Актюбинская область', 'Aktobe', 'Aktobe', []],
  ['19', 'Алматы облысы', 'Алматинская область', 'Almaty Region', 'Konaev', []],
  ['23', 'Атырау облысы', 'Атырауская область', 'Atyrau', 'Atyrau', [2016, 2025, 2026]],
  ['27', 'Батыс Қазақстан облысы', 'Западно-Казахстанская область', 'West Kazakhstan', 'Oral', [2016, 2025, 2026]],
  ['31', 'Жамбыл облысы', 'Жамбылская область', 'Zhambyl', 'Taraz', []],
  ['33', 'Жетісу облысы', 'область Жетісу', 'Jetisu', 'Taldykorgan', []],
  ['35', 'Қарағанды облысы', 'Карагандинская область', 'Karaganda', 'Karaganda', []],
  ['39', 'Қостанай облысы', 'Костанайская область', 'Kostanay', 'Kostanay', [2016, 2024, 2025, 2026]],
  ['43', 'Қызылорда облысы', 'Кызылординская область', 'Kyzylorda', 'Kyzylorda', []],
  ['47', 'Маңғыстау облысы', 'Мангистауская область', 'Mangystau', 'Aktau', []],
  ['55', 'Павлодар облысы', 'Павлодарская область', 'Pavlodar', 'Pavlodar', [2016, 2024, 2025, 2026]],
  [
    '59',
    'Солтүстік Қазақстан облысы',
    'Северо-Казахстанская область',
    'North Kazakhstan',
    'Petropavl',
    [2016, 2024, 2025, 2026],
  ],
  ['61', 'Түркістан облысы', 'Туркестанская область', 'Turkistan', 'Turkistan', []],
  ['62', 'Ұлытау облысы', 'область Ұлытау', 'Ulytau', 'Zhezkazgan', []],
  [
    '63',
    'Шығыс Қазақстан облысы',
    'Восточно-Казахстанская область',
    'East Kazakhstan',
    'Oskemen',
    [2016, 2024, 2025, 2026],
  ],
  ['71', 'Астана', 'г. Астана', 'Astana', null, []],
  ['75', 'Алматы', 'г. Алматы', 'Almaty', null, []],
  ['79', 'Шымкент', 'г. Шымкент', 'Shymkent', null, []],
];
const NEW_REGIONS_FROM = '2022-06-08';

/** [year, tenge, source] — domain-facts §9. */
const MCI: [number, number, string][] = [
  [2023, 3450, 'Law on the republican budget 2023–2025'],
  [2024, 3692, 'Law on the republican budget 2024–2026 (mgorod.kz)'],
  [2025, 3932, 'Law on the republican budget 2025–2027 (tengrinews.kz)'],
  [2026, 4325, 'Law on the republican budget 2026–2028 (ddn.kz)'],
];

const HOLIDAY_LAW = 'Law "On holidays in the Republic of Kazakhstan" 13.12.2001, art. 1, 5';
const LABOUR_CODE = 'Labour Code art. 84(5): religious days off, no replacement day';
/** [month, day, kk, ru, en, movesIfWeekend, validFrom, validTo, source] — domain-facts §10. */
const FIXED_HOLIDAYS: [number, number, string, string, string, boolean, string | null, string | null, string][] = [
  [1, 1, 'Жаңа жыл', 'Новый год', 'New Year', true, null, null, HOLIDAY_LAW],
  [1, 2, 'Жаңа жыл', 'Новый год', 'New Year', true, null, null, HOLIDAY_LAW],
  [1, 7, 'Православие Рождествосы', 'Православное Рождество', 'Orthodox Christmas', false, null, null, LABOUR_CODE],
  [
    3,
    8,
    'Халықаралық әйелдер күні',
    'Международный женский день',
    "International Women's Day",
    true,
    null,
    null,
    HOLIDAY_LAW,
  ],
  [3, 21, 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz', true, null, null, HOLIDAY_LAW],
  [3, 22, 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz', true, null, null, HOLIDAY_LAW],
  [3, 23, 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz', true, null, null, HOLIDAY_LAW],
  [
    5,
    1,
    'Қазақстан халқының бірлігі мерекесі',
    'Праздник единства народа Казахстана',
    'Unity Day of the People of Kazakhstan',
    true,
    null,
    null,
    HOLIDAY_LAW,
  ],
  [
    5,
    7,
    'Отан Қорғаушы күні',
    'День защитника Отечества',
    'Defender of the Fatherland Day',
    true,
    null,
    null,
    HOLIDAY_LAW,
  ],
  [5, 9, 'Жеңіс күні', 'День Победы', 'Victory Day', true, null, null, HOLIDAY_LAW],
  [7, 6, 'Астана күні', 'День Столицы', 'Capital Day', true, null, null, HOLIDAY_LAW],
  [8, 30, 'Конституция күні', 'День Конституции', 'Constitution Day', true, null, null, HOLIDAY_LAW],
  [
    10,
    25,
    'Республика күні',
    'День Республики',
    'Republic Day',
    true,
    '2022-01-01',
    null,
    `${HOLIDAY_LAW}; restored 2022`,
  ],
  [
    12,
    1,
    'Тұңғыш Президент күні',
    'День Первого Президента',
    "First President's Day",
    true,
    null,
    '2021-12-31',
    `${HOLIDAY_LAW}; dropped 2022`,
  ],
  [12, 16, 'Тәуелсіздік күні', 'День Независимости', 'Independence Day', true, null, null, HOLIDAY_LAW],
  [
    12,
    17,
    'Тәуелсіздік күні',
    'День Независимости',
    'Independence Day',
    true,
    null,
    '2021-12-31',
    `${HOLIDAY_LAW}; single day since 2022`,
  ],
];

/** Kurban Ait day 1, set each year by the Ministry of Labour with the Spiritual Administration. */
const KURBAN_AIT: [string, string][] = [
  ['2023-06-28', 'Ministry of Labour, 2023'],
  ['2024-06-16', 'Ministry of Labour, 2024 (moved from 17 June; kursiv.media)'],
  ['2025-06-06', 'Ministry of Labour, 2025'],
  ['2026-05-27', 'DUMK calendar 2026, provisional (zakon.kz)'],
];

/** [key, kk, ru, en, amount, unit, source] — domain-facts §2; the legal limit is unconfirmed, hence editable. */
const DEADLINES: [string, string, string, string, number, string, string][] = [
  [
    'completeness_check',
    'Құжаттардың толықтығын тексеру',
    'Проверка полноты документов',
    'Completeness check',
    1,
    'working_days',
    'MTSZN order 329-Ө-М as amended 10.10.2025 (kaz24.info)',
  ],
  [
    'commission_review',
    'Комиссия ұсынымы',
    'Рекомендация комиссии',
    'Commission recommendation',
    3,
    'working_days',
    'MTSZN order 329-Ө-М as amended 10.10.2025 (prosud.kz)',
  ],
  [
    'status_validity',
    'Қандас мәртебесінің қолданылу мерзімі',
    'Срок действия статуса кандаса',
    'Kandas status validity',
    1,
    'years',
    'Law "On migration of population" 2011; almaty.tv',
  ],
];

async function seedReferenceData(q: QueryRunner): Promise<void> {
  for (const [code, kk, ru, en, centre, years] of REGIONS) {
    const isNew = code === '10' || code === '33' || code === '62';
    await q.query(
      `INSERT INTO region (code, name_kk, name_ru, name_en, centre, settlement_years, source, valid_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [code, kk, ru, en, centre, years, FACT_SHEET, isNew ? NEW_REGIONS_FROM : null],
    );
  }
  for (const [year, amount, source] of MCI) {
    await q.query(`INSERT INTO mci_rate (year, amount, source, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5)`, [
      year,
      amount,
      source,
      `${year}-01-01`,
      `${year}-12-31`,
    ]);
  }
  for (const [month, day, kk, ru, en, moves, from, to, source] of FIXED_HOLIDAYS) {
    await q.query(
      `INSERT INTO holiday (kind, month, day, name_kk, name_ru, name_en, moves_if_weekend, valid_from, valid_to, source)
       VALUES ('fixed', $1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [month, day, kk, ru, en, moves, from, to, source],
    );
  }
  for (const [date, source] of KURBAN_AIT) {
    await q.query(
      `INSERT INTO holiday (kind, date, name_kk, name_ru, name_en, moves_if_weekend, source)
       VALUES ('dated', $1, 'Құрбан айт (1-күні)', 'Курбан айт (1-й день)', 'Kurban Ait (day 1)', false, $2)`,
      [date, `${LABOUR_CODE}; ${source}`],
    );
  }
  for (const [key, kk, ru, en, amount, unit, source] of DEADLINES) {
    await q.query(
      `INSERT INTO deadline_setting (key, name_kk, name_ru, name_en, amount, unit, source, valid_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)`,
      [key, kk, ru, en, amount, unit, source],
    );
  }
}
