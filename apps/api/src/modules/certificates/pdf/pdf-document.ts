import PDFDocument from 'pdfkit';

/**
 * DejaVu Sans covers every Kazakh Cyrillic letter (ә ғ қ ң ө ұ ү һ і). It is embedded
 * (subset) in every PDF; the built-in Helvetica has no Cyrillic at all, so it is never
 * even loaded (pdfkit's `font` option replaces its default).
 */
const REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export const FONT = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const;

export interface PaperMetadata {
  title: string;
  subject: string;
  /** Plain-text keywords (the certificate or case number), searchable in the file. */
  keywords: string;
}

/** A new A4 page in DejaVu Sans, and the finished file once `doc.end()` is called. */
export function createPaper(meta: PaperMetadata): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    font: REGULAR,
    lang: 'kk',
    displayTitle: true,
    info: { Title: meta.title, Subject: meta.subject, Keywords: meta.keywords, Author: 'Qonys', Creator: 'Qonys' },
  });
  doc.registerFont(FONT.regular, REGULAR);
  doc.registerFont(FONT.bold, BOLD);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** A small grey label with its value below it. */
export function field(doc: PDFKit.PDFDocument, label: string, value: string, width?: number): void {
  const x = doc.page.margins.left;
  doc.font(FONT.regular).fontSize(8.5).fillColor('#555555').text(label, x, undefined, { width });
  doc.font(FONT.regular).fontSize(12).fillColor('#000000').text(value, x, undefined, { width });
  doc.moveDown(0.5);
}

export function heading(doc: PDFKit.PDFDocument, text: string, size: number): void {
  doc.font(FONT.bold).fontSize(size).fillColor('#000000').text(text, { align: 'center' });
}

export function rule(doc: PDFKit.PDFDocument): void {
  const y = doc.y + 4;
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
  doc.y = y + 10;
}
