import { lazy } from 'react';
import PaymentsIcon from '@mui/icons-material/Payments';
import { localizedName } from '../common/localizedName';
import { currentLocale } from '../i18n/i18nProvider';

/** State support in MCI, dated with its act; the unconfirmed figures marked. */
export const benefitRules = {
  list: lazy(() => import('./BenefitRuleList')),
  edit: lazy(() => import('./BenefitRuleEdit')),
  create: lazy(() => import('./BenefitRuleCreate')),
  icon: PaymentsIcon,
  recordRepresentation: (record: Record<string, string>) => localizedName(record, currentLocale()),
};
