import { lazy } from 'react';
import PhonelinkLockIcon from '@mui/icons-material/PhonelinkLock';

/** Whether each role must sign in with a second factor (docs/accounts.md). */
export const mfaPolicies = {
  list: lazy(() => import('./MfaPolicyList')),
  edit: lazy(() => import('./MfaPolicyEdit')),
  create: lazy(() => import('./MfaPolicyCreate')),
  icon: PhonelinkLockIcon,
};
