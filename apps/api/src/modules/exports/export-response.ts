import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../documents/file-names';
import type { ExportStart } from './exports.service';

/**
 * The answer of `GET <list>/export`: the file itself (200), or 202 with the export's id
 * when it runs as a job (`GET /api/exports/:id` then `/file`).
 */
export function exportResponse(
  reply: FastifyReply,
  start: ExportStart,
): StreamableFile | { id: string; state: 'queued' } {
  if (start.kind === 'job') {
    void reply.status(202).header('Location', `/api/exports/${start.id}`);
    return { id: start.id, state: 'queued' };
  }
  void reply
    .header('Content-Type', start.contentType)
    .header('Content-Disposition', contentDisposition('attachment', start.fileName))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store');
  return new StreamableFile(start.body);
}
