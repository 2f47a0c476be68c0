import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { LABOUR_DEMAND_IMPORT_COLUMNS } from '@qonys/domain';
import { useTranslate } from 'react-admin';
import { saveFile } from '../common/saveFile';

/** A file with just the header row, to fill in a spreadsheet. */
const downloadTemplate = () =>
  saveFile(
    new Blob([`${LABOUR_DEMAND_IMPORT_COLUMNS.join(',')}\r\n`], { type: 'text/csv;charset=utf-8' }),
    'labour-demand-template.csv',
  );

/**
 * What the import file must look like: the header names exactly as the API reads them
 * (English, whatever the UI language), each explained in the reader's language, and a template.
 */
export const ImportColumnsHelp = () => {
  const translate = useTranslate();
  return (
    <Alert severity="info" icon={false}>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('app.labour_import.columns_intro')}
      </Typography>
      <Table size="small" aria-label={translate('app.labour_import.columns_title')}>
        <TableBody>
          {LABOUR_DEMAND_IMPORT_COLUMNS.map((column) => (
            <TableRow key={column} data-testid="import-column">
              <TableCell sx={{ whiteSpace: 'nowrap', width: '1%' }}>
                <Box component="code" sx={{ fontFamily: 'monospace', fontWeight: 600 }}>
                  {column}
                </Box>
              </TableCell>
              <TableCell>{translate(`app.labour_import.columns.${column}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {translate('app.labour_demand.import_help')}
      </Typography>
      <Button size="small" startIcon={<DownloadIcon />} onClick={downloadTemplate} sx={{ mt: 1 }}>
        {translate('app.labour_import.template')}
      </Button>
    </Alert>
  );
};
