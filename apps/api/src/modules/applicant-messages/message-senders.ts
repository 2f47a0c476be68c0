import type { MessageCode } from '@qonys/domain';

/** How one attempt ended: sent, or why not and whether trying again can help. */
export type SendOutcome =
  { sent: true } | { sent: false; permanent: boolean; code: MessageCode; params: Record<string, string | number> };

/** An e-mail, rendered. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  language: string;
}

export interface MailSender {
  send(mail: OutgoingMail): Promise<SendOutcome>;
  close(): void;
}

/**
 * The SMS provider, behind one method: Kazakhstan's SMS gateways each have their own API,
 * so the provider is an adapter (docs/applicant-messages.md). `HttpSmsSender` is the one
 * shipped: a JSON POST.
 */
export interface SmsSender {
  send(sms: { to: string; text: string }): Promise<SendOutcome>;
}

/** Injection tokens; null when the channel is not configured. */
export const MAIL_SENDER = Symbol('MAIL_SENDER');
export const SMS_SENDER = Symbol('SMS_SENDER');
