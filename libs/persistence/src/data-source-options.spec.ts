import { dataSourceOptions, redactUrl } from './data-source-options';

describe('dataSourceOptions', () => {
  it('refuses a database it cannot open in German, naming the address without its password', () => {
    expect(() => dataSourceOptions('mysql://root:Db-Geheim-4711@db.example/x')).toThrow(
      'DATABASE_URL muss sqlite:<Pfad> oder postgres://Benutzer@Host:Port/Datenbank sein, nicht "mysql://root:***@db.example/x"',
    );
  });

  it('takes the password out of a URL for messages and logs', () => {
    expect(redactUrl('postgres://app:geheim@127.0.0.1:5432/mt')).toBe(
      'postgres://app:***@127.0.0.1:5432/mt',
    );
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
