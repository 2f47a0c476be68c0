import {
  Alert,
  Box,
  Chip,
  Link as MuiLink,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { Link, useCanAccess, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { type ApplicationDetail, isRestrictedPerson } from '@qonys/domain';
import { useFormatCalendarDate } from '../../common/CalendarDate';
import { stackOnPhone } from '../../common/stackOnPhone';
import { EthnicityMark } from '../../persons/EthnicityMark';
import { AddMemberButton } from './AddMemberButton';
import { RemoveMemberButton } from './RemoveMemberButton';
import { useMemberName } from './useMemberName';

/** The family: each member with relation, birth date, IIN and ethnicity mark; changeable while a draft. */
export const FamilyTab = (_props: { label?: false }) => {
  const record = useRecordContext<ApplicationDetail>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const formatDate = useFormatCalendarDate();
  const memberName = useMemberName();
  const { canAccess: canEdit } = useCanAccess({ resource: 'applications', action: 'edit', record });
  if (!record) return null;
  const editable = canEdit && record.status === 'draft';
  const field = (name: string) => translate(`resources.applications.fields.${name}`);
  return (
    <Box data-testid="family-tab">
      <Table size="small" sx={stackOnPhone}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.family.person')}</TableCell>
            <TableCell>{field('relation')}</TableCell>
            <TableCell>{field('birthDate')}</TableCell>
            <TableCell>{field('iin')}</TableCell>
            <TableCell />
            {editable && <TableCell />}
          </TableRow>
        </TableHead>
        <TableBody>
          {record.members.map(({ person, ...member }) => (
            <TableRow key={member.personId} data-testid="family-member" sx={{ opacity: member.active ? 1 : 0.6 }}>
              <TableCell>
                {isRestrictedPerson(person) ? (
                  <span data-testid="restricted-member">{memberName({ ...member, person })}</span>
                ) : (
                  <MuiLink component={Link} to={createPath({ resource: 'persons', id: member.personId, type: 'show' })}>
                    {memberName({ ...member, person })}
                  </MuiLink>
                )}
              </TableCell>
              <TableCell>
                <Chip
                  size="small"
                  variant={member.relation === 'applicant' ? 'filled' : 'outlined'}
                  label={translate(`app.relations.${member.relation}`)}
                />
              </TableCell>
              <TableCell>{isRestrictedPerson(person) ? '—' : formatDate(person.birthDate)}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>
                {isRestrictedPerson(person) ? '—' : (person.iin ?? '—')}
              </TableCell>
              <TableCell>
                <Stack direction="row" spacing={0.5}>
                  {!isRestrictedPerson(person) && <EthnicityMark ethnicity={person.ethnicity} />}
                  {!member.active && <Chip size="small" label={translate('app.family.left_case')} />}
                </Stack>
              </TableCell>
              {editable && (
                <TableCell align="right">
                  {member.relation !== 'applicant' && (
                    <RemoveMemberButton application={record} member={{ ...member, person }} />
                  )}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {editable ? (
        <Box sx={{ mt: 2 }}>
          <AddMemberButton application={record} />
        </Box>
      ) : (
        canEdit && (
          <Alert severity="info" variant="outlined" sx={{ mt: 2 }}>
            {translate('app.family.draft_only')}
          </Alert>
        )
      )}
    </Box>
  );
};
