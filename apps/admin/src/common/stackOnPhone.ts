import type { Theme } from '@mui/material';

/**
 * The `sx` of a plain MUI table that turns into a compact list on a phone (below
 * `sm`): the header goes, each row becomes one block whose cells flow and wrap like
 * a line of text, the first cell (what the row is) on a line of its own, and a cell
 * with a `data-label` attribute says what its figure is ("Квота көлемі: 1 250").
 * The markup stays one table, so the wide screen and the phone show the same cells.
 */
export const stackOnPhone = (theme: Theme) => ({
  [theme.breakpoints.down('sm')]: {
    display: 'block',
    '& tbody, & tfoot': { display: 'block' },
    '& thead': { display: 'none' },
    '& tr': {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      columnGap: theme.spacing(1.5),
      rowGap: theme.spacing(0.5),
      padding: theme.spacing(1, 2),
      borderBottom: `1px solid ${theme.palette.divider}`,
    },
    '& td, & th': {
      display: 'block',
      flex: '0 1 auto',
      minWidth: 0,
      maxWidth: '100%',
      width: 'auto',
      padding: 0,
      border: 0,
      textAlign: 'left',
    },
    '& tr > :first-of-type': { flexBasis: '100%' },
    '& td:empty, & th:empty': { display: 'none' },
    '& [data-label]::before': { content: 'attr(data-label) ": "', color: theme.palette.text.secondary },
  },
});
