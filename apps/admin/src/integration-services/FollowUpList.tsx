import { useState } from 'react';
import { Button, MenuItem, TextField } from '@mui/material';
import { type CaseNames, HOUSING } from '@qonys/domain';
import {
  DataTable,
  DateField,
  FunctionField,
  List,
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
import {
  EMPLOYMENT_CHOICES,
  EMPLOYMENT_ROUTE_CHOICES,
  FOLLOW_UP_STATE_CHOICES,
  LANGUAGE_LEVEL_CHOICES,
  SCHOOLING_CHOICES,
} from './serviceChoices';

export interface FollowUpRow extends CaseNames {
  id: number;
  applicationId: number;
  regionId: number;
  round: number;
  dueDate: string;
  state: 'open' | 'done';
  employment: string | null;
  languageLevel: string | null;
  version: number;
}

const HOUSING_CHOICES = HOUSING.map((id) => ({ id, name: `app.settlements.housing.${id}` }));

/** What the follow-up found, in a line: employment and Kazakh, once recorded. */
const Findings = ({ record }: { record: FollowUpRow }) => {
  const translate = useTranslate();
  if (record.state === 'open') return <>{translate('app.services.follow_ups.states.open')}</>;
  return (
    <>
      {[
        translate(`app.services.follow_ups.employment.${record.employment}`),
        translate(`app.services.follow_ups.language_levels.${record.languageLevel}`),
      ].join(' · ')}
    </>
  );
};

/** Outcome follow-ups 3, 6 and 12 months after arrival; open ones, soonest due first. */
export const FollowUpList = () => {
  const translate = useTranslate();
  const filters = [<SelectInput key="state" source="state" choices={FOLLOW_UP_STATE_CHOICES} alwaysOn />];
  return (
    <List
      filters={filters}
      filterDefaultValues={{ state: 'open' }}
      actions={<ListActions create={false} />}
      sort={{ field: 'dueDate', order: 'ASC' }}
    >
      <ResponsiveList
        compact={
          <SimpleList<FollowUpRow>
            primaryText={(record) => <CaseFamily names={record} />}
            secondaryText={(record) => (
              <CompactLine actions={<RecordFollowUpButton />}>
                {translate('app.services.follow_ups.round', { round: record.round })}
                {record.dueDate}
                <Findings record={record} />
              </CompactLine>
            )}
            rowClick={false}
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="applicationId" field={CaseFamilyField} disableSort />
          <DataTable.Col source="round">
            <FunctionField<FollowUpRow>
              render={(record) => translate('app.services.follow_ups.round', { round: record.round })}
            />
          </DataTable.Col>
          <DataTable.Col source="dueDate">
            <DateField source="dueDate" />
          </DataTable.Col>
          <DataTable.Col source="state">
            <FunctionField<FollowUpRow> render={(record) => <Findings record={record} />} />
          </DataTable.Col>
          <DataTable.Col>
            <RecordFollowUpButton />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

/** Records an open follow-up: employment and how, Kazakh, schooling, housing. */
const RecordFollowUpButton = () => {
  const record = useRecordContext<FollowUpRow>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'follow-ups', action: 'edit', record });
  const [open, setOpen] = useState(false);
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
        {translate('app.services.follow_ups.record')}
      </Button>
      {open && <RecordDialog followUp={record} onClose={() => setOpen(false)} />}
    </>
  );
};

const FIELDS = ['employment', 'employmentRoute', 'languageLevel', 'schooling', 'housing', 'note'] as const;
type Answers = Record<(typeof FIELDS)[number], string>;

const RecordDialog = ({ followUp, onClose }: { followUp: FollowUpRow; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const [answers, setAnswers] = useState<Answers>({
    employment: '',
    employmentRoute: '',
    languageLevel: '',
    schooling: '',
    housing: '',
    note: '',
  });
  const working = answers.employment === 'employed' || answers.employment === 'self_employed';
  const lists = {
    employment: EMPLOYMENT_CHOICES,
    employmentRoute: EMPLOYMENT_ROUTE_CHOICES,
    languageLevel: LANGUAGE_LEVEL_CHOICES,
    schooling: SCHOOLING_CHOICES,
    housing: HOUSING_CHOICES,
  };
  const required = ['employment', 'languageLevel', 'schooling', 'housing'] as const;
  const validate = (): Record<string, string> =>
    Object.fromEntries(required.filter((field) => !answers[field]).map((field) => [field, 'ra.validation.required']));
  const submit = async () => {
    await dataProvider.recordFollowUp(followUp.id, {
      employment: answers.employment,
      employmentRoute: working && answers.employmentRoute ? answers.employmentRoute : null,
      languageLevel: answers.languageLevel,
      schooling: answers.schooling,
      housing: answers.housing,
      note: answers.note.trim() || null,
      version: followUp.version,
    });
    notify('app.services.follow_ups.recorded', { type: 'success' });
    refresh();
    onClose();
  };
  const family = followUp.applicantName ?? followUp.applicationNumber ?? `#${followUp.applicationId}`;
  return (
    <ReasonDialog
      id="follow-up"
      title={translate('app.services.follow_ups.record_title', { round: followUp.round, family })}
      inputs={FIELDS}
      validate={validate}
      submitLabel={translate('app.services.follow_ups.record')}
      onSubmit={submit}
      onClose={onClose}
    >
      {(errors) =>
        FIELDS.filter((field) => field !== 'employmentRoute' || working).map((field) => (
          <TextField
            key={field}
            select={field !== 'note'}
            multiline={field === 'note'}
            name={field}
            label={translate(`resources.follow-ups.fields.${field}`)}
            value={answers[field]}
            onChange={(event) => setAnswers({ ...answers, [field]: event.target.value })}
            error={Boolean(errors[field])}
            helperText={errors[field] ?? ' '}
            required={(required as readonly string[]).includes(field)}
          >
            {field === 'note'
              ? undefined
              : lists[field].map((choice) => (
                  <MenuItem key={choice.id} value={choice.id}>
                    {translate(choice.name)}
                  </MenuItem>
                ))}
          </TextField>
        ))
      }
    </ReasonDialog>
  );
};

export default FollowUpList;
