import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
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
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type AdaptationPlanView, type ApplicationDetail, type PlanItemView, todayInKazakhstan } from '@qonys/domain';
import {
  useCanAccess,
  useDataProvider,
  useGetList,
  useLocaleState,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { messageOf } from '../common/errors';
import { useLocalizedName } from '../common/localizedName';
import { ReasonDialog } from '../common/ReasonDialog';
import { stackOnPhone } from '../common/stackOnPhone';
import { nameableMembers } from '../applications/caseMembers';
import type { QonysDataProvider } from '../providers/dataProvider';
import { serviceName } from './ReferralActions';

/** A referral that no longer holds the item: the item may be referred again. */
const isOpen = (referral: PlanItemView['referral']) =>
  referral !== null && referral.state !== 'rejected' && referral.state !== 'cancelled';

/**
 * The case's adaptation plan (docs/integration-services.md): started from the services
 * chosen at inclusion, one line per service and member, each with its referral.
 */
export const CasePlanTab = (_props: { label?: false }) => {
  const record = useRecordContext<ApplicationDetail>();
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { canAccess: canStart } = useCanAccess({ resource: 'adaptation-plans', action: 'create' });
  const key = ['adaptation-plan', record?.id];
  const {
    data: plan,
    isPending,
    error,
  } = useQuery({
    queryKey: key,
    queryFn: () => dataProvider.planOfCase(record!.id),
    enabled: record !== undefined,
  });
  if (!record) return null;
  const reload = () => queryClient.invalidateQueries({ queryKey: key });
  const start = async () => {
    try {
      await dataProvider.startPlan(record.id);
      notify('app.services.plan.started', { type: 'success' });
      await reload();
    } catch (caught) {
      notify(messageOf(caught), { type: 'error' });
    }
  };
  if (isPending) return <Typography color="text.secondary">{translate('ra.page.loading')}</Typography>;
  if (error) return <Alert severity="error">{translate(messageOf(error))}</Alert>;
  if (!plan) {
    return (
      <Stack spacing={2} data-testid="case-plan">
        <Typography color="text.secondary">
          {translate('app.services.plan.none')} {translate('app.services.plan.not_included')}
        </Typography>
        {canStart && (
          <Box>
            <Button variant="contained" onClick={start}>
              {translate('app.services.plan.start')}
            </Button>
          </Box>
        )}
      </Stack>
    );
  }
  return <PlanItems plan={plan} application={record} onChange={reload} />;
};

const PlanItems = ({
  plan,
  application,
  onChange,
}: {
  plan: AdaptationPlanView;
  application: ApplicationDetail;
  onChange: () => Promise<void>;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { canAccess: canRefer } = useCanAccess({ resource: 'referrals', action: 'create' });
  const { canAccess: canAdd } = useCanAccess({ resource: 'adaptation-plans', action: 'edit' });
  const [referring, setReferring] = useState<PlanItemView | null>(null);
  const field = (name: string) => translate(`resources.referrals.fields.${name}`);
  return (
    <Stack spacing={2} data-testid="case-plan">
      <Table size="small" sx={stackOnPhone}>
        <TableHead>
          <TableRow>
            <TableCell>{field('serviceTypeId')}</TableCell>
            <TableCell>{field('personName')}</TableCell>
            <TableCell>{field('providerId')}</TableCell>
            <TableCell>{field('state')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {plan.items.map((item) => (
            <TableRow key={item.id}>
              <TableCell>{serviceName(item, locale)}</TableCell>
              <TableCell>{item.personName ?? translate('app.services.plan.family')}</TableCell>
              <TableCell>{item.referral ? `${item.referral.providerName} · ${item.referral.period}` : '—'}</TableCell>
              <TableCell>
                {item.referral
                  ? translate(`app.services.states.${item.referral.state}`)
                  : translate('app.services.plan.no_referral')}
              </TableCell>
              <TableCell align="right">
                {canRefer && !isOpen(item.referral) && (
                  <Button size="small" onClick={() => setReferring(item)}>
                    {translate('app.services.plan.refer')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {canAdd && <AddItem plan={plan} application={application} onAdded={onChange} />}
      {referring && (
        <ReferDialog
          item={referring}
          regionId={plan.regionId}
          onClose={() => setReferring(null)}
          onDone={async () => {
            setReferring(null);
            await onChange();
          }}
        />
      )}
    </Stack>
  );
};

/** A service for the family or one member, added by hand. */
const AddItem = ({
  plan,
  application,
  onAdded,
}: {
  plan: AdaptationPlanView;
  application: ApplicationDetail;
  onAdded: () => Promise<void>;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const name = useLocalizedName();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { data: types } = useGetList('service-types', {
    pagination: { page: 1, perPage: 200 },
    filter: { validOn: todayInKazakhstan() },
  });
  const [serviceTypeId, setServiceTypeId] = useState('');
  const [personId, setPersonId] = useState('');
  const members = nameableMembers(application);
  const add = async () => {
    try {
      await dataProvider.addPlanItem(plan.id, {
        serviceTypeId: Number(serviceTypeId),
        personId: personId ? Number(personId) : null,
      });
      notify('app.services.plan.added', { type: 'success' });
      setServiceTypeId('');
      setPersonId('');
      await onAdded();
    } catch (caught) {
      notify(messageOf(caught), { type: 'error' });
    }
  };
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
      <TextField
        select
        size="small"
        label={translate('resources.referrals.fields.serviceTypeId')}
        value={serviceTypeId}
        onChange={(event) => setServiceTypeId(event.target.value)}
        sx={{ minWidth: 240 }}
      >
        {(types ?? []).map((type) => (
          <MenuItem key={type.id} value={String(type.id)}>
            {name(type)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label={translate('resources.referrals.fields.personName')}
        value={personId}
        onChange={(event) => setPersonId(event.target.value)}
        sx={{ minWidth: 240 }}
      >
        <MenuItem value="">{translate('app.services.plan.family')}</MenuItem>
        {members.map((member) => (
          <MenuItem key={member.personId} value={String(member.personId)}>
            {member.name}
          </MenuItem>
        ))}
      </TextField>
      <Box>
        <Button variant="outlined" disabled={!serviceTypeId} onClick={add}>
          {translate('app.services.plan.add')}
        </Button>
      </Box>
    </Stack>
  );
};

/** Refers an item to a provider of the plan's region that offers its service. */
const ReferDialog = ({
  item,
  regionId,
  onClose,
  onDone,
}: {
  item: PlanItemView;
  regionId: number;
  onClose: () => void;
  onDone: () => Promise<void>;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { data: providers } = useGetList('service-providers', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
    filter: { regionId, serviceTypeId: item.serviceTypeId, activeOn: todayInKazakhstan() },
  });
  const [providerId, setProviderId] = useState('');
  const [period, setPeriod] = useState(todayInKazakhstan().slice(0, 7));
  const [consent, setConsent] = useState(false);
  const submit = async () => {
    await dataProvider.create('referrals', {
      data: { planItemId: item.id, providerId: Number(providerId), period, consentToShare: consent },
    });
    notify('app.services.plan.referred', { type: 'success' });
    await onDone();
  };
  return (
    <ReasonDialog
      id="refer"
      title={translate('app.services.plan.refer_title', { service: serviceName(item, locale) })}
      inputs={['providerId', 'period', 'consentToShare']}
      validate={(): Record<string, string> => (providerId ? {} : { providerId: 'ra.validation.required' })}
      submitLabel={translate('app.services.plan.refer')}
      onSubmit={submit}
      onClose={onClose}
    >
      {(errors) => (
        <>
          <TextField
            select
            name="providerId"
            label={translate('app.services.plan.provider')}
            value={providerId}
            onChange={(event) => setProviderId(event.target.value)}
            error={Boolean(errors.providerId)}
            helperText={errors.providerId ?? ' '}
            required
          >
            {(providers ?? []).map((provider) => (
              <MenuItem key={provider.id} value={String(provider.id)}>
                {provider.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            name="period"
            type="month"
            label={translate('app.services.plan.period')}
            value={period}
            onChange={(event) => setPeriod(event.target.value)}
            error={Boolean(errors.period)}
            helperText={errors.period ?? ' '}
            slotProps={{ inputLabel: { shrink: true } }}
            required
          />
          <FormControlLabel
            control={<Checkbox checked={consent} onChange={(event) => setConsent(event.target.checked)} />}
            label={translate('app.services.plan.consent')}
          />
        </>
      )}
    </ReasonDialog>
  );
};
