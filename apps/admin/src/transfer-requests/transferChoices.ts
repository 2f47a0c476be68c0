import { TRANSFER_REASONS, TRANSFER_STATES } from '@qonys/domain';

export const transferStateChoices = TRANSFER_STATES.map((id) => ({ id, name: `app.transfers.states.${id}` }));
export const transferReasonChoices = TRANSFER_REASONS.map((id) => ({ id, name: `app.transfers.reasons.${id}` }));
