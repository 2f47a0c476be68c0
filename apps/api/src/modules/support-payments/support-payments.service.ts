import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  computeEntitlement,
  type EntitlementProblem,
  mayApprove,
  type MessageCode,
  type MessageParams,
  monthOf,
  nextPaymentState,
  type PaymentCancelReason,
  yearOf,
} from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthedContext, RequestContext } from '../../common/auth/actor';
import { regionScope } from '../../common/auth/region-scope';
import { coded, codedOf, DomainError, ErrorKind } from '../../common/errors/domain-error';
import type { ListResult, ParsedListQuery } from '../../common/list/list-query';
import { updateVersioned } from '../../common/persistence/versioned-update';
import { PersonalDataReads } from '../audit/personal-data-reads.service';
import { StaffNotifier } from '../notifications/staff-notifier';
import type { CalculateEntitlementDto } from './dto/calculate.dto';
import type { JobProgress } from '../jobs/job-handler';
import type { CancelPaymentDto, CreatePaymentDto } from './dto/payment.dto';
import { SupportPayment } from './entities/support-payment.entity';
import { PaymentBatchesRepository } from './payment-batches.repository';
import { PaymentHistory } from './payment-history';
import type { SupportPaymentView } from './support-payment-view';
import { SupportPaymentsRepository } from './support-payments.repository';

/** A calculation as the API answers it; the figures a payment stores so later changes never rewrite it. */
export interface EntitlementView {
  applicationId: number;
  type: string;
  date: string;
  ruleId: number;
  unconfirmed: boolean;
  persons: number;
  /** null for a share of a price, which is counted in tenge. */
  amountMci: number | null;
  mciValue: number;
  amountKzt: number;
  /** rent: one month's instalment of `months`. */
  monthlyMci?: number;
  months?: number;
}

/** The rent-instalments job prepares payments as the system, with no staff actor. */
const SYSTEM_CONTEXT: RequestContext = { actor: null, requestId: 'rent-instalments', ip: null };

/** The code a skipped instalment is counted under: the field's refusal, or the error's own. */
function refusalCode(error: DomainError): MessageCode {
  const [first] = Object.values(error.fieldErrors ?? {});
  return first === undefined ? error.code : codedOf(first).code;
}

/** Where a rule's arithmetic refuses the input: the field to blame and its message. */
const PROBLEMS: Record<EntitlementProblem, { field: string; code: MessageCode }> = {
  monthly_mci_out_of_range: { field: 'monthlyMci', code: 'support.monthly_mci_out_of_range' },
  price_required: { field: 'price', code: 'support.price_required' },
  persons_required: { field: 'applicationId', code: 'support.persons_required' },
};

/**
 * State support in MCI (docs/support-payments.md): the rule in force on the event date,
 * the MCI of that year, the family on the case. Eligible: the status valid on the date,
 * and the family settled inside that year's quota in a settlement region of that year.
 * A payment stores its calculation as a draft in its region's batch of the month, and
 * is approved by another official after eligibility is checked again.
 */
@Injectable()
export class SupportPaymentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: SupportPaymentsRepository,
    private readonly batches: PaymentBatchesRepository,
    private readonly history: PaymentHistory,
    private readonly reads: PersonalDataReads,
    private readonly notifier: StaffNotifier,
  ) {}

  async calculate(ctx: AuthedContext, query: CalculateEntitlementDto): Promise<EntitlementView> {
    const scope = regionScope(ctx.actor, 'support-payments', 'show');
    return (await this.entitle(this.dataSource.manager, scope, query)).view;
  }

  /** The calculation and the case's region; every refusal of eligibility a 400 on its field. */
  private async entitle(
    manager: EntityManager,
    scope: number | null,
    query: CalculateEntitlementDto,
  ): Promise<{ view: EntitlementView; regionId: number }> {
    const found = await this.repository.caseForSupport(manager, query.applicationId, scope);
    if (!found) throw DomainError.notFound('application');
    const { date } = query;
    const year = yearOf(date);
    const validOnDate =
      (found.status === 'approved' || found.status === 'expired') &&
      found.statusValidFrom !== null &&
      found.statusValidTo !== null &&
      found.statusValidFrom <= date &&
      date <= found.statusValidTo;
    if (!validOnDate) {
      throw DomainError.invalid({ date: coded('support.status_not_valid', { date, status: found.status }) });
    }
    if (!(await this.repository.settledInSettlementRegion(manager, found.id))) {
      throw DomainError.invalid({ applicationId: coded('support.not_settled_in_quota') });
    }
    const rule = await this.repository.ruleInForce(manager, query.type, date);
    if (!rule) throw DomainError.invalid({ type: coded('support.no_rule', { benefitKind: query.type, date }) });
    const mciValue = await this.repository.mciOfYear(manager, year);
    if (mciValue === null) throw DomainError.invalid({ date: coded('support.no_mci', { year }) });

    const result = computeEntitlement(rule, {
      persons: found.persons,
      mciValue,
      monthlyMci: query.monthlyMci,
      price: query.price,
    });
    if (!result.ok) {
      const params: MessageParams =
        result.problem === 'monthly_mci_out_of_range' ? { min: rule.mciMin!, max: rule.mciMax! } : {};
      const { field, code } = PROBLEMS[result.problem];
      throw DomainError.invalid({ [field]: coded(code, params) });
    }
    const view: EntitlementView = {
      applicationId: found.id,
      type: query.type,
      date,
      ruleId: rule.id,
      unconfirmed: rule.unconfirmed,
      persons: found.persons,
      mciValue,
      ...result.entitlement,
    };
    return { view, regionId: found.regionId };
  }

  async create(ctx: AuthedContext, dto: CreatePaymentDto): Promise<SupportPaymentView> {
    const scope = regionScope(ctx.actor, 'support-payments', 'create');
    return this.dataSource.transaction(async (manager) => {
      const id = await this.prepare(manager, ctx, scope, dto);
      return (await this.repository.findVisible(manager, id, null))!;
    });
  }

  /**
   * Stores the calculation as a draft in the batch of its region and month, in the
   * caller's transaction; `ctx.actor` null: the system prepares it (a rent instalment).
   */
  private async prepare(
    manager: EntityManager,
    ctx: RequestContext,
    scope: number | null,
    dto: CreatePaymentDto,
  ): Promise<number> {
    const { view, regionId } = await this.entitle(manager, scope, dto);
    const month = monthOf(dto.date);
    const { batch, created } = await this.batches.lockForMonth(manager, regionId, month);
    if (batch.state === 'closed') {
      throw new DomainError(ErrorKind.Conflict, 'support.batch_closed', { month: month.slice(0, 7) });
    }
    const existing = await this.repository.covering(manager, dto.applicationId, dto.type, dto.date);
    if (existing !== null) {
      throw new DomainError(
        ErrorKind.Conflict,
        'support.already_prepared',
        { payment: existing },
        {
          type: coded('support.already_prepared', { payment: existing }),
        },
      );
    }
    const row = await this.repository.insert(manager, {
      applicationId: view.applicationId,
      regionId,
      batchId: batch.id,
      kind: dto.type,
      eventDate: dto.date,
      ruleId: view.ruleId,
      unconfirmed: view.unconfirmed,
      mciValue: view.mciValue,
      persons: view.persons,
      amountMci: view.amountMci,
      monthlyMci: view.monthlyMci ?? null,
      months: view.months ?? null,
      priceKzt: dto.price ?? null,
      amountKzt: view.amountKzt,
      preparedBy: ctx.actor?.id ?? null,
    });
    await this.batches.refreshTotals(manager, batch.id);
    await this.notifier.paymentPrepared(manager, row.id);
    const batchEntry = {
      action: 'payment_batch.create',
      entityType: 'payment_batch',
      entityId: batch.id,
      regionId,
      changes: { regionId: { before: null, after: regionId }, month: { before: null, after: month } },
    };
    await this.history.record(
      manager,
      ctx,
      [
        {
          before: null,
          after: row,
          action: 'create',
          timeline: 'timeline.payment_prepared',
          params: { benefitKind: row.kind, amountKzt: row.amountKzt },
        },
      ],
      created ? [batchEntry] : [],
    );
    return row.id;
  }

  /**
   * The rent-instalments job's work for one month (docs/support-payments.md, Rent
   * instalments): each family whose rent began in an earlier month and runs into this one
   * gets this month's instalment, at the monthly MCI of its first, prepared by the system
   * for an official to approve. A family no longer eligible is skipped with the reason;
   * each family in its own transaction, so one refusal stops nothing else.
   */
  async prepareRentInstalments(
    month: string,
    progress: JobProgress,
  ): Promise<{ month: string; prepared: number; skipped: Partial<Record<MessageCode, number>> }> {
    const due = await this.repository.rentInstalmentsDue(this.dataSource.manager, month);
    await progress.phase('support.phase_rent_instalments', due.length);
    const skipped: Partial<Record<MessageCode, number>> = {};
    let prepared = 0;
    for (const instalment of due) {
      try {
        await this.dataSource.transaction((manager) =>
          this.prepare(manager, SYSTEM_CONTEXT, null, {
            applicationId: instalment.applicationId,
            type: 'rent',
            date: month,
            monthlyMci: instalment.monthlyMci,
          }),
        );
        prepared += 1;
        await progress.advance(1);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const code = refusalCode(error);
        skipped[code] = (skipped[code] ?? 0) + 1;
        await progress.advance(1, 1);
      }
    }
    return { month: month.slice(0, 7), prepared, skipped };
  }

  /** A payment not yet sent cancelled with its reason: 404 outside the region, 409 when stale or already sent. */
  async cancel(ctx: AuthedContext, id: number, dto: CancelPaymentDto): Promise<SupportPaymentView> {
    const scope = regionScope(ctx.actor, 'support-payments', 'edit');
    return this.dataSource.transaction(async (manager) => {
      const before = await this.repository.lockVisible(manager, id, scope);
      if (!before) throw DomainError.notFound('support_payment');
      if (before.version !== dto.version) throw DomainError.stale('support_payment');
      await this.cancelLocked(manager, ctx, before, dto.reason);
      return (await this.repository.findVisible(manager, id, null))!;
    });
  }

  /**
   * When a family's status ends (citizenship granted on `endedOn`), the payments not yet
   * due stop: those not yet sent whose event date is after it. In the caller's transaction.
   */
  async cancelNotYetDue(manager: EntityManager, ctx: RequestContext, applicationId: number, endedOn: string) {
    for (const payment of await this.repository.lockNotSentAfter(manager, applicationId, endedOn)) {
      await this.cancelLocked(manager, ctx, payment, 'status_ended');
    }
  }

  private async cancelLocked(
    manager: EntityManager,
    ctx: RequestContext,
    before: SupportPayment,
    reason: PaymentCancelReason,
  ): Promise<void> {
    const state = nextPaymentState(before.state, 'cancel');
    if (state === null) {
      throw new DomainError(ErrorKind.Conflict, 'support.payment_not_cancellable', { paymentState: before.state });
    }
    const after = await updateVersioned(manager, SupportPayment, 'support_payment', before.id, before.version, {
      state,
      cancelledAt: new Date(),
      cancelReason: reason,
    });
    if (after.batchId !== null) await this.batches.refreshTotals(manager, after.batchId);
    await this.history.record(manager, ctx, [
      {
        before,
        after,
        action: 'cancel',
        timeline: 'timeline.payment_cancelled',
        params: { benefitKind: after.kind, amountKzt: after.amountKzt, paymentCancelReason: reason },
      },
    ]);
  }

  async list(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<SupportPaymentView>> {
    const page = await this.repository.listPage(query, regionScope(ctx.actor, 'support-payments', 'list'));
    await this.reads.workList(ctx, 'support_payment', page.items);
    return page;
  }

  async get(ctx: AuthedContext, id: number): Promise<SupportPaymentView> {
    const scope = regionScope(ctx.actor, 'support-payments', 'show');
    const row = await this.repository.findVisible(this.dataSource.manager, id, scope);
    if (!row) throw DomainError.notFound('support_payment');
    await this.reads.workList(ctx, 'support_payment', [row]);
    return row;
  }

  /**
   * Four-eyes approval: 404 outside the caller's region, 409 when stale or no longer a
   * draft, 403 for whoever prepared it, 400 when the family is no longer eligible (the
   * calculation's refusals). The stored amount is approved as prepared.
   */
  async approve(ctx: AuthedContext, id: number, version: number): Promise<SupportPaymentView> {
    const scope = regionScope(ctx.actor, 'support-payments', 'edit');
    return this.dataSource.transaction(async (manager) => {
      const before = await this.repository.lockVisible(manager, id, scope);
      if (!before) throw DomainError.notFound('support_payment');
      if (before.version !== version) throw DomainError.stale('support_payment');
      const state = nextPaymentState(before.state, 'approve');
      if (state === null) {
        throw new DomainError(ErrorKind.Conflict, 'support.payment_not_draft', { paymentState: before.state });
      }
      if (!mayApprove(before.preparedBy, ctx.actor.id)) throw new DomainError(ErrorKind.Forbidden, 'support.four_eyes');
      await this.entitle(manager, scope, {
        applicationId: before.applicationId,
        type: before.kind,
        date: before.eventDate,
        monthlyMci: before.monthlyMci ?? undefined,
        price: before.priceKzt ?? undefined,
      });
      const after = await updateVersioned(manager, SupportPayment, 'support_payment', id, version, {
        state,
        approvedBy: ctx.actor.id,
        approvedAt: new Date(),
      });
      await this.history.record(manager, ctx, [
        {
          before,
          after,
          action: 'approve',
          timeline: 'timeline.payment_approved',
          params: { benefitKind: after.kind, amountKzt: after.amountKzt },
        },
      ]);
      return (await this.repository.findVisible(manager, id, null))!;
    });
  }
}
