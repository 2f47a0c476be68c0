import { HOLIDAY_KINDS, type HolidayKind } from '@qonys/domain';

export const HOLIDAY_KIND_CHOICES = HOLIDAY_KINDS.map((kind) => ({ id: kind, name: `app.holiday_kinds.${kind}` }));

export const MONTH_CHOICES = Array.from({ length: 12 }, (_, index) => ({
  id: index + 1,
  name: `app.months.${index + 1}`,
}));

/** Fixed holidays recur on a month and day; the others fall on one date. */
export const usesMonthAndDay = (kind: HolidayKind | undefined): boolean => kind === 'fixed';

/** A moved working day is itself the move: it never moves again. */
export const canMoveIfWeekend = (kind: HolidayKind | undefined): boolean => kind !== 'working_day';

/** Clears the fields the chosen kind does not use, so the API gets a consistent row. */
export const holidayTransform = <T extends Record<string, unknown>>(data: T): T => {
  const kind = data.kind as HolidayKind | undefined;
  return usesMonthAndDay(kind)
    ? { ...data, date: null, movesIfWeekend: Boolean(data.movesIfWeekend) }
    : {
        ...data,
        month: null,
        day: null,
        movesIfWeekend: canMoveIfWeekend(kind) ? Boolean(data.movesIfWeekend) : false,
      };
};
