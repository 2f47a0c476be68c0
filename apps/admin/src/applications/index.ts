import { lazy } from 'react';
import FolderSharedIcon from '@mui/icons-material/FolderShared';

/** Cases: a returning family's application for kandas status, from draft to certificate. */
export const applications = {
  list: lazy(() => import('./ApplicationList')),
  show: lazy(() => import('./ApplicationShow')),
  edit: lazy(() => import('./ApplicationEdit')),
  create: lazy(() => import('./ApplicationCreate')),
  icon: FolderSharedIcon,
  recordRepresentation: (record: { id: number; number?: string | null }) => record.number ?? `#${record.id}`,
};
