import type { ApplicationStatus } from '@qonys/domain';
import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

const COLOURS: Record<ApplicationStatus, ChipProps['color']> = {
  draft: 'default',
  submitted: 'info',
  acceptance_refused: 'error',
  commission_review: 'secondary',
  under_review: 'primary',
  information_requested: 'warning',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
  expired: 'default',
  revoked: 'error',
  naturalised: 'success',
};

export const StatusChip = ({ status, size = 'small' }: { status: ApplicationStatus; size?: ChipProps['size'] }) => {
  const translate = useTranslate();
  const closed = status === 'withdrawn' || status === 'expired' || status === 'naturalised';
  return (
    <Chip
      size={size}
      color={COLOURS[status]}
      variant={closed ? 'outlined' : 'filled'}
      label={translate(`app.statuses.${status}`)}
      data-testid="application-status"
      data-status={status}
    />
  );
};

/** The case status as a translated, coloured chip. */
export const StatusField = (_props: FieldProps) => {
  const record = useRecordContext<{ id: number; status: ApplicationStatus }>();
  return record ? <StatusChip status={record.status} /> : null;
};
