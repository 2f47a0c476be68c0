import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { QonysDataProvider } from '../providers/dataProvider';

/** How often a running batch is asked for its progress. */
export const BATCH_POLL_MS = 1000;

/** A placement batch, polled while it runs (until proposed, accepted or failed). */
export function useBatch(batchId: number | null) {
  const dataProvider = useDataProvider<QonysDataProvider>();
  return useQuery({
    queryKey: ['placement', 'batch', batchId],
    enabled: batchId !== null,
    queryFn: () => dataProvider.getPlacementBatch(batchId as number),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? BATCH_POLL_MS : false),
  });
}
