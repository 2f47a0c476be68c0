import { QUOTA_CATEGORIES, QUOTA_UNITS, todayInKazakhstan, yearOf } from '@qonys/domain';

export const categoryChoices = QUOTA_CATEGORIES.map((id) => ({ id, name: `app.quotas.categories.${id}` }));

/** The quota years offered: two back, the current one and the next. */
export function quotaYears(): number[] {
  const year = yearOf(todayInKazakhstan());
  return [year - 2, year - 1, year, year + 1];
}

export const thisYear = (): number => yearOf(todayInKazakhstan());

export const unitChoices = QUOTA_UNITS.map((id) => ({ id, name: `app.quotas.units.${id}` }));
