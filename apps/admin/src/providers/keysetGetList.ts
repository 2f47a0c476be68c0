import type { GetListParams, GetListResult, RaRecord } from 'react-admin';
import { API_URL, httpClient } from './httpClient';

/**
 * Lists the API pages by keyset and totals by estimate when they are long (docs/lists.md):
 * the next page is asked for as the rows after the last one of the page before, when
 * that page was read here with the same sort, filter and size.
 */
export const KEYSET_RESOURCES: ReadonlySet<string> = new Set(['applications', 'persons']);

/** `meta` of a getList result: the total is the server's estimate (the pager says "about"). */
export interface ListMeta {
  totalEstimated: boolean;
}

/** The last row of each page read lately, by list and page number. */
const lastRows = new Map<string, [unknown, RaRecord['id']]>();
const PAGES_REMEMBERED = 200;

function remember(key: string, cursor: [unknown, RaRecord['id']]) {
  lastRows.delete(key);
  if (lastRows.size >= PAGES_REMEMBERED) lastRows.delete(lastRows.keys().next().value!);
  lastRows.set(key, cursor);
}

export async function keysetGetList(resource: string, params: GetListParams): Promise<GetListResult<RaRecord>> {
  const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
  const { field, order } = params.sort ?? { field: 'id', order: 'ASC' };
  const start = (page - 1) * perPage;
  const end = page * perPage - 1;
  const list = JSON.stringify([resource, field, order, perPage, params.filter ?? {}]);
  const query = new URLSearchParams({
    sort: JSON.stringify([field, order]),
    range: JSON.stringify([start, end]),
    filter: JSON.stringify(params.filter ?? {}),
  });
  const previous = lastRows.get(`${list}#${page - 1}`);
  if (previous) query.set('after', JSON.stringify(previous));
  const { headers, json } = await httpClient(`${API_URL}/${resource}?${query}`, {
    headers: new Headers({ Range: `${resource}=${start}-${end}` }),
    signal: params.signal,
  });
  const data = json as RaRecord[];
  const last = data.at(-1);
  if (last) remember(`${list}#${page}`, [last[field] ?? null, last.id]);
  const total = Number.parseInt(headers.get('content-range')?.split('/').pop() ?? '', 10);
  const meta: ListMeta = { totalEstimated: headers.get('x-total-estimated') === 'true' };
  return { data, total, meta };
}
