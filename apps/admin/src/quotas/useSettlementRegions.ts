import { useGetList } from 'react-admin';
import { useLocalizedName } from '../common/localizedName';
import type { LocalizedNames } from '../providers/dataProvider';

export type SettlementRegion = LocalizedNames & { id: number; code: string; settlementYears: number[] };

/** The regions open for settlement in a year (their settlementYears contain it), by code; [] until loaded. */
export function useSettlementRegions(year: number | null | undefined): {
  regions: SettlementRegion[];
  label: (region: SettlementRegion) => string;
  isPending: boolean;
} {
  const name = useLocalizedName();
  const { data, isPending } = useGetList<SettlementRegion>('regions', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'code', order: 'ASC' },
  });
  const regions = (data ?? []).filter((region) => year != null && (region.settlementYears ?? []).includes(year));
  return { regions, label: (region) => `${region.code} · ${name(region)}`, isPending };
}
