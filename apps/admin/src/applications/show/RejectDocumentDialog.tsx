import { useState, type FormEvent } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { fieldErrorsOf, messageOf } from '../../common/errors';
import type { CaseDocument } from '../../providers/caseTypes';
import type { QonysDataProvider } from '../../providers/dataProvider';

/** Rejects a document; the reason is required and goes on the case's timeline. */
export const RejectDocumentDialog = ({
  document,
  onClose,
  onRejected,
}: {
  document: CaseDocument;
  onClose: () => void;
  onRejected: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setError(translate('ra.validation.required'));
    setBusy(true);
    try {
      await dataProvider.reviewDocument(document.id, {
        status: 'rejected',
        reason: reason.trim(),
        version: document.version,
      });
      notify('app.documents.rejected_done', { type: 'success' });
      onRejected();
    } catch (caught) {
      const errors = fieldErrorsOf(caught);
      setError(errors.reason ?? (Object.values(errors).join(' ') || messageOf(caught)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="reject-document-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="reject-document-title" sx={{ wordBreak: 'break-all' }}>
          {translate('app.documents.reject_title', { name: document.fileName })}
        </DialogTitle>
        <DialogContent>
          <TextField
            name="reason"
            label={translate('app.documents.reason')}
            required
            multiline
            minRows={3}
            fullWidth
            autoFocus
            sx={{ mt: 1 }}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={Boolean(error)}
            helperText={error ?? ' '}
            slotProps={{ htmlInput: { maxLength: 2000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" color="error" disabled={busy}>
            {translate('app.documents.reject')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
