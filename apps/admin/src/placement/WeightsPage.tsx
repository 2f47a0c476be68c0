import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { PLACEMENT_WEIGHT_KEYS, type PlacementWeightKey } from '@qonys/domain';
import { Alert, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { Loading, Title, useCanAccess, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { fieldErrorsOf, messageOf } from '../common/errors';
import type { QonysDataProvider } from '../providers/dataProvider';

/** The weights of the six placement criteria: every staff member reads them, an administrator changes them. */
export const WeightsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const { canAccess: canEdit } = useCanAccess({ resource: 'placement-weights', action: 'edit' });
  const { data, refetch } = useQuery({
    queryKey: ['placement', 'weights'],
    queryFn: () => dataProvider.getPlacementWeights(),
  });
  /** Only what the admin typed; the rest shows the stored weight. */
  const [values, setValues] = useState<Partial<Record<PlacementWeightKey, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!data) return <Loading />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changed = data
      .filter((w) => values[w.key] !== undefined && Number(values[w.key]) !== Number(w.weight))
      .map((w) => ({ key: w.key, weight: Number(values[w.key]), version: w.version }));
    if (changed.some((w) => !Number.isFinite(w.weight) || w.weight < 0 || w.weight > 100))
      return setError(translate('app.placement.weight_range'));
    if (changed.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      await dataProvider.updatePlacementWeights(changed);
      notify('ra.notification.updated', { type: 'success', messageArgs: { smart_count: changed.length } });
      await refetch();
      setValues({});
    } catch (caught) {
      setError(Object.values(fieldErrorsOf(caught)).join(' ') || messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 640 }}>
      <Title title={translate('resources.placement-weights.name', { smart_count: 2 })} />
      <CardContent>
        <form onSubmit={submit} noValidate>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              {translate('app.placement.weights_help')}
            </Typography>
            {error && <Alert severity="error">{translate(error, { _: error })}</Alert>}
            {PLACEMENT_WEIGHT_KEYS.filter((key) => data.some((w) => w.key === key)).map((key) => (
              <TextField
                key={key}
                name={key}
                type="number"
                label={translate(`app.placement.criteria.${key}`)}
                value={values[key] ?? String(Number(data.find((w) => w.key === key)?.weight ?? 0))}
                disabled={!canEdit}
                onChange={(event) => setValues({ ...values, [key]: event.target.value })}
                slotProps={{ htmlInput: { min: 0, max: 100, step: 0.1 } }}
              />
            ))}
            {canEdit && (
              <Button type="submit" variant="contained" disabled={busy} sx={{ alignSelf: 'flex-start' }}>
                {translate('ra.action.save')}
              </Button>
            )}
          </Stack>
        </form>
      </CardContent>
    </Card>
  );
};

export default WeightsPage;
