import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SUPPORT_RECOVERY_STATES } from '@qonys/domain';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { ids, integerEquals, oneOf } from '../../common/list/filters';
import { fetchPage, ListResult, type ListSpec, type ParsedListQuery } from '../../common/list/list-query';
import { joinCaseNames, withCaseNames } from '../applications/case-names';
import { SupportRecovery } from './entities/support-recovery.entity';

export const RECOVERY_LIST: ListSpec<SupportRecovery> = {
  resource: 'support-recoveries',
  sortable: { id: 'r.id', departedOn: 'r.departed_on', amountKzt: 'r.amount_kzt', state: 'r.state' },
  defaultSort: ['id', 'DESC'],
  filters: {
    id: ids('r.id'),
    state: oneOf('r.state', SUPPORT_RECOVERY_STATES),
    applicationId: integerEquals('r.application_id', 1),
    regionId: integerEquals('r.region_id', 1),
  },
};

export type SupportRecoveryView = ReturnType<typeof withCaseNames<SupportRecovery>>;

/** What a departure under the residence obligation owes, and the recovery tasks. `scope`: a region, or null for all. */
@Injectable()
export class SupportRecoveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The setting `residence_obligation` (in years) in force on `departedOn`, when the
   * family left before its years since `arrival` were over; null when the rule is off.
   */
  async obligationBroken(
    manager: EntityManager,
    arrival: string,
    departedOn: string,
  ): Promise<{ settingId: number; years: number } | null> {
    const [row] = await manager.query<{ settingId: number; years: number }[]>(
      `SELECT id AS "settingId", amount AS years FROM deadline_setting
        WHERE key = 'residence_obligation' AND unit = 'years'
          AND (valid_from IS NULL OR valid_from <= $2::date) AND (valid_to IS NULL OR valid_to >= $2::date)
          AND $2::date < $1::date + make_interval(years => amount)
        ORDER BY valid_from DESC NULLS LAST LIMIT 1`,
      [arrival, departedOn],
    );
    return row ?? null;
  }

  /** The support the case was paid in the region: its payments the bank paid, and their sum. */
  async paidIn(manager: EntityManager, applicationId: number, regionId: number): Promise<{ ids: number[]; amount: number }> {
    const [row] = await manager.query<{ ids: number[]; amount: string }[]>(
      `SELECT coalesce(array_agg(id ORDER BY id), '{}') AS ids, coalesce(sum(amount_kzt), 0) AS amount
         FROM support_payment
        WHERE application_id = $1 AND region_id = $2 AND state IN ('paid', 'reconciled')`,
      [applicationId, regionId],
    );
    return { ids: row.ids, amount: Number(row.amount) };
  }

  async insert(manager: EntityManager, row: Partial<SupportRecovery>): Promise<SupportRecovery> {
    const { identifiers } = await manager.getRepository(SupportRecovery).insert(row);
    return manager.getRepository(SupportRecovery).findOneByOrFail({ id: identifiers[0].id as number });
  }

  async listPage(query: ParsedListQuery, scope: number | null): Promise<ListResult<SupportRecoveryView>> {
    const page = await fetchPage(this.visible(this.dataSource.manager, scope), query, RECOVERY_LIST);
    return new ListResult(page.resource, page.items.map(withCaseNames), page.start, page.total);
  }

  async findVisible(manager: EntityManager, id: number, scope: number | null): Promise<SupportRecoveryView | null> {
    const row = await this.visible(manager, scope).andWhere('r.id = :id', { id }).getOne();
    return row ? withCaseNames(row) : null;
  }

  lockVisible(manager: EntityManager, id: number, scope: number | null): Promise<SupportRecovery | null> {
    const qb = manager
      .getRepository(SupportRecovery)
      .createQueryBuilder('r')
      .where('r.id = :id', { id })
      .setLock('pessimistic_write');
    if (scope !== null) qb.andWhere('r.region_id = :scope', { scope });
    return qb.getOne();
  }

  private visible(manager: EntityManager, scope: number | null): SelectQueryBuilder<SupportRecovery> {
    const qb = joinCaseNames(manager.getRepository(SupportRecovery).createQueryBuilder('r'), 'r.application_id');
    return scope === null ? qb : qb.andWhere('r.region_id = :scopeRegion', { scopeRegion: scope });
  }
}
