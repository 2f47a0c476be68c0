import { lazy } from 'react';
import WorkIcon from '@mui/icons-material/Work';

/** Labour demand per region × occupation: reference data of the placement score. */
export const labourDemand = {
  list: lazy(() => import('./LabourDemandList')),
  edit: lazy(() => import('./LabourDemandEdit')),
  create: lazy(() => import('./LabourDemandCreate')),
  icon: WorkIcon,
  recordRepresentation: (record: { occupation: string; year: number }) => `${record.occupation} (${record.year})`,
};
