// Runs an exported function of a TypeScript module of test/ from plain Node (through swc, with
// the project's tsconfig for the @app/* paths), with the command line's arguments.
'use strict';
const { join } = require('node:path');

module.exports = function runTs(modulePath, exportName) {
  process.env.SWC_NODE_PROJECT = join(__dirname, '..', '..', 'tsconfig.json');
  process.env.TZ = 'UTC';
  require('@swc-node/register');
  return require(modulePath)[exportName](process.argv.slice(2));
};
