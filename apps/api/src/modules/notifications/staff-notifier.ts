import { Injectable } from '@nestjs/common';
import type { ReferralState } from '@qonys/domain';
import type { EntityManager } from 'typeorm';
import { assignmentRecipient, isAnswer, PAYMENT_APPROVERS } from './notification-rules';
import { NotificationsRepository } from './notifications.repository';

/**
 * What other capabilities call, inside their own transaction, when something happens
 * that a staff member should hear of. The notification commits or rolls back with the
 * event itself. Each method answers how many people were notified.
 */
@Injectable()
export class StaffNotifier {
  constructor(private readonly notifications: NotificationsRepository) {}

  /** Cases assigned to `assigneeId` by `actorId`: nobody is told of what they did themself. */
  async caseAssigned(
    manager: EntityManager,
    actorId: number,
    assigneeId: number | null,
    assignments: { applicationId: number; timelineEventId: string }[],
  ): Promise<number> {
    const recipient = assignmentRecipient(actorId, assigneeId);
    if (recipient === null || assignments.length === 0) return 0;
    return this.notifications.caseAssigned(manager, recipient, assignments);
  }

  /** A referral reached `state`; only a provider's answer (accepted … completed) is notified, never to who gave it. */
  async referralAnswered(
    manager: EntityManager,
    actorId: number,
    referralId: number,
    state: ReferralState,
  ): Promise<number> {
    if (!isAnswer(state)) return 0;
    return this.notifications.referralAnswered(manager, referralId, state, actorId);
  }

  /** A support payment prepared as a draft: its possible approvers, never its preparer (four-eyes). */
  paymentPrepared(manager: EntityManager, paymentId: number): Promise<number> {
    return this.notifications.paymentNeedsApproval(
      manager,
      paymentId,
      PAYMENT_APPROVERS.regional,
      PAYMENT_APPROVERS.nationwide,
    );
  }
}
