import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { type FileStore, newStorageKey, StoredFileMissing } from './file-store';
import { LocalFileStore } from './local-file-store';

const read = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

describe('LocalFileStore', () => {
  let dir: string;
  let store: FileStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qonys-files-'));
    store = new LocalFileStore(join(dir, 'documents'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a file under <dir>/<year>/<month>/<uuid> and gives back the same bytes', async () => {
    const key = newStorageKey(new Date('2026-03-20T10:00:00Z'));
    expect(key).toMatch(/^documents\/2026\/03\/[0-9a-f-]{36}$/);
    await store.put(key, Buffer.from('%PDF-1.4 hello'), 'application/pdf');
    expect(filesUnder(dir)).toEqual([join(dir, 'documents', '2026', '03', key.split('/')[3])]);
    expect((await read(await store.get(key))).toString()).toBe('%PDF-1.4 hello');
  });

  it('deletes a file, and deleting a missing one is not an error', async () => {
    const key = newStorageKey();
    await store.put(key, Buffer.from('x'), 'image/png');
    await store.delete(key);
    await store.delete(key);
    expect(filesUnder(dir)).toEqual([]);
  });

  it('says StoredFileMissing for a key with no file', async () => {
    await expect(store.get(newStorageKey())).rejects.toBeInstanceOf(StoredFileMissing);
  });

  it('refuses keys it did not make, so no path can leave the directory', async () => {
    for (const key of ['../etc/passwd', 'documents/2026/03/../../x', 'documents/2026/03/evil.pdf', '/tmp/x']) {
      await expect(store.put(key, Buffer.from('x'), 'application/pdf')).rejects.toThrow(/not a storage key/);
      await expect(store.get(key)).rejects.toThrow(/not a storage key/);
    }
    expect(filesUnder(dir)).toEqual([]);
  });
});
