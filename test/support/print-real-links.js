#!/usr/bin/env node
// `npm run score:links`: scores the link finder on the real development set (test/fixtures/links).
'use strict';
const { join } = require('node:path');
process.env.SWC_NODE_PROJECT = join(__dirname, '..', '..', 'tsconfig.json');
process.env.TZ = 'UTC';
require('@swc-node/register');
require('./print-real-links.ts').printRealLinks(process.argv.slice(2));
