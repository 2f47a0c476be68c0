import type { ApplicationStatus } from './application-workflow';
import type { Sex } from './iin';
import type { Housing, SettlementStatus } from './value-lists';

/** The file formats of a list export (`?format=`). */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The languages an export's headers and coded values are written in. */
export const EXPORT_LANGUAGES = ['kk', 'ru', 'en'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

export type Labels = Readonly<Record<ExportLanguage, string>>;

/**
 * How a cell is written: as it is (text, number, date), a region's or country's name, yes/no, or a
 * coded value through its labels. `datetime` cells are written in Kazakhstan time.
 */
export type ExportValue =
  'text' | 'number' | 'date' | 'datetime' | 'region' | 'country' | 'boolean' | Readonly<Record<string, Labels>>;

/** One column of a list's export: the field of the list's row, its header, how its value reads. */
export interface ExportColumn {
  field: string;
  header: Labels;
  value: ExportValue;
}

export const APPLICATION_STATUS_LABELS: Readonly<Record<ApplicationStatus, Labels>> = {
  draft: { kk: 'Жоба', ru: 'Черновик', en: 'Draft' },
  submitted: { kk: 'Тапсырылды', ru: 'Подано', en: 'Submitted' },
  acceptance_refused: { kk: 'Қабылдаудан бас тартылды', ru: 'Отказано в приёме', en: 'Refused to accept' },
  commission_review: { kk: 'Ұлт комиссиясында', ru: 'Комиссия по национальности', en: 'Nationality commission' },
  under_review: { kk: 'Қаралуда', ru: 'На рассмотрении', en: 'Under review' },
  information_requested: { kk: 'Мәлімет сұратылды', ru: 'Запрошены сведения', en: 'Information requested' },
  approved: { kk: 'Қандас мәртебесі берілді', ru: 'Статус кандаса присвоен', en: 'Kandas status granted' },
  rejected: { kk: 'Бас тартылды', ru: 'Отказано', en: 'Rejected' },
  withdrawn: { kk: 'Кері қайтарып алынды', ru: 'Отозвано', en: 'Withdrawn' },
  expired: { kk: 'Мәртебенің мерзімі өтті', ru: 'Срок статуса истёк', en: 'Status expired' },
  revoked: { kk: 'Мәртебе жойылды', ru: 'Статус отменён', en: 'Status revoked' },
  naturalised: { kk: 'Мәртебе тоқтатылды: азаматтар', ru: 'Статус прекращён: граждане', en: 'Status ended: citizens' },
};

export const SEX_LABELS: Readonly<Record<Sex, Labels>> = {
  M: { kk: 'Ер', ru: 'Мужской', en: 'Male' },
  F: { kk: 'Әйел', ru: 'Женский', en: 'Female' },
};

export const SETTLEMENT_STATUS_LABELS: Readonly<Record<SettlementStatus, Labels>> = {
  planned: { kk: 'Келуі жоспарланған', ru: 'Прибытие запланировано', en: 'Arrival planned' },
  arrived: { kk: 'Келді', ru: 'Прибыла', en: 'Arrived' },
  cancelled: { kk: 'Болдырылмады', ru: 'Отменено', en: 'Cancelled' },
  departed: { kk: 'Өңірден кетті', ru: 'Выехала из региона', en: 'Left the region' },
};

export const HOUSING_LABELS: Readonly<Record<Housing, Labels>> = {
  own: { kk: 'Өз үйі', ru: 'Собственное жильё', en: 'Own home' },
  rented: { kk: 'Жалдамалы', ru: 'Аренда', en: 'Rented' },
  adaptation_centre: { kk: 'Бейімдеу орталығы', ru: 'Центр адаптации', en: 'Adaptation centre' },
  relatives: { kk: 'Туыстарында', ru: 'У родственников', en: 'With relatives' },
};

/** One language's side of a label table: the admin's catalogues take statuses and sexes from here. */
export const labelsIn = <K extends string>(
  labels: Readonly<Record<K, Labels>>,
  language: ExportLanguage,
): Record<K, string> =>
  Object.fromEntries(Object.entries<Labels>(labels).map(([key, label]) => [key, label[language]])) as Record<K, string>;

const REGION: Labels = { kk: 'Өңір', ru: 'Регион', en: 'Region' };

/**
 * The columns of each list the server exports (GET /api/<resource>/export): what the
 * list shows, no more (a person's phone and addresses stay out of the persons export).
 * The admin's Export button asks the server for these; it keeps no list of its own.
 */
export const EXPORT_COLUMNS = {
  applications: [
    { field: 'number', header: { kk: 'Іс нөмірі', ru: 'Номер дела', en: 'Case number' }, value: 'text' },
    { field: 'applicantName', header: { kk: 'Өтініш беруші', ru: 'Заявитель', en: 'Applicant' }, value: 'text' },
    { field: 'status', header: { kk: 'Күйі', ru: 'Состояние', en: 'Status' }, value: APPLICATION_STATUS_LABELS },
    { field: 'regionId', header: REGION, value: 'region' },
    { field: 'assignedToName', header: { kk: 'Маман', ru: 'Специалист', en: 'Caseworker' }, value: 'text' },
    { field: 'deadlineDue', header: { kk: 'Мерзім', ru: 'Срок', en: 'Deadline' }, value: 'date' },
    { field: 'memberCount', header: { kk: 'Адам саны', ru: 'Человек', en: 'Persons' }, value: 'number' },
    { field: 'createdAt', header: { kk: 'Құрылған', ru: 'Создано', en: 'Created' }, value: 'datetime' },
  ],
  persons: [
    { field: 'fullName', header: { kk: 'Аты-жөні', ru: 'ФИО', en: 'Name' }, value: 'text' },
    { field: 'birthDate', header: { kk: 'Туған күні', ru: 'Дата рождения', en: 'Date of birth' }, value: 'date' },
    { field: 'sex', header: { kk: 'Жынысы', ru: 'Пол', en: 'Sex' }, value: SEX_LABELS },
    { field: 'iin', header: { kk: 'ЖСН', ru: 'ИИН', en: 'IIN' }, value: 'text' },
    {
      field: 'idDocumentNumber',
      header: { kk: 'Құжат нөмірі', ru: 'Номер документа', en: 'Document number' },
      value: 'text',
    },
    {
      field: 'countryOfOrigin',
      header: { kk: 'Шыққан елі', ru: 'Страна происхождения', en: 'Country of origin' },
      value: 'country',
    },
    { field: 'regionId', header: REGION, value: 'region' },
    { field: 'createdAt', header: { kk: 'Тіркелген', ru: 'Зарегистрирован', en: 'Registered' }, value: 'datetime' },
  ],
  settlements: [
    { field: 'applicationNumber', header: { kk: 'Іс', ru: 'Дело', en: 'Case' }, value: 'text' },
    { field: 'applicantName', header: { kk: 'Өтініш беруші', ru: 'Заявитель', en: 'Applicant' }, value: 'text' },
    { field: 'regionId', header: REGION, value: 'region' },
    { field: 'year', header: { kk: 'Квота жылы', ru: 'Год квоты', en: 'Quota year' }, value: 'number' },
    { field: 'persons', header: { kk: 'Адам саны', ru: 'Человек', en: 'Persons' }, value: 'number' },
    { field: 'district', header: { kk: 'Аудан', ru: 'Район', en: 'District' }, value: 'text' },
    { field: 'locality', header: { kk: 'Елді мекен', ru: 'Населённый пункт', en: 'Locality' }, value: 'text' },
    { field: 'housing', header: { kk: 'Тұрғын үй', ru: 'Жильё', en: 'Housing' }, value: HOUSING_LABELS },
    {
      field: 'plannedArrival',
      header: { kk: 'Жоспарланған келу күні', ru: 'Планируемое прибытие', en: 'Planned arrival' },
      value: 'date',
    },
    { field: 'actualArrival', header: { kk: 'Келген күні', ru: 'Дата прибытия', en: 'Arrived on' }, value: 'date' },
    { field: 'status', header: { kk: 'Мәртебесі', ru: 'Статус', en: 'Status' }, value: SETTLEMENT_STATUS_LABELS },
  ],
} as const satisfies Record<string, readonly ExportColumn[]>;

/** The lists the server exports. */
export type ExportResource = keyof typeof EXPORT_COLUMNS;
export const EXPORT_RESOURCES = Object.keys(EXPORT_COLUMNS) as ExportResource[];
export const isExportResource = (value: unknown): value is ExportResource =>
  typeof value === 'string' && Object.hasOwn(EXPORT_COLUMNS, value);

/** The language of an export: `?locale=` when it is kk, ru or en, else the best of Accept-Language, else Kazakh. */
export function exportLanguage(query: unknown, acceptLanguage: string | undefined): ExportLanguage {
  if (EXPORT_LANGUAGES.includes(query as ExportLanguage)) return query as ExportLanguage;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, order) => {
      const [tag, ...options] = part.trim().toLowerCase().split(';');
      const q = options.map((o) => o.trim()).find((o) => o.startsWith('q='));
      return { lang: tag.split('-')[0] as ExportLanguage, q: q ? Number(q.slice(2)) : 1, order };
    })
    .filter((entry) => EXPORT_LANGUAGES.includes(entry.lang) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked[0]?.lang ?? 'kk';
}

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab or
 * return) gets a leading apostrophe, so it stays text (OWASP, CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
export const neutraliseCell = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);
