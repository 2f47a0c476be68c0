import { lazy } from 'react';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import HandshakeIcon from '@mui/icons-material/Handshake';
import ListAltIcon from '@mui/icons-material/ListAlt';
import StorefrontIcon from '@mui/icons-material/Storefront';
import { localizedName } from '../common/localizedName';
import { currentLocale } from '../i18n/i18nProvider';

/** Integration services after arrival (docs/integration-services.md). */
export const serviceTypes = {
  list: lazy(() => import('./ServiceTypeList')),
  edit: lazy(() => import('./ServiceTypeForm').then((m) => ({ default: m.ServiceTypeEdit }))),
  create: lazy(() => import('./ServiceTypeForm').then((m) => ({ default: m.ServiceTypeCreate }))),
  icon: ListAltIcon,
  recordRepresentation: (record: Record<string, string>) => localizedName(record, currentLocale()),
};

export const serviceProviders = {
  list: lazy(() => import('./ServiceProviderList')),
  edit: lazy(() => import('./ServiceProviderForm').then((m) => ({ default: m.ServiceProviderEdit }))),
  create: lazy(() => import('./ServiceProviderForm').then((m) => ({ default: m.ServiceProviderCreate }))),
  icon: StorefrontIcon,
  recordRepresentation: 'name',
};

export const referrals = {
  list: lazy(() => import('./ReferralList')),
  icon: HandshakeIcon,
  recordRepresentation: (record: { id: number }) => `№ ${record.id}`,
};

export const followUps = {
  list: lazy(() => import('./FollowUpList')),
  icon: EventRepeatIcon,
  recordRepresentation: (record: { id: number }) => `№ ${record.id}`,
};
