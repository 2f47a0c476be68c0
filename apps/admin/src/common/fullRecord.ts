/**
 * react-admin seeds each record's getOne cache entry with its list row (useGetList,
 * useGetMany), so a show or edit page opened from a list first renders that row. A
 * case's row lacks what its page reads (members, transitions, certificate): pages of
 * such resources read their record under this meta — a cache entry of its own, filled
 * only by GET /<resource>/:id — and show the loading state until it arrives.
 * Give the same meta to the Edit's mutation, so a save updates that entry.
 */
export const FULL_RECORD = { meta: { fullRecord: true } } as const;
