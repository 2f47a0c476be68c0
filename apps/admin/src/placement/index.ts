import { lazy } from 'react';
import HubIcon from '@mui/icons-material/Hub';
import TuneIcon from '@mui/icons-material/Tune';

/** Placement: the batch matching run with its proposal, overrides and acceptance. */
export const placement = {
  list: lazy(() => import('./BatchPage')),
  icon: HubIcon,
};

/** The weights of the placement criteria (admins change them). */
export const placementWeights = {
  list: lazy(() => import('./WeightsPage')),
  icon: TuneIcon,
};
