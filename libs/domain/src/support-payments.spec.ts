import {
  BANK_RESULT_STATUSES,
  batchMayClose,
  batchTakesPayments,
  mayApprove,
  monthOf,
  nextPaymentState,
  PAYMENT_ACTIONS,
  type PaymentAction,
} from './support-payments';
import { PAYMENT_STATES, type PaymentState } from './value-lists';

// The machine written out again, independently of PAYMENT_TRANSITIONS, so that a change
// to it has to be made on purpose in both places.
const EXPECTED: Record<PaymentAction, [PaymentState, PaymentState][]> = {
  approve: [['draft', 'approved']],
  send: [['approved', 'sent']],
  pay: [['sent', 'paid']],
  fail: [['sent', 'failed']],
  reconcile: [['paid', 'reconciled']],
  cancel: [
    ['draft', 'cancelled'],
    ['approved', 'cancelled'],
  ],
};

describe('support payment states', () => {
  it.each(PAYMENT_ACTIONS)('%s moves exactly the expected states, and refuses every other', (action) => {
    for (const state of PAYMENT_STATES) {
      const expected = EXPECTED[action].find(([from]) => from === state)?.[1] ?? null;
      expect({ state, next: nextPaymentState(state, action) }).toEqual({ state, next: expected });
    }
  });

  it('leaves failed, reconciled and cancelled payments where they are', () => {
    for (const action of PAYMENT_ACTIONS) {
      expect(nextPaymentState('failed', action)).toBeNull();
      expect(nextPaymentState('reconciled', action)).toBeNull();
      expect(nextPaymentState('cancelled', action)).toBeNull();
    }
  });

  it('reaches every state from a draft', () => {
    const reached: PaymentState[] = ['draft'];
    for (const state of reached) {
      for (const action of PAYMENT_ACTIONS) {
        const next = nextPaymentState(state, action);
        if (next && !reached.includes(next)) reached.push(next);
      }
    }
    expect([...reached].sort()).toEqual([...PAYMENT_STATES].sort());
  });

  it('answers the bank result with a state the machine reaches from sent', () => {
    for (const status of BANK_RESULT_STATUSES) {
      expect(nextPaymentState('sent', status === 'paid' ? 'pay' : 'fail')).toBe(status);
    }
  });
});

describe('four-eyes', () => {
  it('refuses the preparer and lets anyone else approve', () => {
    expect(mayApprove(7, 7)).toBe(false);
    expect(mayApprove(7, 8)).toBe(true);
  });

  it('lets any official approve what the system prepared', () => {
    expect(mayApprove(null, 8)).toBe(true);
  });
});

describe('payment batches', () => {
  it('take payments until closed', () => {
    expect(batchTakesPayments('open')).toBe(true);
    expect(batchTakesPayments('sent')).toBe(true);
    expect(batchTakesPayments('closed')).toBe(false);
  });

  it('close once sent and every payment has the bank’s answer', () => {
    expect(batchMayClose('sent', ['paid', 'failed', 'reconciled', 'cancelled'])).toBe(true);
    expect(batchMayClose('sent', [])).toBe(true);
    expect(batchMayClose('open', ['paid'])).toBe(false);
    expect(batchMayClose('closed', ['reconciled'])).toBe(false);
    for (const waiting of ['draft', 'approved', 'sent'] as const)
      expect(batchMayClose('sent', ['paid', waiting])).toBe(false);
  });

  it('group a payment by the first day of its month', () => {
    expect(monthOf('2026-06-17')).toBe('2026-06-01');
    expect(monthOf('2026-12-31')).toBe('2026-12-01');
  });
});
