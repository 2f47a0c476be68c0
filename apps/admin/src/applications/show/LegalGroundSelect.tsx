import { useState } from 'react';
import type { LegalGroundKind } from '@qonys/domain';
import { ListItemText, MenuItem, TextField } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { todayInKazakhstan } from '@qonys/domain';
import { useLocalizedName, useLocalizedText } from '../../common/localizedName';
import type { LocalizedNames } from '../../providers/dataProvider';

interface LegalGround extends LocalizedNames {
  id: number;
  code: string;
  sourceKk: string;
  sourceRu: string;
  sourceEn: string;
}

/** The legal grounds of one kind that are valid today, by name and legal basis in the UI language. */
export const LegalGroundSelect = ({
  kind,
  value,
  onChange,
  error,
}: {
  kind: LegalGroundKind;
  value: number | '';
  onChange: (id: number) => void;
  error?: string;
}) => {
  const translate = useTranslate();
  const name = useLocalizedName();
  const text = useLocalizedText();
  const [today] = useState(todayInKazakhstan);
  const { data = [], isPending } = useGetList<LegalGround>('legal-grounds', {
    filter: { kind, validOn: today },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'id', order: 'ASC' },
  });
  const empty = !isPending && data.length === 0;
  return (
    <TextField
      select
      required
      fullWidth
      name="legalGroundId"
      label={translate('app.transition_dialog.legal_ground')}
      value={value}
      onChange={(event) => onChange(Number(event.target.value))}
      error={Boolean(error) || empty}
      helperText={error ?? (empty ? translate('app.transition_dialog.no_legal_grounds') : ' ')}
      disabled={isPending || empty}
      // The field shows the chosen ground's name; the open list adds each one's legal basis.
      slotProps={{ select: { renderValue: (id) => name(data.find((ground) => ground.id === id)) } }}
    >
      {data.map((ground) => (
        <MenuItem key={ground.id} value={ground.id} sx={{ whiteSpace: 'normal' }}>
          <ListItemText primary={name(ground)} secondary={text(ground, 'source')} />
        </MenuItem>
      ))}
    </TextField>
  );
};
