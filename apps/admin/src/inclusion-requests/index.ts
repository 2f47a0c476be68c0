import { lazy } from 'react';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';

/** The inclusion queue: approved families asking for a place on a region's quota, and the commission's decisions. */
export const inclusionRequests = {
  list: lazy(() => import('./InclusionRequestList')),
  show: lazy(() => import('./InclusionRequestShow')),
  create: lazy(() => import('./InclusionRequestCreate')),
  icon: PlaylistAddCheckIcon,
  recordRepresentation: (record: { id: number }) => `№ ${record.id}`,
};
