import { buildCube, protectCube } from './cube';
import { DATASETS, datasetById } from './datasets';
import { csvField, toCsv, toJsonStat, toTableSchema, UTF8_BOM } from './formats';
import { pickLanguage } from './language';
import { renderStatisticsPage } from './statistics-page';

const statusGranted = datasetById('status-granted')!;
const processing = datasetById('processing-days')!;

async function sampleCube() {
  // 2025: 55 → 12, 10 → 3 (suppressed), 63 → 7 (its partner); 2026: 55 → 0 published, 10 → 9.
  const cube = buildCube(
    statusGranted,
    [
      ['2025', '2026'],
      ['10', '55', '63'],
    ],
    [
      { coordinates: ['2025', '55'], value: 12 },
      { coordinates: ['2025', '10'], value: 3 },
      { coordinates: ['2025', '63'], value: 7 },
      { coordinates: ['2026', '10'], value: 9 },
    ],
  );
  return protectCube(cube, 5);
}

describe('csvField', () => {
  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('keeps a spreadsheet from running a field as a formula, but not a negative number', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-3')).toBe('-3');
  });
});

describe('toCsv', () => {
  it('writes UTF-8 with a BOM, the contract columns, a TOTAL row per year and c for suppressed cells', async () => {
    const csv = toCsv(await sampleCube());
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = csv.toString('utf8');
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'year,region_code,persons,status',
      '2025,10,,c',
      '2025,55,12,',
      '2025,63,,c',
      '2025,TOTAL,22,',
      '2026,10,9,',
      '2026,55,0,',
      '2026,63,0,',
      '2026,TOTAL,9,',
      '',
    ]);
  });

  it('suppresses a companion figure with its count', async () => {
    const cube = await protectCube(
      buildCube(
        processing,
        [['2025', '2026']],
        [
          { coordinates: ['2025'], value: 3, companion: 40 },
          { coordinates: ['2026'], value: 8, companion: 31.5 },
        ],
      ),
      5,
    );
    expect(toCsv(cube).toString('utf8').slice(1).split('\r\n')).toEqual([
      'year,decisions,median_days,status',
      '2025,,,c',
      '2026,8,31.5,',
      '',
    ]);
  });
});

describe('toJsonStat', () => {
  it('is a JSON-stat 2.0 dataset with id, size, dimension, value and status c', async () => {
    const json = JSON.parse(
      toJsonStat(
        await sampleCube(),
        { number: 4, publishedAt: '2026-12-01T01:00:00.000Z' },
        {
          region_code: { '55': 'Pavlodar Region' },
        },
      ).toString('utf8'),
    );
    expect(json).toMatchObject({
      version: '2.0',
      class: 'dataset',
      id: ['year', 'region_code'],
      size: [2, 4],
      role: { time: ['year'], geo: ['region_code'] },
      value: [null, 12, null, 22, 9, 0, 0, 9],
      status: { '0': 'c', '2': 'c' },
      updated: '2026-12-01T01:00:00.000Z',
    });
    expect(json.dimension.region_code.category).toEqual({
      index: ['10', '55', '63', 'TOTAL'],
      label: { '10': '10', '55': 'Pavlodar Region', '63': '63', TOTAL: 'Total' },
    });
    expect(json.value).toHaveLength(json.size.reduce((a: number, b: number) => a * b, 1));
  });
});

describe('toTableSchema', () => {
  it('describes every CSV column, the status enum and the licence', () => {
    for (const spec of DATASETS) {
      const schema = JSON.parse(toTableSchema(spec).toString('utf8'));
      expect(schema.fields.map((f: { name: string }) => f.name)).toEqual([
        ...spec.dimensions.map((d) => d.id),
        spec.measure.id,
        ...(spec.companion ? [spec.companion.id] : []),
        'status',
      ]);
      expect(schema.fields.at(-1).constraints.enum).toEqual(['', 'c']);
      expect(schema.licenses[0].name).toBe('CC-BY-4.0');
    }
  });
});

describe('pickLanguage', () => {
  it('takes ?lang=, else the best-ranked kk, ru or en of Accept-Language, else the fallback', () => {
    expect(pickLanguage('ru', 'en', 'kk')).toBe('ru');
    expect(pickLanguage('de', 'de-DE, ru-RU;q=0.8, en;q=0.9', 'kk')).toBe('en');
    expect(pickLanguage(undefined, 'ru-RU', 'kk')).toBe('ru');
    expect(pickLanguage(undefined, 'fr, de', 'kk')).toBe('kk');
    expect(pickLanguage(['en'], undefined, 'kk')).toBe('kk');
  });
});

describe('renderStatisticsPage', () => {
  it('says so when no release exists, in the language asked, without a script', () => {
    const html = renderStatisticsPage({
      lang: 'ru',
      release: null,
      files: [],
      releases: [],
      checkpoint: null,
      pinned: false,
    });
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Пока не опубликовано ни одного выпуска.');
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes what it prints (a release note)', () => {
    const release = {
      number: 2,
      publishedAt: new Date('2026-12-01T01:00:00Z'),
      publishedBy: null,
      note: '<script>alert(1)</script> & "quotes"',
      correctsReleaseNumber: 1,
      threshold: 5,
      periodFrom: '2025-01-01',
      periodTo: '2026-12-31',
      manifest: '',
      sha256: 'a'.repeat(64),
      suppressedCells: 0,
    };
    const html = renderStatisticsPage({
      lang: 'en',
      release,
      files: [],
      releases: [release],
      checkpoint: null,
      pinned: false,
    });
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(html).toContain('href="/statistics?lang=kk"');
  });
});
