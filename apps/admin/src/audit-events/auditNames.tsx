import { FunctionField, useTranslate } from 'react-admin';

interface AuditNamed {
  action: string;
  entityType: string | null;
}

/** The audit action and record kind, stored as codes, named in the UI language (the code if unknown). */
export function useAuditNames() {
  const translate = useTranslate();
  return {
    action: (record: AuditNamed) => translate(`names.audit_actions.${record.action}`, { _: record.action }),
    entity: (record: AuditNamed) =>
      record.entityType ? translate(`names.entities.${record.entityType}`, { _: record.entityType }) : '',
  };
}

export const AuditActionField = (_: { source: 'action' }) => {
  const names = useAuditNames();
  return <FunctionField<AuditNamed> source="action" render={names.action} />;
};

export const AuditEntityField = (_: { source: 'entityType' }) => {
  const names = useAuditNames();
  return <FunctionField<AuditNamed> source="entityType" render={names.entity} />;
};
