import { useState } from 'react';
import { Button, Link, Typography } from '@mui/material';
import {
  DataTable,
  DateField,
  List,
  SimpleList,
  TextField,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { ResponsiveList } from '../common/ResponsiveList';
import { ReasonDialog } from '../common/ReasonDialog';
import type { QonysDataProvider } from '../providers/dataProvider';

interface ReleaseRow {
  id: number;
  publishedAt: string;
  note: string | null;
  correctsReleaseNumber: number | null;
  sha256: string;
  files: { dataset: string; format: string; sizeBytes: number; sha256: string }[];
}

/** The public page of a release, in the admin's language (served by the API, outside the admin). */
const publicPage = (locale: string, release?: number) =>
  `/statistics?lang=${encodeURIComponent(locale)}${release === undefined ? '' : `&release=${release}`}`;

/** "Publish a release": the note says why; the job computes, protects and writes it. */
const PublishButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'statistics-releases', action: 'create' });
  const [open, setOpen] = useState(false);
  if (!canAccess) return null;
  return (
    <>
      <Button size="small" variant="contained" onClick={() => setOpen(true)}>
        {translate('app.statistics.publish')}
      </Button>
      {open && (
        <ReasonDialog
          id="publish-release"
          title={translate('app.statistics.publish')}
          help={translate('app.statistics.publish_help')}
          reasonLabel={translate('app.statistics.note')}
          submitLabel={translate('app.statistics.publish')}
          onClose={() => setOpen(false)}
          onSubmit={async (note) => {
            await dataProvider.publishStatisticsRelease(note);
            notify('app.statistics.queued', { type: 'info' });
            setOpen(false);
            refresh();
          }}
        />
      )}
    </>
  );
};

const ListToolbar = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <TopToolbar>
      <Button size="small" href={publicPage(locale)} target="_blank" rel="noopener">
        {translate('app.statistics.public_page')}
      </Button>
      <PublishButton />
    </TopToolbar>
  );
};

/** The release's files, as a link to its public page (which lists and links each). */
const FilesField = () => {
  const record = useRecordContext<ReleaseRow>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <Link href={publicPage(locale, record.id)} target="_blank" rel="noopener">
      {translate('app.statistics.files', { count: record.files.length })}
    </Link>
  );
};

const NoteField = () => {
  const record = useRecordContext<ReleaseRow>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography variant="body2">
      {record.note}
      {record.correctsReleaseNumber !== null &&
        ` (${translate('app.statistics.corrects', { number: record.correctsReleaseNumber })})`}
    </Typography>
  );
};

const HashField = () => (
  <TextField source="sha256" sx={{ fontFamily: 'monospace', fontSize: '0.8rem', overflowWrap: 'anywhere' }} />
);

/** Open statistics releases (docs/open-statistics.md): what was published, and a new release on demand. */
export const StatisticsReleaseList = () => (
  <List actions={<ListToolbar />} sort={{ field: 'number', order: 'DESC' }}>
    <ResponsiveList
      compact={
        <SimpleList<ReleaseRow>
          primaryText={(record) => `№ ${record.id}`}
          secondaryText={(record) => new Date(record.publishedAt).toLocaleString()}
          tertiaryText={(record) => record.note ?? ''}
          linkType={false}
        />
      }
    >
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="id" disableSort />
        <DataTable.Col source="publishedAt" disableSort>
          <DateField source="publishedAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="note" disableSort field={NoteField} />
        <DataTable.Col source="sha256" disableSort field={HashField} />
        <DataTable.Col source="files" disableSort field={FilesField} />
      </DataTable>
    </ResponsiveList>
  </List>
);

export default StatisticsReleaseList;
