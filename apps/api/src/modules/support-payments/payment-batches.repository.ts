import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PAYMENT_BATCH_STATES, type PaymentState } from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { dateFrom, dateTo, ids, integerEquals, oneOf } from '../../common/list/filters';
import { fetchPage, type ListResult, type ListSpec, type ParsedListQuery } from '../../common/list/list-query';
import { PaymentBatch } from './entities/payment-batch.entity';
import { SupportPayment } from './entities/support-payment.entity';

export const BATCH_LIST: ListSpec<PaymentBatch> = {
  resource: 'payment-batches',
  sortable: {
    id: 'b.id',
    month: 'b.month',
    state: 'b.state',
    regionId: 'b.region_id',
  },
  defaultSort: ['month', 'DESC'],
  filters: {
    id: ids('b.id'),
    state: oneOf('b.state', PAYMENT_BATCH_STATES),
    regionId: integerEquals('b.region_id', 1),
    monthFrom: dateFrom('b.month'),
    monthTo: dateTo('b.month'),
  },
};

/** A line of the bank register: the payment and whom it pays (the case's applicant). */
export interface RegisterLine {
  paymentId: number;
  applicationNumber: string | null;
  applicantId: number;
  iin: string | null;
  surname: string;
  givenName: string;
  patronymic: string | null;
  kind: string;
  eventDate: string;
  amountKzt: number;
}

@Injectable()
export class PaymentBatchesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  listPage(query: ParsedListQuery, scope: number | null): Promise<ListResult<PaymentBatch>> {
    const qb = this.dataSource.manager.getRepository(PaymentBatch).createQueryBuilder('b');
    if (scope !== null) qb.andWhere('b.region_id = :scope', { scope });
    return fetchPage(qb, query, BATCH_LIST);
  }

  findVisible(manager: EntityManager, id: number, scope: number | null): Promise<PaymentBatch | null> {
    return this.scoped(manager, id, scope).getOne();
  }

  lockVisible(manager: EntityManager, id: number, scope: number | null): Promise<PaymentBatch | null> {
    return this.scoped(manager, id, scope).setLock('pessimistic_write').getOne();
  }

  private scoped(manager: EntityManager, id: number, scope: number | null) {
    const qb = manager.getRepository(PaymentBatch).createQueryBuilder('b').where('b.id = :id', { id });
    return scope === null ? qb : qb.andWhere('b.region_id = :scope', { scope });
  }

  /** The region's batch of the month, created when missing, locked; `created` says which. */
  async lockForMonth(
    manager: EntityManager,
    regionId: number,
    month: string,
  ): Promise<{ batch: PaymentBatch; created: boolean }> {
    const inserted = await manager.query<{ id: number }[]>(
      `INSERT INTO payment_batch (region_id, month) VALUES ($1, $2)
       ON CONFLICT (region_id, month) DO NOTHING RETURNING id`,
      [regionId, month],
    );
    const batch = await manager
      .getRepository(PaymentBatch)
      .createQueryBuilder('b')
      .where('b.region_id = :regionId AND b.month = :month', { regionId, month })
      .setLock('pessimistic_write')
      .getOneOrFail();
    return { batch, created: inserted.length > 0 };
  }

  /** Counts the batch's payments that go out (all but the failed and cancelled) into its totals; the caller holds its lock. */
  async refreshTotals(manager: EntityManager, batchId: number): Promise<PaymentBatch> {
    await manager.query(
      `UPDATE payment_batch b
          SET count = t.count, amount_kzt = t.amount, updated_at = now()
         FROM (SELECT count(*)::int AS count, coalesce(sum(amount_kzt), 0) AS amount
                 FROM support_payment WHERE batch_id = $1 AND state NOT IN ('failed', 'cancelled')) t
        WHERE b.id = $1`,
      [batchId],
    );
    return manager.getRepository(PaymentBatch).findOneByOrFail({ id: batchId });
  }

  /** How many of the batch's payments are in each state. */
  async stateCounts(manager: EntityManager, batchId: number): Promise<Partial<Record<PaymentState, number>>> {
    const rows = await manager.query<{ state: PaymentState; n: number }[]>(
      'SELECT state, count(*)::int AS n FROM support_payment WHERE batch_id = $1 GROUP BY state',
      [batchId],
    );
    return Object.fromEntries(rows.map((row) => [row.state, row.n]));
  }

  /** The register's lines: the batch's payments now with the bank, with their recipients. */
  registerLines(manager: EntityManager, batchId: number): Promise<RegisterLine[]> {
    return manager
      .query<(RegisterLine & { amountKzt: string })[]>(
        `SELECT p.id AS "paymentId", a.number AS "applicationNumber", a.applicant_id AS "applicantId", pe.iin,
                pe.surname, pe.given_name AS "givenName", pe.patronymic, p.kind,
                to_char(p.event_date, 'YYYY-MM-DD') AS "eventDate", p.amount_kzt AS "amountKzt"
           FROM support_payment p
           JOIN application a ON a.id = p.application_id
           JOIN person pe ON pe.id = a.applicant_id
          WHERE p.batch_id = $1 AND p.state = 'sent'
          ORDER BY p.id`,
        [batchId],
      )
      .then((rows) => rows.map((row) => ({ ...row, amountKzt: Number(row.amountKzt) })));
  }

  /** The KATO code of the batch's region, for the register's file name. */
  async regionCode(manager: EntityManager, regionId: number): Promise<string> {
    const [row] = await manager.query<{ code: string }[]>('SELECT code FROM region WHERE id = $1', [regionId]);
    return row.code;
  }

  /** Updates a payment already locked by the caller (its batch's writers hold the batch lock too). */
  async updateLocked(manager: EntityManager, id: number, patch: Partial<SupportPayment>): Promise<SupportPayment> {
    await manager
      .createQueryBuilder()
      .update(SupportPayment)
      .set({ ...patch, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
      .where('id = :id', { id })
      .execute();
    return manager.getRepository(SupportPayment).findOneByOrFail({ id });
  }

  async updateBatch(manager: EntityManager, id: number, patch: Partial<PaymentBatch>): Promise<PaymentBatch> {
    await manager
      .createQueryBuilder()
      .update(PaymentBatch)
      .set({ ...patch, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
      .where('id = :id', { id })
      .execute();
    return manager.getRepository(PaymentBatch).findOneByOrFail({ id });
  }
}
