import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { checkStorageKey, type FileStore, type StorageArea, StoredFileMissing } from './file-store';

/** Files of one area on local disk under one directory (`DATA_DIR/documents` by default). */
export class LocalFileStore implements FileStore {
  private readonly root: string;

  constructor(
    directory: string,
    private readonly area: StorageArea = 'documents',
  ) {
    this.root = resolve(directory);
  }

  async put(key: string, content: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Written under a temporary name and renamed, so a reader never sees half a file.
    const partial = `${path}.${randomUUID()}.partial`;
    try {
      await writeFile(partial, content, { flag: 'wx', mode: 0o600 });
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async putFile(key: string, source: string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.${randomUUID()}.partial`;
    try {
      // A copy, not a rename: the source may sit on another file system (the temporary directory).
      await copyFile(source, partial);
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    try {
      // Opened here, so a missing file fails before any response is sent.
      const handle = await open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredFileMissing(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** `documents/2026/03/<uuid>` → `<root>/2026/03/<uuid>`; the area's key pattern admits no `..` or separators. */
  private pathOf(key: string): string {
    const [, ...rest] = checkStorageKey(key, this.area).split('/');
    return join(this.root, ...rest);
  }
}
