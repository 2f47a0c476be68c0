import { type ApplicationDetail, type Relation } from '@qonys/domain';
import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { fieldErrorsOf, messageOf } from '../../common/errors';
import type { QonysDataProvider } from '../../providers/dataProvider';
import type { Person } from '../../providers/personTypes';
import { PersonPicker } from '../../persons/PersonPicker';
import { MEMBER_RELATION_CHOICES } from '../applicationChoices';

/** Adds a family member to a draft case: an existing or newly registered person, with their relation. */
export const AddMemberButton = ({ application }: { application: ApplicationDetail }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const [open, setOpen] = useState(false);
  const [person, setPerson] = useState<Person | null>(null);
  const [relation, setRelation] = useState<Relation | ''>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setOpen(false);
    setPerson(null);
    setRelation('');
    setError(null);
  };

  const add = async () => {
    if (!person || !relation) return;
    setBusy(true);
    setError(null);
    try {
      await dataProvider.addApplicationMember(application.id, person.id, relation);
      notify('app.family.member_added', { type: 'success' });
      close();
      refresh();
    } catch (caught) {
      setError(Object.values(fieldErrorsOf(caught)).join(' ') || messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="outlined" startIcon={<GroupAddIcon />} onClick={() => setOpen(true)} data-testid="add-member">
        {translate('app.family.add_member')}
      </Button>
      <Dialog open={open} onClose={busy ? undefined : close} fullWidth maxWidth="md" aria-labelledby="add-member-title">
        <DialogTitle id="add-member-title">{translate('app.family.add_member')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <PersonPicker
              value={person}
              onChange={setPerson}
              exclude={application.members.map((member) => member.personId)}
            />
            <TextField
              select
              name="relation"
              label={translate('resources.applications.fields.relation')}
              value={relation}
              onChange={(event) => setRelation(event.target.value as Relation)}
              sx={{ maxWidth: 320 }}
            >
              {MEMBER_RELATION_CHOICES.map((choice) => (
                <MenuItem key={choice.id} value={choice.id}>
                  {translate(choice.name)}
                </MenuItem>
              ))}
            </TextField>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button variant="contained" onClick={add} disabled={busy || !person || !relation}>
            {translate('ra.action.add')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
