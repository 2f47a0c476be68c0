import { useState, type FormEvent } from 'react';
import { Button, Stack, TextField } from '@mui/material';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { fieldErrorsOf, messageOf } from '../../common/errors';
import type { QonysDataProvider } from '../../providers/dataProvider';

/** A note on the case's timeline, at any stage. */
export const AddNoteForm = ({ applicationId, onAdded }: { applicationId: number; onAdded: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) return setError(translate('ra.validation.required'));
    setBusy(true);
    setError(null);
    try {
      await dataProvider.addApplicationNote(applicationId, comment.trim());
      notify('app.timeline.note_added', { type: 'success' });
      setComment('');
      onAdded();
    } catch (caught) {
      setError(fieldErrorsOf(caught).comment ?? messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack
      component="form"
      onSubmit={submit}
      noValidate
      direction={{ xs: 'column', sm: 'row' }}
      spacing={1}
      sx={{ alignItems: 'flex-start' }}
    >
      <TextField
        name="note"
        label={translate('app.timeline.note')}
        multiline
        minRows={2}
        fullWidth
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        error={Boolean(error)}
        helperText={error ?? ' '}
        slotProps={{ htmlInput: { maxLength: 4000 } }}
      />
      <Button type="submit" variant="contained" disabled={busy} sx={{ whiteSpace: 'nowrap', mt: { sm: 1 } }}>
        {translate('app.timeline.add_note')}
      </Button>
    </Stack>
  );
};
