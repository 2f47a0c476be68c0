import type { ReactNode } from 'react';
import { Stack, Typography } from '@mui/material';
import {
  AutocompleteInput,
  DateInput,
  required,
  SelectInput,
  TextArrayInput,
  TextInput,
  useTranslate,
} from 'react-admin';
import { useRole } from '../common/useRole';
import { LanguagesInput } from '../common/world/LanguagesInput';
import { useCountryChoices, worldSearch } from '../common/world/useWorldChoices';
import { RegionReferenceInput } from '../users/RegionReferenceInput';
import { EthnicityInput } from './EthnicityInput';
import { IinInput } from './IinInput';
import { LatinNameInput } from './LatinNameInput';
import { EDUCATION_LEVEL_CHOICES, ID_DOCUMENT_TYPE_CHOICES, SEX_CHOICES } from './personChoices';

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 0.5 }}>
        {translate(`app.person_sections.${title}`)}
      </Typography>
      {children}
    </>
  );
};

const Row = ({ children }: { children: ReactNode }) => (
  <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
    {children}
  </Stack>
);

/** Every field of a person, in the order of the forms they are copied from; shared by create and edit. */
export const PersonInputs = () => {
  const { nationwide } = useRole();
  const countries = useCountryChoices();
  return (
    <>
      <Section title="names">
        <Row>
          <TextInput source="surname" validate={required()} fullWidth />
          <TextInput source="givenName" validate={required()} fullWidth />
          <TextInput source="patronymic" fullWidth />
        </Row>
        <Row>
          <LatinNameInput source="surnameLatin" from="surname" />
          <LatinNameInput source="givenNameLatin" from="givenName" />
          <LatinNameInput source="patronymicLatin" from="patronymic" />
        </Row>
        <TextArrayInput source="otherSpellings" fullWidth />
      </Section>
      <Section title="birth">
        <Row>
          <DateInput source="birthDate" validate={required()} />
          <SelectInput source="sex" choices={SEX_CHOICES} validate={required()} />
          <IinInput />
          <EthnicityInput />
        </Row>
      </Section>
      <Section title="origin">
        <Row>
          <AutocompleteInput source="citizenship" choices={countries} {...worldSearch} fullWidth />
          <AutocompleteInput source="countryOfOrigin" choices={countries} {...worldSearch} fullWidth />
        </Row>
        {nationwide && <RegionReferenceInput validate={required()} />}
      </Section>
      <Section title="document">
        <Row>
          <SelectInput source="idDocumentType" choices={ID_DOCUMENT_TYPE_CHOICES} />
          <TextInput source="idDocumentNumber" />
          <TextInput source="idDocumentIssuer" fullWidth />
          <DateInput source="idDocumentExpiry" />
        </Row>
      </Section>
      <Section title="education">
        <Row>
          <SelectInput source="educationLevel" choices={EDUCATION_LEVEL_CHOICES} />
          <TextInput source="profession" fullWidth />
        </Row>
        <LanguagesInput />
      </Section>
      <Section title="contacts">
        <Row>
          <TextInput source="phone" type="tel" />
          <TextInput source="email" type="email" />
        </Row>
        <Row>
          <TextInput source="addressAbroad" fullWidth multiline />
          <TextInput source="addressKz" fullWidth multiline />
        </Row>
      </Section>
    </>
  );
};
