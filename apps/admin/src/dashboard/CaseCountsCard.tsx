import { QUEUES, type Queue } from '@qonys/domain';
import { Grid, Link as MuiLink } from '@mui/material';
import FolderSharedIcon from '@mui/icons-material/FolderShared';
import { useQuery } from '@tanstack/react-query';
import { Link, useCanAccess, useDataProvider, useTranslate } from 'react-admin';
import { useFormatNumber } from '../common/useFormatNumber';
import { useQueueLabel } from '../applications/useQueueLabel';
import type { QonysDataProvider } from '../providers/dataProvider';
import { Figure, StatCard } from './StatCard';

/** Overdue cases in red, cases due soon in amber, as in the list. */
const COLOURS: Partial<Record<Queue, string>> = { overdue: 'error.main', due_soon: 'warning.main' };

const listPath = (queue: Queue) => `/applications?filter=${encodeURIComponent(JSON.stringify({ queue }))}`;

/**
 * The caseworker queues as counts, in the user's scope. The API has no case
 * statistics yet, so each count is the total of a one-row page of the case list
 * (GET /api/applications?filter={"queue":…}&range=[0,0]).
 */
export const CaseCountsCard = () => {
  const translate = useTranslate();
  const queueLabel = useQueueLabel();
  const formatNumber = useFormatNumber();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { canAccess: canList } = useCanAccess({ resource: 'applications', action: 'list' });
  const { canAccess: worksCases } = useCanAccess({ resource: 'applications', action: 'edit' });
  const queues = QUEUES.filter((queue) => queue !== 'mine' || worksCases);
  const { data } = useQuery({
    queryKey: ['dashboard', 'case-counts', queues],
    enabled: canList === true,
    queryFn: async () =>
      Object.fromEntries(
        await Promise.all(
          queues.map(async (queue) => {
            const { total } = await dataProvider.getList('applications', {
              filter: { queue },
              pagination: { page: 1, perPage: 1 },
              sort: { field: 'id', order: 'DESC' },
            });
            return [queue, total ?? 0] as const;
          }),
        ),
      ) as Partial<Record<Queue, number>>,
  });
  if (!canList || !data) return null;
  return (
    <Grid size={{ xs: 12 }}>
      <StatCard title={translate('app.dashboard_cases.title')} icon={<FolderSharedIcon color="primary" />}>
        {queues.map((queue) => (
          <MuiLink key={queue} component={Link} to={listPath(queue)} underline="hover" color="inherit">
            <Figure
              testId={`cases-${queue}`}
              label={queueLabel(queue)}
              value={formatNumber(data[queue] ?? 0)}
              color={data[queue] ? COLOURS[queue] : undefined}
            />
          </MuiLink>
        ))}
      </StatCard>
    </Grid>
  );
};
