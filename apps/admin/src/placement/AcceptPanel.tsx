import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { messageOf } from '../common/errors';
import { useRole } from '../common/useRole';
import { useTranslateMessage } from '../common/useTranslateMessage';
import type { QonysDataProvider } from '../providers/dataProvider';
import type { AcceptResult, PlacementBatch } from '../providers/placementTypes';
import { useRegionNames } from '../quotas/useRegionNames';

/**
 * Accepts the batch's open proposals: a regional official those in their own region,
 * an administrator all of them. Each family is reserved whole; a family that no
 * longer fits is skipped with the reason, which is shown with the result.
 */
export const AcceptPanel = ({ batch }: { batch: PlacementBatch }) => {
  const translate = useTranslate();
  const translateMessage = useTranslateMessage();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { nationwide, regionId } = useRole();
  const { nameOf } = useRegionNames();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AcceptResult | null>(null);
  const scopeLabel = nationwide
    ? translate('app.placement.accept_all')
    : translate('app.placement.accept_region', { region: nameOf(regionId) });

  const accept = async () => {
    setBusy(true);
    try {
      const answer = await dataProvider.acceptPlacementBatch(batch.id);
      setResult(answer);
      setConfirming(false);
      refresh();
    } catch (caught) {
      notify(messageOf(caught), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const persons = result?.accepted.reduce((sum, a) => sum + a.persons, 0) ?? 0;
  return (
    <Box>
      {batch.status === 'proposed' && (
        <Button variant="contained" color="success" onClick={() => setConfirming(true)}>
          {scopeLabel}
        </Button>
      )}
      {result && (
        <Alert severity={result.skipped.length > 0 ? 'warning' : 'success'} sx={{ mt: 2 }} role="status">
          <div data-field="accept-result">
            {translate('app.placement.accepted_result', {
              families: result.accepted.length,
              persons,
              skipped: result.skipped.length,
            })}
          </div>
          {result.skipped.length > 0 && (
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {result.skipped.map((skip) => (
                <li key={skip.proposalId}>
                  {translate('app.placement.skipped_item', { id: skip.proposalId, reason: translateMessage(skip) })}
                </li>
              ))}
            </Box>
          )}
        </Alert>
      )}
      {confirming && (
        <Dialog open onClose={busy ? undefined : () => setConfirming(false)} aria-labelledby="accept-title">
          <DialogTitle id="accept-title">{scopeLabel}</DialogTitle>
          <DialogContent>
            <DialogContentText>{translate('app.placement.accept_help')}</DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setConfirming(false)} disabled={busy}>
              {translate('ra.action.cancel')}
            </Button>
            <Button variant="contained" color="success" onClick={() => void accept()} disabled={busy}>
              {translate('ra.action.confirm')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </Box>
  );
};
