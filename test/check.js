#!/usr/bin/env node
// The type check and the lint of `npm test` on one TypeScript program. The lint's type-aware
// rules (floating and misused promises) need the whole program, type-checked; built by eslint
// itself (parserOptions.project) that is a second build of what the type check has just built.
// Here the type check builds it once, as `tsc --noEmit -p tsconfig.json` does (the same options,
// the same files, the same diagnostics), and the lint, as `eslint -c config/eslint.config.mjs
// --max-warnings 0 apps libs test`, is handed that program (parserOptions.programs).
// Prints each one's findings; exit status: 0 both passed, 1 the type check failed, 2 the lint
// failed, 3 both. test/run.js counts them as two checks.
'use strict';
const { join } = require('node:path');
const ts = require('typescript');

const root = join(__dirname, '..');

/** The program of tsconfig.json, as `tsc --noEmit -p tsconfig.json` builds it. */
function tscProgram() {
  const host = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), { noEmit: true }, host);
  // Parent pointers set while parsing, as the lint's parser needs them (they change no diagnostic).
  const compilerHost = ts.createCompilerHost(parsed.options, true);
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    host: compilerHost,
    projectReferences: parsed.projectReferences,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
  });
  return program;
}

function typeCheck(program) {
  const diagnostics = ts.sortAndDeduplicateDiagnostics([
    ...program.getConfigFileParsingDiagnostics(),
    ...ts.getPreEmitDiagnostics(program),
  ]);
  if (diagnostics.length === 0) return true;
  const formatHost = {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => root,
    getNewLine: () => ts.sys.newLine,
  };
  const format = process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
  process.stdout.write(format(diagnostics, formatHost));
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length;
  process.stdout.write(`\nFound ${errors} error${errors === 1 ? '' : 's'}.\n`);
  return errors === 0;
}

async function lint(program) {
  const { ESLint } = require('eslint');
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: join(root, 'config', 'eslint.config.mjs'),
    overrideConfig: { files: ['**/*.ts'], languageOptions: { parserOptions: { programs: [program] } } },
  });
  const results = await eslint.lintFiles(['apps', 'libs', 'test']);
  const output = (await eslint.loadFormatter('stylish')).format(results);
  if (output) process.stdout.write(output);
  const errors = results.reduce((sum, r) => sum + r.errorCount, 0);
  const warnings = results.reduce((sum, r) => sum + r.warningCount, 0);
  if (errors === 0 && warnings > 0)
    process.stdout.write(`ESLint found too many warnings (maximum: 0).\n`);
  return errors === 0 && warnings === 0;
}

async function main() {
  const program = tscProgram();
  const typesPassed = typeCheck(program);
  const lintPassed = await lint(program);
  process.exit((typesPassed ? 0 : 1) + (lintPassed ? 0 : 2));
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(3);
});
