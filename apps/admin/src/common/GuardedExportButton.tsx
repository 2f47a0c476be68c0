import { ExportButton, useCanAccess, useResourceContext, type ExportButtonProps } from 'react-admin';
import { EXPORT_MAX_ROWS, useListExporter } from './export/useListExporter';

/**
 * ExportButton does not consult canAccess by itself; this one does. It downloads
 * the list's own columns (common/export/exportColumns.ts), up to EXPORT_MAX_ROWS rows.
 */
export const GuardedExportButton = (props: ExportButtonProps) => {
  const resource = useResourceContext(props);
  const { canAccess } = useCanAccess({ action: 'export', resource });
  const exporter = useListExporter();
  return canAccess ? <ExportButton maxResults={EXPORT_MAX_ROWS} exporter={exporter} {...props} /> : null;
};
