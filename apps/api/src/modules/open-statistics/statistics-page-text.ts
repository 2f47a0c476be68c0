import type { Language } from './datasets';
import type { ReleaseFormat } from './formats';

/** The words of the page /statistics in each language (statistics-page.ts). */
export const LANGUAGE_NAMES: Record<Language, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export const TEXT: Record<
  Language,
  {
    title: string;
    intro: string;
    none: string;
    unknown: string;
    release: string;
    publishedAt: string;
    note: string;
    corrects: string;
    releaseSha: string;
    period: string;
    threshold: string;
    dictionary: string;
    column: string;
    type: string;
    meaning: string;
    downloads: string;
    format: Record<ReleaseFormat, string>;
    bytes: string;
    licence: string;
    verifyTitle: string;
    verify: string;
    manifest: string;
    past: string;
    number: string;
    checkpointTitle: string;
    checkpointIntro: string;
    checkpointNone: string;
    checkpointId: string;
    lastEvent: string;
    lastHash: string;
    signature: string;
    createdAt: string;
    suppression: string;
    languages: string;
  }
> = {
  kk: {
    title: 'Ашық статистика',
    intro:
      'Қандастарды қабылдау және қоныстандыру туралы жиынтық сандар. Жеке адам туралы мәлімет жоқ: шағын сандар жасырылады, жарияланған сандар нөмірленген, өзгермейтін шығарылымдарда сақталады.',
    none: 'Әзірге бірде-бір шығарылым жарияланған жоқ.',
    unknown: 'Мұндай нөмірлі шығарылым жоқ.',
    release: 'Шығарылым',
    publishedAt: 'Жарияланған уақыты',
    note: 'Ескертпе',
    corrects: 'Түзетілетін шығарылым',
    releaseSha: 'Шығарылымның SHA-256 (SHA256SUMS файлының)',
    period: 'Кезең',
    threshold: 'Жасыру шегі',
    dictionary: 'Деректер сөздігі',
    column: 'Баған',
    type: 'Түрі',
    meaning: 'Мағынасы',
    downloads: 'Жүктеп алу',
    format: { csv: 'CSV (UTF-8)', jsonstat: 'JSON-stat 2.0', schema: 'Table Schema (деректер сөздігі)' },
    bytes: 'байт',
    licence: 'Лицензия',
    verifyTitle: 'Файлды қалай тексеруге болады',
    verify:
      'Файлдарды және SHA256SUMS тізімін бір қалтаға жүктеп алып, келесі команданы орындаңыз. SHA256SUMS файлының өз SHA-256 мәні осы беттегі және аудит журналындағы мәнмен сәйкес келуі тиіс.',
    manifest: 'Файлдардың SHA-256 тізімі',
    past: 'Барлық шығарылымдар',
    number: 'Нөмірі',
    checkpointTitle: 'Аудит журналының соңғы бақылау нүктесі',
    checkpointIntro:
      'Әр шығарылымның SHA-256 мәні аудит журналына жазылады; журналдың басы қол қойылған бақылау нүктесімен бекітіледі.',
    checkpointNone: 'Қол қойылған бақылау нүктесі әлі жоқ.',
    checkpointId: 'Бақылау нүктесі',
    lastEvent: 'Соңғы жазба',
    lastHash: 'Соңғы жазбаның хеші',
    signature: 'Қолтаңба (Ed25519)',
    createdAt: 'Уақыты',
    suppression:
      'Құпиялылық: 1-ден шекке дейінгі сандар, сондай-ақ оларды есептеп шығаруға мүмкіндік беретін ұяшықтар бос қалдырылып, status бағанында «c» деп белгіленеді. Нөлдер жарияланады.',
    languages: 'Тіл',
  },
  ru: {
    title: 'Открытая статистика',
    intro:
      'Сводные числа о приёме и расселении кандасов. Сведений об отдельных людях нет: малые числа скрыты, опубликованные числа хранятся в нумерованных неизменяемых выпусках.',
    none: 'Пока не опубликовано ни одного выпуска.',
    unknown: 'Выпуска с таким номером нет.',
    release: 'Выпуск',
    publishedAt: 'Опубликован',
    note: 'Примечание',
    corrects: 'Исправляет выпуск',
    releaseSha: 'SHA-256 выпуска (файла SHA256SUMS)',
    period: 'Период',
    threshold: 'Порог скрытия',
    dictionary: 'Словарь данных',
    column: 'Столбец',
    type: 'Тип',
    meaning: 'Значение',
    downloads: 'Скачать',
    format: { csv: 'CSV (UTF-8)', jsonstat: 'JSON-stat 2.0', schema: 'Table Schema (словарь данных)' },
    bytes: 'байт',
    licence: 'Лицензия',
    verifyTitle: 'Как проверить файл',
    verify:
      'Скачайте файлы и список SHA256SUMS в одну папку и выполните команду ниже. SHA-256 самого файла SHA256SUMS должен совпасть со значением на этой странице и в журнале аудита.',
    manifest: 'Список SHA-256 файлов',
    past: 'Все выпуски',
    number: 'Номер',
    checkpointTitle: 'Последняя контрольная точка журнала аудита',
    checkpointIntro:
      'SHA-256 каждого выпуска записывается в журнал аудита; начало журнала закрепляется подписанной контрольной точкой.',
    checkpointNone: 'Подписанной контрольной точки пока нет.',
    checkpointId: 'Контрольная точка',
    lastEvent: 'Последняя запись',
    lastHash: 'Хеш последней записи',
    signature: 'Подпись (Ed25519)',
    createdAt: 'Время',
    suppression:
      'Конфиденциальность: числа от 1 до порога, а также ячейки, по которым их можно вычислить, оставлены пустыми и отмечены «c» в столбце status. Нули публикуются.',
    languages: 'Язык',
  },
  en: {
    title: 'Open statistics',
    intro:
      'Aggregate figures on the reception and settlement of kandas. No person can be told from them: small counts are suppressed, and what is published is kept in numbered, unchangeable releases.',
    none: 'No release has been published yet.',
    unknown: 'There is no release with this number.',
    release: 'Release',
    publishedAt: 'Published',
    note: 'Note',
    corrects: 'Corrects release',
    releaseSha: 'SHA-256 of the release (of its SHA256SUMS file)',
    period: 'Period',
    threshold: 'Suppression threshold',
    dictionary: 'Data dictionary',
    column: 'Column',
    type: 'Type',
    meaning: 'Meaning',
    downloads: 'Downloads',
    format: { csv: 'CSV (UTF-8)', jsonstat: 'JSON-stat 2.0', schema: 'Table Schema (data dictionary)' },
    bytes: 'bytes',
    licence: 'Licence',
    verifyTitle: 'How to verify a file',
    verify:
      'Download the files and the SHA256SUMS list into one folder and run the command below. The SHA-256 of SHA256SUMS itself must match the one on this page and in the audit log.',
    manifest: 'SHA-256 list of the files',
    past: 'All releases',
    number: 'Number',
    checkpointTitle: 'Latest audit-chain checkpoint',
    checkpointIntro:
      'Each release’s SHA-256 is written to the audit log, whose head is anchored by a signed checkpoint.',
    checkpointNone: 'There is no signed checkpoint yet.',
    checkpointId: 'Checkpoint',
    lastEvent: 'Last entry',
    lastHash: 'Hash of the last entry',
    signature: 'Signature (Ed25519)',
    createdAt: 'Time',
    suppression:
      'Confidentiality: counts from 1 up to the threshold, and cells they could be worked out from, are left empty and marked “c” in the status column. Zeros are published.',
    languages: 'Language',
  },
};
