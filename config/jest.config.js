// Jest runs TypeScript through swc (NestJS 12 ships ES modules, which plain Jest on Node 20
// cannot require); `npm run check` does the type-checking swc skips.
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const libs = ['domain', 'extraction', 'persistence', 'ingest', 'config', 'tracking', 'accounts', 'audit', 'follow-up', 'jobs', 'mail', 'oparl', 'links'];
const moduleNameMapper = Object.fromEntries(
  libs.flatMap((lib) => [
    [`^@app/${lib}$`, `<rootDir>/libs/${lib}/src`],
    [`^@app/${lib}/(.*)$`, `<rootDir>/libs/${lib}/src/$1`],
  ]),
);
const common = {
  rootDir: root,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // htmlparser2 and its helpers ship ES modules only, as @nestjs and pdfjs-dist do.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|pdfjs-dist|htmlparser2|domhandler|domutils|domelementtype|dom-serializer|entities)/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper,
  setupFiles: ['<rootDir>/test/setup/clean-env.js'],
  // Generous on purpose: CI is a loaded 2-core machine, where starting the app on a fresh database
  // can take many seconds. Speed is measured in the benchmarks, never by a test's timeout.
  testTimeout: 120_000,
};

module.exports = {
  testTimeout: common.testTimeout,
  // Two suites at a time even on a 2-core machine (Jest's own default there is one): most suites
  // wait on PostgreSQL, Redis, Chromium or an SMTP server much of the time, so the second core is
  // otherwise idle. Every suite has its own databases, key prefixes, ports and temp folders, so
  // suites never share state (README: "Is `npm test` as fast as before the redesign?").
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.js',
      globalTeardown: '<rootDir>/test/setup/global-teardown.js',
    },
  ],
};
