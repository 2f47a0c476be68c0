import { englishMessage, MESSAGES, type MessageCode, type MessageParams } from './messages';
import type { ImportLocale } from './imports';

/**
 * The Kazakh and Russian texts of the codes an import's rows can be refused with, for the
 * error files the server writes (GET /api/imports/:id/errors.csv) and the admin's
 * catalogues for its screens (the one copy of these texts). English comes from MESSAGES.
 */
// prettier-ignore
const ROW_MESSAGES_RU = {
  'import.header': 'В заголовке должны быть столбцы {columns}; нет: {missing}',
  'import.not_csv': 'Файл CSV не читается',
  'import.not_xlsx': 'Файл не читается как книга XLSX',
  'import.no_sheet': 'В книге нет листа',
  'import.no_rows': 'В файле нет строк с данными',
  'import.too_many_rows': 'Не больше {max} строк в файле',
  'import.empty': 'Ячейка пуста',
  'import.too_long': 'Текст длиннее {max} символов',
  'import.not_region_code': '«{value}» — не двузначный код региона КАТО',
  'import.unknown_region': 'Нет региона с кодом КАТО {value}',
  'import.not_your_region': 'Импортировать можно только данные своего региона, а не региона {value}',
  'import.not_year': '«{value}» — не год',
  'import.not_count': '«{value}» — не целое число (0 или больше)',
  'import.repeats_row': 'Повторяет строку {row} (тот же год, регион и профессия)',
  'import.not_month': '«{value}» — не месяц (1–12 или пусто для целого года)',
  'import.future_month': 'Месяц {value} ещё не наступил',
  'import.repeats_period': 'Повторяет строку {row} (тот же год, месяц и регион)',
  'validation.is_date': 'должно быть датой ГГГГ-ММ-ДД',
  'validation.day_exists': 'такого дня не существует',
  'validation.has_letters': 'должно содержать буквы',
  'validation.length': 'должно содержать от {min} до {max} символов',
  'validation.country_code': 'должно быть действующим кодом страны ISO 3166-1 alpha-2',
  'validation.letters_or_digits': 'должно содержать буквы или цифры',
  'validation.required': 'обязательное поле',
  'request.invalid_text': 'не должно содержать символ NUL или непарный суррогат UTF-16',
  'person.birth_date_future': 'Дата рождения не может быть в будущем',
  'person.birth_date_too_early': 'Дата рождения не может быть раньше 1900 года',
  'person.iin_registered_elsewhere': 'Лицо с этим ИИН уже зарегистрировано в другом регионе; обратитесь к администратору',
  'iin.format': 'ИИН состоит ровно из 12 цифр',
  'iin.century': '7-я цифра ИИН должна быть от 1 до 6 (век рождения и пол)',
  'iin.birth_date': 'Первые 6 цифр ИИН не являются настоящей датой рождения',
  'iin.check_digit': 'Контрольная цифра ИИН не совпадает; вероятно, опечатка',
  'iin.birth_date_mismatch': 'Дата рождения в ИИН отличается от указанной даты рождения',
  'iin.sex_mismatch': 'Пол в ИИН отличается от указанного пола',
  'import.not_sex': '«{value}» — не M и не F',
  'import.repeats_person': 'Повторяет строку {row} (тот же ИИН или номер документа)',
  'import.person_exists': 'Это лицо (тот же ИИН или номер документа) уже зарегистрировано',
  'import.region_required': 'Нужен код региона: вы импортируете для всех регионов',
  'import.no_person_key': 'Нужен ИИН или номер документа, чтобы найти лицо снова',
} satisfies Partial<Record<MessageCode, string>>;

/** The codes an import row can be refused with. */
export type ImportRowMessageCode = keyof typeof ROW_MESSAGES_RU;

// prettier-ignore
export const IMPORT_ROW_MESSAGES: Readonly<Record<Exclude<ImportLocale, 'en'>, Record<ImportRowMessageCode, string>>> = {
  ru: ROW_MESSAGES_RU,
  kk: {
    'import.header': 'Тақырып жолында {columns} бағандары болуы керек; жоқтары: {missing}',
    'import.not_csv': 'CSV файлы оқылмайды',
    'import.not_xlsx': 'Файл XLSX кітабы ретінде оқылмайды',
    'import.no_sheet': 'Кітапта парақ жоқ',
    'import.no_rows': 'Файлда деректер жолы жоқ',
    'import.too_many_rows': 'Бір файлда көп дегенде {max} жол',
    'import.empty': 'Ұяшық бос',
    'import.too_long': 'Мәтін {max} таңбадан ұзын',
    'import.not_region_code': '«{value}» — екі таңбалы ӘАОЖ (КАТО) өңір коды емес',
    'import.unknown_region': 'ӘАОЖ (КАТО) коды {value} болатын өңір жоқ',
    'import.not_your_region': 'Тек өз өңіріңіздің деректерін импорттай аласыз, {value} өңірінікін емес',
    'import.not_year': '«{value}» — жыл емес',
    'import.not_count': '«{value}» — бүтін сан емес (0 немесе одан көп)',
    'import.repeats_row': '{row} жолды қайталайды (жылы, өңірі және кәсібі бірдей)',
    'import.not_month': '«{value}» ай емес (1–12, не бүкіл жыл үшін бос)',
    'import.future_month': '{value} айы әлі келген жоқ',
    'import.repeats_period': '{row} жолды қайталайды (жылы, айы және өңірі бірдей)',
    'validation.is_date': 'ЖЖЖЖ-АА-КК түріндегі күн болуы керек',
    'validation.day_exists': 'мұндай күн жоқ',
    'validation.has_letters': 'әріптер болуы керек',
    'validation.length': '{min}–{max} таңбадан тұруы керек',
    'validation.country_code': 'ISO 3166-1 alpha-2 бойынша қолданыстағы ел коды болуы керек',
    'validation.letters_or_digits': 'әріптер немесе цифрлар болуы керек',
    'validation.required': 'міндетті өріс',
    'request.invalid_text': 'NUL таңбасы немесе жұпсыз UTF-16 суррогаты болмауы керек',
    'person.birth_date_future': 'Туған күн болашақта болмайды',
    'person.birth_date_too_early': 'Туған күн 1900 жылдан ерте болмайды',
    'person.iin_registered_elsewhere': 'Бұл ЖСН-мен тұлға басқа өңірде тіркелген; әкімшіге хабарласыңыз',
    'iin.format': 'ЖСН дәл 12 цифрдан тұрады',
    'iin.century': 'ЖСН-нің 7-цифры 1-ден 6-ға дейін болуы керек (туған ғасыр мен жыныс)',
    'iin.birth_date': 'ЖСН-нің алғашқы 6 цифры нақты туған күн емес',
    'iin.check_digit': 'ЖСН-нің бақылау цифры сәйкес келмейді; бір цифры қате терілген болар',
    'iin.birth_date_mismatch': 'ЖСН-дегі туған күн көрсетілген туған күннен өзгеше',
    'iin.sex_mismatch': 'ЖСН-дегі жыныс көрсетілген жыныстан өзгеше',
    'import.not_sex': '«{value}» — M да, F да емес',
    'import.repeats_person': '{row} жолды қайталайды (ЖСН немесе құжат нөмірі бірдей)',
    'import.person_exists': 'Бұл тұлға (ЖСН немесе құжат нөмірі бірдей) тіркелген',
    'import.region_required': 'Өңір коды керек: сіз барлық өңірлер үшін импорттайсыз',
    'import.no_person_key': 'Тұлғаны қайта табу үшін ЖСН немесе құжат нөмірі керек',
  },
};

/** A row error's text in a language (English when the language has no text for the code). */
export function importRowMessage(locale: ImportLocale, code: string, params: MessageParams = {}): string {
  if (!Object.hasOwn(MESSAGES, code)) return code;
  const template =
    locale === 'en' ? undefined : (IMPORT_ROW_MESSAGES[locale][code as ImportRowMessageCode] as string | undefined);
  if (template === undefined) return englishMessage(code as MessageCode, params);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return '';
    return typeof value === 'object' ? value[locale] : String(value);
  });
}
