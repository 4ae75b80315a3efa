#!/usr/bin/env node
// `npm run score:real`: scores the extractor on the real development set (test/fixtures/real).
'use strict';
const { join } = require('node:path');
process.env.SWC_NODE_PROJECT = join(__dirname, '..', '..', 'tsconfig.json');
process.env.TZ = 'UTC';
require('@swc-node/register');
require('./print-real-set.ts').printRealSet(process.argv.slice(2));
