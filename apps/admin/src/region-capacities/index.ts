import { lazy } from 'react';
import ApartmentIcon from '@mui/icons-material/Apartment';

/** Housing and adaptation-centre capacity per region and year. */
export const regionCapacities = {
  list: lazy(() => import('./RegionCapacityList')),
  edit: lazy(() => import('./RegionCapacityEdit')),
  create: lazy(() => import('./RegionCapacityCreate')),
  icon: ApartmentIcon,
  recordRepresentation: (record: { id: number; year: number }) => `${record.year} · № ${record.id}`,
};
