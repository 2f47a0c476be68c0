import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How long personal data is kept after a case closes (docs/personal-data.md, Retention):
 * dated reference data an admin edits. The seeded rule is the project's default, to be
 * confirmed against the archive rules the ministry applies (see the docs).
 */
export class RetentionRules1764000000016 implements MigrationInterface {
  name = 'RetentionRules1764000000016';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE retention_rule (
        id serial PRIMARY KEY,
        record_kind varchar NOT NULL CHECK (record_kind IN ('closed_case_persons')),
        keep_years int NOT NULL CHECK (keep_years BETWEEN 1 AND 100),
        name_kk varchar NOT NULL,
        name_ru varchar NOT NULL,
        name_en varchar NOT NULL,
        source varchar NOT NULL,
        valid_from date,
        valid_to date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT retention_rule_validity_ck CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to)
      );
      CREATE INDEX retention_rule_kind_idx ON retention_rule (record_kind, valid_from);

      INSERT INTO retention_rule (record_kind, keep_years, name_kk, name_ru, name_en, source, valid_from)
      VALUES ('closed_case_persons', 5,
        'Жабылған іс бойынша адамдардың дербес деректері',
        'Персональные данные лиц по закрытому делу',
        'Personal data of the persons of a closed case',
        'Qonys default (docs/personal-data.md, Retention); to be confirmed against the ministry''s archive list',
        '2026-01-01');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE retention_rule;');
  }
}
