import { toCsv } from './csv.writer';

describe('CSV for German Excel', () => {
  it('starts with a BOM, separates with semicolons and ends lines with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', 'Größe']])).toBe('\ufeffa;b\r\n1;Größe\r\n');
  });

  it('quotes fields with separators, quotes or line breaks, doubling quotes', () => {
    expect(toCsv(['x'], [['a;b'], ['sagt "ja"'], ['zwei\nZeilen']])).toBe(
      '\ufeffx\r\n"a;b"\r\n"sagt ""ja"""\r\n"zwei\nZeilen"\r\n',
    );
  });

  it('keeps formulas from running when the file is opened', () => {
    expect(toCsv(['x'], [['=HYPERLINK("evil")'], ['-1'], ['@SUM(A1)']])).toBe(
      '\ufeffx\r\n"\'=HYPERLINK(""evil"")"\r\n\'-1\r\n\'@SUM(A1)\r\n',
    );
  });
});
