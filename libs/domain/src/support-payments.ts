import type { PaymentBatchState, PaymentState } from './value-lists';

/**
 * Support payments and their batches (docs/support-payments.md, Payments): the state
 * machine, defined once for the API and the admin.
 *
 * ```
 * draft ─approve→ approved ─send→ sent ─pay→ paid ─reconcile→ reconciled
 *                                   └─fail→ failed
 * draft | approved ─cancel(reason)→ cancelled
 * batch: open ─send→ sent ─close→ closed
 * ```
 *
 * A payment is approved by someone other than who prepared it (four-eyes), sent when
 * its batch's bank register is taken, paid or failed by the bank's result, and
 * reconciled when its batch is closed. A failed or cancelled payment stays so: a new one
 * may be prepared for the same entitlement. A payment the system prepared (a rent
 * instalment) has no preparer; any official who may approve it does.
 */

export const PAYMENT_ACTIONS = ['approve', 'send', 'pay', 'fail', 'reconcile', 'cancel'] as const;
export type PaymentAction = (typeof PAYMENT_ACTIONS)[number];

/** The states each action leaves and the state it reaches. */
export const PAYMENT_TRANSITIONS: Readonly<
  Record<PaymentAction, { readonly from: readonly PaymentState[]; readonly to: PaymentState }>
> = Object.freeze({
  approve: { from: ['draft'], to: 'approved' },
  send: { from: ['approved'], to: 'sent' },
  pay: { from: ['sent'], to: 'paid' },
  fail: { from: ['sent'], to: 'failed' },
  reconcile: { from: ['paid'], to: 'reconciled' },
  cancel: { from: ['draft', 'approved'], to: 'cancelled' },
});

/** The state `action` moves a payment in `state` to, or null when it may not. */
export function nextPaymentState(state: PaymentState, action: PaymentAction): PaymentState | null {
  const transition = PAYMENT_TRANSITIONS[action];
  return transition.from.includes(state) ? transition.to : null;
}

/** Four-eyes: whoever prepared a payment may not approve it (null: the system prepared it). */
export const mayApprove = (preparedBy: number | null, approverId: number): boolean => preparedBy !== approverId;

/** A batch takes new payments until it is closed. */
export const batchTakesPayments = (state: PaymentBatchState): boolean => state !== 'closed';

/**
 * A batch may be closed once every payment in it has the bank's answer: none is waiting
 * for approval, for the register or for the bank's result.
 */
export const batchMayClose = (state: PaymentBatchState, paymentStates: readonly PaymentState[]): boolean =>
  state === 'sent' &&
  paymentStates.every((s) => s === 'paid' || s === 'failed' || s === 'reconciled' || s === 'cancelled');

/** The bank's answer for one payment, as the result file states it. */
export const BANK_RESULT_STATUSES = ['paid', 'failed'] as const;
export type BankResultStatus = (typeof BANK_RESULT_STATUSES)[number];

/** The columns of the bank's result file, in order. */
export const BANK_RESULT_COLUMNS = ['payment_id', 'status', 'bank_reference', 'failure_reason'] as const;

/** The first day of the month of an ISO date: the batch a payment of that date belongs to. */
export const monthOf = (isoDate: string): string => `${isoDate.slice(0, 7)}-01`;

export const isBankResultStatus = (value: unknown): value is BankResultStatus =>
  typeof value === 'string' && (BANK_RESULT_STATUSES as readonly string[]).includes(value);
