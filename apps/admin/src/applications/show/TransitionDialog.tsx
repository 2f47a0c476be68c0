import { useState, type FormEvent } from 'react';
import { type ApplicationDetail, type TransitionRequirement, type TransitionView } from '@qonys/domain';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { fieldErrorsOf, messageOf, statusOf } from '../../common/errors';
import type { QonysDataProvider } from '../../providers/dataProvider';
import { LegalGroundSelect } from './LegalGroundSelect';

/** Requirements the API checks against the data: shown as hints, and named again when it refuses. */
const CHECKED_BY_SERVER: readonly TransitionRequirement[] = [
  'checklist_complete',
  'has_members',
  'status_expired',
  'extension_allowed',
];
const REQUIREMENT_OF_ERROR: Record<string, TransitionRequirement> = {
  checklist: 'checklist_complete',
  members: 'has_members',
};
const INPUTS = ['comment', 'legalGroundId'];

/**
 * Asks for what the transition requires (a comment, a legal ground of its kind),
 * sends it with the case's version, and shows the server's refusal in place.
 */
export const TransitionDialog = ({
  application,
  transition,
  onClose,
}: {
  application: ApplicationDetail;
  transition: TransitionView;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const [comment, setComment] = useState('');
  const [legalGroundId, setLegalGroundId] = useState<number | ''>('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ message: string; stale: boolean } | null>(null);

  const needsComment = transition.requires.includes('comment');
  const groundKind = transition.requires.includes('legal_ground') ? transition.legalGroundKind : null;
  const hints = transition.requires.filter((requirement) => CHECKED_BY_SERVER.includes(requirement));
  const otherErrors = Object.entries(errors).filter(([field]) => !INPUTS.includes(field));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (needsComment && !comment.trim()) missing.comment = translate('ra.validation.required');
    if (groundKind && legalGroundId === '') missing.legalGroundId = translate('ra.validation.required');
    setErrors(missing);
    setFailure(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const updated = await dataProvider.transitionApplication(application.id, {
        to: transition.to,
        comment: comment.trim() || undefined,
        legalGroundId: groundKind && legalGroundId !== '' ? legalGroundId : undefined,
        version: application.version,
      });
      notify('app.transition_dialog.done', {
        type: 'success',
        messageArgs: { status: translate(`app.statuses.${updated.status}`) },
      });
      onClose();
      refresh();
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error);
      if (Object.keys(fieldErrors).length > 0) setErrors(fieldErrors);
      else setFailure({ message: messageOf(error), stale: statusOf(error) === 409 });
    } finally {
      setBusy(false);
    }
  };

  const reload = () => {
    onClose();
    refresh();
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="transition-title">
      <form onSubmit={submit} noValidate data-testid="transition-dialog">
        <DialogTitle id="transition-title">{translate(`app.transitions.${transition.name}`)}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>
              {translate('app.transition_dialog.moves', {
                from: translate(`app.statuses.${application.status}`),
                to: translate(`app.statuses.${transition.to}`),
              })}
            </DialogContentText>
            {hints.map((requirement) => (
              <Alert key={requirement} severity="info" variant="outlined">
                {translate(`app.requirements.${requirement}`)}
              </Alert>
            ))}
            {groundKind && (
              <LegalGroundSelect
                kind={groundKind}
                value={legalGroundId}
                onChange={setLegalGroundId}
                error={errors.legalGroundId}
              />
            )}
            <TextField
              name="comment"
              label={translate(
                needsComment ? 'app.transition_dialog.comment' : 'app.transition_dialog.comment_optional',
              )}
              required={needsComment}
              multiline
              minRows={3}
              fullWidth
              autoFocus={!groundKind}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              error={Boolean(errors.comment)}
              helperText={errors.comment ?? ' '}
              slotProps={{ htmlInput: { maxLength: 4000 } }}
            />
            {otherErrors.length > 0 && (
              <Alert severity="error" role="alert" data-testid="transition-errors">
                {otherErrors.map(([field, message]) => (
                  <div key={field}>
                    {REQUIREMENT_OF_ERROR[field] && (
                      <strong>{translate(`app.requirements.${REQUIREMENT_OF_ERROR[field]}`)} </strong>
                    )}
                    {message}
                  </div>
                ))}
              </Alert>
            )}
            {failure && (
              <Alert
                severity="error"
                role="alert"
                data-testid="transition-errors"
                action={
                  failure.stale ? (
                    <Button color="inherit" size="small" onClick={reload}>
                      {translate('app.transition_dialog.reload')}
                    </Button>
                  ) : undefined
                }
              >
                {failure.stale
                  ? translate('app.transition_dialog.stale')
                  : translate(failure.message, { _: failure.message })}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="transition-confirm">
            {translate('app.transition_dialog.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
