#!/usr/bin/env node
// `npm run score:links`: scores the link finder on the real development set (test/fixtures/links).
'use strict';
require('./run-ts')(require.resolve('./print-real-links.ts'), 'printRealLinks');
