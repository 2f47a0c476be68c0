import { useMediaQuery, type Theme } from '@mui/material';

/** A phone: narrower than MUI's `sm` breakpoint (600 px), where lists turn into compact lists. */
export const useIsSmall = (): boolean => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });
