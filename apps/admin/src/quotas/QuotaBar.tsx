import { Box, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFormatNumber } from '../common/useFormatNumber';

const SEGMENTS = [
  { key: 'settled', colour: 'success.main' },
  { key: 'reserved', colour: 'warning.main' },
  { key: 'balance', colour: 'grey.300' },
] as const;

/** One region's quota as a stacked bar: settled, reserved, still free — each a share of the capacity. */
export const QuotaBar = ({ capacity, reserved, settled }: { capacity: number; reserved: number; settled: number }) => {
  const translate = useTranslate();
  const formatNumber = useFormatNumber();
  const values = { settled, reserved, balance: Math.max(0, capacity - reserved - settled) };
  const share = (value: number) => (capacity > 0 ? (100 * value) / capacity : 0);
  const label = SEGMENTS.map(
    ({ key }) => `${translate(`resources.quotas.fields.${key}`)}: ${formatNumber(values[key])}`,
  ).join(', ');
  return (
    <Tooltip title={label}>
      <Box
        role="img"
        aria-label={label}
        sx={{ display: 'flex', height: 12, minWidth: 160, borderRadius: 1, overflow: 'hidden', bgcolor: 'grey.100' }}
      >
        {SEGMENTS.map(({ key, colour }) => (
          <Box key={key} sx={{ width: `${share(values[key])}%`, bgcolor: colour }} />
        ))}
      </Box>
    </Tooltip>
  );
};
