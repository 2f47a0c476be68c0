import { QUOTA_CATEGORIES, type QuotaCategory, type QuotaView } from '@qonys/domain';
import { useSearchParams } from 'react-router-dom';
import {
  Alert,
  Box,
  Card,
  CardContent,
  Link as MuiLink,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { CreateButton, Link, Loading, Title, useGetList, useTranslate } from 'react-admin';
import { stackOnPhone } from '../common/stackOnPhone';
import { useFormatNumber } from '../common/useFormatNumber';
import { useRole } from '../common/useRole';
import { QuotaBar } from './QuotaBar';
import { thisYear } from './quotaChoices';
import { useRegionNames } from './useRegionNames';
import { YearCategoryPicker } from './YearCategoryPicker';

const FIGURES = ['capacity', 'reserved', 'settled', 'balance'] as const;

/**
 * The quota board of a year: each region's capacity, reserved, settled and balance
 * with a bar, and the totals. Figures are read live from GET /api/quotas; a row opens
 * the region's ledger. Every staff member sees every region; their own is marked.
 */
export const QuotaBoard = () => {
  const translate = useTranslate();
  const formatNumber = useFormatNumber();
  const { regionId: ownRegionId } = useRole();
  const { nameOf } = useRegionNames();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear();
  const categoryParam = params.get('category') as QuotaCategory | null;
  const category = categoryParam && QUOTA_CATEGORIES.includes(categoryParam) ? categoryParam : 'kandas';
  const { data, isPending, error } = useGetList<QuotaView>('quotas', {
    filter: { year, category },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'capacity', order: 'DESC' },
  });
  const rows = data ?? [];
  const totals = Object.fromEntries(
    FIGURES.map((figure) => [figure, rows.reduce((sum, row) => sum + row[figure], 0)]),
  ) as Record<(typeof FIGURES)[number], number>;

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.quotas.board_title', { year })} />
      <CardContent>
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <YearCategoryPicker
              year={year}
              category={category}
              onChange={(y, c) => setParams({ year: String(y), category: c }, { replace: true })}
            />
            <Box sx={{ flex: 1 }} />
            {/* CreateButton hides itself unless canAccess allows quotas.create (admins). */}
            <CreateButton resource="quotas" to={`/quotas/create?year=${year}&category=${category}`} />
          </Stack>
          {isPending ? (
            <Loading />
          ) : error ? (
            <Alert severity="error">{translate('app.quotas.load_error')}</Alert>
          ) : rows.length === 0 ? (
            <Alert severity="info">{translate('app.quotas.empty', { year })}</Alert>
          ) : (
            <Table size="small" aria-label={translate('app.quotas.board_title', { year })} sx={stackOnPhone}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.quotas.fields.regionId')}</TableCell>
                  {FIGURES.map((figure) => (
                    <TableCell key={figure} align="right">
                      {translate(`resources.quotas.fields.${figure}`)}
                    </TableCell>
                  ))}
                  <TableCell sx={{ width: '30%' }}>{translate('app.quotas.bar')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.id} hover data-region-id={row.regionId} selected={row.regionId === ownRegionId}>
                    <TableCell component="th" scope="row">
                      <MuiLink component={Link} to={`/quotas/${row.id}/show`}>
                        {nameOf(row.regionId)}
                      </MuiLink>
                    </TableCell>
                    {FIGURES.map((figure) => (
                      <TableCell
                        key={figure}
                        align="right"
                        data-field={figure}
                        data-label={translate(`resources.quotas.fields.${figure}`)}
                      >
                        {formatNumber(row[figure])}
                      </TableCell>
                    ))}
                    <TableCell>
                      <QuotaBar capacity={row.capacity} reserved={row.reserved} settled={row.settled} />
                    </TableCell>
                  </TableRow>
                ))}
                <TableRow data-region-id="total">
                  <TableCell component="th" scope="row">
                    <Typography variant="subtitle2">{translate('app.quotas.total')}</Typography>
                  </TableCell>
                  {FIGURES.map((figure) => (
                    <TableCell
                      key={figure}
                      align="right"
                      data-field={figure}
                      data-label={translate(`resources.quotas.fields.${figure}`)}
                      sx={{ fontWeight: 600 }}
                    >
                      {formatNumber(totals[figure])}
                    </TableCell>
                  ))}
                  <TableCell>
                    <QuotaBar capacity={totals.capacity} reserved={totals.reserved} settled={totals.settled} />
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
          )}
          <Typography variant="caption" color="text.secondary">
            {translate('app.quotas.unit_note')}
          </Typography>
        </Stack>
      </CardContent>
    </Card>
  );
};

export default QuotaBoard;
