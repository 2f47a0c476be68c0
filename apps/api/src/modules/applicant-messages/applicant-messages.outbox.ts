import { Injectable } from '@nestjs/common';
import { type ApplicantMessageKind, type ApplicantMessageParams, renderApplicantMessage } from '@qonys/domain';
import type { EntityManager } from 'typeorm';
import { ApplicantMessagesRepository, type NewApplicantMessage } from './applicant-messages.repository';

/** An event a family is told about; `eventKey` tells its occurrences apart (one message each). */
export interface ApplicantEvent<K extends ApplicantMessageKind> {
  applicationId: number;
  kind: K;
  eventKey: string | number;
  /** Without the case number, which the outbox reads itself; a name in several languages is said in the family's. */
  params: { [P in keyof Omit<ApplicantMessageParams[K], 'number'>]: ApplicantMessageParams[K][P] | Localized };
}

/** A name as reference data holds it. */
type Localized = { kk: string; ru: string };

const isLocalized = (value: unknown): value is Localized =>
  typeof value === 'object' && value !== null && 'kk' in value && 'ru' in value;

/**
 * The outbox's one door (docs/applicant-messages.md): the service that performs an event
 * calls `queue` with its own EntityManager, so the messages commit with the event or not
 * at all. A family without an e-mail address or a phone gets no row; an event already
 * queued is not queued again.
 */
@Injectable()
export class ApplicantMessagesOutbox {
  constructor(private readonly messages: ApplicantMessagesRepository) {}

  async queue<K extends ApplicantMessageKind>(manager: EntityManager, event: ApplicantEvent<K>): Promise<number> {
    const contact = await this.messages.contactOf(manager, event.applicationId);
    if (!contact) return 0;
    const said = Object.entries(event.params).map(([key, value]) => [
      key,
      isLocalized(value) ? value[contact.language] : value,
    ]);
    const params = { number: contact.number, ...Object.fromEntries(said) } as ApplicantMessageParams[K];
    const texts = renderApplicantMessage(event.kind, contact.language, params);
    const common = {
      applicationId: event.applicationId,
      personId: contact.personId,
      kind: event.kind,
      eventKey: String(event.eventKey),
      language: contact.language,
      params: params as unknown as Record<string, string>,
    };
    const rows: NewApplicantMessage[] = [];
    if (contact.email) {
      rows.push({ ...common, channel: 'email', recipient: contact.email, subject: texts.subject, body: texts.body });
    }
    if (contact.phone)
      rows.push({ ...common, channel: 'sms', recipient: contact.phone, subject: null, body: texts.sms });
    return this.messages.insertMany(manager, rows);
  }
}
