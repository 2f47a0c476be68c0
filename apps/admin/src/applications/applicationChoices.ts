import { APPLICATION_STATUSES, CHANNELS, CORRESPONDENCE_LANGUAGES, QUEUES, RELATIONS } from '@qonys/domain';

/** Choices for SelectInputs; react-admin translates the names. */
export const STATUS_CHOICES = APPLICATION_STATUSES.map((status) => ({ id: status, name: `app.statuses.${status}` }));

export const CHANNEL_CHOICES = CHANNELS.map((channel) => ({ id: channel, name: `app.channels.${channel}` }));

/** The language the family chose for messages (docs/applicant-messages.md). */
export const CORRESPONDENCE_LANGUAGE_CHOICES = CORRESPONDENCE_LANGUAGES.map((language) => ({
  id: language,
  name: `app.correspondence_languages.${language}`,
}));

export const QUEUE_CHOICES = QUEUES.map((queue) => ({ id: queue, name: `app.queues.${queue}` }));

/** A family member's relation to the applicant (the applicant is named once, when the case is created). */
export const MEMBER_RELATION_CHOICES = RELATIONS.filter((relation) => relation !== 'applicant').map((relation) => ({
  id: relation,
  name: `app.relations.${relation}`,
}));
