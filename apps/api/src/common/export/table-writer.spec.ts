import { PassThrough } from 'node:stream';
import { Readable } from 'node:stream';
import { EXPORT_COLUMNS } from '@qonys/domain';
import ExcelJS from 'exceljs';
import { type ExportBatch, ExportAborted, exportCell, writeExport } from './table-writer';

const status = EXPORT_COLUMNS.applications.find((c) => c.field === 'status')!;
const surname = EXPORT_COLUMNS.applications.find((c) => c.field === 'applicantName')!;

const source = (rows: object[]) => ({
  resource: 'applications' as const,
  async *batches(): AsyncGenerator<ExportBatch> {
    yield { rows, personIds: [] };
  },
});

async function written(format: 'csv' | 'xlsx', rows: object[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeExport(source(rows), out, {
    format,
    language: 'en',
    regionName: () => 'Pavlodar',
    beforeBatch: async () => {},
  });
  return Buffer.concat(chunks);
}

describe('exportCell', () => {
  it('writes coded values in the reader’s language and neutralises formulas', () => {
    expect(exportCell(status, 'approved', 'kk', String)).toBe('Қандас мәртебесі берілді');
    expect(exportCell(surname, '=1+1', 'en', String)).toBe("'=1+1");
    expect(exportCell(surname, null, 'en', String)).toBe('');
  });
});

describe('writeExport', () => {
  const row = { number: 'KND-1', applicantName: '@SUM(A1)', status: 'draft', regionId: 1, memberCount: 3 };

  it('writes CSV with a byte-order mark and CRLF rows', async () => {
    const csv = await written('csv', [row]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Case number,Applicant,Status,Region,Caseworker,Deadline,Persons,Created');
    expect(lines[1]).toBe("KND-1,'@SUM(A1),Draft,Pavlodar,,,3,");
  });

  it('writes XLSX whose formula-like text stays text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from(await written('xlsx', [row])));
    const cells = workbook.worksheets[0].getRow(2).values as unknown[];
    expect(cells.slice(1, 5)).toEqual(['KND-1', "'@SUM(A1)", 'Draft', 'Pavlodar']);
    expect(cells[7]).toBe(3);
  });

  it('stops when the reader goes away instead of waiting for it', async () => {
    const out = new PassThrough({ highWaterMark: 1024 });
    const many = Array.from({ length: 5000 }, (_, i) => ({ ...row, number: `KND-${i}` }));
    const writing = writeExport(source(many), out, {
      format: 'csv',
      language: 'en',
      regionName: () => 'Pavlodar',
      beforeBatch: async () => {},
    });
    // Nobody reads: the stream fills, then the download is closed.
    setTimeout(() => out.destroy(), 50);
    await expect(writing).rejects.toBeInstanceOf(ExportAborted);
  });
});
