import { lazy } from 'react';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';

/** A region's support payments of a month as one bank register (docs/support-payments.md). */
export const paymentBatches = {
  list: lazy(() => import('./PaymentBatchList')),
  show: lazy(() => import('./PaymentBatchShow')),
  icon: AccountBalanceIcon,
  recordRepresentation: (record: { month: string }) => record.month.slice(0, 7),
};
