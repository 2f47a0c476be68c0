import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { JobsModule } from '../jobs/jobs.module';
import { ApplicantMessagesController } from './applicant-messages.controller';
import { ApplicantMessagesJob } from './applicant-messages.job';
import { ApplicantMessagesOutbox } from './applicant-messages.outbox';
import { ApplicantMessagesRepository } from './applicant-messages.repository';
import { ApplicantMessagesService } from './applicant-messages.service';
import { HttpSmsSender } from './http-sms-sender';
import { MessageDelivery } from './message-delivery.service';
import { MAIL_SENDER, SMS_SENDER } from './message-senders';
import { SmtpMailSender } from './smtp-mail-sender';

/**
 * Messages to applicants (docs/applicant-messages.md): the outbox events write to
 * (`ApplicantMessagesOutbox`, exported to the modules whose events tell a family
 * something), its delivery job over SMTP and an SMS adapter, and the staff's read of it.
 */
@Module({
  imports: [JobsModule],
  controllers: [ApplicantMessagesController],
  providers: [
    ApplicantMessagesRepository,
    ApplicantMessagesOutbox,
    ApplicantMessagesService,
    MessageDelivery,
    ApplicantMessagesJob,
    {
      provide: MAIL_SENDER,
      inject: [APP_CONFIG],
      useFactory: ({ applicantMessages: c }: AppConfig) =>
        c.smtpUrl && c.mailFrom ? new SmtpMailSender(c.smtpUrl, c.mailFrom) : null,
    },
    {
      provide: SMS_SENDER,
      inject: [APP_CONFIG],
      useFactory: ({ applicantMessages: c }: AppConfig) => (c.smsUrl ? new HttpSmsSender(c.smsUrl, c.smsToken) : null),
    },
  ],
  exports: [ApplicantMessagesOutbox, ApplicantMessagesRepository],
})
export class ApplicantMessagesModule {}
