import { useState } from 'react';
import {
  Alert,
  Button,
  Chip,
  Link as MuiLink,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TablePagination,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { Link, useGetList, useRefresh, useTranslate } from 'react-admin';
import { type PlacementProposalRow, type QuotaView } from '@qonys/domain';
import { CaseFamily } from '../applications/CaseFamilyField';
import { canAccessAs } from '../providers/canAccess';
import { useDisplayedRowsLabel } from '../common/LocalePagination';
import { stackOnPhone } from '../common/stackOnPhone';
import { useFormatNumber, useFormatScore } from '../common/useFormatNumber';
import { useIsSmall } from '../common/useIsSmall';
import { useRole } from '../common/useRole';
import type { PlacementBatch } from '../providers/placementTypes';
import { useRegionNames } from '../quotas/useRegionNames';
import { OverrideDialog } from './OverrideDialog';
import { ReasonList } from './ReasonList';

const VIEWS = { all: {}, overridden: { overridden: true }, unplaced: { placed: false } } as const;
type View = keyof typeof VIEWS;

/**
 * The batch's proposal, one family a row (the API shows a regional official the
 * families proposed for their own region): the region, score and reasons, and
 * an override for each family not yet accepted.
 */
export const ProposalTable = ({ batch }: { batch: PlacementBatch }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const { nameOf } = useRegionNames();
  const formatNumber = useFormatNumber();
  const formatScore = useFormatScore();
  const displayedRows = useDisplayedRowsLabel();
  const isSmall = useIsSmall();
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(25);
  const [view, setView] = useState<View>('all');
  const [overriding, setOverriding] = useState<PlacementProposalRow | null>(null);
  const { data, total, error } = useGetList<PlacementProposalRow>(`placement/batches/${batch.id}/proposals`, {
    pagination: { page: page + 1, perPage },
    sort: { field: 'id', order: 'ASC' },
    filter: VIEWS[view],
  });
  const { data: quotas } = useGetList<QuotaView>('quotas', {
    filter: { year: batch.year, category: batch.category },
    pagination: { page: 1, perPage: 100 },
  });
  const regions = (quotas ?? [])
    .map((quota) => ({ id: quota.regionId, name: nameOf(quota.regionId) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const { role, regionId } = useRole();
  const user = role === null ? null : { role, regionId };
  const mayOverride = (proposal: PlacementProposalRow) =>
    batch.status === 'proposed' &&
    proposal.acceptedAt === null &&
    canAccessAs(user, { action: 'edit', resource: 'placement', record: { regionId: proposal.finalRegionId } });

  return (
    <>
      <ToggleButtonGroup
        size="small"
        exclusive
        sx={{ flexWrap: 'wrap' }}
        value={view}
        onChange={(_, value: View | null) => {
          if (value) {
            setView(value);
            setPage(0);
          }
        }}
      >
        {(Object.keys(VIEWS) as View[]).map((key) => (
          <ToggleButton key={key} value={key}>
            {translate(`app.placement.views.${key}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {error ? (
        <Alert severity="error">{translate('app.placement.load_error')}</Alert>
      ) : (
        <Table size="small" aria-label={translate('app.placement.proposals')} sx={stackOnPhone}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.placement.fields.applicationId')}</TableCell>
              <TableCell align="right">{translate('resources.placement.fields.persons')}</TableCell>
              <TableCell>{translate('resources.placement.fields.proposedRegionId')}</TableCell>
              <TableCell align="right">{translate('resources.placement.fields.score')}</TableCell>
              <TableCell>{translate('resources.placement.fields.reasons')}</TableCell>
              <TableCell>{translate('resources.placement.fields.status')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(data ?? []).map((proposal) => (
              <TableRow key={proposal.id} data-proposal-id={proposal.id} data-application-id={proposal.applicationId}>
                <TableCell>
                  <MuiLink component={Link} to={`/inclusion-requests/${proposal.inclusionRequestId}/show`}>
                    <CaseFamily names={proposal} />
                  </MuiLink>
                </TableCell>
                <TableCell
                  align="right"
                  data-field="persons"
                  data-label={translate('resources.placement.fields.persons')}
                >
                  {formatNumber(proposal.persons)}
                </TableCell>
                <TableCell data-field="region">
                  {proposal.overrideRegionId !== null ? (
                    <>
                      <Typography variant="body2" sx={{ textDecoration: 'line-through' }} color="text.secondary">
                        {proposal.proposedRegionId === null
                          ? translate('app.placement.no_room')
                          : nameOf(proposal.proposedRegionId)}
                      </Typography>
                      <Typography variant="body2">{nameOf(proposal.overrideRegionId)}</Typography>
                      <Typography variant="caption" color="text.secondary">
                        {translate('app.placement.override_because', { reason: proposal.overrideReason ?? '' })}
                      </Typography>
                    </>
                  ) : proposal.proposedRegionId === null ? (
                    translate('app.placement.no_room')
                  ) : (
                    nameOf(proposal.proposedRegionId)
                  )}
                </TableCell>
                <TableCell align="right" data-label={translate('resources.placement.fields.score')}>
                  {formatScore(proposal.score)}
                </TableCell>
                <TableCell>{proposal.reasons && <ReasonList reasons={proposal.reasons} limit={3} />}</TableCell>
                <TableCell>
                  {proposal.acceptedAt !== null ? (
                    <Chip size="small" color="success" label={translate('app.placement.accepted')} />
                  ) : proposal.overrideRegionId !== null ? (
                    <Chip size="small" color="warning" label={translate('app.placement.overridden_chip')} />
                  ) : (
                    <Chip size="small" label={translate('app.placement.proposed')} />
                  )}
                </TableCell>
                <TableCell>
                  {mayOverride(proposal) && (
                    <Button size="small" onClick={() => setOverriding(proposal)}>
                      {translate('app.placement.override')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <TablePagination
        component="div"
        count={total ?? 0}
        page={page}
        rowsPerPage={perPage}
        rowsPerPageOptions={isSmall ? [] : [25, 50, 100]}
        onPageChange={(_, next) => setPage(next)}
        onRowsPerPageChange={(event) => {
          setPerPage(Number(event.target.value));
          setPage(0);
        }}
        labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
        labelDisplayedRows={displayedRows}
      />
      {overriding && (
        <OverrideDialog
          proposal={overriding}
          regions={regions}
          onClose={() => setOverriding(null)}
          onDone={() => {
            setOverriding(null);
            refresh();
          }}
        />
      )}
    </>
  );
};
