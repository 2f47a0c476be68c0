import type { ReactNode } from 'react';
import { Box, Card, CardContent, CardHeader, Typography } from '@mui/material';

/** A number with its label underneath; `color` to make it stand out (overdue cases). */
export const Figure = ({
  label,
  value,
  testId,
  color,
}: {
  label: string;
  value: string;
  testId: string;
  color?: string;
}) => (
  <Box sx={{ minWidth: 110 }}>
    <Typography variant="h4" component="p" data-testid={testId} sx={color ? { color } : undefined}>
      {value}
    </Typography>
    <Typography variant="body2" color="text.secondary">
      {label}
    </Typography>
  </Box>
);

/** A card of figures under a heading. */
export const StatCard = ({ title, icon, children }: { title: string; icon: ReactNode; children: ReactNode }) => (
  <Card sx={{ height: '100%' }}>
    <CardHeader avatar={icon} title={title} slotProps={{ title: { variant: 'h6', component: 'h2' } }} />
    <CardContent sx={{ display: 'flex', flexWrap: 'wrap', gap: 3, pt: 0 }}>{children}</CardContent>
  </Card>
);
