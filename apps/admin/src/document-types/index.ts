import { lazy } from 'react';
import ChecklistIcon from '@mui/icons-material/Checklist';
import { localizedName } from '../common/localizedName';
import { currentLocale } from '../i18n/i18nProvider';

/** The editable list of documents a case needs (the checklist), for the case or each family member. */
export const documentTypes = {
  list: lazy(() => import('./DocumentTypeList')),
  edit: lazy(() => import('./DocumentTypeEdit')),
  create: lazy(() => import('./DocumentTypeCreate')),
  icon: ChecklistIcon,
  recordRepresentation: (record: Record<string, string>) => localizedName(record, currentLocale()),
};
