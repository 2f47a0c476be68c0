import { useState } from 'react';
import { Button, MenuItem, TextField } from '@mui/material';
import {
  type CaseNames,
  SUPPORT_RECOVERY_OUTCOMES,
  SUPPORT_RECOVERY_STATES,
  type SupportRecoveryOutcome,
} from '@qonys/domain';
import {
  DataTable,
  DateField,
  List,
  NumberField,
  SelectField,
  SelectInput,
  SimpleList,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { CaseFamily, CaseFamilyField } from '../applications/CaseFamilyField';
import { CompactLine } from '../common/CompactLine';
import { ListActions } from '../common/ListActions';
import { ReasonDialog } from '../common/ReasonDialog';
import { ResponsiveList } from '../common/ResponsiveList';
import type { QonysDataProvider } from '../providers/dataProvider';

interface RecoveryRow extends CaseNames {
  id: number;
  applicationId: number;
  regionId: number;
  departedOn: string;
  years: number;
  amountKzt: number;
  state: string;
  version: number;
}

const stateChoices = SUPPORT_RECOVERY_STATES.map((id) => ({ id, name: `app.payments.recovery_states.${id}` }));

/** Close a recovery task: the support came back, or it is waived. */
const ResolveButton = () => {
  const record = useRecordContext<RecoveryRow>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'support-recoveries', action: 'edit' });
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<SupportRecoveryOutcome>('recovered');
  if (!record || record.state !== 'open' || !canAccess) return null;
  return (
    <>
      <Button
        size="small"
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        {translate('app.payments.resolve_recovery')}
      </Button>
      {open && (
        <ReasonDialog
          id="resolve-recovery"
          title={translate('app.payments.resolve_recovery')}
          inputs={['outcome']}
          submitLabel={translate('app.payments.resolve_recovery')}
          onClose={() => setOpen(false)}
          onSubmit={async () => {
            await dataProvider.resolveRecovery(record.id, { outcome, version: record.version });
            notify('app.payments.recovery_resolved', { type: 'success' });
            setOpen(false);
            refresh();
          }}
        >
          {(errors) => (
            <TextField
              select
              name="outcome"
              label={translate('resources.support-recoveries.fields.outcome')}
              value={outcome}
              onChange={(event) => setOutcome(event.target.value as SupportRecoveryOutcome)}
              error={Boolean(errors.outcome)}
              helperText={errors.outcome ?? ' '}
            >
              {SUPPORT_RECOVERY_OUTCOMES.map((id) => (
                <MenuItem key={id} value={id}>
                  {translate(`app.payments.recovery_states.${id}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
        </ReasonDialog>
      )}
    </>
  );
};

/**
 * Support to be returned: families that left their settlement region within the
 * residence obligation's years (off unless set), open ones first by default.
 */
export const SupportRecoveryList = () => {
  const translate = useTranslate();
  const filters = [<SelectInput key="state" source="state" choices={stateChoices} alwaysOn />];
  return (
    <List filters={filters} filterDefaultValues={{ state: 'open' }} actions={<ListActions create={false} />}>
      <ResponsiveList
        compact={
          <SimpleList<RecoveryRow>
            primaryText={(record) => <CaseFamily names={record} />}
            secondaryText={(record) => (
              <CompactLine actions={<ResolveButton />}>
                {`${record.amountKzt.toLocaleString()} ₸`}
                {translate(`app.payments.recovery_states.${record.state}`)}
              </CompactLine>
            )}
            linkType={false}
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="id" />
          <DataTable.Col source="applicationId" field={CaseFamilyField} disableSort />
          <DataTable.Col source="departedOn">
            <DateField source="departedOn" />
          </DataTable.Col>
          <DataTable.Col source="years" disableSort />
          <DataTable.Col source="amountKzt">
            <NumberField source="amountKzt" />
          </DataTable.Col>
          <DataTable.Col source="state">
            <SelectField source="state" choices={stateChoices} />
          </DataTable.Col>
          <DataTable.Col label={false}>
            <ResolveButton />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default SupportRecoveryList;
