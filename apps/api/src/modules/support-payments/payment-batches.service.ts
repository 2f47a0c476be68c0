import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { batchMayClose, nextPaymentState, type PaymentState } from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { regionScope } from '../../common/auth/region-scope';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import type { ListResult, ParsedListQuery } from '../../common/list/list-query';
import { importRefused, readTable } from '../../common/input/table-import';
import { checkBankResult } from './bank-result-import';
import { registerCsv, registerXlsx } from './bank-register';
import type { RegisterFormat } from './dto/payment.dto';
import type { PaymentBatch } from './entities/payment-batch.entity';
import { PaymentBatchesRepository } from './payment-batches.repository';
import { type PaymentChange, PaymentHistory } from './payment-history';
import { SupportPaymentsRepository } from './support-payments.repository';
import { ApplicantMessagesOutbox } from '../applicant-messages/applicant-messages.outbox';

/** A batch as GET /api/payment-batches/:id answers it: with how many of its payments are in each state. */
export type PaymentBatchView = PaymentBatch & { states: Partial<Record<PaymentState, number>> };

export interface BankResultSummary {
  paid: number;
  failed: number;
  /** Rows that repeat what was already recorded (the same file imported again). */
  unchanged: number;
}

/**
 * A region's payments of a month as one bank register (docs/support-payments.md,
 * Payments): taking the register hands its approved payments to the bank, the bank's
 * result file marks them paid or failed, and closing the batch reconciles the paid ones.
 */
@Injectable()
export class PaymentBatchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly batches: PaymentBatchesRepository,
    private readonly payments: SupportPaymentsRepository,
    private readonly history: PaymentHistory,
    private readonly outbox: ApplicantMessagesOutbox,
  ) {}

  list(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<PaymentBatch>> {
    return this.batches.listPage(query, regionScope(ctx.actor, 'payment-batches', 'list'));
  }

  async get(ctx: AuthedContext, id: number): Promise<PaymentBatchView> {
    const manager = this.dataSource.manager;
    const batch = await this.batches.findVisible(manager, id, regionScope(ctx.actor, 'payment-batches', 'show'));
    if (!batch) throw DomainError.notFound('payment_batch');
    return { ...batch, states: await this.batches.stateCounts(manager, id) };
  }

  /**
   * The bank register: the batch's approved payments are marked sent, and the file lists
   * every payment now with the bank (taking it again repeats those still unanswered).
   */
  async register(
    ctx: AuthedContext,
    id: number,
    format: RegisterFormat,
  ): Promise<{ content: Buffer; fileName: string; contentType: string }> {
    const { batch, lines, regionCode } = await this.dataSource.transaction(async (manager) => {
      const locked = await this.lockOpen(manager, ctx, id);
      const sentAt = new Date();
      const changes: PaymentChange[] = [];
      for (const before of await this.payments.lockOfBatch(manager, id)) {
        const state = nextPaymentState(before.state, 'send');
        if (state === null) continue;
        const after = await this.batches.updateLocked(manager, before.id, { state, sentAt });
        changes.push({
          before,
          after,
          action: 'send',
          timeline: 'timeline.payment_sent',
          params: { month: locked.month.slice(0, 7) },
        });
      }
      const batch =
        locked.state === 'open' ? await this.batches.updateBatch(manager, id, { state: 'sent', sentAt }) : locked;
      const lines = await this.batches.registerLines(manager, id);
      // Each family whose payment went to the bank hears of it (docs/applicant-messages.md).
      for (const { after } of changes) {
        await this.outbox.queue(manager, {
          applicationId: after.applicationId,
          kind: 'payment_sent',
          eventKey: after.id,
          params: { support: after.kind },
        });
      }
      await this.history.record(manager, ctx, changes, [
        {
          action: 'payment_batch.register',
          entityType: 'payment_batch',
          entityId: id,
          regionId: batch.regionId,
          changes: {
            state: { before: locked.state, after: batch.state },
            sentPaymentIds: { before: null, after: changes.map((change) => change.after.id) },
            // The register names each recipient: the read is on their records (docs/personal-data.md, Reads).
            personIds: {
              before: null,
              after: [...new Set(lines.map((line) => line.applicantId))].sort((a, b) => a - b),
            },
          },
        },
      ]);
      return { batch, lines, regionCode: await this.batches.regionCode(manager, batch.regionId) };
    });
    const name = `register-${regionCode}-${batch.month.slice(0, 7)}`;
    return format === 'xlsx'
      ? {
          content: await registerXlsx(lines, name),
          fileName: `${name}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        }
      : { content: registerCsv(lines), fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8' };
  }

  /**
   * The bank's result file: every row checked first (400 listing each bad row, nothing
   * written), then each sent payment marked paid or failed. A row that repeats the
   * recorded result changes nothing, so importing the same file twice is harmless.
   */
  async bankResult(ctx: AuthedContext, id: number, content: Buffer, fileName: string): Promise<BankResultSummary> {
    const records = await readTable(content, fileName);
    return this.dataSource.transaction(async (manager) => {
      const batch = await this.lockOpen(manager, ctx, id);
      const payments = new Map((await this.payments.lockOfBatch(manager, id)).map((p) => [p.id, p]));
      const { results, unchanged, errors } = checkBankResult(records, payments);
      if (errors.length > 0) throw importRefused(errors.sort((a, b) => a.row - b.row));
      const now = new Date();
      const changes: PaymentChange[] = [];
      for (const result of results) {
        const action = result.status === 'paid' ? 'pay' : 'fail';
        const after = await this.batches.updateLocked(manager, result.payment.id, {
          state: nextPaymentState(result.payment.state, action)!,
          bankReference: result.bankReference,
          ...(action === 'pay' ? { paidAt: now } : { failureCode: result.failureReason }),
        });
        changes.push({
          before: result.payment,
          after,
          action,
          timeline: action === 'pay' ? 'timeline.payment_paid' : 'timeline.payment_failed',
          params: action === 'pay' ? { bankReference: result.bankReference! } : {},
        });
      }
      const summary = {
        paid: results.filter((r) => r.status === 'paid').length,
        failed: results.filter((r) => r.status === 'failed').length,
        unchanged,
      };
      if (summary.failed > 0) await this.batches.refreshTotals(manager, id);
      await this.history.record(manager, ctx, changes, [
        {
          action: 'payment_batch.bank_result',
          entityType: 'payment_batch',
          entityId: id,
          regionId: batch.regionId,
          changes: {
            fileName: { before: null, after: fileName },
            paid: { before: null, after: summary.paid },
            failed: { before: null, after: summary.failed },
            unchanged: { before: null, after: summary.unchanged },
          },
        },
      ]);
      return summary;
    });
  }

  /** Closes a sent batch whose payments all have the bank's answer; the paid ones are reconciled. */
  async close(ctx: AuthedContext, id: number, version: number): Promise<PaymentBatchView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockOpen(manager, ctx, id);
      if (before.version !== version) throw DomainError.stale('payment_batch');
      const payments = await this.payments.lockOfBatch(manager, id);
      if (
        !batchMayClose(
          before.state,
          payments.map((p) => p.state),
        )
      ) {
        if (before.state !== 'sent') {
          throw new DomainError(ErrorKind.Conflict, 'support.batch_not_sent', { batchState: before.state });
        }
        const waiting = payments.filter((p) => ['draft', 'approved', 'sent'].includes(p.state)).length;
        throw new DomainError(ErrorKind.Conflict, 'support.batch_waiting', { count: waiting });
      }
      const changes: PaymentChange[] = [];
      for (const payment of payments) {
        const state = nextPaymentState(payment.state, 'reconcile');
        if (state === null) continue;
        const after = await this.batches.updateLocked(manager, payment.id, { state });
        changes.push({ before: payment, after, action: 'reconcile', timeline: 'timeline.payment_reconciled' });
      }
      const after = await this.batches.updateBatch(manager, id, { state: 'closed', closedAt: new Date() });
      await this.history.record(manager, ctx, changes, [
        {
          action: 'payment_batch.close',
          entityType: 'payment_batch',
          entityId: id,
          regionId: after.regionId,
          changes: { state: { before: before.state, after: after.state } },
        },
      ]);
      return { ...after, states: await this.batches.stateCounts(manager, id) };
    });
  }

  /** The batch locked for a write: 404 outside the caller's region, 409 once closed. */
  private async lockOpen(manager: EntityManager, ctx: AuthedContext, id: number): Promise<PaymentBatch> {
    const batch = await this.batches.lockVisible(manager, id, regionScope(ctx.actor, 'payment-batches', 'edit'));
    if (!batch) throw DomainError.notFound('payment_batch');
    if (batch.state === 'closed') {
      throw new DomainError(ErrorKind.Conflict, 'support.batch_closed', { month: batch.month.slice(0, 7) });
    }
    return batch;
  }
}
