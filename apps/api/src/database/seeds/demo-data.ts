import type { ProviderKind, Role } from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../../common/security/password';
import type { AuditService } from '../../modules/audit/audit.service';
import type { MasterKeyCipher } from '../../modules/data-keys/master-key-cipher';
import { sealTotpSecret } from '../../modules/data-keys/totp-secrets';

/** Demo only: never used outside demo data, printed at start-up with a warning. */
export const DEMO_PASSWORD = 'Qonys-demo-2026';
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

/**
 * The demo's admin and auditor sign in with the printed TOTP secret; the others with
 * the password alone, so the demo relaxes the two-factor policy for their roles
 * once, when it creates them (docs/accounts.md).
 */
export const DEMO_TWO_FACTOR_ROLES: readonly Role[] = ['admin', 'auditor'];
const DEMO_POLICY_SOURCE = 'Demo data: roles without a printed TOTP secret sign in with the password alone';

/** The demo's service providers (docs/integration-services.md): what each offers, places per month. */
export const DEMO_PROVIDERS: {
  name: string;
  kind: ProviderKind;
  regionCode: string;
  phone: string;
  services: Record<string, number>;
}[] = [
  {
    name: 'Павлодар облысының кандастарды бейімдеу және кіріктіру орталығы',
    kind: 'adaptation_centre',
    regionCode: '55',
    phone: '+7 7182 55 10 20',
    services: {
      information_consultation: 60,
      legal_aid: 20,
      temporary_accommodation: 20,
      kazakh_language: 30,
      psychologist: 10,
    },
  },
  {
    name: 'Павлодар қаласының мансап орталығы',
    kind: 'career_centre',
    regionCode: '55',
    phone: '+7 7182 55 30 40',
    services: { job_placement: 40, vocational_training: 25, business_support: 10 },
  },
  {
    name: 'Абай облысының бейімдеу және кіріктіру орталығы',
    kind: 'adaptation_centre',
    regionCode: '10',
    phone: '+7 7222 56 10 20',
    services: { information_consultation: 40, temporary_accommodation: 15, kazakh_language: 20 },
  },
];

export const DEMO_USERS: {
  username: string;
  fullName: string;
  role: Role;
  regionCode: string | null;
  /** provider_staff: the name of their provider in DEMO_PROVIDERS. */
  provider?: string;
}[] = [
  { username: 'admin', fullName: 'Әсел Жұмабекова', role: 'admin', regionCode: null },
  { username: 'auditor', fullName: 'Бауыржан Сейітов', role: 'auditor', regionCode: null },
  { username: 'caseworker.pavlodar', fullName: 'Гүлнар Оспанова', role: 'caseworker', regionCode: '55' },
  { username: 'official.pavlodar', fullName: 'Ерлан Қасымов', role: 'regional_official', regionCode: '55' },
  { username: 'caseworker.abai', fullName: 'Айгүл Нұрланова', role: 'caseworker', regionCode: '10' },
  { username: 'official.abai', fullName: 'Дәурен Бөкейхан', role: 'regional_official', regionCode: '10' },
  {
    username: 'provider.pavlodar',
    fullName: 'Сәуле Ахметова',
    role: 'provider_staff',
    regionCode: '55',
    provider: 'Павлодар облысының кандастарды бейімдеу және кіріктіру орталығы',
  },
];

/** Adds the demo users that are missing; safe to run at every start. Returns those added. */
export async function seedDemoData(
  dataSource: DataSource,
  audit: AuditService,
  cipher: MasterKeyCipher,
): Promise<string[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return dataSource.transaction(async (manager) => {
    await seedDemoProviders(manager, audit);
    const added: string[] = [];
    for (const user of DEMO_USERS) {
      const mfa = DEMO_TWO_FACTOR_ROLES.includes(user.role);
      const rows = await manager.query<{ id: number; region_id: number | null }[]>(
        `INSERT INTO app_user (username, full_name, role, region_id, password_hash, mfa_secret, mfa_enabled, provider_id)
         SELECT $1, $2, $3, (SELECT id FROM region WHERE code = $4), $5, $6, $7,
                (SELECT p.id FROM service_provider p WHERE p.name = $8 ORDER BY p.id LIMIT 1)
         ON CONFLICT (username) DO NOTHING
         RETURNING id, region_id`,
        [
          user.username,
          user.fullName,
          user.role,
          user.regionCode,
          passwordHash,
          mfa ? sealTotpSecret(cipher, DEMO_TOTP_SECRET) : null,
          mfa,
          user.provider ?? null,
        ],
      );
      if (rows.length > 0) {
        added.push(user.username);
        await audit.record(
          manager,
          { actor: null, requestId: 'demo-seed', ip: null },
          {
            action: 'user.create',
            entityType: 'user',
            entityId: rows[0].id,
            regionId: rows[0].region_id,
            changes: {
              username: { before: null, after: user.username },
              role: { before: null, after: user.role },
              demo: { before: null, after: true },
            },
          },
        );
      }
    }
    if (added.length > 0) await relaxTwoFactorPolicy(manager, audit);
    return added;
  });
}

/** Adds the demo providers that are missing, with their services, audited as the demo's. */
async function seedDemoProviders(manager: EntityManager, audit: AuditService): Promise<void> {
  for (const provider of DEMO_PROVIDERS) {
    const rows = await manager.query<{ id: number; region_id: number }[]>(
      `INSERT INTO service_provider (region_id, kind, name, phone)
       SELECT r.id, $2, $3::varchar, $4 FROM region r
        WHERE r.code = $1 AND NOT EXISTS (SELECT 1 FROM service_provider p WHERE p.name = $3::varchar)
       RETURNING id, region_id`,
      [provider.regionCode, provider.kind, provider.name, provider.phone],
    );
    if (rows.length === 0) continue;
    await manager.query(
      `INSERT INTO provider_service (provider_id, service_type_id, places_per_month)
       SELECT $1, st.id, t.places FROM unnest($2::varchar[], $3::int[]) AS t(code, places)
         JOIN service_type st ON st.code = t.code`,
      [rows[0].id, Object.keys(provider.services), Object.values(provider.services)],
    );
    await audit.record(
      manager,
      { actor: null, requestId: 'demo-seed', ip: null },
      {
        action: 'service_provider.create',
        entityType: 'service_provider',
        entityId: rows[0].id,
        regionId: rows[0].region_id,
        changes: { name: { before: null, after: provider.name }, demo: { before: null, after: true } },
      },
    );
  }
}

/** Lets the demo's roles without a TOTP secret sign in with the password, audited like an admin's edit. */
async function relaxTwoFactorPolicy(manager: EntityManager, audit: AuditService): Promise<void> {
  const relaxed = DEMO_USERS.map((u) => u.role).filter((role) => !DEMO_TWO_FACTOR_ROLES.includes(role));
  const rows = await manager.query<{ id: number }[]>(
    `UPDATE mfa_policy SET mfa_required = false, source = $2, version = version + 1, updated_at = now()
      WHERE role = ANY($1) AND valid_from IS NULL AND mfa_required RETURNING id`,
    [[...new Set(relaxed)], DEMO_POLICY_SOURCE],
  );
  for (const row of rows) {
    await audit.record(
      manager,
      { actor: null, requestId: 'demo-seed', ip: null },
      {
        action: 'mfa_policy.update',
        entityType: 'mfa_policy',
        entityId: row.id,
        changes: { mfaRequired: { before: true, after: false }, demo: { before: null, after: true } },
      },
    );
  }
}
