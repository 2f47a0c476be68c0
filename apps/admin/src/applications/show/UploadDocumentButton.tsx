import { useState, type ChangeEvent } from 'react';
import { Button, CircularProgress, Tooltip } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { fieldErrorsOf, messageOf } from '../../common/errors';
import type { ChecklistItem } from '../../providers/caseTypes';
import type { QonysDataProvider } from '../../providers/dataProvider';

/** What the API keeps; it checks the content itself, this only narrows the file chooser. */
const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

/** Uploads one file for a checklist item (and its member, for per-member items). */
export const UploadDocumentButton = ({
  applicationId,
  item,
  label,
  onUploaded,
}: {
  applicationId: number;
  item: ChecklistItem;
  label: string;
  onUploaded: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const [busy, setBusy] = useState(false);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      await dataProvider.uploadDocument({
        applicationId,
        documentTypeId: item.documentTypeId,
        personId: item.scope === 'member' ? item.personId : null,
        file,
      });
      notify('app.documents.uploaded', { type: 'success', messageArgs: { name: file.name } });
      onUploaded();
    } catch (error) {
      const message = Object.values(fieldErrorsOf(error)).join(' ') || messageOf(error);
      notify(message, { type: 'error' });
    } finally {
      input.value = '';
      setBusy(false);
    }
  };

  return (
    <Tooltip title={translate('app.documents.file_types')}>
      <Button
        component="label"
        size="small"
        variant="outlined"
        disabled={busy}
        startIcon={busy ? <CircularProgress size={16} /> : <UploadFileIcon />}
        sx={{ whiteSpace: 'nowrap' }}
      >
        {translate('app.documents.upload')}
        <input
          type="file"
          hidden
          accept={ACCEPT}
          onChange={upload}
          aria-label={translate('app.documents.upload_label', { name: label })}
          data-testid="upload-document"
        />
      </Button>
    </Tooltip>
  );
};
