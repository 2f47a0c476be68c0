import { useState } from 'react';
import { Box, Button, Card, CardContent, Step, StepLabel, Stepper } from '@mui/material';
import {
  Title,
  useDataProvider,
  useGetIdentity,
  useNotify,
  useRedirect,
  useRequireAccess,
  useTranslate,
} from 'react-admin';
import { fieldErrorsOf, messageOf } from '../common/errors';
import { useRole } from '../common/useRole';
import type { QonysDataProvider } from '../providers/dataProvider';
import type { Person } from '../providers/personTypes';
import { ApplicantStep } from './create/ApplicantStep';
import { CaseDetailsStep } from './create/CaseDetailsStep';
import { FamilyStep } from './create/FamilyStep';
import { STEPS, type CaseDetails, type DraftMember } from './create/familyDraft';
import { ReviewStep } from './create/ReviewStep';

/**
 * Registers a family step by step — applicant, members, case details, review —
 * and creates the draft case in one request (POST /api/applications).
 */
export const ApplicationCreate = () => {
  useRequireAccess({ resource: 'applications', action: 'create' });
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { role, nationwide } = useRole();
  const { identity } = useGetIdentity();
  const [step, setStep] = useState(0);
  const [applicant, setApplicant] = useState<Person | null>(null);
  const [members, setMembers] = useState<DraftMember[]>([]);
  const [details, setDetails] = useState<CaseDetails>({ channel: '', assignedToId: undefined, regionId: null });
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  // A caseworker registering a family takes the case unless they choose otherwise.
  const assignedToId =
    details.assignedToId !== undefined
      ? details.assignedToId
      : role === 'caseworker' && identity
        ? Number(identity.id)
        : null;
  const regionId = details.regionId ?? applicant?.regionId ?? null;
  const caseDetails = { ...details, regionId: nationwide ? regionId : null };
  const ready = [applicant !== null, true, caseDetails.channel !== '' && (!nationwide || regionId !== null), true];

  const chooseApplicant = (person: Person | null) => {
    setApplicant(person);
    setMembers((current) => current.filter((member) => member.person.id !== person?.id));
  };

  const create = async () => {
    if (!applicant || !caseDetails.channel) return;
    setBusy(true);
    setErrors([]);
    try {
      const { data } = await dataProvider.create('applications', {
        data: {
          channel: caseDetails.channel,
          applicantId: applicant.id,
          members: members.map(({ person, relation }) => ({ personId: person.id, relation })),
          assignedToId: assignedToId ?? undefined,
          regionId: nationwide ? regionId : undefined,
        },
      });
      notify('app.create_case.created', { type: 'success' });
      redirect('show', 'applications', data.id);
    } catch (error) {
      const fieldErrors = Object.values(fieldErrorsOf(error));
      setErrors(fieldErrors.length > 0 ? fieldErrors : [translate(messageOf(error), { _: messageOf(error) })]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.create_case.title" />
      <Card>
        <CardContent>
          <Stepper activeStep={step} alternativeLabel sx={{ mb: 3 }}>
            {STEPS.map((name) => (
              <Step key={name}>
                <StepLabel>{translate(`app.create_case.steps.${name}`)}</StepLabel>
              </Step>
            ))}
          </Stepper>
          {step === 0 && <ApplicantStep applicant={applicant} onChange={chooseApplicant} />}
          {step === 1 && applicant && <FamilyStep applicant={applicant} members={members} onChange={setMembers} />}
          {step === 2 && (
            <CaseDetailsStep
              details={caseDetails}
              assignedToId={assignedToId}
              nationwide={nationwide}
              onChange={setDetails}
            />
          )}
          {step === 3 && applicant && (
            <ReviewStep
              applicant={applicant}
              members={members}
              details={caseDetails}
              assignedToId={assignedToId}
              nationwide={nationwide}
              errors={errors}
            />
          )}
          <Box sx={{ display: 'flex', justifyContent: 'space-between', mt: 3 }}>
            <Button disabled={step === 0 || busy} onClick={() => setStep(step - 1)} data-testid="step-back">
              {translate('app.create_case.back')}
            </Button>
            {step < STEPS.length - 1 ? (
              <Button
                variant="contained"
                disabled={!ready[step]}
                onClick={() => setStep(step + 1)}
                data-testid="step-next"
              >
                {translate('app.create_case.next')}
              </Button>
            ) : (
              <Button
                variant="contained"
                disabled={busy || !ready.every(Boolean)}
                onClick={create}
                data-testid="create-case"
              >
                {translate('app.create_case.create')}
              </Button>
            )}
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
};

export default ApplicationCreate;
