import type { Role } from './roles';

/**
 * A referral's life, defined once (docs/integration-services.md): the API enforces it,
 * the admin offers only what the caller may do.
 *
 * ```
 * requested ─accept→ accepted (a place in the period) | waitlisted (none free, in order)
 * requested | waitlisted ─reject(reason)→ rejected
 * waitlisted ─(a place frees)→ accepted
 * accepted ─enrol→ enrolled ─complete(outcome)→ completed
 * requested | waitlisted | accepted | enrolled ─cancel→ cancelled (the referring side)
 * ```
 */
export const REFERRAL_STATES = [
  'requested',
  'waitlisted',
  'accepted',
  'rejected',
  'enrolled',
  'completed',
  'cancelled',
] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

export const REFERRAL_ACTIONS = ['accept', 'reject', 'enrol', 'complete', 'cancel'] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

/** States that hold one of the provider's places for the period. */
export const PLACE_HOLDING_STATES: readonly ReferralState[] = ['accepted', 'enrolled', 'completed'];

/** States a referral no longer leaves. */
export const CLOSED_REFERRAL_STATES: readonly ReferralState[] = ['rejected', 'completed', 'cancelled'];

const FROM: Record<ReferralAction, readonly ReferralState[]> = {
  accept: ['requested'],
  reject: ['requested', 'waitlisted'],
  enrol: ['accepted'],
  complete: ['enrolled'],
  cancel: ['requested', 'waitlisted', 'accepted', 'enrolled'],
};

/** The provider answers, enrols and records outcomes; only the referring side cancels. */
const PROVIDER_ACTIONS: readonly ReferralAction[] = ['accept', 'reject', 'enrol', 'complete'];

export const canApplyReferralAction = (state: ReferralState, action: ReferralAction): boolean =>
  FROM[action].includes(state);

/** Whether a role may take the action at all (the row's scope is checked apart). */
export const roleMayTakeReferralAction = (role: Role, action: ReferralAction): boolean =>
  role === 'provider_staff' ? PROVIDER_ACTIONS.includes(action) : role !== 'auditor';

/** The actions a caller may take on a referral in `state`, in the order the admin shows them. */
export const referralActionsFor = (role: Role, state: ReferralState): ReferralAction[] =>
  REFERRAL_ACTIONS.filter((action) => canApplyReferralAction(state, action) && roleMayTakeReferralAction(role, action));
