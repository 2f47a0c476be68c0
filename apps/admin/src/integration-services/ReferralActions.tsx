import { useState } from 'react';
import { Button, MenuItem, TextField } from '@mui/material';
import { type ReferralAction, type ReferralOutcome, type ReferralView, referralActionsFor } from '@qonys/domain';
import { useDataProvider, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import { useRole } from '../common/useRole';
import type { QonysDataProvider } from '../providers/dataProvider';
import { REASON_CHOICES, REFERRAL_OUTCOME_CHOICES } from './serviceChoices';

/** The steps the caller may take on the referral (libs/domain referral-workflow.ts), each in a dialog. */
export const ReferralActions = () => {
  const record = useRecordContext<ReferralView>();
  const { role } = useRole();
  const translate = useTranslate();
  const [open, setOpen] = useState<ReferralAction | null>(null);
  if (!record || role === null) return null;
  const actions = referralActionsFor(role, record.state);
  if (actions.length === 0) return null;
  return (
    <>
      {actions.map((action) => (
        <Button
          key={action}
          size="small"
          color={action === 'reject' || action === 'cancel' ? 'error' : 'primary'}
          onClick={(event) => {
            event.stopPropagation();
            setOpen(action);
          }}
        >
          {translate(`app.services.actions.${action}`)}
        </Button>
      ))}
      {open && <StepDialog referral={record} action={open} onClose={() => setOpen(null)} />}
    </>
  );
};

const StepDialog = ({
  referral,
  action,
  onClose,
}: {
  referral: ReferralView;
  action: ReferralAction;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const [outcome, setOutcome] = useState<ReferralOutcome | ''>('');
  const [reason, setReason] = useState('');
  const [notes, setNotes] = useState(referral.providerNotes ?? '');
  const reasons =
    action === 'reject' || action === 'cancel' || (action === 'complete' && outcome === 'not_successful')
      ? REASON_CHOICES[action === 'complete' ? 'complete' : action]
      : null;
  const validate = () => ({
    ...(action === 'complete' && !outcome ? { outcome: 'server.referral.outcome_required' } : {}),
    ...(reasons && action !== 'cancel' && !reason ? { reason: 'server.referral.reason_required' } : {}),
  });
  const submit = async () => {
    await dataProvider.stepReferral(referral.id, {
      action,
      version: referral.version,
      ...(reasons && reason ? { reason } : {}),
      ...(action === 'complete' ? { outcome } : {}),
      ...(notes.trim() !== (referral.providerNotes ?? '') ? { providerNotes: notes.trim() || null } : {}),
    });
    notify(`app.services.done.${action}`, { type: 'success' });
    refresh();
    onClose();
  };
  return (
    <ReasonDialog
      id={`referral-${action}`}
      title={`${translate(`app.services.actions.${action}`)}: ${serviceName(referral, locale)}`}
      help={translate(`app.services.action_help.${action}`)}
      inputs={['outcome', 'reason', 'providerNotes']}
      validate={validate}
      submitLabel={translate(`app.services.actions.${action}`)}
      submitColor={action === 'reject' || action === 'cancel' ? 'error' : 'primary'}
      onSubmit={submit}
      onClose={onClose}
    >
      {(errors) => (
        <>
          {action === 'complete' && (
            <TextField
              select
              name="outcome"
              label={translate('app.services.outcome')}
              value={outcome}
              onChange={(event) => setOutcome(event.target.value as ReferralOutcome)}
              error={Boolean(errors.outcome)}
              helperText={errors.outcome ?? ' '}
              required
            >
              {REFERRAL_OUTCOME_CHOICES.map((choice) => (
                <MenuItem key={choice.id} value={choice.id}>
                  {translate(choice.name)}
                </MenuItem>
              ))}
            </TextField>
          )}
          {reasons && (
            <TextField
              select
              name="reason"
              label={translate('app.services.reason')}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              error={Boolean(errors.reason)}
              helperText={errors.reason ?? ' '}
              required={action !== 'cancel'}
            >
              {reasons.map((choice) => (
                <MenuItem key={choice.id} value={choice.id}>
                  {translate(choice.name)}
                </MenuItem>
              ))}
            </TextField>
          )}
          {action !== 'cancel' && (
            <TextField
              name="providerNotes"
              label={translate('app.services.provider_notes')}
              multiline
              minRows={2}
              value={notes}
              onChange={(event) => setNotes(event.target.value)}
              error={Boolean(errors.providerNotes)}
              helperText={errors.providerNotes ?? ' '}
              slotProps={{ htmlInput: { maxLength: 2000 } }}
            />
          )}
        </>
      )}
    </ReasonDialog>
  );
};

/** A referral's service in the UI language. */
export const serviceName = (referral: Pick<ReferralView, 'serviceName'>, locale: string): string =>
  referral.serviceName[locale as keyof ReferralView['serviceName']] ?? referral.serviceName.en;
