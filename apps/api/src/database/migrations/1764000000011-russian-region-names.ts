import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Russian names of two regions formed in 2022 were seeded with Kazakh letters
 * («область Жетісу», «область Ұлытау»); a Russian reader gets them in Russian letters,
 * as Russian-language publications write them (docs/reference-data.md). Rows an admin
 * has renamed since are left as they are.
 */
export class RussianRegionNames1764000000011 implements MigrationInterface {
  name = 'RussianRegionNames1764000000011';

  async up(q: QueryRunner): Promise<void> {
    for (const [code, seeded, russian] of NAMES) {
      await q.query(`UPDATE region SET name_ru = $3 WHERE code = $1 AND name_ru = $2`, [code, seeded, russian]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [code, seeded, russian] of NAMES) {
      await q.query(`UPDATE region SET name_ru = $2 WHERE code = $1 AND name_ru = $3`, [code, seeded, russian]);
    }
  }
}

/** [KATO code, Russian name as seeded in migration 0, in Russian letters]. */
const NAMES: [string, string, string][] = [
  ['33', 'область Жетісу', 'область Жетысу'],
  ['62', 'область Ұлытау', 'область Улытау'],
];
