import { isExportResource } from '@qonys/domain';
import { ExportButton, useCanAccess, useResourceContext, type ExportButtonProps } from 'react-admin';
import { ServerExportButton } from './export/ServerExportButton';
import { EXPORT_MAX_ROWS, useListExporter } from './export/useListExporter';

const ClientExportButton = (props: ExportButtonProps) => {
  const exporter = useListExporter();
  return <ExportButton maxResults={EXPORT_MAX_ROWS} exporter={exporter} {...props} />;
};

/**
 * ExportButton does not consult canAccess by itself; this one does. A list the server
 * exports (EXPORT_COLUMNS in libs/domain) is exported there, whole; the others still
 * build their CSV here (common/export/exportColumns.ts), up to EXPORT_MAX_ROWS rows.
 */
export const GuardedExportButton = (props: ExportButtonProps) => {
  const resource = useResourceContext(props);
  const { canAccess } = useCanAccess({ action: 'export', resource });
  if (!canAccess || !resource) return null;
  return isExportResource(resource) ? <ServerExportButton resource={resource} /> : <ClientExportButton {...props} />;
};
