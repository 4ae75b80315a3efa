#!/usr/bin/env node
// `npm run score:real`: scores the extractor on the real development set (test/fixtures/real).
'use strict';
require('./run-ts')(require.resolve('./print-real-set.ts'), 'printRealSet');
