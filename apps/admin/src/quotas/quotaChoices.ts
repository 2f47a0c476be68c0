import { QUOTA_CATEGORIES, QUOTA_UNITS } from '@qonys/domain';
import { kazakhstanToday } from '../common/kazakhstanToday';

export const categoryChoices = QUOTA_CATEGORIES.map((id) => ({ id, name: `app.quotas.categories.${id}` }));

/** The quota years offered: two back, the current one and the next. */
export function quotaYears(): number[] {
  const year = Number(kazakhstanToday().slice(0, 4));
  return [year - 2, year - 1, year, year + 1];
}

export const thisYear = (): number => Number(kazakhstanToday().slice(0, 4));

export const unitChoices = QUOTA_UNITS.map((id) => ({ id, name: `app.quotas.units.${id}` }));
