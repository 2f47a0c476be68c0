import { basename, extname } from 'node:path';

/** 10485760 → "10 MB", 4096 → "4 KB". */
export const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
    : `${Math.round((bytes / 1024) * 10) / 10} KB`;

/** The client's file name for display and downloads: no folders, no control characters, at most 200 characters. */
export function cleanFileName(raw: string | undefined): string {
  const name = basename((raw ?? '').replace(/\\/g, '/'))
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim();
  if (name === '' || name === '.' || name === '..') return 'document';
  if (name.length <= 200) return name;
  const extension = extname(name).slice(0, 10);
  return name.slice(0, 200 - extension.length) + extension;
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266) with an ASCII fallback. */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
