import { useState } from 'react';
import { Alert, MenuItem, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { TransferReason } from '@qonys/domain';
import type { FieldErrors } from '../common/ReasonDialog';
import { useRole } from '../common/useRole';
import type { TransferAsk } from '../providers/placementMethods';
import { transferReasonChoices } from './transferChoices';

/** The inputs' names, for ReasonDialog to show the API's errors under them. */
export const TRANSFER_ASK_INPUTS = ['reasonCode', 'consentDate', 'consentDocument'] as const;

/**
 * What a move into another region asks besides region and reason: why (a code) when it
 * becomes a transfer request, and the family's consent when they did not choose the
 * region. `asks(regionId)` says whether the caller's move would be a request: their
 * role works in one region and the target is another (docs/transfers.md).
 */
export function useTransferAsk() {
  const { nationwide, regionId: ownRegion } = useRole();
  const [reasonCode, setReasonCode] = useState<TransferReason | ''>('');
  const [consentDate, setConsentDate] = useState('');
  const [consentDocument, setConsentDocument] = useState('');
  const asks = (regionId: number | null) => !nationwide && regionId !== null && regionId !== ownRegion;
  const ask: TransferAsk = {
    ...(reasonCode ? { reasonCode } : {}),
    ...(consentDate ? { consentDate } : {}),
    ...(consentDocument.trim() ? { consentDocument: consentDocument.trim() } : {}),
  };
  const validate = (regionId: number | null): FieldErrors =>
    asks(regionId) && !reasonCode ? { reasonCode: 'ra.validation.required' } : {};
  const inputs = (regionId: number | null, errors: FieldErrors) => (
    <TransferAskFields
      asks={asks(regionId)}
      errors={errors}
      reasonCode={reasonCode}
      onReasonCode={setReasonCode}
      consentDate={consentDate}
      onConsentDate={setConsentDate}
      consentDocument={consentDocument}
      onConsentDocument={setConsentDocument}
    />
  );
  return { asks, ask, validate, inputs };
}

const TransferAskFields = ({
  asks,
  errors,
  reasonCode,
  onReasonCode,
  consentDate,
  onConsentDate,
  consentDocument,
  onConsentDocument,
}: {
  asks: boolean;
  errors: FieldErrors;
  reasonCode: TransferReason | '';
  onReasonCode: (value: TransferReason) => void;
  consentDate: string;
  onConsentDate: (value: string) => void;
  consentDocument: string;
  onConsentDocument: (value: string) => void;
}) => {
  const translate = useTranslate();
  return (
    <>
      {asks && (
        <>
          <Alert severity="info">{translate('app.transfers.ask_help')}</Alert>
          <TextField
            select
            name="reasonCode"
            label={translate('app.transfers.reason_code')}
            required
            fullWidth
            value={reasonCode}
            onChange={(event) => onReasonCode(event.target.value as TransferReason)}
            error={Boolean(errors.reasonCode)}
            helperText={errors.reasonCode ?? ' '}
          >
            {transferReasonChoices.map((choice) => (
              <MenuItem key={choice.id} value={choice.id}>
                {translate(choice.name)}
              </MenuItem>
            ))}
          </TextField>
        </>
      )}
      <TextField
        type="date"
        name="consentDate"
        label={translate('app.transfers.consent_date')}
        fullWidth
        value={consentDate}
        onChange={(event) => onConsentDate(event.target.value)}
        error={Boolean(errors.consentDate)}
        helperText={errors.consentDate ?? translate('app.transfers.consent_help')}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        name="consentDocument"
        label={translate('app.transfers.consent_document')}
        fullWidth
        value={consentDocument}
        onChange={(event) => onConsentDocument(event.target.value)}
        error={Boolean(errors.consentDocument)}
        helperText={errors.consentDocument ?? ' '}
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
    </>
  );
};
