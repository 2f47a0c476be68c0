import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ApplicationStatus, BENEFIT_KINDS, type BenefitKind, PAYMENT_STATES } from '@qonys/domain';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { ids, integerEquals, oneOf } from '../../common/list/filters';
import { fetchPage, ListResult, type ListSpec, type ParsedListQuery } from '../../common/list/list-query';
import { joinCaseNames, withCaseNames } from '../applications/case-names';
import { BenefitRule } from '../reference-data/entities/benefit-rule.entity';
import { SupportPayment } from './entities/support-payment.entity';
import type { SupportPaymentView } from './support-payment-view';

/** What eligibility needs to know of a case (docs/support-payments.md, Eligibility). */
export interface CaseForSupport {
  id: number;
  regionId: number;
  status: ApplicationStatus;
  statusValidFrom: string | null;
  statusValidTo: string | null;
  /** Active members, the applicant included. */
  persons: number;
}

export const PAYMENT_LIST: ListSpec<SupportPayment> = {
  resource: 'support-payments',
  sortable: {
    id: 'p.id',
    state: 'p.state',
    kind: 'p.kind',
    eventDate: 'p.event_date',
    amountKzt: 'p.amount_kzt',
  },
  defaultSort: ['id', 'DESC'],
  filters: {
    id: ids('p.id'),
    state: oneOf('p.state', PAYMENT_STATES),
    kind: oneOf('p.kind', BENEFIT_KINDS),
    batchId: integerEquals('p.batch_id', 1),
    applicationId: integerEquals('p.application_id', 1),
    regionId: integerEquals('p.region_id', 1),
  },
};

/** The eligibility reads of a calculation, and the payments themselves. `scope`: a region, or null for all. */
@Injectable()
export class SupportPaymentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async caseForSupport(
    manager: EntityManager,
    applicationId: number,
    scope: number | null,
  ): Promise<CaseForSupport | null> {
    const [row] = await manager.query<CaseForSupport[]>(
      `SELECT a.id, a.region_id AS "regionId", a.status,
              to_char(a.status_valid_from, 'YYYY-MM-DD') AS "statusValidFrom",
              to_char(a.status_valid_to, 'YYYY-MM-DD') AS "statusValidTo",
              (SELECT count(*)::int FROM application_member m WHERE m.application_id = a.id AND m.active) AS persons
         FROM application a
        WHERE a.id = $1 AND ($2::int IS NULL OR a.region_id = $2::int)`,
      [applicationId, scope],
    );
    return row ?? null;
  }

  /**
   * Whether the family arrived, inside a year's quota, in a region that was a settlement
   * region of that year; support goes on into the next year (rent runs 12 months).
   */
  async settledInSettlementRegion(manager: EntityManager, applicationId: number): Promise<boolean> {
    const [row] = await manager.query<{ settled: boolean }[]>(
      `SELECT EXISTS (
         SELECT 1 FROM settlement s
           JOIN reservation r ON r.id = s.reservation_id
           JOIN quota q ON q.id = r.quota_id
           JOIN region g ON g.id = s.region_id
          WHERE s.application_id = $1 AND s.status = 'arrived' AND r.status = 'settled'
            AND q.year = ANY (g.settlement_years)
       ) AS settled`,
      [applicationId],
    );
    return row.settled;
  }

  /** The rule of `kind` in force on `date`: the latest to start on or before it. */
  ruleInForce(manager: EntityManager, kind: BenefitKind, date: string): Promise<BenefitRule | null> {
    return manager
      .getRepository(BenefitRule)
      .createQueryBuilder('br')
      .where('br.kind = :kind', { kind })
      .andWhere('(br.valid_from IS NULL OR br.valid_from <= :date) AND (br.valid_to IS NULL OR br.valid_to >= :date)', {
        date,
      })
      .orderBy('br.valid_from', 'DESC', 'NULLS LAST')
      .addOrderBy('br.id', 'DESC')
      .getOne();
  }

  /** The MCI of a year in tenge (one row per year, set by the budget law). */
  async mciOfYear(manager: EntityManager, year: number): Promise<number | null> {
    const [row] = await manager.query<{ amount: number }[]>('SELECT amount FROM mci_rate WHERE year = $1', [year]);
    return row?.amount ?? null;
  }

  async listPage(query: ParsedListQuery, scope: number | null): Promise<ListResult<SupportPaymentView>> {
    const page = await fetchPage(this.visible(this.dataSource.manager, scope), query, PAYMENT_LIST);
    return new ListResult(page.resource, page.items.map(withCaseNames), page.start, page.total);
  }

  async findVisible(manager: EntityManager, id: number, scope: number | null): Promise<SupportPaymentView | null> {
    const row = await this.visible(manager, scope).andWhere('p.id = :id', { id }).getOne();
    return row ? withCaseNames(row) : null;
  }

  private visible(manager: EntityManager, scope: number | null): SelectQueryBuilder<SupportPayment> {
    const qb = joinCaseNames(manager.getRepository(SupportPayment).createQueryBuilder('p'), 'p.application_id');
    return scope === null ? qb : qb.andWhere('p.region_id = :scopeRegion', { scopeRegion: scope });
  }

  /** The payment, locked for the rest of the transaction, when the scope reaches it. */
  async lockVisible(manager: EntityManager, id: number, scope: number | null): Promise<SupportPayment | null> {
    const qb = manager
      .getRepository(SupportPayment)
      .createQueryBuilder('p')
      .where('p.id = :id', { id })
      .setLock('pessimistic_write');
    if (scope !== null) qb.andWhere('p.region_id = :scope', { scope });
    return qb.getOne();
  }

  /**
   * The payment that already covers this entitlement, failed and cancelled ones aside: any of a
   * one-off kind on the case, or a rent payment of the same month.
   */
  async covering(
    manager: EntityManager,
    applicationId: number,
    kind: BenefitKind,
    date: string,
  ): Promise<number | null> {
    const [row] = await manager.query<{ id: number }[]>(
      `SELECT id FROM support_payment
        WHERE application_id = $1 AND kind = $2 AND state NOT IN ('failed', 'cancelled')
          AND ($2 <> 'rent' OR date_trunc('month', event_date::timestamp) = date_trunc('month', $3::date::timestamp))
        ORDER BY id LIMIT 1`,
      [applicationId, kind, date],
    );
    return row?.id ?? null;
  }

  /**
   * The families due a rent instalment in `month` (a first day): their rent began in an
   * earlier month and its months run into this one, the status is still in force, and
   * the month has no rent payment yet in any state (one cancelled or failed by hand
   * stays so; an official prepares another). The monthly MCI is the first instalment's.
   */
  rentInstalmentsDue(manager: EntityManager, month: string): Promise<{ applicationId: number; monthlyMci: number }[]> {
    return manager.query(
      `SELECT f.application_id AS "applicationId", f.monthly_mci AS "monthlyMci"
         FROM (SELECT DISTINCT ON (application_id) application_id, event_date, monthly_mci, months
                 FROM support_payment
                WHERE kind = 'rent' AND state NOT IN ('failed', 'cancelled')
                ORDER BY application_id, event_date, id) f
         JOIN application a ON a.id = f.application_id AND a.status = 'approved'
        WHERE date_trunc('month', f.event_date::timestamp) < $1::date
          AND $1::date < date_trunc('month', f.event_date::timestamp) + make_interval(months => f.months)
          AND NOT EXISTS (
                SELECT 1 FROM support_payment p
                 WHERE p.application_id = f.application_id AND p.kind = 'rent'
                   AND date_trunc('month', p.event_date::timestamp) = $1::date)
        ORDER BY f.application_id`,
      [month],
    );
  }

  /** The case's payments not yet sent whose event date is after `date`, locked, in id order. */
  lockNotSentAfter(manager: EntityManager, applicationId: number, date: string): Promise<SupportPayment[]> {
    return manager
      .getRepository(SupportPayment)
      .createQueryBuilder('p')
      .where('p.application_id = :applicationId', { applicationId })
      .andWhere("p.state IN ('draft', 'approved')")
      .andWhere('p.event_date > :date', { date })
      .orderBy('p.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  async insert(manager: EntityManager, row: Partial<SupportPayment>): Promise<SupportPayment> {
    const { identifiers } = await manager.getRepository(SupportPayment).insert(row);
    return manager.getRepository(SupportPayment).findOneByOrFail({ id: identifiers[0].id as number });
  }

  /** The payments of a batch, locked, in id order (the order every writer takes them in). */
  lockOfBatch(manager: EntityManager, batchId: number): Promise<SupportPayment[]> {
    return manager
      .getRepository(SupportPayment)
      .createQueryBuilder('p')
      .where('p.batch_id = :batchId', { batchId })
      .orderBy('p.id')
      .setLock('pessimistic_write')
      .getMany();
  }
}
