import {
  APPLICANT_MESSAGE_MAX_ATTEMPTS,
  type ApplicantMessageParams,
  nextAttemptAt,
  readableDate,
  renderApplicantMessage,
} from './applicant-messages';
import { APPLICANT_MESSAGE_KINDS, CORRESPONDENCE_LANGUAGES } from './value-lists';

const PARAMS: ApplicantMessageParams = {
  status_granted: { number: 'KND-2026-000123', validTo: '2027-12-03' },
  information_requested: { number: 'KND-2026-000123' },
  referral_accepted: {
    number: 'KND-2026-000123',
    service: 'Қазақ тілі курсы',
    provider: 'Адаптация орталығы',
    period: '2027-01',
  },
  payment_sent: { number: 'KND-2026-000123', support: 'relocation' },
  status_expiring: { number: 'KND-2026-000123', validTo: '2027-12-03' },
};

const render = (kind: (typeof APPLICANT_MESSAGE_KINDS)[number], language: 'kk' | 'ru') =>
  renderApplicantMessage(kind, language, PARAMS[kind] as never);

describe('applicant message texts', () => {
  it.each(
    APPLICANT_MESSAGE_KINDS.flatMap((kind) => CORRESPONDENCE_LANGUAGES.map((language) => [kind, language] as const)),
  )('%s in %s names the case number, leaves no placeholder and fits an SMS of a few parts', (kind, language) => {
    const message = render(kind, language);
    for (const text of [message.subject, message.body, message.sms]) {
      expect(text).toContain('KND-2026-000123');
      expect(text).not.toMatch(/\$\{|\{\w+\}|undefined|null/);
    }
    // Cyrillic SMS parts hold 70 characters (67 when concatenated): at most three parts.
    expect(message.sms.length).toBeLessThanOrEqual(3 * 67);
    expect(message.subject).not.toContain('\n');
  });

  it('writes Kazakh with Kazakh letters and Russian without them', () => {
    const kk = render('information_requested', 'kk');
    const ru = render('information_requested', 'ru');
    expect(kk.body).toMatch(/[әғқңөұүһі]/);
    expect(ru.body).not.toMatch(/[әғқңөұүһі]/);
    expect(ru.body).toMatch(/Уважаемый заявитель/);
  });

  it('shows dates and months as they are written in Kazakhstan, and names the support kind', () => {
    expect(readableDate('2027-12-03')).toBe('03.12.2027');
    expect(render('status_granted', 'ru').body).toContain('по 03.12.2027 включительно');
    expect(render('status_granted', 'kk').body).toContain('03.12.2027 күнді қоса алғанда');
    expect(render('referral_accepted', 'kk').body).toContain('кезеңі: 01.2027');
    expect(render('payment_sent', 'ru').body).toContain('(субсидия на переезд)');
    expect(render('payment_sent', 'kk').body).toContain('(көшуге арналған субсидия)');
  });
});

describe('nextAttemptAt (retry backoff)', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  const minutesLater = (attempts: number) => {
    const next = nextAttemptAt(attempts, now);
    return next === null ? null : (next.getTime() - now.getTime()) / 60_000;
  };

  it('waits 1, 5, 30 minutes, 2 hours and 12 hours, then gives up', () => {
    expect([1, 2, 3, 4, 5].map(minutesLater)).toEqual([1, 5, 30, 120, 720]);
    expect(APPLICANT_MESSAGE_MAX_ATTEMPTS).toBe(6);
    expect(minutesLater(6)).toBeNull();
    expect(minutesLater(0)).toBeNull();
  });
});
