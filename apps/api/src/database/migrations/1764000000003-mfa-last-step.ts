import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Remembers the last TOTP time step each user logged in with, so a code works once (RFC 6238 §5.2). */
export class MfaLastStep1764000000003 implements MigrationInterface {
  name = 'MfaLastStep1764000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN mfa_last_step bigint`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN mfa_last_step`);
  }
}
