#!/usr/bin/env node
// `npm run score:probes`: the blind probe cases (test/fixtures/probes), read and judged.
'use strict';
require('./run-ts')(require.resolve('./print-probes.ts'), 'printProbes');
