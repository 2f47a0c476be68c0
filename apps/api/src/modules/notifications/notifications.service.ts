import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type NotificationCounts, type NotificationView, todayInKazakhstan } from '@qonys/domain';
import type { DataSource } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { userScope } from '../../common/auth/region-scope';
import { DomainError } from '../../common/errors/domain-error';
import { ListResult, type ParsedListQuery } from '../../common/list/list-query';
import { dueSoonBefore } from '../applications/application-filters';
import type { JobProgress } from '../jobs/job-handler';
import { CalendarService } from '../reference-data/calendar.service';
import { NotificationsRepository } from './notifications.repository';
import { toCounts, toView } from './notification-view';

/** Read notifications are kept this long, then the daily job deletes them (docs/notifications.md). */
export const READ_NOTIFICATION_RETENTION_DAYS = 180;

/**
 * A staff member's own notifications (docs/notifications.md): the list, the bell's
 * counts, marking read. Another user's notification is a 404, as a row outside one's
 * scope is everywhere. Marks are not audited: they change nothing but the reader's
 * own bell, and a notification holds no more than a link and a case number.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsRepository,
    private readonly calendar: CalendarService,
  ) {}

  async list(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<NotificationView<Date>>> {
    const page = await this.notifications.listPage(query, userScope(ctx.actor, 'notifications', 'list'));
    return new ListResult(page.resource, page.items.map(toView), page.start, page.total);
  }

  async counts(ctx: AuthedContext): Promise<NotificationCounts> {
    return toCounts(await this.notifications.unreadByKind(userScope(ctx.actor, 'notifications', 'list')));
  }

  async markRead(ctx: AuthedContext, id: number): Promise<NotificationView<Date>> {
    const row = await this.notifications.markRead(id, userScope(ctx.actor, 'notifications', 'edit'));
    if (!row) throw DomainError.notFound('staff_notification');
    return toView(row);
  }

  async markAllRead(ctx: AuthedContext): Promise<{ updated: number }> {
    return { updated: await this.notifications.markAllRead(userScope(ctx.actor, 'notifications', 'edit')) };
  }

  /**
   * The daily job's work, in one transaction: the assignees of cases that entered the
   * due-soon or overdue queue (one INSERT … SELECT), then the retention sweep.
   */
  async notifyDeadlines(
    progress?: JobProgress,
    today = todayInKazakhstan(),
  ): Promise<{ dueSoon: number; overdue: number; deleted: number }> {
    const rules = await this.calendar.holidayRules();
    await progress?.phase('notifications.phase_notifying');
    const result = await this.dataSource.transaction(async (manager) => {
      const notified = await this.notifications.notifyDeadlines(manager, {
        queueToday: today,
        queueDueSoonBefore: dueSoonBefore(today, rules),
      });
      const deleted = await this.notifications.deleteReadOlderThan(manager, READ_NOTIFICATION_RETENTION_DAYS);
      return { dueSoon: notified.due_soon, overdue: notified.overdue, deleted };
    });
    await progress?.advance(result.dueSoon + result.overdue);
    return result;
  }
}
