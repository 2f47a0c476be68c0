import { useQuery } from '@tanstack/react-query';
import { Alert, Card, CardContent, CardHeader, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useCanAccess, useDataProvider, useTranslate } from 'react-admin';
import { messageOf } from '../common/errors';
import { stackOnPhone } from '../common/stackOnPhone';
import { useFormatNumber, useFormatScore } from '../common/useFormatNumber';
import type { QonysDataProvider } from '../providers/dataProvider';
import { useRegionNames } from '../quotas/useRegionNames';
import { ReasonList } from './ReasonList';

/**
 * The settlement regions that still have room for the whole family, best first,
 * each with its score and the reasons in plain words (GET /api/placement/recommendations).
 * Self-contained, so the case page can show it too.
 */
export const RecommendationPanel = ({ applicationId }: { applicationId: number }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { nameOf } = useRegionNames();
  const formatNumber = useFormatNumber();
  const formatScore = useFormatScore();
  const { canAccess } = useCanAccess({ resource: 'placement', action: 'show' });
  const { data, error, isPending } = useQuery({
    queryKey: ['placement', 'recommendations', applicationId],
    enabled: canAccess === true,
    queryFn: () => dataProvider.getRecommendations(applicationId),
  });
  if (!canAccess) return null;
  return (
    <Card variant="outlined">
      <CardHeader
        title={translate('app.placement.recommendations')}
        subheader={
          data
            ? translate('app.placement.recommendations_for', { persons: formatNumber(data.persons), year: data.year })
            : undefined
        }
      />
      <CardContent>
        {isPending ? null : error ? (
          <Alert severity="warning">{translate(messageOf(error), { _: messageOf(error) })}</Alert>
        ) : !data || data.regions.length === 0 ? (
          <Alert severity="info">{translate('app.placement.no_recommendations')}</Alert>
        ) : (
          <Table size="small" aria-label={translate('app.placement.recommendations')} sx={stackOnPhone}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.placement.fields.regionId')}</TableCell>
                <TableCell align="right">{translate('resources.placement.fields.score')}</TableCell>
                <TableCell align="right">{translate('resources.quotas.fields.balance')}</TableCell>
                <TableCell>{translate('resources.placement.fields.reasons')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.regions.map((region, index) => (
                <TableRow key={region.regionId} data-region-id={region.regionId}>
                  <TableCell>{`${index + 1}. ${nameOf(region.regionId)}`}</TableCell>
                  <TableCell align="right" data-label={translate('resources.placement.fields.score')}>
                    {formatScore(region.score)}
                  </TableCell>
                  <TableCell align="right" data-label={translate('resources.quotas.fields.balance')}>
                    {formatNumber(region.remaining)}
                  </TableCell>
                  <TableCell>
                    <ReasonList reasons={region.reasons} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
