import type { ReactNode } from 'react';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import DashboardIcon from '@mui/icons-material/Dashboard';
import { AppBar, Layout, LoadingIndicator, Logout, Menu, MenuItemLink, UserMenu, useUserMenu } from 'react-admin';
import { LanguageMenuButton } from './LanguageMenuButton';

export const ACCOUNT_PATH = '/account';

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
        <LanguageMenuButton />
        <LoadingIndicator />
      </>
    }
    userMenu={<QonysUserMenu />}
  />
);

/** Dashboard, then the resources the role may list (react-admin asks canAccess), then the account. */
const QonysMenu = () => (
  <Menu>
    <Menu.DashboardItem primaryText="app.menu.dashboard" leftIcon={<DashboardIcon />} />
    <Menu.ResourceItems />
    <Menu.Item to={ACCOUNT_PATH} primaryText="app.menu.account" leftIcon={<AccountCircleIcon />} />
  </Menu>
);

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={QonysAppBar} menu={QonysMenu}>
    {children}
  </Layout>
);
