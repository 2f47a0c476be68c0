import type { ReactNode } from 'react';
import { Box, Divider, Link as MuiLink, Typography } from '@mui/material';
import { Link, ReferenceField, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { type ApplicationDetail } from '@qonys/domain';
import { DateTimeField } from '../../common/DateTimeField';
import { CaseNumberField } from '../CaseNumberField';
import { DeadlineField } from '../DeadlineField';
import { StatusField } from '../StatusField';

const Item = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ minWidth: 150 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Box sx={{ typography: 'body2' }}>{children}</Box>
    </Box>
  );
};

/** The facts of a case at a glance, above the tabs. */
export const ApplicationSummary = () => {
  const record = useRecordContext<ApplicationDetail>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!record) return null;
  const field = (name: string) => `resources.applications.fields.${name}`;
  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3, p: 2 }} data-testid="application-summary">
        <Item label={field('number')}>
          <CaseNumberField source="number" />
        </Item>
        <Item label={field('status')}>
          <StatusField source="status" />
        </Item>
        <Item label={field('deadline')}>
          <DeadlineField source="deadlineDue" />
        </Item>
        <Item label={field('applicantName')}>
          <MuiLink component={Link} to={createPath({ resource: 'persons', id: record.applicantId, type: 'show' })}>
            {record.applicantName ?? `#${record.applicantId}`}
          </MuiLink>
        </Item>
        <Item label={field('memberCount')}>{record.memberCount}</Item>
        <Item label={field('regionId')}>
          <ReferenceField source="regionId" reference="regions" link={false} />
        </Item>
        <Item label={field('assignedToName')}>
          {record.assignedToName ?? (
            <Typography component="span" variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>
              {translate('app.not_assigned')}
            </Typography>
          )}
        </Item>
        <Item label={field('channel')}>{translate(`app.channels.${record.channel}`)}</Item>
        <Item label={field('createdAt')}>
          <DateTimeField source="createdAt" showTime />
        </Item>
        <Item label={field('submittedAt')}>
          <DateTimeField source="submittedAt" showTime />
        </Item>
      </Box>
      <Divider />
    </>
  );
};
