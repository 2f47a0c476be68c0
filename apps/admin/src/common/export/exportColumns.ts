import type { RaRecord, TranslateFunction } from 'react-admin';
import { localizedText } from '../localizedName';

/** What a column's value may need beyond the record. */
export interface ExportHelpers {
  translate: TranslateFunction;
  locale: string;
  /** A region's name in the UI language ('' for none). */
  regionName(regionId: unknown): string;
}

/**
 * One column of a list's CSV: `source` is the record field and names the header
 * (`resources.<resource>.fields.<source>`, or `label`); `value` turns the record
 * into the cell when the field alone is not what the list shows.
 */
export interface ExportColumn {
  source: string;
  label?: string;
  value?: (record: RaRecord, helpers: ExportHelpers) => unknown;
}

const translated =
  (prefix: string) =>
  (source: string): ExportColumn => ({
    source,
    value: (record, { translate }) => (record[source] == null ? '' : translate(`${prefix}.${record[source]}`)),
  });
const region = (source = 'regionId'): ExportColumn => ({
  source,
  value: (record, { regionName }) => regionName(record[source]),
});
const regions = (source: string): ExportColumn => ({
  source,
  value: (record, { regionName }) => ((record[source] as number[] | undefined) ?? []).map(regionName).join('; '),
});
/** A text kept in kk/ru/en columns (`<base>Kk`…), in the reader's language. */
const localizedColumn = (source: string, base: string): ExportColumn => ({
  source,
  value: (record, { locale }) => localizedText(record, base, locale),
});
const localized = (resource: string): ExportColumn => ({
  ...localizedColumn('name', 'name'),
  label: `resources.${resource}.fields.name`,
});
const caseNumber: ExportColumn = {
  source: 'applicationId',
  value: (record) => record.applicationNumber ?? `#${record.applicationId}`,
};
const validity = ['validFrom', 'validTo'];

/**
 * The CSV columns of each list the admin still exports itself: what the list shows, no
 * more, with enumerations and regions in the reader's language rather than codes. The
 * lists the server exports (EXPORT_COLUMNS in libs/domain) are not here.
 */
export const EXPORT_COLUMNS: Record<string, readonly (string | ExportColumn)[]> = {
  users: [
    'username',
    'fullName',
    'email',
    translated('app.roles')('role'),
    region(),
    'disabled',
    'mfaEnabled',
    'lockedUntil',
    'lastLoginAt',
  ],
  'audit-events': ['id', 'occurredAt', 'actorUsername', 'action', 'entityType', 'entityId', 'requestId', 'ip'],
  'inclusion-requests': [
    'id',
    caseNumber,
    'applicantName',
    'year',
    'persons',
    region(),
    regions('preferredRegionIds'),
    translated('app.inclusion.statuses')('status'),
    'deadlineDue',
    'createdAt',
  ],
  'labour-demand': ['year', region(), 'occupation', 'vacancies', 'source'],
  'region-capacities': ['year', region(), 'housingUnits', 'adaptationCentrePlaces', 'languages', 'source'],
  regions: ['code', localized('regions'), localizedColumn('centre', 'centre'), 'settlementYears', ...validity],
  'document-types': [
    'sortOrder',
    'key',
    localized('document-types'),
    translated('app.document_scopes')('scope'),
    translated('app.document_conditions')('condition'),
    'required',
    ...validity,
  ],
  'legal-grounds': [
    translated('app.legal_ground_kinds')('kind'),
    'code',
    localized('legal-grounds'),
    localizedColumn('legalBasis', 'source'),
    'source',
    ...validity,
  ],
  deadlines: [
    'key',
    localized('deadlines'),
    {
      source: 'amount',
      value: (record, { translate }) =>
        `${record.amount} ${translate(`app.deadline_units.${record.unit}`, { smart_count: Number(record.amount) })}`,
    },
    ...validity,
  ],
  holidays: [
    translated('app.holiday_kinds')('kind'),
    {
      source: 'date',
      label: 'resources.holidays.fields.when',
      value: (record) =>
        record.date ?? `${String(record.day).padStart(2, '0')}.${String(record.month).padStart(2, '0')}`,
    },
    localized('holidays'),
    'movesIfWeekend',
    ...validity,
  ],
  'mci-rates': ['year', 'amount', 'source', ...validity],
  'mfa-policies': [translated('app.roles')('role'), 'mfaRequired', 'source', ...validity],
  'retention-rules': ['recordKind', localized('retention-rules'), 'keepYears', 'source', ...validity],
  'benefit-rules': [
    'kind',
    localized('benefit-rules'),
    'formula',
    ...['mciHead', 'mciPerMember', 'mciMin', 'mciMax', 'months', 'mciFixed', 'sharePercent', 'capMci', 'capKzt'],
    'unconfirmed',
    'source',
    ...validity,
  ],
  'service-types': [
    'code',
    translated('app.services.groups')('serviceGroup'),
    localized('service-types'),
    translated('app.services.audiences')('audience'),
    'responseWorkingDays',
    'source',
    ...validity,
  ],
  'service-providers': [
    'name',
    translated('app.services.provider_kinds')('kind'),
    region(),
    'address',
    'phone',
    'email',
  ],
  'follow-ups': [
    'applicationNumber',
    'applicantName',
    'round',
    'dueDate',
    translated('app.services.follow_ups.states')('state'),
    translated('app.services.follow_ups.employment')('employment'),
    translated('app.services.follow_ups.routes')('employmentRoute'),
    translated('app.services.follow_ups.language_levels')('languageLevel'),
    translated('app.services.follow_ups.schooling')('schooling'),
    translated('app.settlements.housing')('housing'),
  ],
  referrals: [
    'id',
    {
      source: 'serviceTypeId',
      value: (record, { locale }) => (record.serviceName as Record<string, string>)?.[locale] ?? '',
    },
    'providerName',
    'period',
    translated('app.services.states')('state'),
    'dueDate',
    'requestedAt',
  ],
};

/** The header and cells of a list's rows; a resource without columns here exports nothing but its ids. */
export function exportTable(
  resource: string,
  records: readonly RaRecord[],
  helpers: ExportHelpers,
): { header: string[]; rows: unknown[][] } {
  const columns = (EXPORT_COLUMNS[resource] ?? ['id']).map((column) =>
    typeof column === 'string' ? { source: column } : column,
  );
  const header = columns.map((column) =>
    helpers.translate(column.label ?? `resources.${resource}.fields.${column.source}`, { _: column.source }),
  );
  const cell = (column: ExportColumn, record: RaRecord): unknown => {
    const value = column.value ? column.value(record, helpers) : record[column.source];
    if (typeof value === 'boolean') return helpers.translate(value ? 'app.common.yes' : 'app.common.no');
    if (Array.isArray(value)) return value.join(', ');
    return value;
  };
  return { header, rows: records.map((record) => columns.map((column) => cell(column, record))) };
}
