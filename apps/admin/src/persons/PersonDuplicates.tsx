import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Box, Button, Card, CardContent, Link as MuiLink, Skeleton, Stack, Typography } from '@mui/material';
import CallSplitIcon from '@mui/icons-material/CallSplit';
import MergeIcon from '@mui/icons-material/Merge';
import { useQuery } from '@tanstack/react-query';
import {
  Confirm,
  Link,
  Title,
  useCanAccess,
  useCreatePath,
  useDataProvider,
  useGetOne,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { messageOf } from '../common/errors';
import type { QonysDataProvider } from '../providers/dataProvider';
import { isForeignPerson, personFullName, type DuplicateCandidate, type Person } from '../providers/personTypes';
import { DuplicateCandidateList } from './DuplicateCandidateList';

/**
 * The duplicate review: persons who may be this one, with score and reasons.
 * "Not the same person" stops offering the pair; "merge" folds this record into
 * the other (both histories kept, audited).
 */
export const PersonDuplicates = () => {
  const { id } = useParams();
  const personId = Number(id);
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const createPath = useCreatePath();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { data: person } = useGetOne<Person>('persons', { id: personId });
  const { canAccess: canEdit } = useCanAccess({ resource: 'persons', action: 'edit', record: person });
  const {
    data: candidates,
    isPending,
    error,
    refetch,
  } = useQuery({
    queryKey: ['persons', 'duplicates', personId],
    queryFn: () => dataProvider.getPersonDuplicates(personId),
  });
  const [merging, setMerging] = useState<DuplicateCandidate | null>(null);
  const [busy, setBusy] = useState(false);
  const name = person ? personFullName(person) : `#${personId}`;
  const editable = canEdit && person !== undefined && person.mergedIntoId === null;

  const notSame = async (candidate: DuplicateCandidate) => {
    setBusy(true);
    try {
      await dataProvider.markPersonDistinct(personId, candidate.person.id);
      notify('app.duplicates.marked_distinct', { type: 'success' });
      await refetch();
    } catch (caught) {
      notify(messageOf(caught), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const merge = async () => {
    if (!merging || !person) return;
    setBusy(true);
    try {
      await dataProvider.mergePerson(personId, merging.person.id, person.version);
      notify('app.duplicates.merged', { type: 'success', messageArgs: { id: merging.person.id } });
      redirect('show', 'persons', merging.person.id);
    } catch (caught) {
      notify(messageOf(caught), { type: 'error' });
    } finally {
      setBusy(false);
      setMerging(null);
    }
  };

  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('app.duplicates.title', { name })} />
      <Card>
        <CardContent>
          <Stack spacing={2}>
            <Typography variant="h6" component="h1">
              <MuiLink component={Link} to={createPath({ resource: 'persons', id: personId, type: 'show' })}>
                {translate('app.duplicates.title', { name })}
              </MuiLink>
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('app.duplicates.help')}
            </Typography>
            {person?.mergedIntoId && (
              <Alert severity="warning">{translate('app.merged_into', { id: person.mergedIntoId })}</Alert>
            )}
            {isPending && (
              <Box aria-busy="true" aria-label={translate('app.duplicates.loading')}>
                <Skeleton variant="rounded" height={120} />
              </Box>
            )}
            {error && <Alert severity="error">{messageOf(error)}</Alert>}
            {candidates?.length === 0 && (
              <Alert severity="success" data-testid="no-duplicates">
                {translate('app.duplicates.none')}
              </Alert>
            )}
            {candidates && candidates.length > 0 && (
              <DuplicateCandidateList
                candidates={candidates}
                actions={(candidate) =>
                  editable && (
                    <>
                      <Button
                        size="small"
                        startIcon={<CallSplitIcon />}
                        disabled={busy}
                        onClick={() => notSame(candidate)}
                        data-testid="not-same-person"
                      >
                        {translate('app.duplicates.not_same')}
                      </Button>
                      {!isForeignPerson(candidate.person) && (
                        <Button
                          size="small"
                          color="warning"
                          startIcon={<MergeIcon />}
                          disabled={busy}
                          onClick={() => setMerging(candidate)}
                          data-testid="merge-person"
                        >
                          {translate('app.duplicates.merge', { id: candidate.person.id })}
                        </Button>
                      )}
                    </>
                  )
                }
              />
            )}
          </Stack>
        </CardContent>
      </Card>
      <Confirm
        isOpen={merging !== null}
        loading={busy}
        title={translate('app.duplicates.merge_title', { name, id: merging?.person.id ?? '' })}
        content={translate('app.duplicates.merge_help', { id: merging?.person.id ?? '' })}
        onConfirm={merge}
        onClose={() => setMerging(null)}
      />
    </Box>
  );
};

export default PersonDuplicates;
