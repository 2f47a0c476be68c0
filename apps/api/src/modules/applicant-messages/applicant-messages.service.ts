import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { regionScope } from '../../common/auth/region-scope';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import { ListResult, type ParsedListQuery } from '../../common/list/list-query';
import { AuditService } from '../audit/audit.service';
import { PersonalDataReads } from '../audit/personal-data-reads.service';
import { type ApplicantMessageView, ApplicantMessagesRepository } from './applicant-messages.repository';

/**
 * The outbox as staff read it (docs/applicant-messages.md): each message shows where it
 * went, so every answer is a personal-data read of the applicants it names.
 */
@Injectable()
export class ApplicantMessagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly messages: ApplicantMessagesRepository,
    private readonly audit: AuditService,
    private readonly reads: PersonalDataReads,
  ) {}

  async list(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<ApplicantMessageView>> {
    const page = await this.messages.listPage(query, regionScope(ctx.actor, 'applicant-messages', 'list'));
    await this.recordRead(ctx, page.items);
    return page;
  }

  async get(ctx: AuthedContext, id: number): Promise<ApplicantMessageView> {
    const scope = regionScope(ctx.actor, 'applicant-messages', 'show');
    const row = await this.messages.findVisible(this.dataSource.manager, id, scope);
    if (!row) throw DomainError.notFound('applicant_message');
    await this.recordRead(ctx, [row]);
    return row;
  }

  /** A failed message goes back in the queue, due now, with its attempts counted afresh. */
  async retry(ctx: AuthedContext, id: number): Promise<ApplicantMessageView> {
    const row = await this.dataSource.transaction(async (manager) => {
      const before = await this.messages.findVisible(manager, id, regionScope(ctx.actor, 'applicant-messages', 'edit'));
      if (!before) throw DomainError.notFound('applicant_message');
      if (!(await this.messages.requeueFailed(manager, id))) {
        throw new DomainError(ErrorKind.Conflict, 'applicant_message.not_failed', { messageState: before.state });
      }
      await this.audit.record(manager, ctx, {
        action: 'applicant_message.retry',
        entityType: 'applicant_message',
        entityId: id,
        changes: {
          state: { before: before.state, after: 'queued' },
          attempts: { before: before.attempts, after: 0 },
        },
      });
      return (await this.messages.findVisible(manager, id, null))!;
    });
    await this.recordRead(ctx, [row]);
    return row;
  }

  /** The applicants the rows name and whose contact they show (docs/personal-data.md, Reads). */
  private recordRead(ctx: AuthedContext, rows: readonly ApplicantMessageView[]): Promise<void> {
    return this.reads.record(ctx, {
      action: 'work_list.view',
      entityType: 'applicant_message',
      personIds: rows.flatMap((row) => (row.applicantId === null ? [row.personId] : [row.personId, row.applicantId])),
    });
  }
}
