import { QUOTA_CATEGORIES, type QuotaCategory } from '@qonys/domain';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { Title, useCanAccess, useDataProvider, useGetList, useTranslate } from 'react-admin';
import { messageOf } from '../common/errors';
import type { QonysDataProvider } from '../providers/dataProvider';
import { type PlacementBatch } from '../providers/placementTypes';
import { thisYear } from '../quotas/quotaChoices';
import { YearCategoryPicker } from '../quotas/YearCategoryPicker';
import { RunProgress } from '../jobs/RunProgress';
import { AcceptPanel } from './AcceptPanel';
import { BatchSummary } from './BatchSummary';
import { ProposalTable } from './ProposalTable';
import { useBatch } from './useBatch';

/**
 * The batch matching run: start a run for a year and category, follow its progress,
 * then review the proposal (summary, optimal vs first-come-first-served, one row per
 * family), override single families and accept. The open batch is in the URL (?batch=).
 */
export const BatchPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear();
  const categoryParam = params.get('category') as QuotaCategory | null;
  const category = categoryParam && QUOTA_CATEGORIES.includes(categoryParam) ? categoryParam : 'kandas';
  const batchId = Number(params.get('batch')) || null;
  const { canAccess: canRun } = useCanAccess({ resource: 'placement', action: 'create' });
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const { data: batch, error: batchError } = useBatch(batchId);
  const { data: recent } = useGetList<PlacementBatch>('placement/batches', {
    filter: { year, category },
    pagination: { page: 1, perPage: 10 },
    sort: { field: 'id', order: 'DESC' },
  });
  const open = (id: number | null, y = year, c = category) =>
    setParams({ year: String(y), category: c, ...(id === null ? {} : { batch: String(id) }) });

  const start = async () => {
    setStarting(true);
    setStartError(null);
    try {
      const created = await dataProvider.startPlacementBatch(year, category);
      open(created.id);
    } catch (caught) {
      setStartError(messageOf(caught));
    } finally {
      setStarting(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.placement.batch_title')} />
      <CardContent>
        <Stack spacing={3}>
          <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <YearCategoryPicker year={year} category={category} onChange={(y, c) => open(null, y, c)} />
            {canRun && (
              <Button
                variant="contained"
                onClick={() => void start()}
                disabled={starting || batch?.status === 'running'}
              >
                {translate('app.placement.run')}
              </Button>
            )}
            {(recent ?? []).length > 0 && (
              <TextField
                select
                size="small"
                name="batch"
                label={translate('app.placement.recent')}
                value={batchId ?? ''}
                onChange={(event) => open(Number(event.target.value))}
                sx={{ minWidth: 260 }}
              >
                {(recent ?? []).map((b) => (
                  <MenuItem key={b.id} value={b.id}>
                    {translate('app.placement.batch_option', {
                      id: b.id,
                      status: translate(`app.placement.statuses.${b.status}`),
                    })}
                  </MenuItem>
                ))}
              </TextField>
            )}
          </Stack>
          {startError && <Alert severity="error">{translate(startError, { _: startError })}</Alert>}
          {batchError ? (
            <Alert severity="error">{translate(messageOf(batchError), { _: messageOf(batchError) })}</Alert>
          ) : null}
          {batch && <BatchDetails batch={batch} />}
        </Stack>
      </CardContent>
    </Card>
  );
};

const BatchDetails = ({ batch }: { batch: PlacementBatch }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={2} data-batch-id={batch.id} data-status={batch.status}>
      <Typography variant="h6">
        {translate('app.placement.batch_heading', {
          id: batch.id,
          year: batch.year,
          category: translate(`app.quotas.categories.${batch.category}`),
        })}{' '}
        — <span data-field="status">{translate(`app.placement.statuses.${batch.status}`)}</span>
      </Typography>
      {batch.status === 'running' && (
        <Box>
          <Typography variant="body2">{translate('app.placement.running', { progress: batch.progress })}</Typography>
          <LinearProgress
            variant="determinate"
            value={batch.progress}
            aria-label={translate('app.placement.progress')}
          />
          {batch.run && <RunProgress run={batch.run} />}
        </Box>
      )}
      {batch.status === 'failed' &&
        (batch.run?.error ? (
          <RunProgress run={batch.run} />
        ) : (
          <Alert severity="error">{batch.error ?? translate('app.placement.failed')}</Alert>
        ))}
      {(batch.status === 'proposed' || batch.status === 'accepted') && (
        <>
          <BatchSummary batch={batch} />
          <AcceptPanel batch={batch} />
          <ProposalTable batch={batch} />
        </>
      )}
    </Stack>
  );
};

export default BatchPage;
