import type { BenefitKind } from './support-benefits';
import type { ApplicantMessageKind, CorrespondenceLanguage } from './value-lists';

/**
 * What Qonys tells a family, in the language it chose (docs/applicant-messages.md): one
 * e-mail (subject and body) and one SMS text per event, in Kazakh and Russian. A message
 * names the case number and the event, never the IIN or anyone's name: a mailbox or a
 * phone can be read by others.
 */

/** The parameters each kind's texts take. Dates are YYYY-MM-DD, months YYYY-MM. */
export interface ApplicantMessageParams {
  status_granted: { number: string; validTo: string };
  information_requested: { number: string };
  referral_accepted: { number: string; service: string; provider: string; period: string };
  payment_sent: { number: string; support: BenefitKind };
  status_expiring: { number: string; validTo: string };
}

export interface RenderedMessage {
  subject: string;
  body: string;
  sms: string;
}

type Texts<K extends ApplicantMessageKind> = (p: Shown<ApplicantMessageParams[K]>) => RenderedMessage;
/** Parameters as the reader sees them: dates as DD.MM.YYYY, months as MM.YYYY, support kinds named. */
type Shown<P> = { [F in keyof P]: string };

const SUPPORT_NAMES: Record<CorrespondenceLanguage, Record<BenefitKind, string>> = {
  kk: {
    relocation: 'көшуге арналған субсидия',
    rent: 'тұрғын үйді жалдауға арналған субсидия',
    housing: 'тұрғын үй сатып алуға арналған төлем',
    employer: 'жұмыс берушіге арналған субсидия',
  },
  ru: {
    relocation: 'субсидия на переезд',
    rent: 'субсидия на аренду жилья',
    housing: 'выплата на приобретение жилья',
    employer: 'субсидия работодателю',
  },
};

const GREETING = { kk: 'Құрметті өтініш беруші!', ru: 'Уважаемый заявитель!' };
const FOOTER = {
  kk: 'Бұл хабарлама автоматты түрде жіберілді, оған жауап берудің қажеті жоқ.',
  ru: 'Это сообщение отправлено автоматически, отвечать на него не нужно.',
};
const OFFICE = {
  kk: 'Толығырақ ақпаратты ісіңізді жүргізетін бөлімнен алуға болады.',
  ru: 'Подробности можно узнать в отделе, который ведёт ваше дело.',
};

const letter = (language: CorrespondenceLanguage, ...paragraphs: string[]) =>
  [GREETING[language], ...paragraphs, FOOTER[language]].join('\n\n');

const TEMPLATES: { [L in CorrespondenceLanguage]: { [K in ApplicantMessageKind]: Texts<K> } } = {
  kk: {
    status_granted: (p) => ({
      subject: `Қандас мәртебесі берілді — өтініш ${p.number}`,
      body: letter(
        'kk',
        `${p.number} өтініші бойынша Сізге қандас мәртебесі берілді. Мәртебе ${p.validTo} күнді қоса алғанда жарамды.`,
        OFFICE.kk,
      ),
      sms: `Qonys: ${p.number} өтініші бойынша қандас мәртебесі берілді, ${p.validTo} күнді қоса алғанда жарамды.`,
    }),
    information_requested: (p) => ({
      subject: `Қосымша мәліметтер қажет — өтініш ${p.number}`,
      body: letter(
        'kk',
        `${p.number} өтінішіңізді қарау үшін қосымша мәліметтер немесе құжаттар қажет. Оларды ұсынғанша өтінішті қарау мерзімі тоқтатыла тұрады.`,
        'Не қажет екенін білу үшін ісіңізді жүргізетін бөлімге хабарласыңыз.',
      ),
      sms: `Qonys: ${p.number} өтінішіңіз бойынша қосымша мәліметтер қажет. Ісіңізді жүргізетін бөлімге хабарласыңыз.`,
    }),
    referral_accepted: (p) => ({
      subject: `Қызметке берілген жолдама қабылданды — өтініш ${p.number}`,
      body: letter(
        'kk',
        `«${p.provider}» ұйымы «${p.service}» қызметіне берілген жолдамаңызды қабылдады (өтініш ${p.number}). Қызмет көрсету кезеңі: ${p.period}.`,
        OFFICE.kk,
      ),
      sms: `Qonys: ${p.number} өтініші бойынша «${p.service}» қызметіне жолдама қабылданды, кезең: ${p.period}.`,
    }),
    payment_sent: (p) => ({
      subject: `Мемлекеттік қолдау төлемі банкке жіберілді — өтініш ${p.number}`,
      body: letter(
        'kk',
        `${p.number} өтініші бойынша мемлекеттік қолдау төлемі (${p.support}) банкке жіберілді. Қаражат банк төлемді өңдегеннен кейін түседі.`,
        OFFICE.kk,
      ),
      sms: `Qonys: ${p.number} өтініші бойынша төлем (${p.support}) банкке жіберілді.`,
    }),
    status_expiring: (p) => ({
      subject: `Қандас мәртебесінің мерзімі аяқталып келеді — өтініш ${p.number}`,
      body: letter(
        'kk',
        `${p.number} өтініші бойынша берілген қандас мәртебесі ${p.validTo} күнді қоса алғанда жарамды.`,
        'Мәртебені ұзарту үшін осы күнге дейін ісіңізді жүргізетін бөлімге хабарласыңыз.',
      ),
      sms: `Qonys: ${p.number} өтініші бойынша қандас мәртебесі ${p.validTo} күні аяқталады. Ұзарту үшін бөлімге хабарласыңыз.`,
    }),
  },
  ru: {
    status_granted: (p) => ({
      subject: `Присвоен статус кандаса — заявление ${p.number}`,
      body: letter(
        'ru',
        `По заявлению ${p.number} вам присвоен статус кандаса. Статус действителен по ${p.validTo} включительно.`,
        OFFICE.ru,
      ),
      sms: `Qonys: по заявлению ${p.number} присвоен статус кандаса, действителен по ${p.validTo} включительно.`,
    }),
    information_requested: (p) => ({
      subject: `Нужны дополнительные сведения — заявление ${p.number}`,
      body: letter(
        'ru',
        `Для рассмотрения вашего заявления ${p.number} нужны дополнительные сведения или документы. До их представления срок рассмотрения приостановлен.`,
        'Чтобы узнать, что именно нужно, обратитесь в отдел, который ведёт ваше дело.',
      ),
      sms: `Qonys: по заявлению ${p.number} нужны дополнительные сведения. Обратитесь в отдел, который ведёт ваше дело.`,
    }),
    referral_accepted: (p) => ({
      subject: `Направление на услугу принято — заявление ${p.number}`,
      body: letter(
        'ru',
        `Организация «${p.provider}» приняла ваше направление на услугу «${p.service}» (заявление ${p.number}). Период оказания услуги: ${p.period}.`,
        OFFICE.ru,
      ),
      sms: `Qonys: по заявлению ${p.number} принято направление на услугу «${p.service}», период: ${p.period}.`,
    }),
    payment_sent: (p) => ({
      subject: `Выплата господдержки отправлена в банк — заявление ${p.number}`,
      body: letter(
        'ru',
        `По заявлению ${p.number} выплата государственной поддержки (${p.support}) отправлена в банк. Средства поступят после того, как банк её обработает.`,
        OFFICE.ru,
      ),
      sms: `Qonys: по заявлению ${p.number} выплата (${p.support}) отправлена в банк.`,
    }),
    status_expiring: (p) => ({
      subject: `Срок статуса кандаса истекает — заявление ${p.number}`,
      body: letter(
        'ru',
        `Статус кандаса по заявлению ${p.number} действителен по ${p.validTo} включительно.`,
        'Чтобы продлить его, обратитесь до этой даты в отдел, который ведёт ваше дело.',
      ),
      sms: `Qonys: статус кандаса по заявлению ${p.number} действителен по ${p.validTo}. Для продления обратитесь в отдел.`,
    }),
  },
};

/** 2027-03-09 → 09.03.2027; 2027-03 → 03.2027: how dates are written in kk and ru letters. */
export const readableDate = (iso: string): string => iso.split('-').reverse().join('.');

function shown(language: CorrespondenceLanguage, params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (key === 'validTo' || key === 'period') out[key] = readableDate(value);
    else if (key === 'support') out[key] = SUPPORT_NAMES[language][value as BenefitKind] ?? value;
    else out[key] = value;
  }
  return out;
}

/** The e-mail and the SMS text of an event, in the family's language. */
export function renderApplicantMessage<K extends ApplicantMessageKind>(
  kind: K,
  language: CorrespondenceLanguage,
  params: ApplicantMessageParams[K],
): RenderedMessage {
  const texts = TEMPLATES[language][kind] as Texts<K>;
  return texts(shown(language, params as unknown as Record<string, string>) as Shown<ApplicantMessageParams[K]>);
}

/** Minutes to wait after the 1st, 2nd, … failed attempt: one try and five retries in about 15 hours. */
export const APPLICANT_MESSAGE_RETRY_MINUTES = [1, 5, 30, 120, 720] as const;
export const APPLICANT_MESSAGE_MAX_ATTEMPTS = APPLICANT_MESSAGE_RETRY_MINUTES.length + 1;

/**
 * When to try again after `attempts` failed tries (counting the one that just failed),
 * or null when that was the last: the message is then failed.
 */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts < 1 || attempts >= APPLICANT_MESSAGE_MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + APPLICANT_MESSAGE_RETRY_MINUTES[attempts - 1] * 60_000);
}
