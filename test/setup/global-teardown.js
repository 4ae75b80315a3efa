// Removes this run's template databases (see global-setup.js and test/support/test-database.ts).
const { rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async () => {
  const run = process.env.MT_TEST_TEMPLATE_RUN;
  if (!run) return;
  delete process.env.MT_TEST_TEMPLATE_RUN;
  // The names are those of templateNames() in test/support/test-database.ts.
  rmSync(join(tmpdir(), `mt_template_${run}.sqlite`), { force: true });
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) return;
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "mt_template_${run}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
};
