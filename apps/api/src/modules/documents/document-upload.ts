import { type DocumentContentType } from '@qonys/domain';
import { extname } from 'node:path';
import { PayloadTooLargeException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error';
import { validationPipe } from '../../common/errors/validation.pipe';
import { readMultipart } from '../../common/input/multipart';
import { UploadDocumentFieldsDto } from './dto/document.dto';
import { cleanFileName, formatBytes } from './file-names';

export interface DocumentUpload {
  fields: UploadDocumentFieldsDto;
  /** As the client named it, cleaned for display; never part of a storage path. */
  fileName: string;
  content: Buffer;
}

/**
 * Reads a multipart upload: the text fields (validated like a JSON body) and exactly one
 * part named `file`, held in memory (at most DOCUMENT_MAX_BYTES, enforced by
 * @fastify/multipart as it streams).
 */
export async function readDocumentUpload(request: FastifyRequest, maxBytes: number): Promise<DocumentUpload> {
  if (!request.isMultipart()) {
    throw DomainError.invalid({ file: 'send the document as multipart/form-data with a part named file' });
  }
  const { fields, file, extraFiles } = await readMultipart(request, {
    tooLarge: () =>
      new PayloadTooLargeException(
        `The file is larger than the upload limit of ${formatBytes(maxBytes)} (${maxBytes} bytes)`,
      ),
    tooMany: () =>
      DomainError.invalid({ file: 'send one file with the fields applicationId, documentTypeId and personId' }),
  });
  if (extraFiles) throw DomainError.invalid({ file: 'send exactly one file, in the part named file' });
  if (file === null) throw DomainError.invalid({ file: 'file is required' });
  if (file.content.length === 0) throw DomainError.invalid({ file: 'the file is empty' });
  const dto = (await validationPipe.transform(
    { ...fields },
    {
      type: 'body',
      metatype: UploadDocumentFieldsDto,
    },
  )) as UploadDocumentFieldsDto;
  return { fields: dto, fileName: cleanFileName(file.fileName), content: file.content };
}

const EXTENSIONS: Record<DocumentContentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};
const LABELS: Record<DocumentContentType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};
const isDocumentType = (mime: string): mime is DocumentContentType => Object.hasOwn(EXTENSIONS, mime);

/**
 * The file's real type, from its first bytes (file-type), never from its name or the
 * declared Content-Type. Only PDF, JPEG and PNG are kept, and a name whose extension
 * claims another type than the content is refused.
 */
export async function detectDocumentType(content: Buffer, fileName: string): Promise<DocumentContentType> {
  // file-type is ESM-only; a dynamic import loads it from this CommonJS build.
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(content);
  if (!detected || !isDocumentType(detected.mime)) {
    const found = detected ? `${detected.ext.toUpperCase()} (${detected.mime})` : 'not a recognised file type';
    throw DomainError.invalid({ file: `the file must be a PDF, JPEG or PNG; its content is ${found}` });
  }
  const extension = extname(fileName).slice(1).toLowerCase();
  if (extension !== '' && !EXTENSIONS[detected.mime].includes(extension)) {
    throw DomainError.invalid({
      file: `the file's name ends in .${extension} but its content is ${LABELS[detected.mime]}; upload the right file or correct its name`,
    });
  }
  return detected.mime;
}
