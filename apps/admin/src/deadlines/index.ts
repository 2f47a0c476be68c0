import { lazy } from 'react';
import TimerIcon from '@mui/icons-material/Timer';
import { localizedName } from '../common/localizedName';
import { currentLocale } from '../i18n/i18nProvider';

/** Statutory deadlines of the kandas procedure (completeness check, commission review, status validity). */
export const deadlines = {
  list: lazy(() => import('./DeadlineList')),
  edit: lazy(() => import('./DeadlineEdit')),
  create: lazy(() => import('./DeadlineCreate')),
  icon: TimerIcon,
  recordRepresentation: (record: Record<string, string>) => localizedName(record, currentLocale()),
};
