/**
 * Kazakh given names, surnames and patronymics, and the ways kandas files spell them:
 * Kazakh Cyrillic, Russian spelling, a passport's Latin spelling. Shared by the demo
 * families and the name-search benchmark.
 */
import { transliterateKazakhToLatin } from '@qonys/domain';

// prettier-ignore
export const MALE_NAMES = ['Нұрлан', 'Ерлан', 'Асқар', 'Бауыржан', 'Дәурен', 'Ержан', 'Серік', 'Талғат', 'Мұрат', 'Айдос',
  'Арман', 'Әлихан', 'Бекзат', 'Дархан', 'Ғалым', 'Жандос', 'Қайрат', 'Марат', 'Нұрсұлтан', 'Олжас', 'Рүстем', 'Саян',
  'Темірлан', 'Ұлан', 'Үмбет', 'Шыңғыс', 'Ілияс', 'Әділет', 'Азамат', 'Болат', 'Елдос', 'Жасұлан', 'Қуаныш', 'Мейрам',
  'Нұржан', 'Самат', 'Ерболат', 'Бақыт', 'Ғабит', 'Төлеген', 'Құдайберген', 'Ықылас', 'Әбілқайыр', 'Жеңіс', 'Өмірзақ'];
// prettier-ignore
export const FEMALE_NAMES = ['Айгүл', 'Жанар', 'Гүлнар', 'Сәуле', 'Айгерім', 'Әсел', 'Динара', 'Ақмарал', 'Балжан', 'Гүлмира',
  'Жұлдыз', 'Қарлығаш', 'Меруерт', 'Нұргүл', 'Салтанат', 'Толқын', 'Ұлжан', 'Үміт', 'Шолпан', 'Айжан', 'Бибігүл',
  'Данагүл', 'Ерке', 'Зере', 'Інжу', 'Ләззат', 'Мөлдір', 'Назерке', 'Әйгерім', 'Гүлжан', 'Раушан', 'Сандуғаш', 'Жібек'];
/** Men's surnames; a woman's adds -а. */
// prettier-ignore
export const SURNAMES = ['Сейітов', 'Нұрғалиев', 'Ахметов', 'Құрманғазиев', 'Жұмабаев', 'Оспанов', 'Сәрсенбаев', 'Тоқтаров',
  'Бекмұханбетов', 'Омаров', 'Әлімжанов', 'Ділдәбеков', 'Есенов', 'Қасымов', 'Мұхаметжанов', 'Бөкейханов', 'Жақыпов',
  'Тұрсынов', 'Әбдірахманов', 'Исабеков', 'Байжанов', 'Серікбаев', 'Ермеков', 'Қалиев', 'Нұрпейісов', 'Смағұлов',
  'Төлеубаев', 'Үсенов', 'Шәріпов', 'Ыбыраев', 'Мұқанов', 'Жандосов', 'Сүлейменов', 'Ғабдуллин', 'Қонаев', 'Әуезов',
  'Майлин', 'Сейфуллин', 'Қожахметов', 'Бейсенов', 'Дүйсенбаев', 'Қуанышев', 'Рысқұлов', 'Өтегенов', 'Тәжібаев',
  'Жәнібеков', 'Керімбаев', 'Мамыров', 'Сыздықов', 'Ыдырысов', 'Шоқанов', 'Әміреев', 'Бердібеков', 'Ілиясов',
  'Мағжанов', 'Тұраров', 'Жүсіпов', 'Кенжебаев', 'Байтұрсынов', 'Оразбаев'];

const KAZAKH_TO_RUSSIAN: Record<string, string> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
};
// prettier-ignore
const PASSPORT_LATIN: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u',
  ф: 'f', х: 'kh', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', і: 'i', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

const mapLetters = (text: string, table: Record<string, string>) =>
  [...text]
    .map((char) => {
      const lower = char.toLowerCase();
      const mapped = table[lower];
      if (mapped === undefined) return char;
      return char === lower ? mapped : mapped.charAt(0).toUpperCase() + mapped.slice(1);
    })
    .join('');
/** Single names repeat endlessly: spell each one once. */
function memo(spell: (name: string) => string): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    let spelt = cache.get(name);
    if (spelt === undefined) cache.set(name, (spelt = spell(name)));
    return spelt;
  };
}
/** 'Сейітов' → 'Сеитов': how Russian-language records spell Kazakh names. */
export const russianSpelling = memo((name) => mapLetters(name, KAZAKH_TO_RUSSIAN));
/** 'Ержан Жұмабаев' → 'YERZHAN ZHUMABAEV': a passport's Russian-based transliteration. */
export const passportSpelling = memo((name) =>
  mapLetters(name.replace(/(^|\s)Е/g, '$1Йе'), PASSPORT_LATIN).toUpperCase(),
);
export const latin = memo(transliterateKazakhToLatin);
