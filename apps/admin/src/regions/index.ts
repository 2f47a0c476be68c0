import { lazy } from 'react';
import MapIcon from '@mui/icons-material/Map';
import { localizedName } from '../common/localizedName';
import { currentLocale } from '../i18n/i18nProvider';

/** Regions (KATO), and the years in which each receives kandas for settlement. */
export const regions = {
  list: lazy(() => import('./RegionList')),
  edit: lazy(() => import('./RegionEdit')),
  create: lazy(() => import('./RegionCreate')),
  icon: MapIcon,
  // A function cannot use hooks; a language change re-renders the whole app.
  recordRepresentation: (record: Record<string, string>) => localizedName(record, currentLocale()),
};
