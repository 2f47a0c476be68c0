import { DEADLINE_KEYS, DEADLINE_UNITS } from '@qonys/domain';

export const DEADLINE_KEY_CHOICES = DEADLINE_KEYS.map((key) => ({ id: key, name: `app.deadline_keys.${key}` }));

export const DEADLINE_UNIT_CHOICES = DEADLINE_UNITS.map((unit) => ({ id: unit, name: `app.deadline_units.${unit}` }));
