/**
 * The published datasets (docs/open-statistics.md): their columns, titles and data
 * dictionary in Kazakh, Russian and English. The figures come from
 * open-statistics.repository.ts; the rules each count follows are written there and in
 * the docs.
 */
export type Language = 'kk' | 'ru' | 'en';
export const LANGUAGES: readonly Language[] = ['kk', 'ru', 'en'];
export type Text = Readonly<Record<Language, string>>;

/** The category every dimension with margins ends in. */
export const TOTAL = 'TOTAL';

export interface DimensionSpec {
  /** The CSV column and JSON-stat dimension id. */
  readonly id: string;
  readonly label: Text;
  readonly description: Text;
  /** Whether the dimension has a TOTAL category (the sum of the others). */
  readonly total: boolean;
  /** The Frictionless type of the column. */
  readonly type: 'integer' | 'string';
  /** How a category looks (an XML Schema pattern, matching the whole value, for the Table Schema), TOTAL aside. */
  readonly pattern?: string;
}

export interface MeasureSpec {
  readonly id: string;
  readonly label: Text;
  readonly description: Text;
  readonly type: 'integer' | 'number';
}

export interface DatasetSpec {
  readonly id: string;
  readonly title: Text;
  readonly description: Text;
  /** In column order; each cube cell is one CSV row. */
  readonly dimensions: readonly DimensionSpec[];
  /** The count disclosure control protects. */
  readonly measure: MeasureSpec;
  /** A figure that follows its count: published when the count is, suppressed with it. */
  readonly companion?: MeasureSpec;
  /** Slices (positions of the dimensions without a total) that are not about persons and are published whole. */
  readonly unprotected?: (coordinates: Readonly<Record<string, string>>) => boolean;
}

const text = (kk: string, ru: string, en: string): Text => ({ kk, ru, en });

const YEAR: DimensionSpec = {
  id: 'year',
  label: text('Жыл', 'Год', 'Year'),
  description: text('Күнтізбелік жыл', 'Календарный год', 'Calendar year'),
  total: false,
  type: 'integer',
};

const REGION: DimensionSpec = {
  id: 'region_code',
  label: text('Өңір', 'Регион', 'Region'),
  description: text(
    'Өңірдің КАТО коды (2 цифр); TOTAL — барлық өңірдің қосындысы',
    'Код региона по КАТО (2 цифры); TOTAL — сумма по всем регионам',
    'The region’s KATO code (2 digits); TOTAL is the sum over all regions',
  ),
  total: true,
  type: 'string',
  pattern: '[0-9]{2}',
};

const PERSONS: MeasureSpec = {
  id: 'persons',
  label: text('Адамдар', 'Человек', 'Persons'),
  description: text(
    'Адамдар саны; жасырылғанда бос (status = c)',
    'Число человек; пусто, если скрыто (status = c)',
    'Number of persons; empty where suppressed (status = c)',
  ),
  type: 'integer',
};

export const STATUS_COLUMN = {
  id: 'status',
  description: text(
    'c — құпиялылық үшін жасырылды (шағын сан немесе оны есептеп шығаруға мүмкіндік беретін ұяшық); бос — жарияланды',
    'c — скрыто ради конфиденциальности (малое число или ячейка, по которой его можно вычислить); пусто — опубликовано',
    'c — suppressed for confidentiality (a small count, or a cell it could be worked out from); empty — published',
  ),
};

export const AGE_GROUPS = ['0-17', '18-34', '35-49', '50-64', '65+'] as const;
export const QUOTA_MEASURES = ['capacity', 'used'] as const;

export const DATASETS: readonly DatasetSpec[] = [
  {
    id: 'status-granted',
    title: text(
      'Қандас мәртебесі берілген адамдар, өңірлер мен жылдар бойынша',
      'Лица, получившие статус кандаса, по регионам и годам',
      'Persons granted kandas status by region and year',
    ),
    description: text(
      'Мәртебе туралы оң шешім шыққан істердің отбасы мүшелері: істің өңірі, мәртебе басталған жыл бойынша.',
      'Члены семей по делам с положительным решением о статусе: по региону дела и году начала действия статуса.',
      'Members of the families whose case was approved, by the case’s region and the year the status took effect.',
    ),
    dimensions: [YEAR, REGION],
    measure: PERSONS,
  },
  {
    id: 'arrivals',
    title: text(
      'Квота бойынша қоныстанған адамдар, өңірлер мен айлар бойынша',
      'Прибывшие по квоте, по регионам и месяцам',
      'Arrivals settled under the quota by region and month',
    ),
    description: text(
      'Қоныстану өңіріне келуі расталған отбасылар мүшелері, нақты келген айы бойынша.',
      'Члены семей, чьё прибытие в регион вселения подтверждено, по месяцу фактического прибытия.',
      'Members of the families whose arrival in the settlement region was confirmed, by the month they arrived.',
    ),
    dimensions: [
      {
        id: 'month',
        label: text('Ай', 'Месяц', 'Month'),
        description: text('Ай, ЖЖЖЖ-АА', 'Месяц, ГГГГ-ММ', 'Month, YYYY-MM'),
        total: false,
        type: 'string',
        pattern: '[0-9]{4}-[0-9]{2}',
      },
      REGION,
    ],
    measure: PERSONS,
  },
  {
    id: 'applications',
    title: text(
      'Өтініштер, мәртебесі мен жылы бойынша',
      'Заявления по статусу и году',
      'Applications by status and year',
    ),
    description: text(
      'Берілген өтініштер (істер) берілген жылы және қазіргі мәртебесі бойынша.',
      'Поданные заявления (дела) по году подачи и текущему статусу.',
      'Applications (cases) submitted, by the year of submission and their status now.',
    ),
    dimensions: [
      YEAR,
      {
        id: 'application_status',
        label: text('Өтініш мәртебесі', 'Статус заявления', 'Application status'),
        description: text(
          'Істің қазіргі мәртебесінің коды; TOTAL — барлық мәртебе',
          'Код текущего статуса дела; TOTAL — все статусы',
          'The code of the case’s status now; TOTAL is all statuses',
        ),
        total: true,
        type: 'string',
        pattern: '[a-z_]+',
      },
    ],
    measure: {
      id: 'applications',
      label: text('Өтініштер', 'Заявления', 'Applications'),
      description: text(
        'Өтініштер саны; жасырылғанда бос (status = c)',
        'Число заявлений; пусто, если скрыто (status = c)',
        'Number of applications; empty where suppressed (status = c)',
      ),
      type: 'integer',
    },
  },
  {
    id: 'processing-days',
    title: text(
      'Өтінішті қараудың орташа (медиана) мерзімі, жылдар бойынша',
      'Медианный срок рассмотрения заявления по годам',
      'Median processing days by year',
    ),
    description: text(
      'Өтініш берілген күннен шешімге дейінгі күнтізбелік күндердің медианасы, шешім жылы бойынша.',
      'Медиана календарных дней от подачи заявления до решения, по году решения.',
      'The median of calendar days from submission to decision, by the year of the decision.',
    ),
    dimensions: [YEAR],
    measure: {
      id: 'decisions',
      label: text('Шешімдер', 'Решения', 'Decisions'),
      description: text(
        'Шешім саны; жасырылғанда бос (status = c)',
        'Число решений; пусто, если скрыто (status = c)',
        'Number of decisions; empty where suppressed (status = c)',
      ),
      type: 'integer',
    },
    companion: {
      id: 'median_days',
      label: text('Медиана, күн', 'Медиана, дней', 'Median, days'),
      description: text(
        'Берілгеннен шешімге дейінгі күнтізбелік күндердің медианасы; шешім саны жасырылса немесе 0 болса бос',
        'Медиана календарных дней от подачи до решения; пусто, если число решений скрыто или равно 0',
        'Median calendar days from submission to decision; empty where the decisions are suppressed or 0',
      ),
      type: 'number',
    },
  },
  {
    id: 'origin-countries',
    title: text(
      'Қандас мәртебесі берілген адамдар, шыққан елі мен жылы бойынша',
      'Лица, получившие статус кандаса, по стране происхождения и году',
      'Persons granted kandas status by country of origin and year',
    ),
    description: text(
      '«Мәртебе берілгендер» жиынтығындағы адамдар, шыққан елі бойынша.',
      'Те же лица, что в наборе «Получившие статус», по стране происхождения.',
      'The persons of the status-granted dataset, by their country of origin.',
    ),
    dimensions: [
      YEAR,
      {
        id: 'country_code',
        label: text('Шыққан елі', 'Страна происхождения', 'Country of origin'),
        description: text(
          'ISO 3166-1 alpha-2 коды; ZZ — көрсетілмеген; TOTAL — барлық ел',
          'Код ISO 3166-1 alpha-2; ZZ — не указана; TOTAL — все страны',
          'ISO 3166-1 alpha-2 code; ZZ — not recorded; TOTAL is all countries',
        ),
        total: true,
        type: 'string',
        pattern: '[A-Z]{2}',
      },
    ],
    measure: PERSONS,
  },
  {
    id: 'age-sex',
    title: text(
      'Қандас мәртебесі берілген адамдар, жас тобы, жынысы және жылы бойынша',
      'Лица, получившие статус кандаса, по возрастной группе, полу и году',
      'Persons granted kandas status by age group, sex and year',
    ),
    description: text(
      '«Мәртебе берілгендер» жиынтығындағы адамдар, мәртебе басталған күнгі жасы және жынысы бойынша.',
      'Те же лица, что в наборе «Получившие статус», по возрасту на дату начала статуса и полу.',
      'The persons of the status-granted dataset, by their age on the day the status took effect and sex.',
    ),
    dimensions: [
      YEAR,
      {
        id: 'age_group',
        label: text('Жас тобы', 'Возрастная группа', 'Age group'),
        description: text(
          'Толық жас: 0-17, 18-34, 35-49, 50-64, 65+; TOTAL — барлық жас',
          'Полных лет: 0-17, 18-34, 35-49, 50-64, 65+; TOTAL — все возрасты',
          'Age in completed years: 0-17, 18-34, 35-49, 50-64, 65+; TOTAL is all ages',
        ),
        total: true,
        type: 'string',
      },
      {
        id: 'sex',
        label: text('Жынысы', 'Пол', 'Sex'),
        description: text(
          'M — ер, F — әйел; TOTAL — екеуі',
          'M — мужской, F — женский; TOTAL — оба',
          'M — male, F — female; TOTAL is both',
        ),
        total: true,
        type: 'string',
      },
    ],
    measure: PERSONS,
  },
  {
    id: 'quota',
    title: text(
      'Қандастарды қоныстандыру квотасы және оның пайдаланылуы, өңірлер мен жылдар бойынша',
      'Квота переселения кандасов и её использование по регионам и годам',
      'Kandas quota capacity and use by region and year',
    ),
    description: text(
      'capacity — квота (адам), used — брондалған және қоныстанған орындар (адам). Квота — заң актісінің саны, ол жасырылмайды.',
      'capacity — квота (человек), used — забронированные и занятые места (человек). Квота — число из правового акта, она не скрывается.',
      'capacity — the quota (persons), used — places reserved and settled (persons). The capacity is a legal act’s figure and is never suppressed.',
    ),
    dimensions: [
      YEAR,
      REGION,
      {
        id: 'measure',
        label: text('Көрсеткіш', 'Показатель', 'Measure'),
        description: text(
          'capacity — квота; used — брондалған және қоныстанған орындар',
          'capacity — квота; used — забронированные и занятые места',
          'capacity — the quota; used — places reserved and settled',
        ),
        total: false,
        type: 'string',
      },
    ],
    measure: {
      id: 'value',
      label: text('Мәні, адам', 'Значение, человек', 'Value, persons'),
      description: text(
        'Адам саны; жасырылғанда бос (status = c)',
        'Число человек; пусто, если скрыто (status = c)',
        'Number of persons; empty where suppressed (status = c)',
      ),
      type: 'integer',
    },
    unprotected: (coordinates) => coordinates.measure === 'capacity',
  },
  {
    id: 'services',
    title: text(
      'Бейімдеу қызметтеріне жолдамалар, қызмет түрі, нәтижесі және жылы бойынша',
      'Направления на услуги адаптации по виду услуги, итогу и году',
      'Integration services (referrals) by type, outcome and year',
    ),
    description: text(
      'Қызмет көрсетушілерге жіберілген жолдамалар, жіберілген жылы бойынша.',
      'Направления к поставщикам услуг, по году направления.',
      'Referrals sent to service providers, by the year they were sent.',
    ),
    dimensions: [
      YEAR,
      {
        id: 'service_type',
        label: text('Қызмет түрі', 'Вид услуги', 'Service type'),
        description: text(
          'Қызмет түрінің коды; TOTAL — барлық түр',
          'Код вида услуги; TOTAL — все виды',
          'The service type’s code; TOTAL is all types',
        ),
        total: true,
        type: 'string',
        pattern: '[a-z][a-z0-9_]+',
      },
      {
        id: 'outcome',
        label: text('Нәтижесі', 'Итог', 'Outcome'),
        description: text(
          'successful, not_successful (аяқталды), rejected (қабылданбады), cancelled (тоқтатылды), open (әлі жүріп жатыр); TOTAL — барлығы',
          'successful, not_successful (завершено), rejected (отклонено), cancelled (отменено), open (ещё идёт); TOTAL — все',
          'successful, not_successful (completed), rejected, cancelled, open (still under way); TOTAL is all',
        ),
        total: true,
        type: 'string',
      },
    ],
    measure: {
      id: 'referrals',
      label: text('Жолдамалар', 'Направления', 'Referrals'),
      description: text(
        'Жолдама саны; жасырылғанда бос (status = c)',
        'Число направлений; пусто, если скрыто (status = c)',
        'Number of referrals; empty where suppressed (status = c)',
      ),
      type: 'integer',
    },
  },
];

export const datasetById = (id: string): DatasetSpec | undefined => DATASETS.find((d) => d.id === id);

export const LICENCE = {
  name: 'CC-BY-4.0',
  title: 'Creative Commons Attribution 4.0 International',
  path: 'https://creativecommons.org/licenses/by/4.0/',
} as const;
