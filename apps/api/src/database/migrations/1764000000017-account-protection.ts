import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts under attack (docs/accounts.md): login failure counters shared by every
 * replica, refresh tokens that can be told apart by generation, a pending second
 * factor while one is being changed, and two-factor login required per role as
 * dated reference data.
 */
export class AccountProtection1764000000017 implements MigrationInterface {
  name = 'AccountProtection1764000000017';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_throttle (
        key varchar(200) PRIMARY KEY,
        failures int NOT NULL DEFAULT 0,
        last_failure_at timestamptz NOT NULL DEFAULT now(),
        blocked_until timestamptz
      );

      ALTER TABLE app_user ADD COLUMN mfa_pending_secret varchar;

      ALTER TABLE auth_session
        ADD COLUMN refresh_seed varchar,
        ADD COLUMN refresh_generation int NOT NULL DEFAULT 0,
        ADD COLUMN rotated_at timestamptz;
      -- Tokens of the old format cannot be checked any more: their sessions end.
      UPDATE auth_session
         SET refresh_seed = md5(random()::text),
             revoked_at = COALESCE(revoked_at, now()),
             revoked_reason = COALESCE(revoked_reason, 'refresh_token_format_changed');
      ALTER TABLE auth_session
        ALTER COLUMN refresh_seed SET NOT NULL,
        DROP COLUMN refresh_token_hash,
        DROP COLUMN previous_refresh_token_hash;

      CREATE TABLE mfa_policy (
        id serial PRIMARY KEY,
        role varchar NOT NULL CHECK (role IN ('caseworker', 'regional_official', 'admin', 'auditor')),
        mfa_required boolean NOT NULL,
        source varchar NOT NULL,
        valid_from date,
        valid_to date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX mfa_policy_role_valid_from_uq ON mfa_policy (role, valid_from) NULLS NOT DISTINCT;
      -- Every role reads personal data today (libs/domain permissions.ts): all must use a second factor.
      INSERT INTO mfa_policy (role, mfa_required, source) VALUES
        ('caseworker', true, '${SOURCE}'),
        ('regional_official', true, '${SOURCE}'),
        ('admin', true, '${SOURCE}'),
        ('auditor', true, '${SOURCE}');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE mfa_policy;
      ALTER TABLE auth_session
        ADD COLUMN refresh_token_hash varchar NOT NULL DEFAULT '',
        ADD COLUMN previous_refresh_token_hash varchar,
        DROP COLUMN refresh_seed,
        DROP COLUMN refresh_generation,
        DROP COLUMN rotated_at;
      UPDATE auth_session SET revoked_at = COALESCE(revoked_at, now());
      ALTER TABLE app_user DROP COLUMN mfa_pending_secret;
      DROP TABLE login_throttle;
    `);
  }
}

const SOURCE = 'Roles that read personal data use a second factor (docs/accounts.md)';
