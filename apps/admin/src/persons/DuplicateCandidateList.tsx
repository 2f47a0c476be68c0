import type { ReactNode } from 'react';
import { Alert, Box, Card, CardActions, CardContent, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFormatCalendarDate } from '../common/CalendarDate';
import { useFormatPercent } from '../common/useFormatNumber';
import { isForeignPerson, personFullName, type DuplicateCandidate } from '../providers/personTypes';
import { EthnicityMark } from './EthnicityMark';

/** One candidate: who they are, how alike (score) and why (reasons); the actions come from the caller. */
const CandidateCard = ({
  candidate,
  actions,
}: {
  candidate: DuplicateCandidate;
  actions?: (candidate: DuplicateCandidate) => ReactNode;
}) => {
  const translate = useTranslate();
  const formatPercent = useFormatPercent();
  const formatDate = useFormatCalendarDate();
  const { person, score, reasons } = candidate;
  const foreign = isForeignPerson(person);
  const percent = formatPercent(score);
  return (
    <Card variant="outlined" data-testid="duplicate-candidate" data-person-id={person.id}>
      <CardContent sx={{ pb: 1 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <Typography variant="subtitle1" component="h3">
            {foreign ? translate('app.duplicates.foreign_person') : personFullName(person)} <small>#{person.id}</small>
          </Typography>
          {!foreign && <EthnicityMark ethnicity={person.ethnicity} />}
        </Stack>
        {!foreign && (
          <Typography variant="body2" color="text.secondary">
            {[
              formatDate(person.birthDate),
              person.iin ? `${translate('resources.persons.fields.iin')} ${person.iin}` : null,
              person.idDocumentNumber
                ? `${translate('resources.persons.fields.idDocumentNumber')} ${person.idDocumentNumber}`
                : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
        )}
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, my: 1 }}>
          <LinearProgress
            variant="determinate"
            value={Math.round(score * 100)}
            color={score >= 0.95 ? 'error' : 'warning'}
            sx={{ flex: '0 0 120px', height: 6, borderRadius: 3 }}
            aria-hidden
          />
          <Typography variant="body2" data-testid="duplicate-score">
            {translate('app.duplicates.score', { percent })}
          </Typography>
        </Box>
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {reasons.map((reason) => (
            <Chip key={reason} size="small" label={translate(`app.duplicates.reasons.${reason}`, { _: reason })} />
          ))}
        </Stack>
        {foreign && (
          <Alert severity="info" variant="outlined" sx={{ mt: 1, py: 0 }}>
            {translate('app.duplicates.foreign_region')}
          </Alert>
        )}
      </CardContent>
      {actions && <CardActions sx={{ flexWrap: 'wrap', gap: 1 }}>{actions(candidate)}</CardActions>}
    </Card>
  );
};

export const DuplicateCandidateList = ({
  candidates,
  actions,
}: {
  candidates: DuplicateCandidate[];
  actions?: (candidate: DuplicateCandidate) => ReactNode;
}) => (
  <Stack spacing={1.5} data-testid="duplicate-candidates">
    {candidates.map((candidate) => (
      <CandidateCard key={candidate.person.id} candidate={candidate} actions={actions} />
    ))}
  </Stack>
);
