import { Module } from '@nestjs/common';
import { ChecklistService } from './checklist.service';
import { DocumentsController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { fileStoreProvider } from '../../common/storage/file-store.provider';

/** A case's documents and its checklist; the applications module uses ChecklistService for approval. */
@Module({
  controllers: [DocumentsController],
  providers: [DocumentsService, DocumentsRepository, ChecklistService, fileStoreProvider],
  exports: [ChecklistService],
})
export class DocumentsModule {}
