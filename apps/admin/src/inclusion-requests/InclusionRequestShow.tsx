import { useState } from 'react';
import { Box, Button, Link as MuiLink, Stack, Typography } from '@mui/material';
import {
  FunctionField,
  Link,
  Show,
  SimpleShowLayout,
  TextField,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { type InclusionRequestRow } from '@qonys/domain';
import { CalendarDateField, CountField, DateTimeField } from '../common/DateTimeField';
import { RecommendationPanel } from '../placement/RecommendationPanel';
import { useRegionNames } from '../quotas/useRegionNames';
import { DecisionDialog, type DecisionKind } from './DecisionDialog';

const DecisionButtons = () => {
  const request = useRecordContext<InclusionRequestRow>();
  const translate = useTranslate();
  const [kind, setKind] = useState<DecisionKind | null>(null);
  const { canAccess } = useCanAccess({
    resource: 'inclusion-requests',
    action: 'edit',
    record: request ? { regionId: request.regionId } : undefined,
  });
  if (!request || !canAccess) return null;
  const kinds: DecisionKind[] =
    request.status === 'submitted'
      ? ['include', 'refuse', 'withdraw']
      : request.status === 'included'
        ? ['withdraw']
        : [];
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {kinds.map((k) => (
        <Button
          key={k}
          variant={k === 'include' ? 'contained' : 'outlined'}
          color={k === 'include' ? 'success' : 'error'}
          onClick={() => setKind(k)}
        >
          {translate(`app.inclusion.actions.${k}`)}
        </Button>
      ))}
      {kind && <DecisionDialog request={request} kind={kind} onClose={() => setKind(null)} />}
    </Stack>
  );
};

const RegionList = ({ source }: { source: 'preferredRegionIds' | 'relativesRegionIds' }) => {
  const { nameOf } = useRegionNames();
  return (
    <FunctionField<InclusionRequestRow>
      source={source}
      render={(record) => record[source].map((id, i) => `${i + 1}. ${nameOf(id)}`).join('; ') || '—'}
    />
  );
};

/** The family by name, and its case: a link for those who may open it (an official of another region may not). */
const CaseHeading = () => {
  const request = useRecordContext<InclusionRequestRow>();
  const translate = useTranslate();
  const { canAccess: canOpenCase } = useCanAccess({
    resource: 'applications',
    action: 'show',
    record: request ? { regionId: request.caseRegionId } : undefined,
  });
  if (!request) return null;
  const number = request.applicationNumber ?? `#${request.applicationId}`;
  return (
    <Stack spacing={0.5}>
      {request.applicantName && (
        <Typography variant="h6" component="h2" data-testid="inclusion-family">
          {request.applicantName}
        </Typography>
      )}
      {canOpenCase ? (
        <MuiLink component={Link} to={`/applications/${request.applicationId}/show`}>
          {translate('app.inclusion.open_case', { id: number })}
        </MuiLink>
      ) : (
        <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
          {number}
        </Typography>
      )}
    </Stack>
  );
};

const Recommendations = () => {
  const request = useRecordContext<InclusionRequestRow>();
  return request?.status === 'submitted' ? <RecommendationPanel applicationId={request.applicationId} /> : null;
};

/** One inclusion request: the family's preferences and plan, the decision, and where the family would fit best. */
export const InclusionRequestShow = () => {
  const translate = useTranslate();
  const { nameOf } = useRegionNames();
  return (
    <Show actions={false}>
      <SimpleShowLayout>
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <CaseHeading />
          <Box sx={{ flex: 1 }} />
          <DecisionButtons />
        </Stack>
        <FunctionField<InclusionRequestRow>
          source="status"
          render={(record) => translate(`app.inclusion.statuses.${record.status}`)}
        />
        <TextField source="year" />
        <CountField source="persons" />
        <FunctionField<InclusionRequestRow> source="regionId" render={(record) => nameOf(record.regionId)} />
        <RegionList source="preferredRegionIds" />
        <RegionList source="relativesRegionIds" />
        <FunctionField<InclusionRequestRow>
          source="adaptationServices"
          render={(record) =>
            record.adaptationServices.map((s) => translate(`app.inclusion.services.${s}`)).join(', ') || '—'
          }
        />
        <TextField source="adaptationNotes" emptyText="—" />
        <CalendarDateField source="deadlineDue" />
        <DateTimeField source="decidedAt" showTime />
        <TextField source="refusalReason" emptyText="—" />
        <Recommendations />
      </SimpleShowLayout>
    </Show>
  );
};

export default InclusionRequestShow;
