#!/usr/bin/env node
// `npm run bench`: speed targets, measured and printed (never asserted in timed unit tests).
// TypeScript runs through swc with the project's tsconfig (paths for @app/*).
'use strict';
const { join } = require('node:path');
process.env.TS_NODE_PROJECT = join(__dirname, '..', '..', 'tsconfig.json');
process.env.SWC_NODE_PROJECT = process.env.TS_NODE_PROJECT;
process.env.TZ = 'UTC';
require('@swc-node/register');
require('./benchmarks.ts')
  .runBenchmarks(process.argv.slice(2))
  .catch((error) => {
    process.stderr.write(`${error.stack || error}\n`);
    process.exit(1);
  });
