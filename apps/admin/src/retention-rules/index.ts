import { lazy } from 'react';
import AutoDeleteIcon from '@mui/icons-material/AutoDelete';
import { localizedName } from '../common/localizedName';
import { currentLocale } from '../i18n/i18nProvider';

/** How long personal data is kept after a case closes; the retention run erases what is past it. */
export const retentionRules = {
  list: lazy(() => import('./RetentionRuleList')),
  edit: lazy(() => import('./RetentionRuleEdit')),
  create: lazy(() => import('./RetentionRuleCreate')),
  icon: AutoDeleteIcon,
  recordRepresentation: (record: Record<string, string>) => localizedName(record, currentLocale()),
};
