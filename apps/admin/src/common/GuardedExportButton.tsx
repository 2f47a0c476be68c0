import { ExportButton, useCanAccess, useResourceContext, type ExportButtonProps } from 'react-admin';

/** ExportButton does not consult canAccess by itself; this one does. */
export const GuardedExportButton = (props: ExportButtonProps) => {
  const resource = useResourceContext(props);
  const { canAccess } = useCanAccess({ action: 'export', resource });
  return canAccess ? <ExportButton {...props} /> : null;
};
