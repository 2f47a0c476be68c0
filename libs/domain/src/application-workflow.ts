import type { Role } from './roles';
import type { LegalGroundKind } from './value-lists';

/**
 * The case (application for kandas status) state machine, defined once: the API
 * enforces it, the admin UI offers only the transitions the user may trigger, with
 * the inputs each needs. See DESIGN.md "The case" and domain-facts.md §2.
 *
 * ```
 * draft ─submit→ submitted ─accept→ under_review ⇄ information_requested
 *                    │  └─accept_to_commission→ commission_review ─commission_recommend→ under_review
 *                    │                                └─commission_reject→ rejected
 *                    └─refuse_acceptance→ acceptance_refused
 * under_review ─approve→ approved ─extend→ approved
 *              └─reject→ rejected         ├─expire→ expired
 *                                         ├─revoke→ revoked
 *                                         └─naturalise→ naturalised (the system: every member a citizen)
 * draft | submitted | commission_review | under_review | information_requested ─withdraw→ withdrawn
 * ```
 */

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'acceptance_refused',
  'commission_review',
  'under_review',
  'information_requested',
  'approved',
  'rejected',
  'withdrawn',
  'expired',
  'revoked',
  'naturalised',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Closed cases: nothing leaves them, and their members are free to join another case. */
export const TERMINAL_STATUSES: readonly ApplicationStatus[] = Object.freeze([
  'acceptance_refused',
  'rejected',
  'withdrawn',
  'expired',
  'revoked',
  'naturalised',
] as const);

/** Open cases; a person may be in one active case at a time. */
export const ACTIVE_STATUSES: readonly ApplicationStatus[] = Object.freeze(
  APPLICATION_STATUSES.filter((status) => !TERMINAL_STATUSES.includes(status)),
);

export const isTerminal = (s: ApplicationStatus): boolean => TERMINAL_STATUSES.includes(s);

/** Type guard for a status arriving from outside (a request body, a query string). */
export const isApplicationStatus = (value: unknown): value is ApplicationStatus =>
  typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);

export const TRANSITION_NAMES = [
  'submit',
  'accept',
  'accept_to_commission',
  'refuse_acceptance',
  'commission_recommend',
  'commission_reject',
  'request_information',
  'receive_information',
  'approve',
  'reject',
  'withdraw',
  'extend',
  'expire',
  'revoke',
  'naturalise',
] as const;
export type TransitionName = (typeof TRANSITION_NAMES)[number];

/** What a transition needs from the request / the case before it may happen. */
export type TransitionRequirement =
  | 'comment' // a non-empty comment
  | 'legal_ground' // a legalGroundId from the editable list (of the given kind, see below)
  | 'checklist_complete' // every required document verified (checked by the API with data)
  | 'has_members' // applicant + at least the applicant as member
  | 'status_expired' // valid_to < today
  | 'extension_allowed'; // within the extension window and fewer extensions than the limit

/** What a transition sets, as named effects the API performs. */
export type TransitionEffect =
  | 'assign_number' // KND-<year>-<6 digits> at submission
  | 'start_deadline:completeness_check'
  | 'start_deadline:commission_review'
  | 'start_deadline:status_decision'
  | 'pause_deadline'
  | 'resume_deadline'
  | 'clear_deadline'
  | 'grant_status' // valid from today for the configured status_validity
  | 'extend_status' // valid_to += configured extension
  | 'issue_certificate'
  | 'revoke_certificate'
  | 'release_members'; // members become free to join another case (terminal states)

export interface TransitionDef {
  name: TransitionName;
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  /** Who may trigger (region scoping is separate: the API checks the case's region). */
  roles: readonly Role[];
  requires: readonly TransitionRequirement[];
  /** Which list the ground comes from; set exactly when `requires` has `legal_ground`. */
  legalGroundKind?: LegalGroundKind;
  /** What the transition sets, as named effects the API performs. */
  effects: readonly TransitionEffect[];
}

/**
 * Caseworkers and admins do all case work. Regional officials may not decide kandas
 * status (DESIGN.md), auditors change nothing.
 */
const CASE_WORK: readonly Role[] = Object.freeze(['caseworker', 'admin'] as const);

const define = (def: Omit<TransitionDef, 'roles'> & { roles?: readonly Role[] }): TransitionDef =>
  Object.freeze({
    ...def,
    roles: def.roles ?? CASE_WORK,
    from: Object.freeze([...def.from]),
    requires: Object.freeze([...def.requires]),
    effects: Object.freeze([...def.effects]),
  });

export const TRANSITIONS: readonly TransitionDef[] = Object.freeze([
  define({
    name: 'submit',
    from: ['draft'],
    to: 'submitted',
    requires: ['has_members'],
    effects: ['assign_number', 'start_deadline:completeness_check'],
  }),
  // The completeness check: accepted, sent to the nationality commission, or refused.
  define({
    name: 'accept',
    from: ['submitted'],
    to: 'under_review',
    requires: [],
    effects: ['start_deadline:status_decision'],
  }),
  define({
    name: 'accept_to_commission', // proof of nationality missing → nationality commission
    from: ['submitted'],
    to: 'commission_review',
    requires: [],
    effects: ['start_deadline:commission_review'],
  }),
  define({
    name: 'refuse_acceptance', // incomplete file or expired documents
    from: ['submitted'],
    to: 'acceptance_refused',
    requires: ['legal_ground', 'comment'],
    legalGroundKind: 'refuse_acceptance',
    effects: ['clear_deadline', 'release_members'],
  }),
  define({
    name: 'commission_recommend', // the comment carries the minutes' reference
    from: ['commission_review'],
    to: 'under_review',
    requires: ['comment'],
    effects: ['start_deadline:status_decision'],
  }),
  define({
    name: 'commission_reject', // a negative nationality finding
    from: ['commission_review'],
    to: 'rejected',
    requires: ['legal_ground', 'comment'],
    legalGroundKind: 'reject',
    effects: ['clear_deadline', 'release_members'],
  }),
  define({
    name: 'request_information', // the clock stops while the applicant answers
    from: ['under_review'],
    to: 'information_requested',
    requires: ['comment'],
    effects: ['pause_deadline'],
  }),
  define({
    name: 'receive_information',
    from: ['information_requested'],
    to: 'under_review',
    requires: ['comment'],
    effects: ['resume_deadline'],
  }),
  define({
    name: 'approve',
    from: ['under_review'],
    to: 'approved',
    requires: ['checklist_complete'],
    effects: ['clear_deadline', 'grant_status', 'issue_certificate'],
  }),
  define({
    name: 'reject',
    from: ['under_review'],
    to: 'rejected',
    requires: ['legal_ground', 'comment'],
    legalGroundKind: 'reject',
    effects: ['clear_deadline', 'release_members'],
  }),
  define({
    name: 'withdraw', // at the applicant's request, any time before a decision
    from: ['draft', 'submitted', 'commission_review', 'under_review', 'information_requested'],
    to: 'withdrawn',
    requires: ['comment'],
    effects: ['clear_deadline', 'release_members'],
  }),
  define({
    name: 'extend', // approved → approved: only the validity changes
    from: ['approved'],
    to: 'approved',
    requires: ['extension_allowed', 'comment'],
    effects: ['extend_status'],
  }),
  define({
    // Once validity has passed. The certificate is not revoked: its dates already
    // make it read "expired" on the verification page.
    name: 'expire',
    from: ['approved'],
    to: 'expired',
    requires: ['status_expired'],
    effects: ['release_members'],
  }),
  define({
    name: 'revoke',
    from: ['approved'],
    to: 'revoked',
    requires: ['legal_ground', 'comment'],
    legalGroundKind: 'revoke',
    effects: ['revoke_certificate', 'release_members'],
  }),
  define({
    // The status ends on obtaining citizenship (docs/legal-status.md): taken by the
    // system when the last member's citizenship is recorded, never by hand.
    name: 'naturalise',
    from: ['approved'],
    to: 'naturalised',
    roles: [],
    requires: [],
    effects: ['release_members'],
  }),
]);

/** Every transition leaving `status`, in the order of TRANSITIONS. */
export function transitionsFrom(status: ApplicationStatus): TransitionDef[] {
  return TRANSITIONS.filter((t) => t.from.includes(status));
}

/** The transition that moves `from` → `to` (at most one per pair, by design), or null. */
export function findTransition(from: ApplicationStatus, to: ApplicationStatus): TransitionDef | null {
  return TRANSITIONS.find((t) => t.to === to && t.from.includes(from)) ?? null;
}

/** Transitions this role may trigger from this status (the UI's buttons). */
export function availableTransitions(status: ApplicationStatus, role: Role): TransitionDef[] {
  return transitionsFrom(status).filter((t) => t.roles.includes(role));
}

export type TransitionCheck =
  | { ok: true; transition: TransitionDef }
  | { ok: false; reason: 'no_such_transition' | 'role_not_allowed'; message: string };

/**
 * Whether `role` may move a case from `from` to `to`, by the state machine and the
 * role alone. The requirements (comment, legal ground, checklist …) and the case's
 * region are for the caller to check against the request and the data.
 */
export function checkTransition(from: ApplicationStatus, to: ApplicationStatus, role: Role): TransitionCheck {
  const transition = findTransition(from, to);
  if (transition === null) {
    return {
      ok: false,
      reason: 'no_such_transition',
      message: `A case cannot move from "${from}" to "${to}"`,
    };
  }
  if (!transition.roles.includes(role)) {
    return {
      ok: false,
      reason: 'role_not_allowed',
      message: `The role "${role}" may not trigger "${transition.name}" ("${from}" → "${to}")`,
    };
  }
  return { ok: true, transition };
}
