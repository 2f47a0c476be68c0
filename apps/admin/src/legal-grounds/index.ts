import { lazy } from 'react';
import GavelIcon from '@mui/icons-material/Gavel';
import { localizedName } from '../common/localizedName';
import { currentLocale } from '../i18n/i18nProvider';

/** Grounds for refusing to accept, rejecting or revoking kandas status; the statutory list is edited here. */
export const legalGrounds = {
  list: lazy(() => import('./LegalGroundList')),
  edit: lazy(() => import('./LegalGroundEdit')),
  create: lazy(() => import('./LegalGroundCreate')),
  icon: GavelIcon,
  recordRepresentation: (record: Record<string, string>) => localizedName(record, currentLocale()),
};
