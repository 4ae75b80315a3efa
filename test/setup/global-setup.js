// Says which real services the integration suites will use, so a skipped database is never silent.
module.exports = async () => {
  const pg = process.env.TEST_POSTGRES_URL;
  const lines = [`SQLite: yes (a fresh database file per suite)`];
  lines.push(pg ? `PostgreSQL: ${pg.replace(/\/\/[^@/]*@/, '//***@')}` : 'PostgreSQL: SKIPPED - set TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run the suites on PostgreSQL too');
  process.stdout.write(`\n[test services]\n  ${lines.join('\n  ')}\n`);
};
