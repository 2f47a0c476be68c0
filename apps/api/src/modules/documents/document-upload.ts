import { type DocumentContentType } from '@qonys/domain';
import { extname } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { coded, DomainError, ErrorKind } from '../../common/errors/domain-error';
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
    throw DomainError.invalid({ file: 'document.multipart' });
  }
  const { fields, file, extraFiles } = await readMultipart(request, {
    tooLarge: () => {
      const limit = coded('document.file_over_limit', { limit: formatBytes(maxBytes), bytes: maxBytes });
      return new DomainError(ErrorKind.TooLarge, limit.code, limit.params, { file: limit });
    },
    tooMany: () => DomainError.invalid({ file: 'document.upload_parts' }),
  });
  if (extraFiles) throw DomainError.invalid({ file: 'document.one_file' });
  if (file === null) throw DomainError.invalid({ file: 'document.file_required' });
  if (file.content.length === 0) throw DomainError.invalid({ file: 'document.file_empty' });
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
    throw DomainError.invalid({
      file: detected
        ? coded('document.file_type', { found: `${detected.ext.toUpperCase()} (${detected.mime})` })
        : coded('document.file_type_unknown'),
    });
  }
  const extension = extname(fileName).slice(1).toLowerCase();
  if (extension !== '' && !EXTENSIONS[detected.mime].includes(extension)) {
    throw DomainError.invalid({
      file: coded('document.extension_mismatch', { extension, found: LABELS[detected.mime] }),
    });
  }
  return detected.mime;
}
