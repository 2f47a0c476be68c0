import { Typography } from '@mui/material';
import type { ApplicationDetail } from '@qonys/domain';
import { ReferenceManyField, useRecordContext, useTranslate } from 'react-admin';
import { MessageRows } from './ApplicantMessageList';

/** On the case page: what the family was told, by which channel, and whether it arrived. */
export const CaseMessages = (_: { label?: string | false }) => {
  const record = useRecordContext<ApplicationDetail>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <ReferenceManyField
      reference="applicant-messages"
      target="applicationId"
      record={{ id: record.id }}
      sort={{ field: 'id', order: 'DESC' }}
      empty={
        <Typography variant="body2" color="text.secondary">
          {translate('app.applicant_messages.none_on_case')}
        </Typography>
      }
    >
      <MessageRows onCase />
    </ReferenceManyField>
  );
};
