import { useState } from 'react';
import { Alert, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useTranslate } from 'react-admin';
import type { Person } from '../../providers/personTypes';
import { PersonPicker } from '../../persons/PersonPicker';
import { MEMBER_RELATION_CHOICES } from '../applicationChoices';
import type { DraftMember } from './familyDraft';
import { FamilyTable } from './FamilyTable';

/** Step 2: each family member who moves with the applicant — existing or new person, and relation. */
export const FamilyStep = ({
  applicant,
  members,
  onChange,
}: {
  applicant: Person;
  members: DraftMember[];
  onChange: (members: DraftMember[]) => void;
}) => {
  const translate = useTranslate();
  const [person, setPerson] = useState<Person | null>(null);
  const [relation, setRelation] = useState<DraftMember['relation'] | ''>('');
  const taken = [applicant.id, ...members.map((member) => member.person.id)];
  const duplicate = person !== null && taken.includes(person.id);

  const add = () => {
    if (!person || !relation || duplicate) return;
    onChange([...members, { person, relation }]);
    setPerson(null);
    setRelation('');
  };

  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {translate('app.create_case.family_help')}
      </Typography>
      <FamilyTable
        applicant={applicant}
        members={members}
        onRemove={(personId) => onChange(members.filter((member) => member.person.id !== personId))}
      />
      {members.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.create_case.no_members')}
        </Typography>
      )}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack spacing={2}>
          <Typography variant="subtitle2">{translate('app.family.add_member')}</Typography>
          <PersonPicker value={person} onChange={setPerson} exclude={taken} />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
            <TextField
              select
              name="relation"
              label={translate('resources.applications.fields.relation')}
              value={relation}
              onChange={(event) => setRelation(event.target.value as DraftMember['relation'])}
              sx={{ minWidth: 240 }}
            >
              {MEMBER_RELATION_CHOICES.map((choice) => (
                <MenuItem key={choice.id} value={choice.id}>
                  {translate(choice.name)}
                </MenuItem>
              ))}
            </TextField>
            <Button
              variant="contained"
              startIcon={<AddIcon />}
              onClick={add}
              disabled={!person || !relation || duplicate}
              data-testid="add-draft-member"
            >
              {translate('app.create_case.add_member')}
            </Button>
          </Stack>
          {duplicate && <Alert severity="warning">{translate('app.create_case.already_in_family')}</Alert>}
        </Stack>
      </Paper>
    </Stack>
  );
};
