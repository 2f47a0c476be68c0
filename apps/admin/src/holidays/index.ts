import { lazy } from 'react';
import EventIcon from '@mui/icons-material/Event';
import { localizedName } from '../common/localizedName';
import { currentLocale } from '../i18n/i18nProvider';

/** Public holidays and moved working days: the calendar statutory deadlines count in. */
export const holidays = {
  list: lazy(() => import('./HolidayList')),
  edit: lazy(() => import('./HolidayEdit')),
  create: lazy(() => import('./HolidayCreate')),
  icon: EventIcon,
  recordRepresentation: (record: Record<string, string>) => localizedName(record, currentLocale()),
};
