import { csvCell, toCsv } from './csv';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('Сейітов, Нұрлан')).toBe('"Сейітов, Нұрлан"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('keeps a cell that would run as a formula as text', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+7 701 000 00 00')).toBe("'+7 701 000 00 00");
    expect(csvCell('@sum')).toBe("'@sum");
    expect(csvCell(-5)).toBe('-5');
  });

  it('writes empty cells for missing values, and a BOM and CRLF rows for spreadsheets', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, null],
          [undefined, 'x'],
        ],
      ),
    ).toBe('\ufeffa,b\r\n1,\r\n,x\r\n');
  });
});
