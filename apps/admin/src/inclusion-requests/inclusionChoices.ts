import { ADAPTATION_SERVICES, INCLUSION_STATUSES } from '@qonys/domain';

export const inclusionStatusChoices = INCLUSION_STATUSES.map((id) => ({ id, name: `app.inclusion.statuses.${id}` }));

export const adaptationServiceChoices = ADAPTATION_SERVICES.map((id) => ({ id, name: `app.inclusion.services.${id}` }));
