import { Injectable } from '@nestjs/common';
import type { MessageCode, MessageParams } from '@qonys/domain';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/auth/actor';
import { coded } from '../../common/errors/domain-error';
import { appendTimelineEvent } from '../../common/timeline';
import { type AuditEntry, AuditService, diff } from '../audit/audit.service';
import type { SupportPayment } from './entities/support-payment.entity';

/** One payment's change: the audit action, its line on the case's timeline, and the fields that moved. */
export interface PaymentChange {
  before: SupportPayment | null;
  after: SupportPayment;
  action: 'create' | 'approve' | 'send' | 'pay' | 'fail' | 'reconcile' | 'cancel';
  timeline: MessageCode;
  params?: MessageParams;
}

const FIELDS = [
  'applicationId',
  'regionId',
  'batchId',
  'kind',
  'eventDate',
  'ruleId',
  'mciValue',
  'persons',
  'amountMci',
  'monthlyMci',
  'months',
  'priceKzt',
  'amountKzt',
  'state',
  'preparedBy',
  'approvedBy',
  'approvedAt',
  'sentAt',
  'paidAt',
  'bankReference',
  'failureCode',
  'cancelledAt',
  'cancelReason',
];

/** Writes what happened to payments on their cases' timelines and in the audit log, in the caller's transaction. */
@Injectable()
export class PaymentHistory {
  constructor(private readonly audit: AuditService) {}

  /** Call last in the transaction: the audit chain stays locked until commit. */
  async record(manager: EntityManager, ctx: RequestContext, changes: PaymentChange[], extra: AuditEntry[] = []) {
    for (const change of changes) {
      const { after } = change;
      await appendTimelineEvent(manager, {
        applicationId: after.applicationId,
        actorId: ctx.actor?.id ?? null,
        type: 'updated',
        transition: `support_payment.${change.action}`,
        message: coded(change.timeline, { payment: after.id, ...change.params }),
        data: { supportPaymentId: after.id, batchId: after.batchId, state: after.state, amountKzt: after.amountKzt },
      });
    }
    const entries = [
      ...changes.map((change): AuditEntry => ({
        action: `support_payment.${change.action}`,
        entityType: 'support_payment',
        entityId: change.after.id,
        regionId: change.after.regionId,
        changes: diff(change.before, change.after, FIELDS),
      })),
      ...extra,
    ];
    if (entries.length > 0) await this.audit.record(manager, ctx, ...entries);
  }
}
