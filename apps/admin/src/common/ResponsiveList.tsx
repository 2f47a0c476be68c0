import type { ReactNode } from 'react';
import { Checkbox } from '@mui/material';
import {
  BulkActionsToolbar,
  SimpleList,
  useListContext,
  useTranslate,
  type RaRecord,
  type SimpleListProps,
} from 'react-admin';
import { useIsSmall } from './useIsSmall';

/**
 * A list's table on a wide screen and its compact form on a phone (react-admin's
 * SimpleList pattern): `compact` is the SimpleList, the children the DataTable.
 */
export const ResponsiveList = ({ compact, children }: { compact: ReactNode; children: ReactNode }) => (
  <>{useIsSmall() ? compact : children}</>
);

/**
 * A SimpleList whose rows can be selected, with the list's bulk actions over it,
 * as a DataTable has them: a phone keeps bulk assignment.
 */
export const SelectableSimpleList = <RecordType extends RaRecord>({
  bulkActionButtons,
  ...props
}: SimpleListProps<RecordType> & { bulkActionButtons: ReactNode }) => {
  const translate = useTranslate();
  const { selectedIds = [], onToggleItem } = useListContext<RecordType>();
  return (
    <>
      <BulkActionsToolbar>{bulkActionButtons}</BulkActionsToolbar>
      <SimpleList<RecordType>
        {...props}
        leftIcon={(record) => (
          <Checkbox
            edge="start"
            checked={selectedIds.includes(record.id)}
            onClick={(event) => {
              // The row is a link to the record: ticking the box must not follow it.
              event.preventDefault();
              event.stopPropagation();
              onToggleItem(record.id);
            }}
            slotProps={{ input: { 'aria-label': translate('ra.action.select_row') } }}
          />
        )}
      />
    </>
  );
};
