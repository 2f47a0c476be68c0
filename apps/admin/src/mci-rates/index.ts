import { lazy } from 'react';
import PaymentsIcon from '@mui/icons-material/Payments';

/** The monthly calculation index (MCI) per year, in tenge: support amounts are set in MCI. */
export const mciRates = {
  list: lazy(() => import('./MciRateList')),
  edit: lazy(() => import('./MciRateEdit')),
  create: lazy(() => import('./MciRateCreate')),
  icon: PaymentsIcon,
  recordRepresentation: 'year',
};
