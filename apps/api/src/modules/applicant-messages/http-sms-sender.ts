import type { SendOutcome, SmsSender } from './message-senders';

/** Statuses after which the same request may succeed later. */
const TEMPORARY = new Set([408, 425, 429]);

/**
 * SMS through a provider's HTTP API (SMS_URL, SMS_TOKEN): `POST {"to", "text"}` as JSON
 * with a bearer token; any 2xx is sent, another 4xx a refusal for good, 5xx, 408 and
 * 429 (and no answer) a reason to try again.
 */
export class HttpSmsSender implements SmsSender {
  constructor(
    private readonly url: string,
    private readonly token: string | null,
  ) {}

  async send(sms: { to: string; text: string }): Promise<SendOutcome> {
    let status: number;
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
        },
        body: JSON.stringify({ to: sms.to.replace(/[^\d+]/g, ''), text: sms.text }),
        signal: AbortSignal.timeout(15_000),
      });
      status = response.status;
      await response.body?.cancel();
    } catch {
      return { sent: false, permanent: false, code: 'applicant_message.unreachable', params: {} };
    }
    if (status >= 200 && status < 300) return { sent: true };
    const permanent = status >= 400 && status < 500 && !TEMPORARY.has(status);
    return {
      sent: false,
      permanent,
      code: permanent ? 'applicant_message.sms_permanent' : 'applicant_message.sms_temporary',
      params: { status },
    };
  }
}
