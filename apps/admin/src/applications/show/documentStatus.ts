import type { ChipProps } from '@mui/material';
import type { ChecklistStatus } from '../../providers/caseTypes';

/** Verified green, rejected red, awaiting review blue, missing grey: for items and their files alike. */
export const DOCUMENT_STATUS_COLOURS: Record<ChecklistStatus, ChipProps['color']> = {
  missing: 'default',
  uploaded: 'info',
  verified: 'success',
  rejected: 'error',
};
