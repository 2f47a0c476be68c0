import type { ReactNode } from 'react';
import { Alert, Box, Chip, Divider, Link, Stack, Typography } from '@mui/material';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { type ApplicationDetail } from '@qonys/domain';
import { useFormatCalendarDate, useFormatDateTime } from '../../common/CalendarDate';
import { useLocalizedName } from '../../common/localizedName';
import type { LocalizedNames } from '../../providers/dataProvider';
import { StatusChip } from '../StatusField';
import { InclusionSection } from './InclusionSection';
import { PaperDownloads } from './PaperDownloads';

const Fact = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ minWidth: 180 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Box sx={{ typography: 'body2' }} data-testid={testId}>
        {children}
      </Box>
    </Box>
  );
};

const LegalGroundName = ({ id }: { id: number }) => {
  const name = useLocalizedName();
  const { data } = useGetOne<LocalizedNames & { id: number }>('legal-grounds', { id });
  return <>{data ? name(data) : `#${id}`}</>;
};

/** The decision: status, legal ground, comment, validity, certificate, papers and the public check. */
export const DecisionTab = (_props: { label?: false }) => {
  const record = useRecordContext<ApplicationDetail>();
  const translate = useTranslate();
  const formatDate = useFormatCalendarDate();
  const formatDateTime = useFormatDateTime();
  if (!record) return null;
  const field = (name: string) => `resources.applications.fields.${name}`;
  const certificate = record.certificate;
  if (!record.decidedAt && !certificate) {
    return <Alert severity="info">{translate('app.decision.none_yet')}</Alert>;
  }
  return (
    <Stack spacing={2} data-testid="decision-tab">
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3 }}>
        <Fact label={field('status')}>
          <StatusChip status={record.status} />
        </Fact>
        <Fact label={field('decidedAt')}>{formatDateTime(record.decidedAt)}</Fact>
        {record.legalGroundId !== null && (
          <Fact label={field('legalGroundId')} testId="decision-legal-ground">
            <LegalGroundName id={record.legalGroundId} />
          </Fact>
        )}
        {record.statusValidFrom && (
          <Fact label="app.decision.validity" testId="status-validity">
            {translate('app.decision.validity_range', {
              from: formatDate(record.statusValidFrom),
              to: formatDate(record.statusValidTo),
            })}
          </Fact>
        )}
        {record.extensionCount > 0 && <Fact label={field('extensionCount')}>{record.extensionCount}</Fact>}
      </Box>
      {record.decisionComment && (
        <Fact label={field('decisionComment')}>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {record.decisionComment}
          </Typography>
        </Fact>
      )}
      <Divider />
      <Typography variant="subtitle2" component="h3">
        {translate('app.decision.certificate')}
      </Typography>
      {certificate ? (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3, alignItems: 'flex-start' }}>
          <Fact label={field('certificateNumber')} testId="certificate-number">
            <Typography component="span" sx={{ fontFamily: 'monospace' }}>
              {certificate.number}
            </Typography>
          </Fact>
          <Fact label={field('issuedOn')}>{formatDate(certificate.issuedOn)}</Fact>
          <Fact label={field('validFrom')}>{formatDate(certificate.validFrom)}</Fact>
          <Fact label={field('validTo')}>{formatDate(certificate.validTo)}</Fact>
          {certificate.revokedAt && (
            <Chip
              color="error"
              label={translate('app.decision.certificate_revoked', { date: formatDateTime(certificate.revokedAt) })}
            />
          )}
          <Link
            href={`/verify/${encodeURIComponent(certificate.number)}`}
            target="_blank"
            rel="noopener"
            sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, alignSelf: 'center' }}
            data-testid="verify-link"
          >
            {translate('app.decision.verify_page')}
            <OpenInNewIcon fontSize="inherit" />
          </Link>
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('app.decision.no_certificate')}
        </Typography>
      )}
      <Divider />
      <PaperDownloads application={record} />
      {record.status === 'approved' && <InclusionSection application={record} />}
    </Stack>
  );
};
