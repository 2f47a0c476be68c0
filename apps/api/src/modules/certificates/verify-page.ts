import { escapeHtml } from '../../common/html';
import type { CertificateStatus, PublicCertificate } from './certificate-status';

type Language = 'kk' | 'ru' | 'en';
const LANGUAGES: readonly Language[] = ['kk', 'ru', 'en'];

const TEXT: Record<
  Language,
  {
    title: string;
    number: string;
    holder: string;
    validity: string;
    issuedOn: string;
    unknown: string;
    status: Record<CertificateStatus, string>;
  }
> = {
  kk: {
    title: 'Қандас куәлігін тексеру',
    number: 'Куәлік нөмірі',
    holder: 'Иесі (аты-жөнінің бас әріптері)',
    validity: 'Жарамдылық мерзімі',
    issuedOn: 'Берілген күні',
    unknown: 'Мұндай нөмірлі куәлік табылмады.',
    status: {
      valid: 'Куәлік жарамды',
      expired: 'Куәліктің мерзімі өткен',
      revoked: 'Куәлік кері қайтарылып алынған',
      ended: 'Мәртебе тоқтатылды: иесі Қазақстан Республикасының азаматы болды',
    },
  },
  ru: {
    title: 'Проверка удостоверения кандаса',
    number: 'Номер удостоверения',
    holder: 'Владелец (инициалы)',
    validity: 'Срок действия',
    issuedOn: 'Дата выдачи',
    unknown: 'Удостоверение с таким номером не найдено.',
    status: {
      valid: 'Удостоверение действительно',
      expired: 'Срок действия удостоверения истёк',
      revoked: 'Удостоверение отозвано',
      ended: 'Статус прекращён: владелец стал гражданином Республики Казахстан',
    },
  },
  en: {
    title: 'Kandas certificate check',
    number: 'Certificate number',
    holder: 'Holder (initials)',
    validity: 'Valid',
    issuedOn: 'Issued on',
    unknown: 'There is no certificate with this number.',
    status: {
      valid: 'The certificate is valid',
      expired: 'The certificate has expired',
      revoked: 'The certificate has been revoked',
      ended: 'The status has ended: the holder became a citizen of Kazakhstan',
    },
  },
};

const COLOURS: Record<CertificateStatus | 'unknown', string> = {
  valid: '#1b5e20',
  expired: '#8a5a00',
  revoked: '#b00020',
  ended: '#444444',
  unknown: '#444444',
};

const date = (iso: string) => escapeHtml(iso.split('-').reverse().join('.'));

function section(lang: Language, number: string, certificate: PublicCertificate | null): string {
  const t = TEXT[lang];
  const rows = certificate
    ? `<dl>
        <dt>${t.number}</dt><dd>${escapeHtml(certificate.number)}</dd>
        <dt>${t.holder}</dt><dd>${escapeHtml(certificate.holderInitials)}</dd>
        <dt>${t.validity}</dt><dd>${date(certificate.validFrom)} – ${date(certificate.validTo)}</dd>
        <dt>${t.issuedOn}</dt><dd>${date(certificate.issuedOn)}</dd>
      </dl>`
    : `<dl><dt>${t.number}</dt><dd>${escapeHtml(number)}</dd></dl>`;
  const verdict = certificate ? t.status[certificate.status] : t.unknown;
  return `<section lang="${lang}">
      <h2>${t.title}</h2>
      <p class="verdict">${verdict}</p>
      ${rows}
    </section>`;
}

/**
 * The public page a certificate's QR code opens, in Kazakh, Russian and English: the
 * verdict, the holder's initials and the dates — nothing else. Static HTML with no
 * script, so it works under the app's Content-Security-Policy.
 */
export function renderVerifyPage(number: string, certificate: PublicCertificate | null): string {
  const colour = COLOURS[certificate?.status ?? 'unknown'];
  return `<!doctype html>
<html lang="kk">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex, nofollow">
    <meta name="referrer" content="no-referrer">
    <title>${TEXT.kk.title} · ${TEXT.ru.title} · Qonys</title>
    <style>
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 0; background: #f4f5f7; color: #1a1a1a; }
      main { max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
      section { background: #fff; border-radius: 8px; border-top: 6px solid ${colour}; padding: 1rem 1.5rem; margin-bottom: 1rem; }
      h2 { font-size: 1rem; font-weight: 600; color: #555; margin: 0 0 .5rem; }
      .verdict { font-size: 1.4rem; font-weight: 700; color: ${colour}; margin: 0 0 .75rem; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
      dt { color: #555; } dd { margin: 0; font-weight: 600; }
      footer { color: #777; font-size: .8rem; text-align: center; }
    </style>
  </head>
  <body>
    <main>
      ${LANGUAGES.map((lang) => section(lang, number, certificate)).join('\n      ')}
      <footer>Qonys</footer>
    </main>
  </body>
</html>
`;
}
