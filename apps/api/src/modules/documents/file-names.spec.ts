import { cleanFileName, contentDisposition, formatBytes } from './file-names';

describe('cleanFileName', () => {
  it('keeps only the last path segment', () => {
    expect(cleanFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(cleanFileName('C:\\Users\\Asel\\паспорт.pdf')).toBe('паспорт.pdf');
  });

  it('drops control and format characters, and names an empty name "document"', () => {
    expect(cleanFileName('scan\u0000\u202e.pdf')).toBe('scan.pdf');
    expect(cleanFileName('')).toBe('document');
    expect(cleanFileName(undefined)).toBe('document');
    expect(cleanFileName('..')).toBe('document');
  });

  it('shortens a long name to 200 characters, keeping the extension', () => {
    const name = cleanFileName(`${'а'.repeat(300)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name (RFC 6266)', () => {
    expect(contentDisposition('attachment', 'Өтініш "1".pdf')).toBe(
      `attachment; filename="______ _1_.pdf"; filename*=UTF-8''%D3%A8%D1%82%D1%96%D0%BD%D1%96%D1%88%20%221%22.pdf`,
    );
    expect(contentDisposition('inline', "a'b.png")).toBe(`inline; filename="a'b.png"; filename*=UTF-8''a%27b.png`);
  });
});

describe('formatBytes', () => {
  it('says MB from one megabyte up, else KB', () => {
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(4096)).toBe('4 KB');
  });
});
