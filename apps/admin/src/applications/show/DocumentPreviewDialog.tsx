import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A fetched file held as a blob URL while the preview is open. */
export interface Preview {
  url: string;
  contentType: string;
  fileName: string;
}

/** Shows an image or a PDF inline from its blob URL; the caller revokes the URL on close. */
export const DocumentPreviewDialog = ({
  preview,
  onClose,
  onDownload,
}: {
  preview: Preview;
  onClose: () => void;
  onDownload: () => void;
}) => {
  const translate = useTranslate();
  const image = preview.contentType.startsWith('image/');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" aria-labelledby="document-preview-title">
      <DialogTitle id="document-preview-title" sx={{ wordBreak: 'break-all' }}>
        {preview.fileName}
      </DialogTitle>
      <DialogContent dividers sx={{ display: 'flex', justifyContent: 'center', bgcolor: 'grey.100' }}>
        {image ? (
          <Box
            component="img"
            src={preview.url}
            alt={preview.fileName}
            sx={{ maxWidth: '100%', maxHeight: '75vh', objectFit: 'contain' }}
            data-testid="document-preview"
          />
        ) : (
          <Box
            component="iframe"
            src={preview.url}
            title={preview.fileName}
            sx={{ width: '100%', height: '75vh', border: 0, bgcolor: 'background.paper' }}
            data-testid="document-preview"
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onDownload}>{translate('app.documents.download')}</Button>
        <Button onClick={onClose} variant="contained">
          {translate('ra.action.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
