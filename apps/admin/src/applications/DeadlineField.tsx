import { Chip, Stack, Typography } from '@mui/material';
import PauseCircleOutlineIcon from '@mui/icons-material/PauseCircleOutlineOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { type ApplicationRow, DUE_SOON_WORKING_DAYS } from '@qonys/domain';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { useFormatCalendarDate } from '../common/CalendarDate';

/**
 * The running deadline in working days: red when overdue, amber when due soon,
 * "paused" while information is requested; nothing without a running clock.
 */
export const DeadlineField = (_props: FieldProps) => {
  const record = useRecordContext<ApplicationRow>();
  const translate = useTranslate();
  const formatDate = useFormatCalendarDate();
  if (!record) return null;
  const stage = record.deadlineStage ? translate(`app.deadline_stages.${record.deadlineStage}`) : undefined;

  if (record.deadlinePausedRemaining !== null && record.deadlineDue === null) {
    // Paused while already overdue, the remainder is negative: it stays overdue.
    const left = record.deadlinePausedRemaining;
    return (
      <Chip
        size="small"
        variant="outlined"
        color={left < 0 ? 'error' : 'default'}
        icon={<PauseCircleOutlineIcon />}
        title={stage}
        data-testid="deadline"
        data-deadline="paused"
        label={
          left < 0
            ? `${translate('app.deadline.paused')} · ${translate('app.deadline.overdue_by', { smart_count: -left })}`
            : translate('app.deadline.paused_left', { smart_count: left })
        }
      />
    );
  }
  if (record.deadlineDue === null || record.daysLeft === null) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        —
      </Typography>
    );
  }

  const days = record.daysLeft;
  const overdue = record.overdue || days < 0;
  const soon = !overdue && days <= DUE_SOON_WORKING_DAYS;
  const label = overdue
    ? translate('app.deadline.overdue_by', { smart_count: Math.max(-days, 1) })
    : days === 0
      ? translate('app.deadline.due_today')
      : translate('app.deadline.days_left', { smart_count: days });
  return (
    <Stack spacing={0.25} title={stage} sx={{ alignItems: 'flex-start' }}>
      {overdue || soon ? (
        <Chip
          size="small"
          color={overdue ? 'error' : 'warning'}
          icon={<WarningAmberIcon />}
          label={label}
          data-testid="deadline"
          data-deadline={overdue ? 'overdue' : 'due_soon'}
        />
      ) : (
        <Typography component="span" variant="body2" data-testid="deadline" data-deadline="running">
          {label}
        </Typography>
      )}
      <Typography component="span" variant="caption" color={overdue ? 'error' : 'text.secondary'}>
        {translate('app.deadline.due_on', { date: formatDate(record.deadlineDue) })}
      </Typography>
    </Stack>
  );
};
