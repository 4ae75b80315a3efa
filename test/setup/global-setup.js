// Says which real services the integration suites will use, so a skipped suite is never silent.
module.exports = async () => {
  const hide = (url) => url.replace(/\/\/[^@/]*@/, '//***@');
  const pg = process.env.TEST_POSTGRES_URL;
  const redis = process.env.TEST_REDIS_URL;
  const lines = ['SQLite: a fresh database file per suite'];
  lines.push(pg ? `PostgreSQL: ${hide(pg)} (a fresh database per suite)` : 'PostgreSQL: SKIPPED - TEST_POSTGRES_URL is not set, so the database suites ran on SQLite only');
  lines.push(redis ? `Redis: ${hide(redis)} (a key prefix per test)` : 'Redis: SKIPPED - TEST_REDIS_URL is not set and no redis-server was found, so the BullMQ suites did not run');
  process.stdout.write(`\n[test services]\n  ${lines.join('\n  ')}\n`);
};
