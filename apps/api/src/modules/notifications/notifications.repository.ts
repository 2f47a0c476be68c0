import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NOTIFICATION_KINDS, type NotificationKind, type Role } from '@qonys/domain';
import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { coded } from '../../common/errors/domain-error';
import { oneOf } from '../../common/list/filters';
import {
  fetchPage,
  type FilterDef,
  type ListResult,
  type ListSpec,
  type ParsedListQuery,
} from '../../common/list/list-query';
import { DEADLINE_QUEUE_CONDITIONS } from '../applications/application-filters';
import { StaffNotification } from './entities/staff-notification.entity';

/** `unread`: true for the unread ones (the partial index serves it), false for the read ones. */
function unread<T extends ObjectLiteral>(column: string): FilterDef<T> {
  return {
    parse: (v) =>
      v === true || v === 'true'
        ? { value: true }
        : v === false || v === 'false'
          ? { value: false }
          : { error: coded('validation.is_boolean') },
    apply: (qb, v) => void qb.andWhere(v ? `${column} IS NULL` : `${column} IS NOT NULL`),
  };
}

export const NOTIFICATION_LIST: ListSpec<StaffNotification> = {
  resource: 'notifications',
  sortable: { id: 'n.id', createdAt: 'n.created_at' },
  defaultSort: ['createdAt', 'DESC'],
  filters: {
    unread: unread('n.read_at'),
    kind: oneOf('n.kind', NOTIFICATION_KINDS),
  },
};

/** The columns every INSERT below fills, in this order. */
const INSERT_INTO = `INSERT INTO staff_notification (recipient_id, kind, resource, record_id, event_key, code, params)`;

/**
 * Staff notifications: the recipient's own reads and marks, and the set-based writes
 * each event makes inside its own transaction. Every write is `ON CONFLICT DO NOTHING`
 * on the event key, so an event is notified to a person once.
 */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  listPage(query: ParsedListQuery, recipientId: number): Promise<ListResult<StaffNotification>> {
    return fetchPage(this.own(this.dataSource.manager, recipientId), query, NOTIFICATION_LIST);
  }

  async unreadByKind(recipientId: number): Promise<Map<NotificationKind, number>> {
    const rows = await this.dataSource.query<{ kind: NotificationKind; n: number }[]>(
      `SELECT kind, count(*)::int AS n FROM staff_notification WHERE recipient_id = $1 AND read_at IS NULL GROUP BY kind`,
      [recipientId],
    );
    return new Map(rows.map((row) => [row.kind, row.n]));
  }

  /** Marks one of the recipient's notifications read (once: a second mark keeps the first time); null when not theirs. */
  async markRead(id: number, recipientId: number): Promise<StaffNotification | null> {
    await this.dataSource.query(
      `UPDATE staff_notification SET read_at = now() WHERE id = $1 AND recipient_id = $2 AND read_at IS NULL`,
      [id, recipientId],
    );
    return this.own(this.dataSource.manager, recipientId).andWhere('n.id = :id', { id }).getOne();
  }

  async markAllRead(recipientId: number): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `UPDATE staff_notification SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL`,
      [recipientId],
    );
    return count;
  }

  /** A case assigned to `assigneeId`: one notification per case, keyed by the assignment's timeline line. */
  async caseAssigned(
    manager: EntityManager,
    assigneeId: number,
    assignments: { applicationId: number; timelineEventId: string }[],
  ): Promise<number> {
    const rows = await manager.query<unknown[]>(
      `${INSERT_INTO}
       SELECT $1, 'assigned', 'applications', a.id, 'event:' || t.event_id, 'notification.assigned',
              jsonb_build_object('number', a.number)
         FROM unnest($2::int[], $3::text[]) AS t(application_id, event_id)
         JOIN application a ON a.id = t.application_id
       ON CONFLICT ON CONSTRAINT staff_notification_event_uq DO NOTHING
       RETURNING id`,
      [assigneeId, assignments.map((a) => a.applicationId), assignments.map((a) => a.timelineEventId)],
    );
    return rows.length;
  }

  /**
   * A referral answered (its new state): the case's assignee when they work in the
   * referral's region (they can open it), else every enabled caseworker of that region;
   * never whoever gave the answer.
   */
  async referralAnswered(manager: EntityManager, referralId: number, state: string, actorId: number): Promise<number> {
    const rows = await manager.query<unknown[]>(
      `${INSERT_INTO}
       SELECT u.id, 'referral_answered', 'referrals', r.id, $2::text, 'notification.referral_answered',
              jsonb_build_object('number', a.number, 'referralState', $2::text)
         FROM referral r
         JOIN application a ON a.id = r.application_id
         LEFT JOIN app_user assignee ON assignee.id = a.assigned_to_id AND assignee.role = 'caseworker'
              AND assignee.region_id = r.region_id AND NOT assignee.disabled
         JOIN app_user u ON u.role = 'caseworker' AND u.region_id = r.region_id AND NOT u.disabled
              AND (assignee.id IS NULL OR u.id = assignee.id)
        WHERE r.id = $1 AND u.id <> $3
       ON CONFLICT ON CONSTRAINT staff_notification_event_uq DO NOTHING
       RETURNING id`,
      [referralId, state, actorId],
    );
    return rows.length;
  }

  /**
   * A support payment prepared as a draft: everyone who may approve it — the enabled users
   * of `regionalRoles` in its region and of `nationwideRoles` — except whoever prepared it.
   */
  async paymentNeedsApproval(
    manager: EntityManager,
    paymentId: number,
    regionalRoles: readonly Role[],
    nationwideRoles: readonly Role[],
  ): Promise<number> {
    const rows = await manager.query<unknown[]>(
      `${INSERT_INTO}
       SELECT u.id, 'payment_needs_approval', 'support-payments', p.id, '', 'notification.payment_needs_approval',
              jsonb_build_object('number', a.number, 'payment', p.id, 'benefitKind', p.kind)
         FROM support_payment p
         JOIN application a ON a.id = p.application_id
         JOIN app_user u ON NOT u.disabled AND u.id IS DISTINCT FROM p.prepared_by
              AND ((u.role = ANY($2::varchar[]) AND u.region_id = p.region_id) OR u.role = ANY($3::varchar[]))
        WHERE p.id = $1 AND p.state = 'draft'
       ON CONFLICT ON CONSTRAINT staff_notification_event_uq DO NOTHING
       RETURNING id`,
      [paymentId, regionalRoles, nationwideRoles],
    );
    return rows.length;
  }

  /**
   * In one statement, the assignee of every case in the due-soon or overdue queue (the
   * case list's own conditions, DEADLINE_QUEUE_CONDITIONS) is notified once per deadline:
   * the key is the due date, so a second run adds nothing and a new deadline notifies
   * again. Only an enabled assignee of the case's region (who can open it) is notified.
   */
  async notifyDeadlines(
    manager: EntityManager,
    queue: { queueToday: string; queueDueSoonBefore: string },
  ): Promise<Record<'due_soon' | 'overdue', number>> {
    const overdue = DEADLINE_QUEUE_CONDITIONS.overdue('a');
    const dueSoon = DEADLINE_QUEUE_CONDITIONS.due_soon('a');
    const [select, params] = manager
      .createQueryBuilder()
      .select('a.assigned_to_id', 'recipient_id')
      .addSelect(`CASE WHEN ${overdue} THEN 'overdue' ELSE 'due_soon' END`, 'kind')
      .addSelect(`'applications'`, 'resource')
      .addSelect('a.id', 'record_id')
      .addSelect('a.deadline_due::text', 'event_key')
      .addSelect(`CASE WHEN ${overdue} THEN 'notification.overdue' ELSE 'notification.due_soon' END`, 'code')
      .addSelect(`jsonb_build_object('number', a.number, 'date', a.deadline_due::text)`, 'params')
      .from('application', 'a')
      .innerJoin('app_user', 'u', 'u.id = a.assigned_to_id AND u.region_id = a.region_id AND NOT u.disabled')
      .where(`((${dueSoon}) OR (${overdue}))`)
      .setParameters(queue)
      .getQueryAndParameters();
    const rows = await manager.query<{ kind: 'due_soon' | 'overdue' }[]>(
      `${INSERT_INTO}
       SELECT recipient_id, kind, resource, record_id, event_key, code, params FROM (${select}) AS due
       ON CONFLICT ON CONSTRAINT staff_notification_event_uq DO NOTHING
       RETURNING kind`,
      params,
    );
    return {
      due_soon: rows.filter((row) => row.kind === 'due_soon').length,
      overdue: rows.filter((row) => row.kind === 'overdue').length,
    };
  }

  /** Retention: read notifications older than `days` days go. */
  async deleteReadOlderThan(manager: EntityManager, days: number): Promise<number> {
    const [, count] = await manager.query<[unknown, number]>(
      `DELETE FROM staff_notification WHERE read_at < now() - make_interval(days => $1)`,
      [days],
    );
    return count;
  }

  private own(manager: EntityManager, recipientId: number): SelectQueryBuilder<StaffNotification> {
    return manager
      .getRepository(StaffNotification)
      .createQueryBuilder('n')
      .where('n.recipient_id = :recipientId', { recipientId });
  }
}
