import { useState } from 'react';
import { Alert, Box, Button, Divider, Skeleton, Stack } from '@mui/material';
import { useCanAccess, useGetList, useRecordContext, useTranslate } from 'react-admin';
import { type ApplicationDetail } from '@qonys/domain';
import { useLocalizedName } from '../../common/localizedName';
import type { TimelineEvent } from '../../providers/caseTypes';
import type { LocalizedNames } from '../../providers/dataProvider';
import { useMemberName } from './useMemberName';
import { AddNoteForm } from './AddNoteForm';
import { TimelineEventItem } from './TimelineEventItem';
import type { TimelineNames } from './timelineDetails';

type DocumentTypeName = LocalizedNames & { id: number; key: string };

const PAGE = 50;
/** The API's largest page. */
const MAX_PAGE = 500;

/** Everything that happened on the case, newest first, with a note form for those who work it. */
export const TimelineTab = (_props: { label?: false }) => {
  const record = useRecordContext<ApplicationDetail>();
  const translate = useTranslate();
  const [perPage, setPerPage] = useState(PAGE);
  const { canAccess: canEdit } = useCanAccess({ resource: 'applications', action: 'edit', record });
  const {
    data = [],
    total = 0,
    isPending,
    refetch,
  } = useGetList<TimelineEvent>(
    `applications/${record?.id}/timeline`,
    { pagination: { page: 1, perPage }, sort: { field: 'id', order: 'DESC' } },
    { enabled: record !== undefined },
  );
  const name = useLocalizedName();
  const memberName = useMemberName();
  const { data: documentTypes = [] } = useGetList<DocumentTypeName>('document-types', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'sortOrder', order: 'ASC' },
  });
  if (!record) return null;
  const names: TimelineNames = {
    documentType: (key) => {
      const type = documentTypes.find((candidate) => candidate.key === key);
      return type ? name(type) : key;
    },
    person: (personId) => {
      const member = record.members.find((candidate) => candidate.personId === personId);
      return member ? memberName(member) : null;
    },
  };
  return (
    <Box data-testid="timeline-tab">
      {canEdit && <AddNoteForm applicationId={record.id} onAdded={() => void refetch()} />}
      {isPending ? (
        [0, 1, 2].map((key) => <Skeleton key={key} height={56} />)
      ) : data.length === 0 ? (
        <Alert severity="info">{translate('app.timeline.empty')}</Alert>
      ) : (
        <Stack component="ol" spacing={1.5} divider={<Divider flexItem />} sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {data.map((event) => (
            <TimelineEventItem key={event.id} event={event} names={names} />
          ))}
        </Stack>
      )}
      {data.length < total && perPage < MAX_PAGE && (
        <Button sx={{ mt: 1 }} onClick={() => setPerPage(Math.min(perPage + PAGE * 2, MAX_PAGE))}>
          {translate('app.timeline.more')}
        </Button>
      )}
    </Box>
  );
};
