import { lazy } from 'react';
import PaymentsIcon from '@mui/icons-material/Payments';

/** State support payments, prepared and approved by two officials (docs/support-payments.md). */
export const supportPayments = {
  list: lazy(() => import('./SupportPaymentList')),
  show: lazy(() => import('./SupportPaymentShow')),
  create: lazy(() => import('./SupportPaymentCreate')),
  icon: PaymentsIcon,
  recordRepresentation: (record: { id: number }) => `№ ${record.id}`,
};
