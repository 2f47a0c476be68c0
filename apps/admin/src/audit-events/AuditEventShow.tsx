import {
  ListButton,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  type FieldProps,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { AuditActionField, AuditEntityField } from './auditNames';
import { ChangesField } from './ChangesField';

const hashStyle = { fontFamily: 'monospace', fontSize: '0.8rem', wordBreak: 'break-all' } as const;

/** The acting user, linked when known; a failed sign-in may name no existing user. */
const ActorField = (_props: FieldProps) => {
  const record = useRecordContext();
  if (record?.actorId == null) return <TextField source="actorUsername" emptyText="—" />;
  return (
    <ReferenceField source="actorId" reference="users">
      <TextField source="username" />
    </ReferenceField>
  );
};

const AuditEventShowActions = () => (
  <TopToolbar>
    <ListButton />
  </TopToolbar>
);

export const AuditEventShow = () => (
  <Show actions={<AuditEventShowActions />}>
    <SimpleShowLayout>
      <TextField source="id" />
      <DateTimeField source="occurredAt" showTime />
      <ActorField source="actorUsername" />
      <AuditActionField source="action" />
      <AuditEntityField source="entityType" />
      <TextField source="entityId" emptyText="—" />
      <TextField source="requestId" sx={hashStyle} emptyText="—" />
      <TextField source="ip" emptyText="—" />
      <ChangesField source="changes" />
      <TextField source="prevHash" sx={hashStyle} emptyText="—" />
      <TextField source="hash" sx={hashStyle} />
    </SimpleShowLayout>
  </Show>
);

export default AuditEventShow;
