import { transliterateKazakhToLatin } from '@qonys/domain';
import { TextInput, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';

/** A Latin name: left empty, the API fills it from the Cyrillic one; the hint shows what it will be. */
export const LatinNameInput = ({ source, from }: { source: string; from: string }) => {
  const translate = useTranslate();
  const cyrillic = useWatch({ name: from }) as string | null | undefined;
  const latin = cyrillic ? transliterateKazakhToLatin(cyrillic) : '';
  return (
    <TextInput source={source} fullWidth helperText={latin ? translate('app.latin_generated', { latin }) : false} />
  );
};
