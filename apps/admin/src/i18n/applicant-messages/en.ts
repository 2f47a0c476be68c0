/** Labels of the messages to applicants in English (docs/applicant-messages.md); the contract for kk and ru. */
export const applicantMessagesEn = {
  app: {
    applicant_messages: {
      states: { queued: 'Waiting to be sent', sent: 'Sent', failed: 'Not delivered', cancelled: 'Cancelled' },
      kinds: {
        status_granted: 'Status granted',
        information_requested: 'Information requested',
        referral_accepted: 'Referral accepted',
        payment_sent: 'Payment sent to the bank',
        status_expiring: 'Status ends soon',
      },
      channels: { email: 'E-mail', sms: 'SMS' },
      tab: 'Messages',
      none_on_case: 'No messages were sent to the family: it has no e-mail or phone, or nothing has happened yet.',
      retry: 'Send again',
      retried: 'The message will be sent on the next run',
    },
  },
  resources: {
    'applicant-messages': {
      name: 'Message to an applicant |||| Messages to applicants',
      fields: {
        id: 'No.',
        applicationId: 'Family',
        kind: 'Event',
        channel: 'Channel',
        recipient: 'Recipient',
        language: 'Language',
        subject: 'Subject',
        state: 'State',
        attempts: 'Attempts',
        lastError: 'Last error',
        sentAt: 'Sent',
        createdAt: 'Queued',
      },
    },
  },
};

export type ApplicantMessageMessages = typeof applicantMessagesEn;
