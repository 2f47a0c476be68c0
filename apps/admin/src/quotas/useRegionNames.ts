import { useGetList } from 'react-admin';
import { useLocalizedName } from '../common/localizedName';
import type { LocalizedNames } from '../providers/dataProvider';

type RegionRecord = LocalizedNames & { id: number; code: string };

/** Region names in the UI language by id (every region fits one page); '' until loaded. */
export function useRegionNames(): { nameOf: (regionId: number | null | undefined) => string; regions: RegionRecord[] } {
  const name = useLocalizedName();
  const { data } = useGetList<RegionRecord>('regions', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'code', order: 'ASC' },
  });
  const regions = data ?? [];
  const byId = new Map(regions.map((region) => [region.id, region]));
  return {
    nameOf: (regionId) => (regionId == null ? '' : name(byId.get(regionId)) || `#${regionId}`),
    regions,
  };
}
