import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APPLICANT_MESSAGE_CHANNELS,
  APPLICANT_MESSAGE_KINDS,
  APPLICANT_MESSAGE_STATES,
  type ApplicantMessageChannel,
  type CorrespondenceLanguage,
} from '@qonys/domain';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { ids, integerEquals, oneOf } from '../../common/list/filters';
import { fetchPage, ListResult, type ListSpec, type ParsedListQuery } from '../../common/list/list-query';
import { joinCaseNames, withCaseNames } from '../applications/case-names';
import { ApplicantMessage } from './entities/applicant-message.entity';

export const APPLICANT_MESSAGE_LIST: ListSpec<ApplicantMessage> = {
  resource: 'applicant-messages',
  sortable: { id: 'm.id', createdAt: 'm.created_at', state: 'm.state', kind: 'm.kind', sentAt: 'm.sent_at' },
  defaultSort: ['id', 'DESC'],
  filters: {
    id: ids('m.id'),
    applicationId: integerEquals('m.application_id', 1),
    state: oneOf('m.state', APPLICANT_MESSAGE_STATES),
    kind: oneOf('m.kind', APPLICANT_MESSAGE_KINDS),
    channel: oneOf('m.channel', APPLICANT_MESSAGE_CHANNELS),
  },
};

/** A message with its case's number, applicant and region (the region scoping reads). */
export type ApplicantMessageView = ReturnType<typeof withCaseNames<ApplicantMessage>> & { regionId: number | null };

/** joinCaseNames loads the whole case row: its region is kept beside the names. */
const toView = (row: ApplicantMessage): ApplicantMessageView => ({
  ...withCaseNames(row),
  regionId: (row as ApplicantMessage & { namedCase?: { regionId: number } | null }).namedCase?.regionId ?? null,
});

/** Where a case's messages go: its number, the language the family chose and the applicant's contact. */
export interface CaseContact {
  number: string;
  language: CorrespondenceLanguage;
  personId: number;
  email: string | null;
  phone: string | null;
}

/** A message to queue, rendered. */
export type NewApplicantMessage = Pick<
  ApplicantMessage,
  | 'applicationId'
  | 'personId'
  | 'kind'
  | 'eventKey'
  | 'channel'
  | 'recipient'
  | 'language'
  | 'params'
  | 'subject'
  | 'body'
>;

/** A status whose extension window is open and whose family has not been told yet. */
export interface ExpiringStatus {
  id: number;
  statusValidTo: string;
}

@Injectable()
export class ApplicantMessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listPage(query: ParsedListQuery, scope: number | null): Promise<ListResult<ApplicantMessageView>> {
    const page = await fetchPage(this.visible(this.dataSource.manager, scope), query, APPLICANT_MESSAGE_LIST);
    return new ListResult(page.resource, page.items.map(toView), page.start, page.total);
  }

  async findVisible(manager: EntityManager, id: number, scope: number | null): Promise<ApplicantMessageView | null> {
    const row = await this.visible(manager, scope).andWhere('m.id = :id', { id }).getOne();
    return row ? toView(row) : null;
  }

  /** The case's number, language and applicant's contact, read in the event's transaction. */
  async contactOf(manager: EntityManager, applicationId: number): Promise<CaseContact | null> {
    const [row] = await manager.query<CaseContact[]>(
      `SELECT a.number, a.correspondence_language AS language, p.id AS "personId", p.email, p.phone
         FROM application a JOIN person p ON p.id = a.applicant_id
        WHERE a.id = $1 AND a.number IS NOT NULL AND p.erased_at IS NULL`,
      [applicationId],
    );
    return row ?? null;
  }

  /** Queues the messages; one of the same event and channel already there is kept (the unique key). Returns those added. */
  async insertMany(manager: EntityManager, rows: NewApplicantMessage[]): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ApplicantMessage)
      .values(rows)
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw.length;
  }

  /** Due queued messages of the channels that can send now, locked for this run; others' locked rows are skipped. */
  claimDue(
    manager: EntityManager,
    channels: readonly ApplicantMessageChannel[],
    now: Date,
    limit: number,
  ): Promise<ApplicantMessage[]> {
    return manager
      .getRepository(ApplicantMessage)
      .createQueryBuilder('m')
      .where(`m.state = 'queued' AND m.next_attempt_at <= :now AND m.channel IN (:...channels)`, { now, channels })
      .orderBy('m.next_attempt_at')
      .addOrderBy('m.id')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** Queued messages waiting for a channel that is not configured, per channel (the run reports them). */
  async countWaiting(channels: readonly ApplicantMessageChannel[]): Promise<Record<ApplicantMessageChannel, number>> {
    const rows = await this.dataSource.query<{ channel: ApplicantMessageChannel; n: number }[]>(
      `SELECT channel, count(*)::int AS n FROM applicant_message
        WHERE state = 'queued' AND channel = ANY($1) GROUP BY channel`,
      [channels],
    );
    const counts = { email: 0, sms: 0 };
    for (const row of rows) counts[row.channel] = row.n;
    return counts;
  }

  countDue(channels: readonly ApplicantMessageChannel[], now: Date): Promise<number> {
    return this.dataSource
      .getRepository(ApplicantMessage)
      .createQueryBuilder('m')
      .where(`m.state = 'queued' AND m.next_attempt_at <= :now AND m.channel IN (:...channels)`, { now, channels })
      .getCount();
  }

  async update(manager: EntityManager, id: number, patch: Partial<ApplicantMessage>): Promise<void> {
    await manager.getRepository(ApplicantMessage).update({ id }, patch);
  }

  /** An attempt's outcome, unless the message left the queue meanwhile (its person was erased). */
  async recordOutcome(id: number, patch: Partial<ApplicantMessage>): Promise<void> {
    await this.dataSource.getRepository(ApplicantMessage).update({ id, state: 'queued' }, patch);
  }

  /** A failed message back in the queue, due now, with a fresh set of attempts; null when it was not failed. */
  async requeueFailed(manager: EntityManager, id: number): Promise<boolean> {
    const result = await manager.query<[unknown[], number]>(
      `UPDATE applicant_message SET state = 'queued', attempts = 0, next_attempt_at = now(), updated_at = now()
        WHERE id = $1 AND state = 'failed'`,
      [id],
    );
    return result[1] === 1;
  }

  /** The months of the extension window in force on `day` (status clocks), or null when none is. */
  async extensionWindowMonths(day: string): Promise<number | null> {
    const [row] = await this.dataSource.query<{ amount: number; unit: string }[]>(
      `SELECT amount, unit FROM deadline_setting
        WHERE key = 'status_extension_window'
          AND (valid_from IS NULL OR valid_from <= $1::date) AND (valid_to IS NULL OR valid_to >= $1::date)
        ORDER BY valid_from DESC NULLS LAST LIMIT 1`,
      [day],
    );
    if (!row) return null;
    if (row.unit === 'months') return row.amount;
    if (row.unit === 'years') return row.amount * 12;
    return null;
  }

  /**
   * Approved cases whose status ends between `today` and `until`, with a contact, whose
   * family has no message yet about this end date; after `afterId`, by id, `limit` at a time.
   */
  expiringStatuses(
    manager: EntityManager,
    today: string,
    until: string,
    afterId: number,
    limit: number,
  ): Promise<ExpiringStatus[]> {
    return manager.query<ExpiringStatus[]>(
      `SELECT a.id, to_char(a.status_valid_to, 'YYYY-MM-DD') AS "statusValidTo"
         FROM application a JOIN person p ON p.id = a.applicant_id
        WHERE a.status = 'approved' AND a.status_valid_to BETWEEN $1::date AND $2::date AND a.id > $3
          AND (p.email IS NOT NULL OR p.phone IS NOT NULL) AND p.erased_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM applicant_message m WHERE m.application_id = a.id
                            AND m.kind = 'status_expiring' AND m.event_key = to_char(a.status_valid_to, 'YYYY-MM-DD'))
        ORDER BY a.id LIMIT $4`,
      [today, until, afterId, limit],
    );
  }

  private visible(manager: EntityManager, scope: number | null): SelectQueryBuilder<ApplicantMessage> {
    const qb = joinCaseNames(manager.getRepository(ApplicantMessage).createQueryBuilder('m'), 'm.application_id');
    return scope === null ? qb : qb.andWhere('named_case.region_id = :scopeRegion', { scopeRegion: scope });
  }
}
