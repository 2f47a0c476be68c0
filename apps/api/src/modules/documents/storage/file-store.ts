import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where document files live: local disk or an S3-compatible object store. Keys are
 * made by `newStorageKey`, never from anything a client sent.
 */
export interface FileStore {
  put(key: string, content: Buffer, contentType: string): Promise<void>;
  /** The file's bytes as a stream; throws StoredFileMissing when there is no such file. */
  get(key: string): Promise<Readable>;
  /** Removes the file; a missing file is not an error. */
  delete(key: string): Promise<void>;
}

/** Injection token for the configured FileStore. */
export const FILE_STORE = Symbol('FILE_STORE');

export class StoredFileMissing extends Error {
  constructor(key: string) {
    super(`stored file ${key} is missing`);
  }
}

/** Keys look like `documents/2026/03/<uuid>`: random, and grouped by month so no folder grows without bound. */
export const STORAGE_KEY = /^documents\/\d{4}\/\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function newStorageKey(now: Date = new Date()): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `documents/${now.getUTCFullYear()}/${month}/${randomUUID()}`;
}

/** Refuses anything that is not a key we made (the last line of defence against path tricks). */
export function checkStorageKey(key: string): string {
  if (!STORAGE_KEY.test(key)) throw new Error(`not a storage key: ${JSON.stringify(key)}`);
  return key;
}
