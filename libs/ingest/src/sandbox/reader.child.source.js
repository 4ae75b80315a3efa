'use strict';
// Starts the reading process from the TypeScript sources (under Jest and other TypeScript runners,
// where no compiled reader.child.js exists): .ts files are compiled with @swc/core (a development
// dependency) as they are required, and @app/<lib> resolves to libs/<lib>/src as tsconfig says.
// Lighter than @swc-node/register, which loads the TypeScript compiler (~1.5 s per process).
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const root = join(__dirname, '..', '..', '..', '..');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const alias = /^@app\/([^/]+)(\/.*)?$/.exec(request);
  const target = alias ? join(root, 'libs', alias[1], 'src', alias[2] ?? '') : request;
  return resolveFilename.call(this, target, ...rest);
};
Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    // import() stays a native import, as tsc leaves it: pdfjs-dist is an ES module.
    module: { type: 'commonjs', ignoreDynamic: true },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
require(join(__dirname, 'reader.child.ts'));
