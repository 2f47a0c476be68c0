import { lazy } from 'react';
import OutboxIcon from '@mui/icons-material/Outbox';

/** Messages to applicants (docs/applicant-messages.md): read, and a failed one sent again. */
export const applicantMessages = {
  list: lazy(() => import('./ApplicantMessageList')),
  icon: OutboxIcon,
  recordRepresentation: (record: { id: number }) => `№ ${record.id}`,
};
