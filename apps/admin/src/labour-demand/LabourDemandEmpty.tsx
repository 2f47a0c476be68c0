import { Box, Stack, Typography } from '@mui/material';
import { CreateButton, useCanAccess, useTranslate } from 'react-admin';
import { ImportButton } from './ImportButton';

/** No labour demand yet: react-admin's empty page would hide the toolbar, and with it the import. */
export const LabourDemandEmpty = () => {
  const translate = useTranslate();
  const { canAccess: canCreate } = useCanAccess({ resource: 'labour-demand', action: 'create' });
  return (
    <Box sx={{ textAlign: 'center', py: 6, px: 2, width: '100%' }} data-testid="labour-demand-empty">
      <Typography variant="h6" component="p" color="text.secondary" gutterBottom>
        {translate('app.labour_import.empty')}
      </Typography>
      {canCreate && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.labour_import.empty_invite')}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ justifyContent: 'center' }}>
            <CreateButton variant="contained" />
            <ImportButton />
          </Stack>
        </>
      )}
    </Box>
  );
};
