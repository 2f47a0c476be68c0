import { Children, Fragment, type ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { useFormatCalendarDate } from './CalendarDate';

/**
 * The facts under a compact list row's title, on one wrapping line, separated by
 * middle dots; empty ones (null, false, '') are left out; `actions` (the row's buttons)
 * below them. A Typography of its own, so MUI's ListItemText does not wrap it in a
 * <p> that chips and buttons could not sit in.
 */
export const CompactLine = ({ children, actions }: { children: ReactNode; actions?: ReactNode }) => (
  <Typography component="div" variant="body2" color="text.secondary" sx={{ mt: 0.25 }}>
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 0.75, rowGap: 0.5 }}>
      {Children.toArray(children)
        .filter((item) => item !== '')
        .map((item, index) => (
          <Fragment key={index}>
            {index > 0 && <span aria-hidden="true">·</span>}
            {item}
          </Fragment>
        ))}
    </Box>
    {actions && <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 0.5 }}>{actions}</Box>}
  </Typography>
);

/** A reference record's validity, `01.01.2024 – …` when open-ended, for compact rows. */
export const ValidityPeriod = () => {
  const record = useRecordContext<{ validFrom?: string | null; validTo?: string | null }>();
  const formatDate = useFormatCalendarDate();
  if (!record?.validFrom) return null;
  return <span>{`${formatDate(record.validFrom)} – ${record.validTo ? formatDate(record.validTo) : '…'}`}</span>;
};
