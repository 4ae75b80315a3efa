// Says which real services the integration suites will use, so a skipped suite is never silent,
// and names this run, whose migrated template databases test/support/test-database.ts copies.
const { randomBytes } = require('node:crypto');

module.exports = async () => {
  process.env.MT_TEST_TEMPLATE_RUN = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const hide = (url) => url.replace(/\/\/[^@/]*@/, '//***@');
  const pg = process.env.TEST_POSTGRES_URL;
  const redis = process.env.TEST_REDIS_URL;
  const lines = ['SQLite: a fresh database file per suite (a copy of one migrated once per run)'];
  lines.push(pg ? `PostgreSQL: ${hide(pg)} (a fresh database per suite, copied from one migrated once per run)` : 'PostgreSQL: SKIPPED - TEST_POSTGRES_URL is not set, so the database suites ran on SQLite only');
  lines.push(redis ? `Redis: ${hide(redis)} (a key prefix per test)` : 'Redis: SKIPPED - TEST_REDIS_URL is not set and no redis-server was found, so the BullMQ suites did not run');
  process.stdout.write(`\n[test services]\n  ${lines.join('\n  ')}\n`);
};
