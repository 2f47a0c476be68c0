import { lazy } from 'react';
import PeopleIcon from '@mui/icons-material/People';

/** Staff accounts: who may sign in, with which role and region. */
export const users = {
  list: lazy(() => import('./UserList')),
  show: lazy(() => import('./UserShow')),
  edit: lazy(() => import('./UserEdit')),
  create: lazy(() => import('./UserCreate')),
  icon: PeopleIcon,
  recordRepresentation: 'fullName',
};
