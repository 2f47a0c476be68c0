import { lazy } from 'react';
import UploadFileIcon from '@mui/icons-material/UploadFile';

/** Bulk imports: start one, follow its progress, read its report and error file (docs/imports.md). */
export const imports = {
  list: lazy(() => import('./ImportsPage')),
  icon: UploadFileIcon,
};
