import { IconButton, Table, TableBody, TableCell, TableHead, TableRow, Tooltip } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useTranslate } from 'react-admin';
import { useFormatCalendarDate } from '../../common/CalendarDate';
import { stackOnPhone } from '../../common/stackOnPhone';
import { personFullName, type Person } from '../../providers/personTypes';
import { EthnicityMark } from '../../persons/EthnicityMark';
import type { DraftMember } from './familyDraft';

/** The family as registered so far: the applicant first, then each member; members may be removed. */
export const FamilyTable = ({
  applicant,
  members,
  onRemove,
}: {
  applicant: Person;
  members: DraftMember[];
  onRemove?: (personId: number) => void;
}) => {
  const translate = useTranslate();
  const formatDate = useFormatCalendarDate();
  const field = (name: string) => translate(`resources.applications.fields.${name}`);
  const rows = [{ person: applicant, relation: 'applicant' as const }, ...members];
  return (
    <Table size="small" data-testid="draft-family" sx={stackOnPhone}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.family.person')}</TableCell>
          <TableCell>{field('relation')}</TableCell>
          <TableCell>{field('birthDate')}</TableCell>
          <TableCell>{field('iin')}</TableCell>
          <TableCell />
          {onRemove && <TableCell />}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(({ person, relation }) => (
          <TableRow key={person.id} data-testid="draft-member">
            <TableCell>{personFullName(person)}</TableCell>
            <TableCell>{translate(`app.relations.${relation}`)}</TableCell>
            <TableCell>{formatDate(person.birthDate)}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace' }}>{person.iin ?? '—'}</TableCell>
            <TableCell>
              <EthnicityMark ethnicity={person.ethnicity} />
            </TableCell>
            {onRemove && (
              <TableCell align="right">
                {relation !== 'applicant' && (
                  <Tooltip title={translate('ra.action.remove')}>
                    <IconButton
                      size="small"
                      onClick={() => onRemove(person.id)}
                      aria-label={translate('ra.action.remove')}
                    >
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                )}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
