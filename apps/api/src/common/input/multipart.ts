import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorKind } from '../errors/domain-error';
import { assertSafeInput } from './hostile-input';

export interface MultipartBody {
  /** Text fields by part name (no prototype: the names are the client's), checked like any input. */
  fields: Record<string, string>;
  /** The first part named `file`. */
  file: { fileName: string; content: Buffer } | null;
  /** Whether more file parts came than that one. */
  extraFiles: boolean;
}

export interface MultipartOptions {
  limits?: { fileSize?: number; files?: number };
  /** The error for a file over `limits.fileSize`. */
  tooLarge: () => Error;
  /** The error for more files, fields or parts than the limits allow. */
  tooMany: () => Error;
}

/** Reads a multipart/form-data body whole; one that cannot be parsed (cut short, bad boundary) is a 400. */
export async function readMultipart(request: FastifyRequest, options: MultipartOptions): Promise<MultipartBody> {
  const fields = Object.create(null) as Record<string, string>;
  let file: MultipartBody['file'] = null;
  let extraFiles = false;
  try {
    for await (const part of request.parts(options.limits ? { limits: options.limits } : undefined)) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
      } else if (part.fieldname === 'file' && file === null) {
        file = { fileName: part.filename, content: await part.toBuffer() };
      } else {
        extraFiles = true;
        part.file.resume();
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw options.tooLarge();
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw options.tooMany();
    throw new DomainError(ErrorKind.Invalid, 'request.malformed_multipart', {}, { file: 'request.malformed_multipart' });
  }
  assertSafeInput(fields, '');
  return { fields, file, extraFiles };
}
