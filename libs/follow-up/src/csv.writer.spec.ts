import { toCsv } from './csv.writer';

describe('CSV for German Excel', () => {
  it('starts with a BOM, separates with semicolons and ends lines with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', 'Größe']])).toBe('\ufeffa;b\r\n1;Größe\r\n');
  });

  it('quotes fields with separators, quotes or line breaks, doubling quotes', () => {
    expect(toCsv(['x'], [['a;b'], ['sagt "ja"'], ['zwei\r\nZeilen']])).toBe(
      '\ufeffx\r\n"a;b"\r\n"sagt ""ja"""\r\n"zwei\r\nZeilen"\r\n',
    );
  });

  it('writes numbers as they are and null as an empty field', () => {
    expect(toCsv(['a', 'b', 'c'], [[-3, null, 'x']])).toBe('\ufeffa;b;c\r\n-3;;x\r\n');
  });

  it('keeps text that looks like a formula from running in Excel', () => {
    expect(toCsv(['x'], [['=HYPERLINK("evil")'], ['@SUM(A1)'], ['+1'], ['-1']])).toBe(
      '\ufeffx\r\n"\'=HYPERLINK(""evil"")"\r\n\'@SUM(A1)\r\n\'+1\r\n\'-1\r\n',
    );
  });

  it('guards a formula behind a leading tab or carriage return too', () => {
    expect(toCsv(['x'], [['\t=1+1'], ['\r=1+1']])).toBe('\ufeffx\r\n\'\t=1+1\r\n"\'\r=1+1"\r\n');
  });

  it('writes booleans and missing values plainly', () => {
    expect(toCsv(['a', 'b'], [[true, undefined]])).toBe('\ufeffa;b\r\ntrue;\r\n');
  });
});
