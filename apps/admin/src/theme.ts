import { createElement } from 'react';
import type { Theme } from '@mui/material';
import { defaultTheme, type RaThemeOptions } from 'react-admin';
import { LocalePagination } from './common/LocalePagination';

/**
 * React-admin's default theme in the colours of the Kazakh flag: sky blue and gold.
 * On a phone (below `sm`) every dialog takes the whole screen, as MUI's `fullScreen`
 * would, so no dialog is wider than the screen; rows of tabs scroll rather than widen
 * the page, and so do tables; every list's pagination writes its figures in the UI language.
 */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    primary: { main: '#00839b' },
    secondary: { main: '#006a7d' },
    warning: { main: '#c79a00' },
  },
  components: {
    ...defaultTheme.components,
    MuiDialog: {
      styleOverrides: {
        paper: ({ theme }: { theme: Theme }) => ({
          [theme.breakpoints.down('sm')]: {
            margin: 0,
            width: '100%',
            maxWidth: '100%',
            height: '100%',
            maxHeight: 'none',
            borderRadius: 0,
          },
        }),
      },
    },
    // React-admin's layout is at least as wide as its content's narrowest possible width
    // (min-width: fit-content), and a row of tabs counts at its full length there even
    // when it scrolls: contained, the tabs take the width they are given and scroll.
    // Tabs that do not fit scroll, with arrows also on a phone (a case's tabs in Kazakh).
    MuiTabs: {
      defaultProps: { variant: 'scrollable', scrollButtons: 'auto', allowScrollButtonsMobile: true },
      styleOverrides: { root: { contain: 'inline-size' } },
    },
    // The same for a table: one wider than the screen (a settlement's action buttons in
    // Russian) scrolls inside its card instead of widening the whole page.
    RaDataTable: {
      styleOverrides: { root: { contain: 'inline-size', '& .RaDataTable-tableWrapper': { overflowX: 'auto' } } },
    },
    RaList: { defaultProps: { pagination: createElement(LocalePagination) } },
  },
};
