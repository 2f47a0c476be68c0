import type { PlacementReason } from '@qonys/domain';
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFormatNumber } from '../common/useFormatNumber';
import { useReasonText } from './useReasonText';

/** A score's reasons, highest points first: the criterion, its points and the facts in plain words. */
export const ReasonList = ({ reasons, limit }: { reasons: readonly PlacementReason[]; limit?: number }) => {
  const translate = useTranslate();
  const text = useReasonText();
  const formatNumber = useFormatNumber();
  const shown = limit === undefined ? reasons : reasons.filter((reason) => reason.points > 0).slice(0, limit);
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {shown.map((reason) => (
        <Typography component="li" variant="body2" key={reason.key}>
          <strong>{translate(`app.placement.criteria.${reason.key}`)}</strong> (
          {formatNumber(reason.points, { signDisplay: 'always' })}): {text(reason)}
        </Typography>
      ))}
    </Box>
  );
};
