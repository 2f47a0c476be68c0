import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { can } from '@qonys/domain';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';

export interface Dashboard {
  year: number;
  mciThisYear: number | null;
  regions: { total: number; settlementThisYear: number };
  /** Only for roles that may read users. */
  users: { total: number; active: number; disabled: number; locked: number } | null;
  /** Only for roles that may read the audit log. */
  auditEvents: { last24h: number; failedLogins24h: number; refused24h: number } | null;
  /** The user's own region, for region-scoped roles. */
  region: { id: number; code: string; nameKk: string; nameRu: string; nameEn: string } | null;
}

/** The first screen's real counts; each block only for the roles allowed to see its source. */
@Injectable()
export class DashboardService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forActor(actor: Actor): Promise<Dashboard> {
    const year = new Date().getFullYear();
    const q = <T>(sql: string, params: unknown[] = []) => this.dataSource.query<T[]>(sql, params).then((rows) => rows[0]);
    const [mci, regions, users, audit, region] = await Promise.all([
      q<{ amount: number }>('SELECT amount FROM mci_rate WHERE year = $1', [year]),
      q<{ total: number; settlement: number }>(
        'SELECT count(*)::int AS total, count(*) FILTER (WHERE settlement_years @> ARRAY[$1]::int[])::int AS settlement FROM region',
        [year],
      ),
      can(actor.role, 'users', 'list')
        ? q<{ total: number; active: number; disabled: number; locked: number }>(
            `SELECT count(*)::int AS total,
                    count(*) FILTER (WHERE NOT disabled)::int AS active,
                    count(*) FILTER (WHERE disabled)::int AS disabled,
                    count(*) FILTER (WHERE locked_until > now())::int AS locked
               FROM app_user`,
          )
        : null,
      can(actor.role, 'audit-events', 'list')
        ? q<{ all: number; failed: number; refused: number }>(
            `SELECT count(*)::int AS all,
                    count(*) FILTER (WHERE action = 'auth.login_failed')::int AS failed,
                    count(*) FILTER (WHERE action = 'access.denied')::int AS refused
               FROM audit_event WHERE occurred_at > now() - interval '24 hours'`,
          )
        : null,
      actor.regionId === null
        ? null
        : q<Dashboard['region']>('SELECT id, code, name_kk AS "nameKk", name_ru AS "nameRu", name_en AS "nameEn" FROM region WHERE id = $1', [
            actor.regionId,
          ]),
    ]);
    return {
      year,
      mciThisYear: mci?.amount ?? null,
      regions: { total: regions.total, settlementThisYear: regions.settlement },
      users: users ?? null,
      auditEvents: audit ? { last24h: audit.all, failedLogins24h: audit.failed, refused24h: audit.refused } : null,
      region: region ?? null,
    };
  }
}
