import { INCLUSION_STATUSES } from '../providers/placementTypes';

export const inclusionStatusChoices = INCLUSION_STATUSES.map((id) => ({ id, name: `app.inclusion.statuses.${id}` }));
