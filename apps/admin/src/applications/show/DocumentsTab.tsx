import { type ApplicationDetail, isTerminal } from '@qonys/domain';
import { Alert, Box, Skeleton, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useCanAccess, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { messageOf } from '../../common/errors';
import { stackOnPhone } from '../../common/stackOnPhone';
import type { QonysDataProvider } from '../../providers/dataProvider';
import { ChecklistRow } from './ChecklistRow';

/** The case's document checklist: each required item, per member where it applies, with its files. */
export const DocumentsTab = (_props: { label?: false }) => {
  const record = useRecordContext<ApplicationDetail>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { canAccess: canUpload } = useCanAccess({ resource: 'documents', action: 'create', record });
  const { canAccess: canReview } = useCanAccess({ resource: 'documents', action: 'edit', record });
  const {
    data: items,
    isPending,
    error,
    refetch,
  } = useQuery({
    queryKey: ['documents', 'checklist', record?.id],
    queryFn: () => dataProvider.getChecklist(record!.id),
    enabled: record !== undefined,
  });
  if (!record) return null;
  const open = !isTerminal(record.status);
  const field = (name: string) => translate(`resources.applications.fields.${name}`);

  if (isPending) {
    return (
      <Box aria-busy="true" aria-label={translate('app.documents.loading')}>
        {[0, 1, 2].map((key) => (
          <Skeleton key={key} height={48} />
        ))}
      </Box>
    );
  }
  if (error) return <Alert severity="error">{translate(messageOf(error), { _: messageOf(error) })}</Alert>;
  if (items.length === 0) return <Alert severity="info">{translate('app.documents.empty')}</Alert>;

  const outstanding = items.filter((item) => item.required && item.status !== 'verified').length;
  return (
    <Box data-testid="documents-tab">
      <Alert severity={outstanding === 0 ? 'success' : 'warning'} sx={{ mb: 1 }} data-testid="checklist-summary">
        {outstanding === 0
          ? translate('app.documents.complete')
          : translate('app.documents.incomplete', { smart_count: outstanding })}
      </Alert>
      {!open && (
        <Alert severity="info" variant="outlined" sx={{ mb: 1 }}>
          {translate('app.documents.closed')}
        </Alert>
      )}
      <Table size="small" sx={stackOnPhone}>
        <TableHead>
          <TableRow>
            <TableCell>{field('documentType')}</TableCell>
            <TableCell>{field('member')}</TableCell>
            <TableCell>{field('status')}</TableCell>
            <TableCell>{field('file')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item) => (
            <ChecklistRow
              key={`${item.documentTypeId}:${item.personId ?? 'case'}`}
              item={item}
              applicationId={record.id}
              canUpload={open && canUpload === true}
              canReview={open && canReview === true}
              onChanged={() => void refetch()}
            />
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
