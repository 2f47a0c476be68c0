import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { todayInKazakhstan } from '@qonys/domain';
import { DomainError } from '../../common/errors/domain-error';
import { buildChecklist, type ChecklistCompleteness, type ChecklistItem, completeness } from './checklist';
import { DocumentsRepository } from './documents.repository';

export type { ChecklistCompleteness, ChecklistItem, ChecklistStatus } from './checklist';

/**
 * The per-case document checklist, from the editable list of document types valid
 * today (in Kazakhstan). Every method takes the caller's EntityManager, so the
 * approval transition can check completeness inside its own transaction.
 */
@Injectable()
export class ChecklistService {
  constructor(private readonly documents: DocumentsRepository) {}

  async checklist(manager: EntityManager, applicationId: number): Promise<ChecklistItem[]> {
    const application = await this.documents.findCase(manager, applicationId);
    if (!application) throw DomainError.notFound('application');
    // One after another: inside a transaction the manager has a single connection.
    const types = await this.documents.checklistTypes(manager, todayInKazakhstan());
    const members = await this.documents.activeMembers(manager, applicationId);
    const documents = await this.documents.documentsOfCase(manager, applicationId);
    const commissionRecommended = await this.documents.commissionRecommended(manager, applicationId);
    return buildChecklist({ channel: application.channel, commissionRecommended }, types, members, documents);
  }

  /** `{ complete, missing }`: complete when every required item has a verified document. */
  async isComplete(manager: EntityManager, applicationId: number): Promise<ChecklistCompleteness> {
    return completeness(await this.checklist(manager, applicationId));
  }
}
