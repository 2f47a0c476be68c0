import { useEffect, useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import {
  Confirm,
  CreateBase,
  SaveButton,
  SimpleForm,
  Toolbar,
  useDataProvider,
  useNotify,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { useFormState } from 'react-hook-form';
import { messageOf } from '../common/errors';
import type { QonysDataProvider } from '../providers/dataProvider';
import { isForeignPerson, personFullName, type DuplicateCandidate, type Person } from '../providers/personTypes';
import { DuplicateCandidateList } from './DuplicateCandidateList';
import { PersonInputs } from './PersonInputs';
import { usePersonTransform } from './personTransform';

const NewPersonToolbar = ({ onCancel }: { onCancel: () => void }) => {
  const translate = useTranslate();
  return (
    <Toolbar sx={{ gap: 1 }}>
      <SaveButton alwaysEnable={false} />
      <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
    </Toolbar>
  );
};

/** Tells the dialog whether anything was typed (the form lives inside it). */
const DirtyReporter = ({ onChange }: { onChange: (dirty: boolean) => void }) => {
  const { isDirty } = useFormState();
  useEffect(() => onChange(isDirty), [isDirty, onChange]);
  return null;
};

/**
 * Registers a person inline (the family stepper, adding a member). Once saved,
 * possible duplicates are shown at once: the caseworker may take the existing
 * person instead — the new record is then merged into it, so no twin stays behind.
 * A click beside the dialog does not close it; Escape or Cancel ask first when
 * something was typed, so a form half filled in is never thrown away unasked.
 */
export const NewPersonDialog = ({ onClose, onPicked }: { onClose: () => void; onPicked: (person: Person) => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const transform = usePersonTransform();
  const [created, setCreated] = useState<Person | null>(null);
  const [candidates, setCandidates] = useState<DuplicateCandidate[]>([]);
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const requestClose = () => (dirty && !created ? setConfirmingClose(true) : onClose());

  const onCreated = async (record: RaRecord) => {
    const person = record as Person;
    try {
      const found = await dataProvider.getPersonDuplicates(person.id);
      if (found.length === 0) return onPicked(person);
      setCreated(person);
      setCandidates(found);
    } catch {
      onPicked(person);
    }
  };

  const chooseExisting = async (candidate: DuplicateCandidate) => {
    if (!created || isForeignPerson(candidate.person)) return;
    setBusy(true);
    try {
      await dataProvider.mergePerson(created.id, candidate.person.id, created.version);
      notify('app.person_picker.merged_into_existing', { type: 'info' });
      onPicked(candidate.person);
    } catch (error) {
      notify(messageOf(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={(_event, reason) => {
        if (!busy && reason !== 'backdropClick') requestClose();
      }}
      fullWidth
      maxWidth="md"
      aria-labelledby="new-person-title"
    >
      <DialogTitle id="new-person-title">
        {created
          ? translate('app.person_picker.duplicates_title', { name: personFullName(created) })
          : translate('app.person_picker.new_person_title')}
      </DialogTitle>
      <DialogContent>
        {created ? (
          <>
            <Alert severity="warning" sx={{ mb: 2 }}>
              {translate('app.person_picker.duplicates_help')}
            </Alert>
            <DuplicateCandidateList
              candidates={candidates}
              actions={(candidate) =>
                isForeignPerson(candidate.person) ? null : (
                  <Button
                    variant="contained"
                    size="small"
                    disabled={busy}
                    onClick={() => chooseExisting(candidate)}
                    data-testid="use-existing-person"
                  >
                    {translate('app.person_picker.use_existing')}
                  </Button>
                )
              }
            />
          </>
        ) : (
          <CreateBase
            resource="persons"
            redirect={false}
            transform={transform}
            mutationOptions={{ onSuccess: onCreated }}
          >
            <SimpleForm
              defaultValues={{ ethnicity: 'kazakh', otherSpellings: [], languages: [] }}
              toolbar={<NewPersonToolbar onCancel={requestClose} />}
              sx={{ p: 0 }}
            >
              <DirtyReporter onChange={setDirty} />
              <PersonInputs />
            </SimpleForm>
          </CreateBase>
        )}
      </DialogContent>
      <Confirm
        isOpen={confirmingClose}
        title="app.confirm.discard_person_title"
        content="app.confirm.discard_person"
        confirm="app.confirm.discard"
        cancel="app.confirm.keep_editing"
        onConfirm={() => {
          setConfirmingClose(false);
          onClose();
        }}
        onClose={() => setConfirmingClose(false)}
      />
      {created && (
        <DialogActions>
          <Button onClick={() => onPicked(created)} disabled={busy} data-testid="keep-new-person">
            {translate('app.person_picker.keep_new')}
          </Button>
        </DialogActions>
      )}
    </Dialog>
  );
};
