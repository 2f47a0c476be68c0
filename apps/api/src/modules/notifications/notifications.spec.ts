import { toCounts, toView } from './notification-view';
import { NOTIFIED_ROLES } from '@qonys/domain';
import { ANSWERED_REFERRAL_STATES, assignmentRecipient, isAnswer, PAYMENT_APPROVERS } from './notification-rules';

describe('toCounts', () => {
  it('counts every kind, those without unread notifications as 0, and sums them', () => {
    expect(
      toCounts(
        new Map([
          ['assigned', 2],
          ['overdue', 1],
        ]),
      ),
    ).toEqual({
      unread: 3,
      byKind: { assigned: 2, due_soon: 0, overdue: 1, referral_answered: 0, payment_needs_approval: 0 },
    });
  });
});

describe('toView', () => {
  it('answers the link and the coded message, not the event key or the recipient', () => {
    const view = toView({
      id: 1,
      recipientId: 7,
      kind: 'assigned',
      resource: 'applications',
      recordId: 12,
      eventKey: 'event:99',
      code: 'notification.assigned',
      params: { number: 'KND-2026-0001' },
      createdAt: new Date(0),
      readAt: null,
    });
    expect(view).toEqual({
      id: 1,
      kind: 'assigned',
      resource: 'applications',
      recordId: 12,
      message: { code: 'notification.assigned', params: { number: 'KND-2026-0001' } },
      createdAt: new Date(0),
      readAt: null,
    });
  });
});

describe('who is told', () => {
  it('of a payment to approve: from the permission table, the region’s officials and the administrators', () => {
    expect(PAYMENT_APPROVERS).toEqual({ regional: ['regional_official'], nationwide: ['admin'] });
  });

  it('are the roles the admin shows a bell to: caseworkers and the payment approvers', () => {
    expect(new Set(NOTIFIED_ROLES)).toEqual(
      new Set(['caseworker', ...PAYMENT_APPROVERS.regional, ...PAYMENT_APPROVERS.nationwide]),
    );
  });

  it('of an assignment: the new assignee, not whoever assigned the case to themself, nobody of an unassignment', () => {
    expect(assignmentRecipient(5, 6)).toBe(6);
    expect(assignmentRecipient(5, 5)).toBeNull();
    expect(assignmentRecipient(5, null)).toBeNull();
  });

  it('of a referral: a provider’s answers, not a request or a cancellation', () => {
    expect(ANSWERED_REFERRAL_STATES).toEqual(['accepted', 'waitlisted', 'rejected', 'enrolled', 'completed']);
    expect(isAnswer('requested')).toBe(false);
    expect(isAnswer('cancelled')).toBe(false);
    expect(isAnswer('enrolled')).toBe(true);
  });
});
