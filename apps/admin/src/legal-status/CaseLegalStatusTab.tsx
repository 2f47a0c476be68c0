import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import {
  type ApplicationDetail,
  CASE_STATUSES_WITH_LEGAL_STEPS,
  LEGAL_STEP_DECISIONS,
  LEGAL_STEP_KINDS,
  type LegalStepDecision,
  type LegalStepKind,
  todayInKazakhstan,
} from '@qonys/domain';
import {
  useCanAccess,
  useCreate,
  useDataProvider,
  useGetList,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useFormatCalendarDate } from '../common/CalendarDate';
import { messageOf } from '../common/errors';
import { type FieldErrors, ReasonDialog } from '../common/ReasonDialog';
import { stackOnPhone } from '../common/stackOnPhone';
import { nameableMembers } from '../applications/caseMembers';
import type { QonysDataProvider } from '../providers/dataProvider';

interface StepRow {
  id: number;
  personId: number;
  memberName: string | null;
  kind: LegalStepKind;
  state: 'applied' | 'granted' | 'refused';
  appliedOn: string;
  authority: string;
  decidedOn: string | null;
  reference: string | null;
  version: number;
}

/**
 * The members' permanent residence and citizenship (docs/legal-status.md): each
 * application and its decision; citizenship for every member ends the status.
 */
export const CaseLegalStatusTab = (_props: { label?: false }) => {
  const record = useRecordContext<ApplicationDetail>();
  const translate = useTranslate();
  const formatDate = useFormatCalendarDate();
  const { canAccess: canRecord } = useCanAccess({ resource: 'legal-status-steps', action: 'create' });
  const { canAccess: canDecide } = useCanAccess({ resource: 'legal-status-steps', action: 'edit' });
  const [adding, setAdding] = useState(false);
  const [deciding, setDeciding] = useState<StepRow | null>(null);
  const { data, isPending, error } = useGetList<StepRow>(
    'legal-status-steps',
    {
      filter: { applicationId: record?.id },
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'id', order: 'ASC' },
    },
    { enabled: record !== undefined },
  );
  if (!record) return null;
  if (isPending) return <Typography color="text.secondary">{translate('ra.page.loading')}</Typography>;
  if (error) return <Alert severity="error">{translate(messageOf(error))}</Alert>;
  const field = (name: string) => translate(`resources.legal-status-steps.fields.${name}`);
  const open = (CASE_STATUSES_WITH_LEGAL_STEPS as readonly string[]).includes(record.status);
  return (
    <Stack spacing={2} data-testid="case-legal-status">
      {record.status === 'naturalised' && <Alert severity="success">{translate('app.legal_steps.status_ended')}</Alert>}
      <Typography color="text.secondary">{translate('app.legal_steps.help')}</Typography>
      {data.length === 0 ? (
        <Typography>{translate('app.legal_steps.empty')}</Typography>
      ) : (
        <Table size="small" sx={stackOnPhone}>
          <TableHead>
            <TableRow>
              {['memberName', 'kind', 'state', 'appliedOn', 'authority', 'decidedOn', 'reference'].map((name) => (
                <TableCell key={name}>{field(name)}</TableCell>
              ))}
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((step) => (
              <TableRow key={step.id}>
                <TableCell data-label={field('memberName')}>{step.memberName ?? step.personId}</TableCell>
                <TableCell data-label={field('kind')}>{translate(`app.legal_steps.kinds.${step.kind}`)}</TableCell>
                <TableCell data-label={field('state')}>{translate(`app.legal_steps.states.${step.state}`)}</TableCell>
                <TableCell data-label={field('appliedOn')}>{formatDate(step.appliedOn)}</TableCell>
                <TableCell data-label={field('authority')}>{step.authority}</TableCell>
                <TableCell data-label={field('decidedOn')}>
                  {step.decidedOn ? formatDate(step.decidedOn) : '—'}
                </TableCell>
                <TableCell data-label={field('reference')}>{step.reference ?? '—'}</TableCell>
                <TableCell align="right">
                  {canDecide && step.state === 'applied' && (
                    <Button size="small" onClick={() => setDeciding(step)}>
                      {translate('app.legal_steps.decide')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canRecord && open && (
        <Box>
          <Button variant="outlined" onClick={() => setAdding(true)}>
            {translate('app.legal_steps.add')}
          </Button>
        </Box>
      )}
      {adding && <AddStepDialog application={record} onClose={() => setAdding(false)} />}
      {deciding && <DecideStepDialog step={deciding} onClose={() => setDeciding(null)} />}
    </Stack>
  );
};

const AddStepDialog = ({ application, onClose }: { application: ApplicationDetail; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [create] = useCreate();
  const members = nameableMembers(application);
  const [personId, setPersonId] = useState(members[0] ? String(members[0].personId) : '');
  const [kind, setKind] = useState<LegalStepKind>('permanent_residence');
  const [appliedOn, setAppliedOn] = useState(todayInKazakhstan());
  const [authority, setAuthority] = useState('');
  const field = (name: string) => translate(`resources.legal-status-steps.fields.${name}`);
  return (
    <ReasonDialog
      id="legal-step-add"
      title={translate('app.legal_steps.add')}
      inputs={['personId', 'kind', 'appliedOn', 'authority']}
      validate={(): FieldErrors => (authority.trim() ? {} : { authority: 'ra.validation.required' })}
      submitLabel={translate('app.legal_steps.add')}
      onClose={onClose}
      onSubmit={async () => {
        await create(
          'legal-status-steps',
          { data: { applicationId: application.id, personId: Number(personId), kind, appliedOn, authority } },
          { returnPromise: true },
        );
        notify('app.legal_steps.recorded', { type: 'success' });
        onClose();
        refresh();
      }}
    >
      {(errors) => (
        <>
          <TextField
            select
            name="personId"
            label={field('personId')}
            value={personId}
            onChange={(event) => setPersonId(event.target.value)}
            error={Boolean(errors.personId)}
            helperText={errors.personId ?? ' '}
          >
            {members.map((member) => (
              <MenuItem key={member.personId} value={String(member.personId)}>
                {member.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            name="kind"
            label={field('kind')}
            value={kind}
            onChange={(event) => setKind(event.target.value as LegalStepKind)}
            error={Boolean(errors.kind)}
            helperText={errors.kind ?? ' '}
          >
            {LEGAL_STEP_KINDS.map((id) => (
              <MenuItem key={id} value={id}>
                {translate(`app.legal_steps.kinds.${id}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="date"
            name="appliedOn"
            label={field('appliedOn')}
            value={appliedOn}
            onChange={(event) => setAppliedOn(event.target.value)}
            error={Boolean(errors.appliedOn)}
            helperText={errors.appliedOn ?? ' '}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            name="authority"
            label={field('authority')}
            required
            value={authority}
            onChange={(event) => setAuthority(event.target.value)}
            error={Boolean(errors.authority)}
            helperText={errors.authority ?? ' '}
            slotProps={{ htmlInput: { maxLength: 300 } }}
          />
        </>
      )}
    </ReasonDialog>
  );
};

const DecideStepDialog = ({ step, onClose }: { step: StepRow; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const [decision, setDecision] = useState<LegalStepDecision>('granted');
  const [decidedOn, setDecidedOn] = useState(todayInKazakhstan());
  const [reference, setReference] = useState('');
  const field = (name: string) => translate(`resources.legal-status-steps.fields.${name}`);
  return (
    <ReasonDialog
      id="legal-step-decide"
      title={`${translate('app.legal_steps.decide')}: ${translate(`app.legal_steps.kinds.${step.kind}`)}, ${step.memberName ?? step.personId}`}
      inputs={['decision', 'decidedOn', 'reference']}
      submitLabel={translate('app.legal_steps.decide')}
      onClose={onClose}
      onSubmit={async () => {
        await dataProvider.decideLegalStep(step.id, {
          decision,
          decidedOn,
          ...(reference.trim() ? { reference: reference.trim() } : {}),
          version: step.version,
        });
        notify('app.legal_steps.recorded', { type: 'success' });
        onClose();
        refresh();
      }}
    >
      {(errors) => (
        <>
          <TextField
            select
            name="decision"
            label={field('decision')}
            value={decision}
            onChange={(event) => setDecision(event.target.value as LegalStepDecision)}
            error={Boolean(errors.decision)}
            helperText={errors.decision ?? ' '}
          >
            {LEGAL_STEP_DECISIONS.map((id) => (
              <MenuItem key={id} value={id}>
                {translate(`app.legal_steps.decisions.${id}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="date"
            name="decidedOn"
            label={field('decidedOn')}
            value={decidedOn}
            onChange={(event) => setDecidedOn(event.target.value)}
            error={Boolean(errors.decidedOn)}
            helperText={errors.decidedOn ?? ' '}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            name="reference"
            label={field('reference')}
            value={reference}
            onChange={(event) => setReference(event.target.value)}
            error={Boolean(errors.reference)}
            helperText={errors.reference ?? ' '}
            slotProps={{ htmlInput: { maxLength: 100 } }}
          />
        </>
      )}
    </ReasonDialog>
  );
};
