import { useState } from 'react';
import { Alert, CircularProgress } from '@mui/material';
import VerifiedIcon from '@mui/icons-material/VerifiedUser';
import { Button, useCanAccess, useDataProvider, useLocale, useNotify, useTranslate } from 'react-admin';
import type { CodedMessage } from '@qonys/domain';
import { translateMessage } from '../common/errors';
import type { ChainVerification, QonysDataProvider } from '../providers/dataProvider';

/**
 * GET /api/audit-events/verify: recomputes the keyed chain on the server, checks it
 * against the latest signed checkpoint, and reports what does not hold, in words.
 */
export const VerifyChainButton = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'audit-events', action: 'verify' });
  const [result, setResult] = useState<ChainVerification | null>(null);
  const [busy, setBusy] = useState(false);

  if (!canAccess) return null;

  const verify = async () => {
    setBusy(true);
    setResult(null);
    try {
      setResult(await dataProvider.verifyAuditChain());
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        label="app.action.verify_chain"
        aria-label={translate('app.action.verify_chain_label')}
        data-testid="verify-chain-button"
        onClick={verify}
        disabled={busy}
      >
        {busy ? <CircularProgress size={16} /> : <VerifiedIcon />}
      </Button>
      {result && (
        <Alert
          severity={result.valid ? 'success' : 'error'}
          role="status"
          data-testid="verify-chain-result"
          data-valid={String(result.valid)}
          onClose={() => setResult(null)}
          sx={{ py: 0, ml: 1 }}
        >
          {result.valid
            ? translate('app.notification.chain_valid', { checked: result.checked })
            : result.problem
              ? `${translateMessage(result.problem as CodedMessage, translate, locale)} ` +
                translate('app.notification.chain_checked', { checked: result.checked })
              : translate('app.notification.chain_broken', {
                  id: result.firstBrokenId ?? '?',
                  checked: result.checked,
                })}
          {result.checkpoint &&
            ` · ${translate('app.notification.chain_checkpoint', {
              id: result.checkpoint.id,
              lastEventId: result.checkpoint.lastEventId,
              at: new Date(result.checkpoint.createdAt).toLocaleString(locale),
            })}`}
        </Alert>
      )}
    </>
  );
};
