import { lazy } from 'react';
import PersonIcon from '@mui/icons-material/Person';
import { personFullName } from '../providers/personTypes';

/** Applicants and family members, with their names in every script; the duplicate review lives here too. */
export const persons = {
  list: lazy(() => import('./PersonList')),
  show: lazy(() => import('./PersonShow')),
  edit: lazy(() => import('./PersonEdit')),
  create: lazy(() => import('./PersonCreate')),
  icon: PersonIcon,
  recordRepresentation: (record: { surname?: string; givenName?: string; patronymic?: string | null }) =>
    personFullName(record),
};

/** /persons/:id/duplicates: the duplicate review screen. */
export const PersonDuplicates = lazy(() => import('./PersonDuplicates'));
export const DUPLICATES_PATH = ':id/duplicates';
