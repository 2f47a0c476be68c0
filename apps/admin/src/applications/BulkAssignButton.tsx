import { useState } from 'react';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  TextField,
} from '@mui/material';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { Button, useDataProvider, useGetList, useListContext, useNotify, useRefresh, useTranslate } from 'react-admin';
import { type AssigneeView } from '@qonys/domain';
import { fieldErrorsOf, messageOf } from '../common/errors';
import type { QonysDataProvider } from '../providers/dataProvider';
import { ASSIGNEES } from './AssigneeInput';

const NOBODY = 'nobody';

/** Assigns the selected cases to one caseworker (or to nobody) in one request. */
export const BulkAssignButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { selectedIds, onUnselectItems } = useListContext();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { data: assignees = [] } = useGetList<AssigneeView>(
    ASSIGNEES,
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'fullName', order: 'ASC' } },
    { enabled: open },
  );

  const close = () => {
    setOpen(false);
    setChoice('');
    setError(null);
  };

  const assign = async () => {
    setBusy(true);
    setError(null);
    try {
      const assignedToId = choice === NOBODY ? null : Number(choice);
      const { updated } = await dataProvider.assignApplications(selectedIds.map(Number), assignedToId);
      notify('app.bulk_assign.done', { messageArgs: { smart_count: updated } });
      onUnselectItems();
      close();
      refresh();
    } catch (caught) {
      setError(
        Object.values(fieldErrorsOf(caught)).join(' ') || translate(messageOf(caught), { _: messageOf(caught) }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="app.bulk_assign.button" onClick={() => setOpen(true)} data-testid="bulk-assign-button">
        <AssignmentIndIcon />
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby="bulk-assign-title" fullWidth maxWidth="xs">
        <DialogTitle id="bulk-assign-title">
          {translate('app.bulk_assign.title', { smart_count: selectedIds.length })}
        </DialogTitle>
        <DialogContent sx={{ pt: 1 }}>
          <TextField
            select
            fullWidth
            sx={{ mt: 1 }}
            name="assignedToId"
            label={translate('app.bulk_assign.caseworker')}
            value={choice}
            onChange={(event) => setChoice(event.target.value)}
          >
            <MenuItem value={NOBODY}>
              <em>{translate('app.bulk_assign.nobody')}</em>
            </MenuItem>
            {assignees.map((assignee) => (
              <MenuItem key={assignee.id} value={String(assignee.id)}>
                {assignee.fullName} ({assignee.username})
              </MenuItem>
            ))}
          </TextField>
          {error && (
            <Alert severity="error" sx={{ mt: 2 }} role="alert">
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} disabled={busy}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton variant="contained" onClick={assign} disabled={busy || choice === ''}>
            {translate('app.bulk_assign.button')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
