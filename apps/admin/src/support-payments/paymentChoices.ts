import { BENEFIT_KINDS, PAYMENT_BATCH_STATES, PAYMENT_CANCEL_REASONS, PAYMENT_STATES } from '@qonys/domain';

export const paymentStateChoices = PAYMENT_STATES.map((id) => ({ id, name: `app.payments.states.${id}` }));
export const batchStateChoices = PAYMENT_BATCH_STATES.map((id) => ({ id, name: `app.payments.batch_states.${id}` }));
export const benefitKindChoices = BENEFIT_KINDS.map((id) => ({ id, name: `app.benefit_kinds.${id}` }));
export const paymentCancelReasonChoices = PAYMENT_CANCEL_REASONS.map((id) => ({
  id,
  name: `app.payments.cancel_reasons.${id}`,
}));
