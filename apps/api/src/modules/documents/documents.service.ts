import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Action, isTerminal, todayInKazakhstan } from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { inScope, regionScope } from '../../common/auth/region-scope';
import { coded, DomainError, ErrorKind } from '../../common/errors/domain-error';
import type { ListResult, ParsedListQuery } from '../../common/list/list-query';
import { updateVersioned } from '../../common/persistence/versioned-update';
import { appendTimelineEvent } from '../../common/timeline';
import { AuditService, diff } from '../audit/audit.service';
import type { DocumentType } from '../reference-data/entities/document-type.entity';
import { type ChecklistItem, ChecklistService } from './checklist.service';
import { detectDocumentType, type DocumentUpload } from './document-upload';
import { type CaseForDocuments, DocumentsRepository } from './documents.repository';
import type { ReviewDocumentDto } from './dto/document.dto';
import { Document } from './entities/document.entity';
import { FILE_STORE, type FileStore, newStorageKey } from '../../common/storage/file-store';

const AUDITED_FIELDS = [
  'applicationId',
  'personId',
  'documentTypeId',
  'fileName',
  'contentType',
  'sizeBytes',
  'sha256',
  'status',
  'rejectionReason',
];

/**
 * A case's documents: upload (content-checked, kept with its SHA-256), download and
 * review, each scoped to the region of the case and logged on its timeline.
 */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsRepository,
    private readonly checklists: ChecklistService,
    private readonly audit: AuditService,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  list(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<Document>> {
    return this.documents.listPage(query, regionScope(ctx.actor, 'documents', 'list'));
  }

  async get(ctx: AuthedContext, id: number): Promise<Document> {
    return (await this.findInScope(this.documents.manager, ctx, id, 'show')).document;
  }

  async checklist(ctx: AuthedContext, applicationId: number): Promise<ChecklistItem[]> {
    await this.findCaseInScope(this.documents.manager, ctx, applicationId, 'list');
    return this.checklists.checklist(this.documents.manager, applicationId);
  }

  /**
   * Stores the file first, then records it in one transaction with its timeline and
   * audit entries; if that transaction fails the file is deleted again, so there is
   * neither a row without a file nor a file without a row.
   */
  async upload(ctx: AuthedContext, upload: DocumentUpload): Promise<Document> {
    // Checked before anything is stored, and again under a lock in the transaction.
    await this.checkTarget(this.documents.manager, ctx, upload, false);
    const contentType = await detectDocumentType(upload.content, upload.fileName);
    const sha256 = createHash('sha256').update(upload.content).digest('hex');
    const storageKey = newStorageKey();
    await this.files.put(storageKey, upload.content, contentType);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const { application, type } = await this.checkTarget(manager, ctx, upload, true);
        const saved = await this.documents.insert(manager, {
          applicationId: application.id,
          personId: upload.fields.personId ?? null,
          documentTypeId: type.id,
          fileName: upload.fileName,
          contentType,
          sizeBytes: upload.content.length,
          sha256,
          storageKey,
          status: 'uploaded',
          uploadedBy: ctx.actor.id,
        });
        await appendTimelineEvent(manager, {
          applicationId: application.id,
          actorId: ctx.actor.id,
          type: 'document',
          data: {
            action: 'uploaded',
            documentId: saved.id,
            documentType: type.key,
            personId: saved.personId,
            fileName: saved.fileName,
          },
        });
        await this.audit.record(manager, ctx, {
          action: 'document.upload',
          entityType: 'document',
          entityId: saved.id,
          regionId: application.regionId,
          personId: saved.personId,
          changes: diff(null, saved, AUDITED_FIELDS),
        });
        return saved;
      });
    } catch (error) {
      await this.files
        .delete(storageKey)
        .catch((cleanup: unknown) =>
          this.logger.error({ err: cleanup, storageKey }, 'could not delete the file of a failed upload'),
        );
      throw error;
    }
  }

  /** The file of a document, for download or preview; every read is audited. */
  async content(ctx: AuthedContext, id: number): Promise<{ document: Document; stream: Readable }> {
    const document = await this.documents.findWithStorageKey(this.documents.manager, id);
    const application = document && (await this.documents.findCase(this.documents.manager, document.applicationId));
    if (!document || !application || !inScope(regionScope(ctx.actor, 'documents', 'show'), application.regionId)) {
      throw DomainError.notFound('document');
    }
    const stream = await this.files.get(document.storageKey);
    try {
      await this.audit.recordAlone(ctx, {
        action: 'document.view',
        entityType: 'document',
        entityId: id,
        regionId: application.regionId,
        changes: {
          applicationId: { before: null, after: document.applicationId },
          sha256: { before: null, after: document.sha256 },
        },
      });
    } catch (error) {
      stream.destroy();
      throw error;
    }
    const { storageKey: _key, ...metadata } = document;
    return { document: metadata as Document, stream };
  }

  /** Verify or reject (with a reason) a document of an open case. */
  review(ctx: AuthedContext, id: number, dto: ReviewDocumentDto): Promise<Document> {
    return this.dataSource.transaction(async (manager) => {
      const { document: before, application } = await this.findInScope(manager, ctx, id, 'edit', true);
      assertDocumentsOpen(application);
      const after = await updateVersioned(manager, Document, 'document', id, dto.version, {
        status: dto.status,
        rejectionReason: dto.status === 'rejected' ? dto.reason! : null,
        reviewedBy: ctx.actor.id,
        reviewedAt: new Date(),
      });
      const type = await this.documents.findTypeById(manager, after.documentTypeId);
      await appendTimelineEvent(manager, {
        applicationId: application.id,
        actorId: ctx.actor.id,
        type: 'document',
        comment: dto.reason ?? null,
        data: {
          action: dto.status,
          documentId: id,
          documentType: type?.key ?? null,
          personId: after.personId,
          fileName: after.fileName,
        },
      });
      await this.audit.record(manager, ctx, {
        action: 'document.review',
        entityType: 'document',
        entityId: id,
        regionId: application.regionId,
        personId: after.personId,
        changes: diff(before, after, [...AUDITED_FIELDS, 'reviewedBy']),
      });
      return after;
    });
  }

  /** The case a document may be added to, and the document type, as the caller may use them. */
  private async checkTarget(
    manager: EntityManager,
    ctx: AuthedContext,
    { fields }: DocumentUpload,
    lock: boolean,
  ): Promise<{ application: CaseForDocuments; type: DocumentType }> {
    const application = await this.findCaseInScope(manager, ctx, fields.applicationId, 'create', lock);
    assertDocumentsOpen(application);
    const type = await this.documents.findTypeValidOn(manager, fields.documentTypeId, todayInKazakhstan());
    if (!type)
      throw DomainError.invalid({ documentTypeId: 'document.type_not_on_checklist' });
    if (type.scope === 'member') {
      if (fields.personId === undefined) {
        throw DomainError.invalid({ personId: 'document.person_required' });
      }
      if (!(await this.documents.isActiveMember(manager, application.id, fields.personId))) {
        throw DomainError.invalid({ personId: 'document.person_not_member' });
      }
    } else if (fields.personId !== undefined) {
      throw DomainError.invalid({ personId: 'document.needs_no_person' });
    }
    return { application, type };
  }

  /** A case of the caller's region; any other answers 404, as if it did not exist. */
  private async findCaseInScope(
    manager: EntityManager,
    ctx: AuthedContext,
    applicationId: number,
    action: Action,
    lock = false,
  ) {
    const scope = regionScope(ctx.actor, 'documents', action);
    const application = await this.documents.findCase(manager, applicationId, lock);
    if (!application || !inScope(scope, application.regionId)) throw DomainError.notFound('application');
    return application;
  }

  private async findInScope(manager: EntityManager, ctx: AuthedContext, id: number, action: Action, lock = false) {
    const scope = regionScope(ctx.actor, 'documents', action);
    const document = await this.documents.findById(manager, id);
    const application = document && (await this.documents.findCase(manager, document.applicationId, lock));
    if (!document || !application || !inScope(scope, application.regionId)) throw DomainError.notFound('document');
    return { document, application };
  }
}

/** Documents change only while the case is open. */
function assertDocumentsOpen(application: CaseForDocuments): void {
  if (isTerminal(application.status)) {
    const closed = coded('application.closed', { status: application.status });
    throw new DomainError(ErrorKind.Conflict, closed.code, closed.params, { applicationId: closed });
  }
}
