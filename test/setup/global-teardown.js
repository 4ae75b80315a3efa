// Removes this run's template databases (see global-setup.js and test/support/test-database.ts):
// the migrated one and those filled by a recipe, all named mt_template_<run>…
const { readdirSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async () => {
  const run = process.env.MT_TEST_TEMPLATE_RUN;
  if (!run) return;
  delete process.env.MT_TEST_TEMPLATE_RUN;
  // The names are those of templateNames() in test/support/test-database.ts.
  const prefix = `mt_template_${run}`;
  for (const file of readdirSync(tmpdir()))
    if (file.startsWith(prefix)) rmSync(join(tmpdir(), file), { force: true });
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) return;
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT datname FROM pg_database WHERE left(datname, length($1)) = $1',
      [prefix],
    );
    for (const { datname } of rows)
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
};
