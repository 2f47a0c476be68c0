import { useState } from 'react';
import { Box, Chip, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import DownloadIcon from '@mui/icons-material/Download';
import HighlightOffIcon from '@mui/icons-material/HighlightOff';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Confirm, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { messageOf } from '../../common/errors';
import { saveFile } from '../../common/saveFile';
import { useFormatDateTime } from '../../common/CalendarDate';
import { useFormatFileSize } from '../../common/useFormatNumber';
import type { CaseDocument } from '../../providers/caseTypes';
import type { QonysDataProvider } from '../../providers/dataProvider';
import { DOCUMENT_STATUS_COLOURS } from './documentStatus';
import { DocumentPreviewDialog, type Preview } from './DocumentPreviewDialog';
import { RejectDocumentDialog } from './RejectDocumentDialog';

/** An uploaded file: preview, download, and verify or reject it (with a reason). */
export const DocumentFile = ({
  document,
  canReview,
  onChanged,
}: {
  document: CaseDocument;
  canReview: boolean;
  onChanged: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const formatSize = useFormatFileSize();
  const formatDateTime = useFormatDateTime();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [confirmingVerify, setConfirmingVerify] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      notify(messageOf(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const openPreview = () =>
    run(async () => {
      const { blob } = await dataProvider.getDocumentContent(document.id, true);
      setPreview({ url: URL.createObjectURL(blob), contentType: document.contentType, fileName: document.fileName });
    });
  const download = () =>
    run(async () => {
      const { blob, fileName } = await dataProvider.getDocumentContent(document.id, false);
      saveFile(blob, fileName ?? document.fileName);
    });
  const verify = () =>
    run(async () => {
      await dataProvider.reviewDocument(document.id, { status: 'verified', version: document.version });
      setConfirmingVerify(false);
      notify('app.documents.verified_done', { type: 'success' });
      onChanged();
    });
  // Overturning a rejection is a second decision on the same file: it is asked for, not clicked through.
  const onVerifyClick = () => (document.status === 'rejected' ? setConfirmingVerify(true) : verify());
  const closePreview = () => {
    if (preview) URL.revokeObjectURL(preview.url);
    setPreview(null);
  };

  return (
    <Box data-testid="document-file" data-document-id={document.id} data-status={document.status}>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
          {document.fileName}
        </Typography>
        <Chip
          size="small"
          variant="outlined"
          color={DOCUMENT_STATUS_COLOURS[document.status]}
          label={translate(`app.documents.statuses.${document.status}`)}
        />
      </Stack>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
        <Typography variant="caption" color="text.secondary" sx={{ mr: 0.5, whiteSpace: 'nowrap' }}>
          {formatSize(document.sizeBytes)} · {formatDateTime(document.createdAt)}
        </Typography>
        <Tooltip title={translate('app.documents.preview')}>
          <IconButton
            size="small"
            onClick={openPreview}
            disabled={busy}
            aria-label={translate('app.documents.preview')}
            data-testid="preview-document"
          >
            <VisibilityIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Tooltip title={translate('app.documents.download')}>
          <IconButton
            size="small"
            onClick={download}
            disabled={busy}
            aria-label={translate('app.documents.download')}
            data-testid="download-document"
          >
            <DownloadIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        {canReview && document.status !== 'verified' && (
          <Tooltip title={translate('app.documents.verify')}>
            <IconButton
              size="small"
              color="success"
              onClick={onVerifyClick}
              disabled={busy}
              aria-label={translate('app.documents.verify')}
              data-testid="verify-document"
            >
              <CheckCircleIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        )}
        {canReview && document.status !== 'rejected' && (
          <Tooltip title={translate('app.documents.reject')}>
            <IconButton
              size="small"
              color="error"
              onClick={() => setRejecting(true)}
              disabled={busy}
              aria-label={translate('app.documents.reject')}
              data-testid="reject-document"
            >
              <HighlightOffIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        )}
      </Stack>
      {document.status === 'rejected' && document.rejectionReason && (
        <Typography variant="caption" color="error" component="div">
          {document.rejectionReason}
        </Typography>
      )}
      <Confirm
        isOpen={confirmingVerify}
        loading={busy}
        title="app.confirm.reverify_title"
        content="app.confirm.reverify"
        contentTranslateOptions={{ file: document.fileName, reason: document.rejectionReason ?? '—' }}
        confirm="app.documents.verify"
        onConfirm={verify}
        onClose={() => setConfirmingVerify(false)}
      />
      {preview && <DocumentPreviewDialog preview={preview} onClose={closePreview} onDownload={download} />}
      {rejecting && (
        <RejectDocumentDialog
          document={document}
          onClose={() => setRejecting(false)}
          onRejected={() => {
            setRejecting(false);
            onChanged();
          }}
        />
      )}
    </Box>
  );
};
