import type { GetListParams, GetListResult, RaRecord } from 'react-admin';

/** The most rows the API answers in one page (apps/api/src/common/list/list-query.ts MAX_PAGE_SIZE). */
export const API_MAX_PAGE_SIZE = 500;

type GetList = (resource: string, params: GetListParams) => Promise<GetListResult<RaRecord>>;

/** The largest chunk size ≤ the API's limit that divides the page size, so chunk pages line up with the page. */
export function chunkSize(perPage: number): number {
  for (let size = Math.min(perPage, API_MAX_PAGE_SIZE); size > 1; size--) if (perPage % size === 0) return size;
  return 1;
}

/**
 * getList for pages larger than the API answers at once (the export asks for
 * thousands): the page is fetched in chunks of at most API_MAX_PAGE_SIZE rows, one
 * after the other, stopping early when the rows run out.
 */
export function pagedGetList(getList: GetList): GetList {
  return async (resource, params) => {
    const perPage = params.pagination?.perPage ?? 25;
    if (perPage <= API_MAX_PAGE_SIZE) return getList(resource, params);
    const page = params.pagination?.page ?? 1;
    const size = chunkSize(perPage);
    const chunksPerPage = perPage / size;
    const data: RaRecord[] = [];
    let total: number | undefined;
    for (let chunk = 0; chunk < chunksPerPage; chunk++) {
      const result = await getList(resource, {
        ...params,
        pagination: { page: (page - 1) * chunksPerPage + chunk + 1, perPage: size },
      });
      data.push(...result.data);
      total = result.total;
      if (result.data.length < size || (total !== undefined && (page - 1) * perPage + data.length >= total)) break;
    }
    return { data, total };
  };
}
