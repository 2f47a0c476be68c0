import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference data a reader sees, in their language (docs/reference-data.md): a region's
 * centre and a legal ground's legal basis get Kazakh, Russian and English columns.
 * Rows an admin has edited keep their text in all three until someone translates them.
 * Also holds two value lists that had no CHECK yet to libs/domain's (written out: a
 * migration never changes): the adaptation plan's services and a placement batch's category.
 */
export class LocalizedReferenceNames1764000000005 implements MigrationInterface {
  name = 'LocalizedReferenceNames1764000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE region ADD COLUMN centre_kk varchar, ADD COLUMN centre_ru varchar, ADD COLUMN centre_en varchar;
      UPDATE region SET centre_kk = centre, centre_ru = centre, centre_en = centre;
    `);
    for (const [en, kk, ru] of CENTRES) {
      await q.query(`UPDATE region SET centre_kk = $2, centre_ru = $3 WHERE centre = $1`, [en, kk, ru]);
    }
    await q.query(`
      ALTER TABLE region DROP COLUMN centre;
      ALTER TABLE region ADD CONSTRAINT region_centre_all_languages_chk
        CHECK ((centre_kk IS NULL) = (centre_ru IS NULL) AND (centre_ru IS NULL) = (centre_en IS NULL));

      ALTER TABLE legal_ground ADD COLUMN source_kk varchar, ADD COLUMN source_ru varchar, ADD COLUMN source_en varchar;
      UPDATE legal_ground SET source_kk = source, source_ru = source, source_en = source;
    `);
    for (const [code, seeded, kk, ru, en] of GROUND_SOURCES) {
      await q.query(
        `UPDATE legal_ground SET source_kk = $3, source_ru = $4, source_en = $5 WHERE code = $1 AND source = $2`,
        [code, seeded, kk, ru, en],
      );
    }
    await q.query(`
      ALTER TABLE legal_ground
        ALTER COLUMN source_kk SET NOT NULL, ALTER COLUMN source_ru SET NOT NULL, ALTER COLUMN source_en SET NOT NULL;

      ALTER TABLE inclusion_request ADD CONSTRAINT inclusion_request_adaptation_services_check
        CHECK (adaptation_services <@ ARRAY['information', 'legal', 'social', 'medical', 'educational', 'language_course',
          'vocational_training', 'job_placement', 'business_support']::text[]);
      ALTER TABLE placement_batch ADD CONSTRAINT placement_batch_category_check
        CHECK (category IN ('kandas', 'resettler'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE placement_batch DROP CONSTRAINT placement_batch_category_check;
      ALTER TABLE inclusion_request DROP CONSTRAINT inclusion_request_adaptation_services_check;
      ALTER TABLE legal_ground DROP COLUMN source_kk, DROP COLUMN source_ru, DROP COLUMN source_en;
      ALTER TABLE region ADD COLUMN centre varchar;
      UPDATE region SET centre = centre_en;
      ALTER TABLE region DROP COLUMN centre_kk, DROP COLUMN centre_ru, DROP COLUMN centre_en;
    `);
  }
}

/** [as seeded (English), kk, ru] — the regional centres of migration 0. */
const CENTRES: [string, string, string][] = [
  ['Semey', 'Семей', 'Семей'],
  ['Kokshetau', 'Көкшетау', 'Кокшетау'],
  ['Aktobe', 'Ақтөбе', 'Актобе'],
  ['Konaev', 'Қонаев', 'Конаев'],
  ['Atyrau', 'Атырау', 'Атырау'],
  ['Oral', 'Орал', 'Уральск'],
  ['Taraz', 'Тараз', 'Тараз'],
  ['Taldykorgan', 'Талдықорған', 'Талдыкорган'],
  ['Karaganda', 'Қарағанды', 'Караганда'],
  ['Kostanay', 'Қостанай', 'Костанай'],
  ['Kyzylorda', 'Қызылорда', 'Кызылорда'],
  ['Aktau', 'Ақтау', 'Актау'],
  ['Pavlodar', 'Павлодар', 'Павлодар'],
  ['Petropavl', 'Петропавл', 'Петропавловск'],
  ['Turkistan', 'Түркістан', 'Туркестан'],
  ['Zhezkazgan', 'Жезқазған', 'Жезказган'],
  ['Oskemen', 'Өскемен', 'Усть-Каменогорск'],
];

const RULES_2025 = 'MTSZN order 22.07.2013 No. 329-Ө-М as amended 10.10.2025; egov.kz service 2F30';
const RULES_KK = 'ҚР ЕХӘҚМ 22.07.2013 № 329-Ө-М бұйрығы (10.10.2025 өзгерістерімен); egov.kz 2F30 қызметі';
const RULES_RU = 'Приказ МТСЗН РК от 22.07.2013 № 329-Ө-М (с изменениями от 10.10.2025); услуга egov.kz 2F30';
const RULES_EN = 'MTSZN order No. 329-Ө-М of 22.07.2013 as amended 10.10.2025; egov.kz service 2F30';
const MIGRATION_LAW = 'Law "On migration of population"';

/** [code, source as seeded in migration 2, kk, ru, en] — the legal basis of each seeded ground. */
const GROUND_SOURCES: [string, string, string, string, string][] = [
  [
    'incomplete_documents',
    `${RULES_2025} (kaz24.info)`,
    `${RULES_KK} (kaz24.info)`,
    `${RULES_RU} (kaz24.info)`,
    `${RULES_EN} (kaz24.info)`,
  ],
  [
    'expired_documents',
    `${RULES_2025} (kaz24.info)`,
    `${RULES_KK} (kaz24.info)`,
    `${RULES_RU} (kaz24.info)`,
    `${RULES_EN} (kaz24.info)`,
  ],
  ['false_information', 'uakytnews.kz (2022)', 'uakytnews.kz (2022)', 'uakytnews.kz (2022)', 'uakytnews.kz (2022)'],
  [
    'negative_nationality_finding',
    `${MIGRATION_LAW} as amended 2024 (nationality commission)`,
    '«Халықтың көші-қоны туралы» Заң, 2024 жылғы өзгерістерімен (ұлтты анықтау комиссиясы)',
    'Закон «О миграции населения» с изменениями 2024 года (комиссия по определению национальности)',
    `${MIGRATION_LAW} as amended 2024 (nationality commission)`,
  ],
  [
    'holds_citizenship',
    `${MIGRATION_LAW}, definition of kandas`,
    '«Халықтың көші-қоны туралы» Заң, қандас анықтамасы',
    'Закон «О миграции населения», определение кандаса',
    `${MIGRATION_LAW}, definition of kandas`,
  ],
  [
    'false_information_found',
    'uakytnews.kz (2022)',
    'uakytnews.kz (2022)',
    'uakytnews.kz (2022)',
    'uakytnews.kz (2022)',
  ],
  [
    'citizenship_obtained',
    'almaty.tv: status ends on obtaining citizenship',
    'almaty.tv: азаматтық алынғанда мәртебе тоқтатылады',
    'almaty.tv: статус прекращается при получении гражданства',
    'almaty.tv: status ends on obtaining citizenship',
  ],
];
