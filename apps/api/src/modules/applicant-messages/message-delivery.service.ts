import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addPeriod,
  APPLICANT_MESSAGE_CHANNELS,
  type ApplicantMessageChannel,
  nextAttemptAt,
  todayInKazakhstan,
} from '@qonys/domain';
import type { DataSource } from 'typeorm';
import type { JobProgress } from '../jobs/job-handler';
import { ApplicantMessagesOutbox } from './applicant-messages.outbox';
import { ApplicantMessagesRepository } from './applicant-messages.repository';
import type { ApplicantMessage } from './entities/applicant-message.entity';
import { MAIL_SENDER, type MailSender, type SendOutcome, SMS_SENDER, type SmsSender } from './message-senders';

/** Messages claimed per short transaction. */
const BATCH = 50;
/**
 * A claimed message is not claimed again for this long: it is sent outside any transaction
 * (a slow mail server must not hold a database connection), so a worker that dies
 * mid-send leaves it to be sent again after the lease — at least once, rarely twice.
 */
const LEASE_MS = 10 * 60_000;

export interface DeliveryResult {
  expiringQueued: number;
  sent: number;
  retrying: number;
  failed: number;
  /** Queued messages of a channel that is not configured: they wait, nothing pretends to send them. */
  waiting: Record<ApplicantMessageChannel, number>;
}

/** The `applicant-messages` job's work (docs/applicant-messages.md). */
@Injectable()
export class MessageDelivery implements OnApplicationShutdown {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly messages: ApplicantMessagesRepository,
    private readonly outbox: ApplicantMessagesOutbox,
    @Inject(MAIL_SENDER) private readonly mail: MailSender | null,
    @Inject(SMS_SENDER) private readonly sms: SmsSender | null,
  ) {}

  onApplicationShutdown(): void {
    this.mail?.close();
  }

  async run(progress?: JobProgress): Promise<DeliveryResult> {
    const expiringQueued = await this.queueExpiring(progress);
    const channels = APPLICANT_MESSAGE_CHANNELS.filter((channel) => this.senderFor(channel));
    const unconfigured = APPLICANT_MESSAGE_CHANNELS.filter((channel) => !this.senderFor(channel));
    const waiting = await this.messages.countWaiting(unconfigured);
    const result: DeliveryResult = { expiringQueued, sent: 0, retrying: 0, failed: 0, waiting };
    if (channels.length === 0) return result;

    await progress?.phase('applicant_messages.phase_sending', await this.messages.countDue(channels, new Date()));
    for (;;) {
      const claimed = await this.claim(channels);
      let sent = 0;
      let failed = 0;
      for (const message of claimed) {
        const outcome = await this.send(message);
        const state = await this.record(message, outcome);
        if (state === 'sent') sent++;
        else if (state === 'failed') failed++;
        else result.retrying++;
      }
      result.sent += sent;
      result.failed += failed;
      await progress?.advance(claimed.length, failed);
      if (claimed.length < BATCH) break;
    }
    return result;
  }

  /**
   * Statuses whose extension window opened (the same window as the case list's
   * `status_expiring` queue): their families are told once per end date.
   */
  private async queueExpiring(progress?: JobProgress): Promise<number> {
    await progress?.phase('applicant_messages.phase_queueing_expiring');
    const today = todayInKazakhstan();
    const months = await this.messages.extensionWindowMonths(today);
    const until = months === null ? today : addPeriod(today, months, 'months');
    let queued = 0;
    let afterId = 0;
    for (;;) {
      const found = await this.dataSource.transaction(async (manager) => {
        const statuses = await this.messages.expiringStatuses(manager, today, until, afterId, 100);
        for (const status of statuses) {
          queued += await this.outbox.queue(manager, {
            applicationId: status.id,
            kind: 'status_expiring',
            eventKey: status.statusValidTo,
            params: { validTo: status.statusValidTo },
          });
        }
        return statuses;
      });
      if (found.length < 100) return queued;
      afterId = found[found.length - 1].id;
    }
  }

  /** Takes due messages under skip-locked row locks and leases them to this run, in one short transaction. */
  private claim(channels: ApplicantMessageChannel[]): Promise<ApplicantMessage[]> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const due = await this.messages.claimDue(manager, channels, now, BATCH);
      for (const message of due) {
        message.attempts += 1;
        await this.messages.update(manager, message.id, {
          attempts: message.attempts,
          nextAttemptAt: new Date(now.getTime() + LEASE_MS),
        });
      }
      return due;
    });
  }

  private send(message: ApplicantMessage): Promise<SendOutcome> {
    if (message.channel === 'email') {
      return this.mail!.send({
        to: message.recipient!,
        subject: message.subject!,
        text: message.body,
        language: message.language,
      });
    }
    return this.sms!.send({ to: message.recipient!, text: message.body });
  }

  /** The attempt's outcome on the row: sent, failed for good or after the last attempt, or due again after a pause. */
  private async record(message: ApplicantMessage, outcome: SendOutcome): Promise<'sent' | 'failed' | 'queued'> {
    const now = new Date();
    if (outcome.sent) {
      await this.messages.recordOutcome(message.id, {
        state: 'sent',
        sentAt: now,
        lastError: null,
        lastErrorParams: null,
      });
      return 'sent';
    }
    const next = outcome.permanent ? null : nextAttemptAt(message.attempts, now);
    await this.messages.recordOutcome(message.id, {
      state: next === null ? 'failed' : 'queued',
      ...(next === null ? {} : { nextAttemptAt: next }),
      lastError: outcome.code,
      lastErrorParams: outcome.params,
    });
    return next === null ? 'failed' : 'queued';
  }

  private senderFor(channel: ApplicantMessageChannel): boolean {
    return channel === 'email' ? this.mail !== null : this.sms !== null;
  }
}
