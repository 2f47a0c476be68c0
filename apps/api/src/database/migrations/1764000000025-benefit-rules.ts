import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * State support inside the quota as dated reference data in MCI, each rule with its act
 * (docs/support-payments.md). The columns a formula does not use stay NULL; a CHECK per
 * formula keeps each row complete. `unconfirmed` marks a figure whose source is a report,
 * not the act, shown as such in the admin.
 */
export class BenefitRules1764000000025 implements MigrationInterface {
  name = 'BenefitRules1764000000025';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE benefit_rule (
        id serial PRIMARY KEY,
        kind varchar NOT NULL CHECK (kind IN ('relocation', 'rent', 'housing', 'employer')),
        formula varchar NOT NULL CHECK (formula IN ('per_person', 'monthly_range', 'fixed', 'price_share')),
        mci_head int CHECK (mci_head >= 0),
        mci_per_member int CHECK (mci_per_member >= 0),
        mci_min int CHECK (mci_min >= 0),
        mci_max int,
        months int CHECK (months BETWEEN 1 AND 120),
        mci_fixed int CHECK (mci_fixed >= 0),
        share_percent int CHECK (share_percent BETWEEN 1 AND 100),
        cap_mci int CHECK (cap_mci > 0),
        cap_kzt bigint CHECK (cap_kzt > 0),
        unconfirmed boolean NOT NULL DEFAULT false,
        name_kk varchar NOT NULL,
        name_ru varchar NOT NULL,
        name_en varchar NOT NULL,
        source varchar NOT NULL,
        valid_from date,
        valid_to date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT benefit_rule_validity_ck CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to),
        CONSTRAINT benefit_rule_terms_ck CHECK (CASE formula
          WHEN 'per_person' THEN mci_head IS NOT NULL AND mci_per_member IS NOT NULL
          WHEN 'monthly_range' THEN mci_min IS NOT NULL AND mci_max >= mci_min AND months IS NOT NULL
          WHEN 'fixed' THEN mci_fixed IS NOT NULL
          WHEN 'price_share' THEN share_percent IS NOT NULL
        END)
      );
      CREATE INDEX benefit_rule_kind_idx ON benefit_rule (kind, valid_from);

      INSERT INTO benefit_rule
        (kind, formula, mci_head, mci_per_member, mci_min, mci_max, months, mci_fixed, share_percent, cap_mci, cap_kzt,
         unconfirmed, name_kk, name_ru, name_en, source, valid_from, valid_to)
      VALUES
        ('relocation', 'per_person', 50, 30, NULL, NULL, NULL, NULL, NULL, NULL, NULL, true,
         'Көшуге арналған субсидия (2016)', 'Субсидия на переезд (2016)', 'Relocation subsidy (2016)',
         'MTSZN Order No. 515 of 2016 (Rules of voluntary resettlement), as reported; figures from the press',
         '2016-01-01', '2023-06-30'),
        ('relocation', 'per_person', 70, 70, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false,
         'Көшуге арналған субсидия', 'Субсидия на переезд', 'Relocation subsidy',
         'Social Code (Law No. 224-VII) art. 112 p. 4; MTSZN Order No. 234 of 22 June 2023',
         '2023-07-01', NULL),
        ('rent', 'monthly_range', NULL, NULL, 15, 30, 12, NULL, NULL, NULL, NULL, true,
         'Тұрғын үйді жалдау және коммуналдық қызметтер', 'Аренда жилья и коммунальные услуги', 'Rent and utilities',
         'MTSZN Order No. 234 of 22 June 2023; what sets the amount within 15–30 MCI is unconfirmed',
         '2023-07-01', NULL),
        ('employer', 'fixed', NULL, NULL, NULL, NULL, NULL, 400, NULL, NULL, NULL, false,
         'Жұмыс берушіге субсидия', 'Субсидия работодателю', 'Employer subsidy',
         'MTSZN Order No. 234 of 22 June 2023',
         '2023-07-01', NULL),
        ('housing', 'price_share', NULL, NULL, NULL, NULL, NULL, NULL, 50, NULL, 4000000, false,
         'Тұрғын үй сертификаты (2023)', 'Жилищный сертификат (2023)', 'Housing certificate (2023)',
         'MTSZN Order No. 234 of 22 June 2023: 50 % of the price, at most 4.0 mln ₸',
         '2023-07-01', '2023-12-31'),
        ('housing', 'price_share', NULL, NULL, NULL, NULL, NULL, NULL, 50, NULL, 4200000, false,
         'Тұрғын үй сертификаты (2024)', 'Жилищный сертификат (2024)', 'Housing certificate (2024)',
         'MTSZN Order No. 234 of 22 June 2023: 50 % of the price, at most 4.2 mln ₸',
         '2024-01-01', '2024-12-31'),
        ('housing', 'price_share', NULL, NULL, NULL, NULL, NULL, NULL, 50, 1160, NULL, true,
         'Тұрғын үй сертификаты (2025)', 'Жилищный сертификат (2025)', 'Housing certificate (2025)',
         'MTSZN Order No. 234 as amended 12 March 2025: at most 1,160 MCI; the 50 % share carried over is unconfirmed',
         '2025-01-01', '2025-12-31'),
        ('housing', 'fixed', NULL, NULL, NULL, NULL, NULL, 1625, NULL, NULL, NULL, false,
         'Экономикалық ұтқырлық сертификаты', 'Сертификат экономической мобильности', 'Economic mobility certificate',
         'MTSZN Order No. 234 as amended, in force from 1 January 2026: 1,625 MCI',
         '2026-01-01', NULL);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE benefit_rule;');
  }
}
