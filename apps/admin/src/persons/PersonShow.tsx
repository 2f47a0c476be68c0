import type { ReactNode } from 'react';
import { Alert, Box, Divider, Link as MuiLink, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  Button,
  EditButton,
  Labeled,
  Link,
  ReferenceField,
  SelectField,
  Show,
  TextField,
  TopToolbar,
  useCreatePath,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CalendarDateField, DateTimeField } from '../common/DateTimeField';
import type { Person } from '../providers/personTypes';
import { EDUCATION_LEVEL_CHOICES, ID_DOCUMENT_TYPE_CHOICES, SEX_CHOICES } from './personChoices';
import { LanguagesField } from '../common/world/LanguagesField';
import { CountryField, OtherSpellingsField } from './personDisplay';
import { PersonAccessLog } from './PersonAccessLog';
import { PersonCases } from './PersonCases';
import { EthnicityMark } from './EthnicityMark';
import { ErasePersonButton } from './ErasePersonButton';
import { useDuplicatesPath } from './useDuplicateCheck';
import { useRole } from '../common/useRole';
import { canAccessAs } from '../providers/canAccess';

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        {translate(`app.person_sections.${title}`)}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 4, rowGap: 1.5 }}>{children}</Box>
    </Box>
  );
};

const Text = ({ source }: { source: keyof Person }) => (
  <Labeled source={source}>
    <TextField source={source} emptyText="—" />
  </Labeled>
);

/** Opens the duplicate review of this person. */
const DuplicatesButton = () => {
  const record = useRecordContext<Person>();
  const duplicatesPath = useDuplicatesPath();
  const { role, regionId } = useRole();
  if (!record || record.mergedIntoId !== null) return null;
  // Asked synchronously: useCanAccess for 'show' on persons inside the persons Show shares the
  // Show's own access query; cancelled when this toolbar unmounted, it left the page "Loading".
  if (
    !canAccessAs(role && { role, regionId }, {
      resource: 'persons',
      action: 'show',
      record: { regionId: record.regionId },
    })
  )
    return null;
  return (
    <Button
      component={Link}
      to={duplicatesPath(record.id)}
      label="app.duplicates.button"
      data-testid="duplicates-button"
    >
      <ContentCopyIcon />
    </Button>
  );
};

const ErasedNotice = () => {
  const record = useRecordContext<Person>();
  const translate = useTranslate();
  if (!record?.erasedAt) return null;
  return (
    <Alert severity="info" sx={{ mb: 2 }}>
      {translate('app.erasure.erased_notice')}
    </Alert>
  );
};

const MergedNotice = () => {
  const record = useRecordContext<Person>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!record?.mergedIntoId) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }}>
      <MuiLink component={Link} to={createPath({ resource: 'persons', id: record.mergedIntoId, type: 'show' })}>
        {translate('app.merged_into', { id: record.mergedIntoId })}
      </MuiLink>
    </Alert>
  );
};

/** A merged or erased record is history: the API refuses to edit it. */
const EditPersonButton = () => {
  const record = useRecordContext<Person>();
  return record && record.mergedIntoId === null && record.erasedAt === null ? <EditButton /> : null;
};

const PersonShowActions = () => (
  <TopToolbar>
    <DuplicatesButton />
    <EditPersonButton />
    <ErasePersonButton />
  </TopToolbar>
);

const EthnicityLine = () => {
  const record = useRecordContext<Person>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Labeled source="ethnicity">
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
        <Typography variant="body2">
          {translate(`app.ethnicities.${record.ethnicity}`, { _: record.ethnicity })}
        </Typography>
        <EthnicityMark ethnicity={record.ethnicity} />
      </Box>
    </Labeled>
  );
};

/** Everything known about a person, by section, and the cases they applied in. */
export const PersonShow = () => (
  <Show actions={<PersonShowActions />}>
    <Box sx={{ p: 2 }}>
      <MergedNotice />
      <ErasedNotice />
      <Section title="names">
        <Text source="surname" />
        <Text source="givenName" />
        <Text source="patronymic" />
        <Text source="surnameLatin" />
        <Text source="givenNameLatin" />
        <Text source="patronymicLatin" />
        <Labeled source="otherSpellings">
          <OtherSpellingsField source="otherSpellings" />
        </Labeled>
      </Section>
      <Section title="birth">
        <Labeled source="birthDate">
          <CalendarDateField source="birthDate" />
        </Labeled>
        <Labeled source="sex">
          <SelectField source="sex" choices={SEX_CHOICES} />
        </Labeled>
        <Text source="iin" />
        <EthnicityLine />
      </Section>
      <Section title="origin">
        <Labeled source="citizenship">
          <CountryField source="citizenship" />
        </Labeled>
        <Labeled source="countryOfOrigin">
          <CountryField source="countryOfOrigin" />
        </Labeled>
        <Labeled source="regionId">
          <ReferenceField source="regionId" reference="regions" link={false} />
        </Labeled>
      </Section>
      <Section title="document">
        <Labeled source="idDocumentType">
          <SelectField source="idDocumentType" choices={ID_DOCUMENT_TYPE_CHOICES} emptyText="—" />
        </Labeled>
        <Text source="idDocumentNumber" />
        <Text source="idDocumentIssuer" />
        <Labeled source="idDocumentExpiry">
          <CalendarDateField source="idDocumentExpiry" />
        </Labeled>
      </Section>
      <Section title="education">
        <Labeled source="educationLevel">
          <SelectField source="educationLevel" choices={EDUCATION_LEVEL_CHOICES} emptyText="—" />
        </Labeled>
        <Text source="profession" />
        <Labeled source="languages">
          <LanguagesField source="languages" />
        </Labeled>
      </Section>
      <Section title="contacts">
        <Text source="phone" />
        <Text source="email" />
        <Text source="addressAbroad" />
        <Text source="addressKz" />
      </Section>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 4 }}>
        <Labeled source="createdAt">
          <DateTimeField source="createdAt" showTime />
        </Labeled>
        <Labeled source="updatedAt">
          <DateTimeField source="updatedAt" showTime />
        </Labeled>
      </Box>
      <Divider sx={{ my: 2 }} />
      <PersonCases />
      <PersonAccessLog />
    </Box>
  </Show>
);

export default PersonShow;
