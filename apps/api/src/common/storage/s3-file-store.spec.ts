import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { newStorageKey, StoredFileMissing } from './file-store';
import { S3FileStore } from './s3-file-store';

const body = async (stream: Readable | IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** Just enough of the S3 REST API (path-style PUT, GET, DELETE) to see what the store sends. */
function fakeS3(): { server: Server; objects: Map<string, { content: Buffer; type: string }>; requests: string[] } {
  const objects = new Map<string, { content: Buffer; type: string }>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url!, 'http://s3').pathname);
      requests.push(
        `${req.method} ${path} ${req.headers.authorization?.startsWith('AWS4-HMAC-SHA256') ? 'signed' : 'unsigned'}`,
      );
      if (req.method === 'PUT') {
        objects.set(path, { content: await body(req), type: String(req.headers['content-type']) });
        res.writeHead(200, { ETag: '"etag"' }).end();
      } else if (req.method === 'GET') {
        const object = objects.get(path);
        if (!object) {
          res.writeHead(404, { 'Content-Type': 'application/xml' });
          res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>none</Message></Error>');
          return;
        }
        res
          .writeHead(200, { 'Content-Type': object.type, 'Content-Length': object.content.length })
          .end(object.content);
      } else if (req.method === 'DELETE') {
        objects.delete(path);
        res.writeHead(204).end();
      } else {
        res.writeHead(405).end();
      }
    })();
  });
  return { server, objects, requests };
}

describe('S3FileStore', () => {
  const s3 = fakeS3();
  let store: S3FileStore;

  beforeAll(async () => {
    await new Promise<void>((resolve) => s3.server.listen(0, '127.0.0.1', resolve));
    const { port } = s3.server.address() as AddressInfo;
    store = new S3FileStore({
      driver: 's3',
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      bucket: 'qonys-documents',
      accessKey: 'qonys',
      secretKey: 'secret-secret',
      forcePathStyle: true,
    });
  });
  afterAll(() => new Promise((resolve) => s3.server.close(resolve)));

  it('puts, gets and deletes an object in the bucket, path-style and signed', async () => {
    const key = newStorageKey();
    await store.put(key, Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png');
    expect(s3.objects.get(`/qonys-documents/${key}`)).toEqual({
      content: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      type: 'image/png',
    });
    expect(await body(await store.get(key))).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await store.delete(key);
    expect(s3.objects.size).toBe(0);
    expect(s3.requests).toEqual([
      `PUT /qonys-documents/${key} signed`,
      `GET /qonys-documents/${key} signed`,
      `DELETE /qonys-documents/${key} signed`,
    ]);
  });

  it('says StoredFileMissing for a missing object', async () => {
    await expect(store.get(newStorageKey())).rejects.toBeInstanceOf(StoredFileMissing);
  });

  it('refuses keys it did not make', async () => {
    await expect(store.put('../other-bucket/x', Buffer.from('x'), 'image/png')).rejects.toThrow(/not a storage key/);
  });
});
