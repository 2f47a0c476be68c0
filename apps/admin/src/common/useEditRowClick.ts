import { useCanAccess, useResourceContext } from 'react-admin';

/**
 * A list's rows open the record's edit page for those who may edit it; for the rest
 * (reference data for a caseworker) they are not clickable at all: react-admin's
 * DataTable would otherwise show a pointer over rows whose click leads nowhere.
 */
export function useEditRowClick(): 'edit' | false {
  const resource = useResourceContext();
  const { canAccess } = useCanAccess({ resource, action: 'edit' });
  return canAccess ? 'edit' : false;
}
