import type { GetListParams, RaRecord } from 'react-admin';
import { chunkSize, pagedGetList } from './pagedGetList';

/** A fake API of `rows` records that, like ours, refuses pages over 500 rows. */
function fakeApi(rows: number) {
  const calls: [number, number][] = [];
  const getList = async (_resource: string, params: GetListParams) => {
    const { page, perPage } = params.pagination!;
    if (perPage > 500) throw new Error(`range of ${perPage} rows refused`);
    const start = (page - 1) * perPage;
    calls.push([start, start + perPage - 1]);
    const data: RaRecord[] = [];
    for (let id = start; id < Math.min(start + perPage, rows); id++) data.push({ id });
    return { data, total: rows };
  };
  return { getList, calls };
}

const params = (page: number, perPage: number): GetListParams => ({
  pagination: { page, perPage },
  sort: { field: 'id', order: 'ASC' },
  filter: {},
});

describe('pagedGetList', () => {
  it('passes a page the API answers at once straight through', async () => {
    const api = fakeApi(30);
    const result = await pagedGetList(api.getList)('persons', params(2, 25));
    expect(api.calls).toEqual([[25, 49]]);
    expect(result).toEqual({ data: [25, 26, 27, 28, 29].map((id) => ({ id })), total: 30 });
  });

  it("fetches an export's 1000-row page in chunks of 500, in order", async () => {
    const api = fakeApi(1234);
    const result = await pagedGetList(api.getList)('persons', params(1, 1000));
    expect(api.calls).toEqual([
      [0, 499],
      [500, 999],
    ]);
    expect(result.data.map((r) => r.id)).toEqual([...Array(1000).keys()]);
    expect(result.total).toBe(1234);
  });

  it('stops when the rows run out', async () => {
    const api = fakeApi(620);
    const result = await pagedGetList(api.getList)('persons', params(1, 5000));
    expect(api.calls).toEqual([
      [0, 499],
      [500, 999],
    ]);
    expect(result.data).toHaveLength(620);
  });

  it('keeps later pages aligned when the page size is not a multiple of 500', async () => {
    const api = fakeApi(5000);
    const result = await pagedGetList(api.getList)('persons', params(2, 1001));
    expect(chunkSize(1001)).toBe(143);
    expect(result.data[0].id).toBe(1001);
    expect(result.data.map((r) => r.id)).toEqual([...Array(1001).keys()].map((i) => 1001 + i));
  });
});
