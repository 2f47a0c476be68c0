import { type ReactNode, useState } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
  Link as MuiLink,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { toCsv } from '../common/export/csv';
import { saveFile } from '../common/saveFile';

export interface FigureColumn<R> {
  label: string;
  /** The cell as the table and the CSV show it (already in the UI language). */
  value: (row: R) => string | number;
}

interface FigureCardProps<R> {
  id: string;
  title: string;
  rows: readonly R[];
  columns: readonly FigureColumn<R>[];
  chart: ReactNode;
  /** The list this row counts, where the list has such a filter. */
  linkFor?: (row: R) => string;
  fileName: string;
  note?: ReactNode;
}

/** One figure: its chart or its table (the same rows), a CSV of them, and links to the lists they count. */
export function FigureCard<R>({ id, title, rows, columns, chart, linkFor, fileName, note }: FigureCardProps<R>) {
  const translate = useTranslate();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const download = () => {
    const header = columns.map((c) => c.label);
    const csv = toCsv(
      header,
      rows.map((row) => columns.map((c) => c.value(row))),
    );
    saveFile(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName);
  };
  return (
    <Card variant="outlined" sx={{ height: '100%', minWidth: 0 }} data-testid={`figure-${id}`}>
      <CardContent>
        <Typography variant="subtitle1" component="h2" gutterBottom>
          {title}
        </Typography>
        {rows.length === 0 ? (
          <Typography variant="body2" color="text.secondary" data-testid={`figure-${id}-empty`}>
            {translate('app.monitoring.empty')}
          </Typography>
        ) : (
          <>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', mb: 1 }}>
              <ToggleButtonGroup
                size="small"
                exclusive
                value={view}
                onChange={(_, next: 'chart' | 'table' | null) => next && setView(next)}
              >
                <ToggleButton value="chart" data-testid={`figure-${id}-chart-view`}>
                  {translate('app.monitoring.view.chart')}
                </ToggleButton>
                <ToggleButton value="table" data-testid={`figure-${id}-table-view`}>
                  {translate('app.monitoring.view.table')}
                </ToggleButton>
              </ToggleButtonGroup>
              <Button size="small" startIcon={<DownloadIcon />} onClick={download} data-testid={`figure-${id}-csv`}>
                {translate('app.monitoring.view.download')}
              </Button>
            </Box>
            {view === 'chart' ? (
              <Box sx={{ width: '100%', minWidth: 0 }}>{chart}</Box>
            ) : (
              <Box sx={{ overflowX: 'auto', maxHeight: 360 }}>
                <Table size="small" stickyHeader data-testid={`figure-${id}-table`}>
                  <TableHead>
                    <TableRow>
                      {columns.map((c) => (
                        <TableCell key={c.label}>{c.label}</TableCell>
                      ))}
                      {linkFor && <TableCell />}
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {rows.map((row, index) => (
                      <TableRow key={index}>
                        {columns.map((c) => (
                          <TableCell key={c.label}>{c.value(row)}</TableCell>
                        ))}
                        {linkFor && (
                          <TableCell>
                            <MuiLink component={Link} to={linkFor(row)}>
                              {translate('app.monitoring.open_list')}
                            </MuiLink>
                          </TableCell>
                        )}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
            )}
          </>
        )}
        {note}
      </CardContent>
    </Card>
  );
}
