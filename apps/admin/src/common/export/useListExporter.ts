import {
  downloadCSV,
  useLocaleState,
  useNotify,
  useTranslate,
  type DataProvider,
  type Exporter,
  type RaRecord,
} from 'react-admin';
import { localizedName } from '../localizedName';
import type { LocalizedNames } from '../../providers/dataProvider';
import { toCsv } from './csv';
import { exportTable } from './exportColumns';

/**
 * The most rows one export downloads (fetched 500 at a time, providers/pagedGetList.ts);
 * a larger list asks the reader to narrow its filters. The lists the server exports (docs/exports.md) have no such limit.
 */
export const EXPORT_MAX_ROWS = 10_000;

const regionNamesFrom = async (dataProvider: DataProvider, locale: string) => {
  const { data } = await dataProvider.getList<LocalizedNames & RaRecord>('regions', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'code', order: 'ASC' },
    filter: {},
  });
  const byId = new Map(data.map((region) => [region.id, localizedName(region, locale)]));
  return (regionId: unknown) => (regionId == null ? '' : (byId.get(regionId as number) ?? `#${String(regionId)}`));
};

/** The list's rows as a CSV of the columns it shows, headed and valued in the reader's language. */
export function useListExporter(): Exporter {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  return async (records: RaRecord[], _fetchRelated, dataProvider: DataProvider, resource?: string) => {
    const name = resource ?? 'export';
    const regionName = await regionNamesFrom(dataProvider, locale);
    const { header, rows } = exportTable(name, records, { translate, locale, regionName });
    downloadCSV(toCsv(header, rows), `${name.replace(/\//g, '-')}-${new Date().toISOString().slice(0, 10)}`);
    if (records.length >= EXPORT_MAX_ROWS) {
      notify('app.export.truncated', { type: 'warning', messageArgs: { count: EXPORT_MAX_ROWS } });
    }
  };
}
