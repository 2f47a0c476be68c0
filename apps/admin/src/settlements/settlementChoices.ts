import { HOUSING, SETTLEMENT_STATUSES } from '@qonys/domain';

export const settlementStatusChoices = SETTLEMENT_STATUSES.map((id) => ({
  id,
  name: `app.settlements.statuses.${id}`,
}));
export const housingChoices = HOUSING.map((id) => ({ id, name: `app.settlements.housing.${id}` }));
