import { can, isNationwide, type ReferralState, ROLES } from '@qonys/domain';

/** Who is told what (docs/notifications.md): the rules the StaffNotifier applies before it writes. */

/** The referral states that are a provider's answer, each notified once per referral. */
export const ANSWERED_REFERRAL_STATES: readonly ReferralState[] = [
  'accepted',
  'waitlisted',
  'rejected',
  'enrolled',
  'completed',
];

export const isAnswer = (state: ReferralState): boolean => ANSWERED_REFERRAL_STATES.includes(state);

/** Who may approve a support payment, from the permission table: its region's (own_region grants) and nationwide ones. */
const APPROVERS = ROLES.filter((role) => can(role, 'support-payments', 'edit'));
export const PAYMENT_APPROVERS = {
  regional: APPROVERS.filter((role) => !isNationwide(role)),
  nationwide: APPROVERS.filter(isNationwide),
};

/** The one to tell of an assignment: the new assignee, unless they assigned the case to themself (or nobody was). */
export const assignmentRecipient = (actorId: number, assigneeId: number | null): number | null =>
  assigneeId === null || assigneeId === actorId ? null : assigneeId;
