import { APPLICATION_STATUSES } from './application-workflow';
import { APPLICATION_STATUS_LABELS, EXPORT_COLUMNS, exportLanguage, neutraliseCell } from './export-columns';

describe('neutraliseCell', () => {
  it.each(['=HYPERLINK("http://evil.example","x")', '+77011234567', '-2+3', '@SUM(A1:A2)', '\tcmd', '\rcmd'])(
    'keeps %j as text with a leading apostrophe',
    (text) => expect(neutraliseCell(text)).toBe(`'${text}`),
  );

  it.each(['Сейітов', 'KND-2026-000001', "O'Brien", ' =not at the start', ''])('leaves %j as it is', (text) =>
    expect(neutraliseCell(text)).toBe(text),
  );
});

describe('exportLanguage', () => {
  it('takes ?locale= first, then the best of Accept-Language, then Kazakh', () => {
    expect(exportLanguage('ru', 'en')).toBe('ru');
    expect(exportLanguage('de', 'de-DE, en;q=0.5, ru;q=0.8')).toBe('ru');
    expect(exportLanguage(undefined, 'ru-RU;q=0.9, kk;q=1')).toBe('kk');
    expect(exportLanguage(undefined, 'fr')).toBe('kk');
    expect(exportLanguage(undefined, undefined)).toBe('kk');
  });
});

describe('EXPORT_COLUMNS', () => {
  it('labels every application status in all three languages', () => {
    expect(Object.keys(APPLICATION_STATUS_LABELS).sort()).toEqual([...APPLICATION_STATUSES].sort());
  });

  it('gives every column a header in kk, ru and en', () => {
    for (const columns of Object.values(EXPORT_COLUMNS))
      for (const column of columns) expect(Object.values(column.header).every((text) => text.length > 0)).toBe(true);
  });
});
