import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import { isMessageCode } from '@qonys/domain';
import { useTranslate } from 'react-admin';
import { useFormatNumber } from '../common/useFormatNumber';
import { useTranslateMessage } from '../common/useTranslateMessage';
import type { JobRun } from './jobTypes';

/**
 * A run's phase and progress bar while it runs (an indeterminate bar when the phase
 * has no count), and its error in the reader's language when it failed.
 */
export const RunProgress = ({ run }: { run: JobRun }) => {
  const translate = useTranslate();
  const translateMessage = useTranslateMessage();
  const formatNumber = useFormatNumber();
  const { phase, total, processed, failed } = run.progress;
  if (run.state === 'failed' && run.error) {
    return (
      <Alert severity="error" data-field="error">
        {translateMessage(run.error)}
      </Alert>
    );
  }
  if (run.state !== 'running') return null;
  const counted = total !== null && total > 0;
  return (
    <Box data-field="progress">
      <Typography variant="body2">
        {phase && isMessageCode(phase) ? translateMessage({ code: phase, params: {} }) : null}
        {counted
          ? ` · ${translate('app.jobs.progress', { processed: formatNumber(processed), total: formatNumber(total) })}`
          : processed > 0
            ? ` · ${translate('app.jobs.processed', { processed: formatNumber(processed) })}`
            : null}
        {failed > 0 ? ` · ${translate('app.jobs.failed_items', { failed: formatNumber(failed) })}` : null}
      </Typography>
      <LinearProgress
        variant={counted ? 'determinate' : 'indeterminate'}
        value={counted ? Math.min(100, (processed / total) * 100) : undefined}
        aria-label={translate('app.jobs.states.running')}
      />
    </Box>
  );
};
