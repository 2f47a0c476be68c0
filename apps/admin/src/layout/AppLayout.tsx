import type { ReactNode } from 'react';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import DashboardIcon from '@mui/icons-material/Dashboard';
import { Divider, ListSubheader } from '@mui/material';
import {
  AppBar,
  Layout,
  LoadingIndicator,
  Logout,
  Menu,
  MenuItemLink,
  useCanAccessResources,
  useResourceDefinitions,
  UserMenu,
  useSidebarState,
  useTranslate,
  useUserMenu,
} from 'react-admin';
import { ACCOUNT_PATH } from '../account/accountPath';
import { NotificationBell, receivesNotifications } from '../notifications';
import { useRole } from '../common/useRole';
import { LanguageMenuButton } from './LanguageMenuButton';
import { MuiLocaleTexts } from './MuiLocaleTexts';

const AccountMenuItem = () => {
  const userMenu = useUserMenu();
  return (
    <MenuItemLink
      to={ACCOUNT_PATH}
      primaryText="app.menu.account"
      leftIcon={<AccountCircleIcon />}
      sidebarIsOpen
      onClick={userMenu?.onClose}
    />
  );
};

const QonysUserMenu = () => (
  <UserMenu>
    <AccountMenuItem />
    <Logout />
  </UserMenu>
);

const QonysAppBar = () => (
  <AppBar
    toolbar={
      <>
        <NotificationBell />
        <LanguageMenuButton />
        <LoadingIndicator />
      </>
    }
    userMenu={<QonysUserMenu />}
  />
);

/** The menu's groups, in the order of App.tsx; a new resource belongs in one of them. */
const MENU_GROUPS: { label: string; resources: string[] }[] = [
  { label: 'app.menu.case_work', resources: ['applications', 'persons'] },
  {
    label: 'app.quotas.menu',
    resources: [
      'quotas',
      'inclusion-requests',
      'placement',
      'settlements',
      'transfer-requests',
      'support-payments',
      'payment-batches',
      'support-recoveries',
      'labour-demand',
      'region-capacities',
      'placement-weights',
    ],
  },
  {
    label: 'app.menu.integration',
    resources: ['referrals', 'follow-ups', 'applicant-messages', 'service-providers'],
  },
  { label: 'app.monitoring.menu', resources: ['forecasts', 'arrivals-history'] },
  {
    label: 'app.menu.reference_data',
    resources: [
      'regions',
      'document-types',
      'legal-grounds',
      'deadlines',
      'holidays',
      'mci-rates',
      'benefit-rules',
      'service-types',
      'retention-rules',
    ],
  },
  {
    label: 'app.menu.administration',
    resources: ['users', 'mfa-policies', 'audit-events', 'statistics-releases', 'jobs', 'imports'],
  },
];

/** A heading and the group's resources the role may list; nothing when it may list none. */
const MenuGroup = ({ label, resources }: { label: string; resources: string[] }) => {
  const translate = useTranslate();
  const [open] = useSidebarState();
  const { canAccess, isPending } = useCanAccessResources({ action: 'list', resources });
  if (isPending || !resources.some((resource) => canAccess?.[resource])) return null;
  return (
    <>
      {open ? (
        <ListSubheader disableSticky sx={{ lineHeight: '32px', mt: 1, bgcolor: 'transparent' }}>
          {translate(label)}
        </ListSubheader>
      ) : (
        <Divider sx={{ my: 0.5 }} />
      )}
      {resources.map((resource) => (
        <Menu.ResourceItem key={resource} name={resource} />
      ))}
    </>
  );
};

/** A resource App.tsx registers but no group names still gets its menu item, after the groups. */
const UngroupedResources = () => {
  const definitions = useResourceDefinitions();
  const grouped = new Set([...MENU_GROUPS.flatMap((group) => group.resources), 'notifications']);
  return (
    <>
      {Object.values(definitions)
        .filter((definition) => definition.hasList && !grouped.has(definition.name))
        .map((definition) => (
          <Menu.ResourceItem key={definition.name} name={definition.name} />
        ))}
    </>
  );
};

/** One's own notifications, beside the account, for the roles some notification reaches (the bell's list). */
const NotificationsMenuItem = () =>
  receivesNotifications(useRole().role) ? <Menu.ResourceItem name="notifications" /> : null;

/** Dashboard, then case work, reference data and administration (each item asks canAccess), then the account. */
const QonysMenu = () => (
  <Menu>
    <Menu.DashboardItem primaryText="app.menu.dashboard" leftIcon={<DashboardIcon />} />
    {MENU_GROUPS.map((group) => (
      <MenuGroup key={group.label} {...group} />
    ))}
    <UngroupedResources />
    <NotificationsMenuItem />
    <Menu.Item to={ACCOUNT_PATH} primaryText="app.menu.account" leftIcon={<AccountCircleIcon />} />
  </Menu>
);

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <MuiLocaleTexts>
    <Layout appBar={QonysAppBar} menu={QonysMenu}>
      {children}
    </Layout>
  </MuiLocaleTexts>
);
