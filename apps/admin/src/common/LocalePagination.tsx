import type { ComponentType } from 'react';
import type { TablePaginationProps } from '@mui/material';
import { Pagination, useListContext, useListPaginationContext, useTranslate, type PaginationProps } from 'react-admin';
import type { ListMeta } from '../providers/keysetGetList';
import { useFormatNumber } from './useFormatNumber';

/**
 * React-admin's Pagination hands its other props to MUI's TablePagination after its own
 * labels, so a `labelDisplayedRows` given here wins; its props type just does not say so.
 */
const TablePagination = Pagination as ComponentType<PaginationProps & Pick<TablePaginationProps, 'labelDisplayedRows'>>;

/**
 * The "1–25, барлығы 4 325" of a pagination, in react-admin's words and the UI
 * language's figures, for MUI's `labelDisplayedRows`.
 */
export function useDisplayedRowsLabel(hasNextPage = false, totalEstimated = false) {
  const translate = useTranslate();
  const format = useFormatNumber();
  return ({ from, to, count }: { from: number; to: number; count: number }) =>
    count === -1 && hasNextPage
      ? translate('ra.navigation.partial_page_range_info', { offsetBegin: format(from), offsetEnd: format(to) })
      : translate(totalEstimated ? 'app.common.estimated_range_info' : 'ra.navigation.page_range_info', {
          offsetBegin: format(from),
          offsetEnd: format(to),
          total: format(count === -1 ? to : count),
        });
}

/**
 * React-admin's pagination with its figures in the UI language; a total the server
 * estimated (a long list, docs/lists.md) reads "about 180 000".
 */
export const LocalePagination = (props: PaginationProps) => {
  const { hasNextPage } = useListPaginationContext();
  const { meta } = useListContext();
  const labelDisplayedRows = useDisplayedRowsLabel(
    hasNextPage,
    (meta as Partial<ListMeta> | undefined)?.totalEstimated,
  );
  return <TablePagination {...props} labelDisplayedRows={labelDisplayedRows} />;
};
