import type { ReactNode } from 'react';
import { CreateButton, FilterButton, TopToolbar } from 'react-admin';
import { GuardedExportButton } from './GuardedExportButton';

/** Filters, create and export — each shown only when the role may use it. */
export const ListActions = ({
  filters = true,
  create = true,
  children,
}: {
  filters?: boolean;
  create?: boolean;
  children?: ReactNode;
}) => (
  <TopToolbar>
    {filters && <FilterButton />}
    {create && <CreateButton />}
    <GuardedExportButton />
    {children}
  </TopToolbar>
);
