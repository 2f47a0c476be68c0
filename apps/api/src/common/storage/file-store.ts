import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where files live: local disk or an S3-compatible object store. Keys are made by
 * `newStorageKey` or `checkpointStorageKey`, never from anything a client sent.
 */
export interface FileStore {
  put(key: string, content: Buffer, contentType: string): Promise<void>;
  /** Stores a file written on local disk first (a large export), read from disk as a stream rather than held in memory. */
  putFile(key: string, path: string, contentType: string): Promise<void>;
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

/** Signed audit checkpoints (docs/audit-chain.md): `audit-checkpoints/2026/12/42.json`, and the newest one's copy. */
export const CHECKPOINT_STORAGE_KEY = /^audit-checkpoints\/(?:latest|\d{4}\/\d{2}\/\d{1,19})\.json$/;

/** Uploaded import files (docs/imports.md): `imports/2026/12/<uuid>`, read again by the job and for the error file. */
export const IMPORT_STORAGE_KEY =
  /^imports\/\d{4}\/\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Files of large list exports (docs/exports.md): `exports/2026/12/<uuid>`. */
export const EXPORT_STORAGE_KEY =
  /^exports\/\d{4}\/\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A new key under one area's prefix: `imports/2026/12/<uuid>`. */
export function newAreaKey(area: 'imports' | 'exports', now: Date = new Date()): string {
  return newStorageKey(now).replace(/^documents\//, `${area}/`);
}

/** The kinds of file kept, each under its own prefix (and, on local disk, its own folder under DATA_DIR). */
export const STORAGE_AREAS = {
  documents: STORAGE_KEY,
  'audit-checkpoints': CHECKPOINT_STORAGE_KEY,
  imports: IMPORT_STORAGE_KEY,
  exports: EXPORT_STORAGE_KEY,
} as const;
export type StorageArea = keyof typeof STORAGE_AREAS;

/** Refuses anything that is not a key we made for the area (the last line of defence against path tricks). */
export function checkStorageKey(key: string, area: StorageArea = 'documents'): string {
  if (!STORAGE_AREAS[area].test(key)) throw new Error(`not a storage key: ${JSON.stringify(key)}`);
  return key;
}
