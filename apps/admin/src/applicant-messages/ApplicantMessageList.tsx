import { Button } from '@mui/material';
import {
  APPLICANT_MESSAGE_CHANNELS,
  APPLICANT_MESSAGE_KINDS,
  APPLICANT_MESSAGE_STATES,
  type CaseNames,
  type MessageCode,
} from '@qonys/domain';
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
import { ResponsiveList } from '../common/ResponsiveList';
import { useTranslateMessage } from '../common/useTranslateMessage';
import type { QonysDataProvider } from '../providers/dataProvider';

export interface ApplicantMessageRow extends CaseNames {
  id: number;
  applicationId: number;
  regionId: number | null;
  kind: (typeof APPLICANT_MESSAGE_KINDS)[number];
  channel: (typeof APPLICANT_MESSAGE_CHANNELS)[number];
  recipient: string | null;
  language: 'kk' | 'ru';
  state: (typeof APPLICANT_MESSAGE_STATES)[number];
  attempts: number;
  lastError: MessageCode | null;
  lastErrorParams: Record<string, string | number> | null;
  sentAt: string | null;
  createdAt: string;
}

const choices = (list: readonly string[], prefix: string) => list.map((id) => ({ id, name: `${prefix}.${id}` }));
const STATE_CHOICES = choices(APPLICANT_MESSAGE_STATES, 'app.applicant_messages.states');
const KIND_CHOICES = choices(APPLICANT_MESSAGE_KINDS, 'app.applicant_messages.kinds');
const CHANNEL_CHOICES = choices(APPLICANT_MESSAGE_CHANNELS, 'app.applicant_messages.channels');

/** The state, and why the last attempt failed when it did. */
const StateLine = ({ record }: { record: ApplicantMessageRow }) => {
  const translate = useTranslate();
  const say = useTranslateMessage();
  const state = translate(`app.applicant_messages.states.${record.state}`);
  if (!record.lastError || record.state === 'sent') return <>{state}</>;
  return <>{`${state} · ${say({ code: record.lastError, params: record.lastErrorParams ?? {} })}`}</>;
};

/** The outbox of messages to families (docs/applicant-messages.md), newest first. */
export const ApplicantMessageList = () => {
  const filters = [
    <SelectInput key="state" source="state" choices={STATE_CHOICES} alwaysOn />,
    <SelectInput key="kind" source="kind" choices={KIND_CHOICES} />,
    <SelectInput key="channel" source="channel" choices={CHANNEL_CHOICES} />,
  ];
  return (
    <List filters={filters} actions={<ListActions create={false} />} sort={{ field: 'id', order: 'DESC' }}>
      <MessageRows />
    </List>
  );
};

/** The rows of a list of messages, compact on a phone; on the case page without the family column. */
export const MessageRows = ({ onCase = false }: { onCase?: boolean }) => {
  const translate = useTranslate();
  return (
    <ResponsiveList
      compact={
        <SimpleList<ApplicantMessageRow>
          primaryText={(record) =>
            onCase ? translate(`app.applicant_messages.kinds.${record.kind}`) : <CaseFamily names={record} />
          }
          secondaryText={(record) => (
            <CompactLine actions={<RetryButton />}>
              {onCase ? null : translate(`app.applicant_messages.kinds.${record.kind}`)}
              {translate(`app.applicant_messages.channels.${record.channel}`)}
              <StateLine record={record} />
            </CompactLine>
          )}
          rowClick={false}
        />
      }
    >
      <DataTable bulkActionButtons={false} rowClick={false}>
        {onCase ? null : <DataTable.Col source="applicationId" field={CaseFamilyField} disableSort />}
        <DataTable.Col source="kind">
          <FunctionField<ApplicantMessageRow>
            render={(record) => translate(`app.applicant_messages.kinds.${record.kind}`)}
          />
        </DataTable.Col>
        <DataTable.Col source="channel" disableSort>
          <FunctionField<ApplicantMessageRow>
            render={(record) => translate(`app.applicant_messages.channels.${record.channel}`)}
          />
        </DataTable.Col>
        <DataTable.Col source="recipient" disableSort />
        <DataTable.Col source="state">
          <FunctionField<ApplicantMessageRow> render={(record) => <StateLine record={record} />} />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="sentAt">
          <DateField source="sentAt" showTime />
        </DataTable.Col>
        <DataTable.Col>
          <RetryButton />
        </DataTable.Col>
      </DataTable>
    </ResponsiveList>
  );
};

/** Puts a message that was not delivered back in the queue (caseworkers, admins). */
const RetryButton = () => {
  const record = useRecordContext<ApplicantMessageRow>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'applicant-messages', action: 'edit', record });
  if (!record || record.state !== 'failed' || !canAccess) return null;
  return (
    <Button
      size="small"
      onClick={async (event) => {
        event.stopPropagation();
        await dataProvider.retryApplicantMessage(record.id);
        notify('app.applicant_messages.retried', { type: 'success' });
        refresh();
      }}
    >
      {translate('app.applicant_messages.retry')}
    </Button>
  );
};

export default ApplicantMessageList;
