#!/usr/bin/env node
// Runs one app (api | worker | cli) from its compiled output, building it first when any source
// under apps/ or libs/ is newer than the build, so `npm start` and `npm run tracker` are always current.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const [app, ...args] = process.argv.slice(2);
const entry = app && join(root, 'dist', 'apps', app, 'apps', app, 'src', 'main.js');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
      latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

/** Builds `name` (api | worker | cli) when any source is newer than its build; returns its entry. */
function ensureBuilt(name) {
  const built = join(root, 'dist', 'apps', name, 'apps', name, 'src', 'main.js');
  const sources = Math.max(
    newest(join(root, 'apps')),
    newest(join(root, 'libs')),
    statSync(join(root, 'tsconfig.json')).mtimeMs,
  );
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    process.stderr.write(`${name} wird gebaut …\n`);
    const nest = join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
    const build = spawnSync(process.execPath, [nest, 'build', name], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  return built;
}

module.exports = { ensureBuilt };
if (require.main !== module) return;

if (!['api', 'worker', 'cli'].includes(app)) {
  process.stderr.write('Aufruf: node apps/launch.js api|worker|cli [Angaben …]\n');
  process.exit(2);
}
ensureBuilt(app);
// The app runs as a child. SIGTERM sent to this launcher (a process manager, `docker stop`, or
// npm passing on what it got: the scripts `exec` this launcher, so no shell stands between) is
// passed on, so the app shuts down cleanly (finishing the job it runs) and never outlives it.
// Ctrl-C reaches the child from the terminal already, so the launcher only waits for it. A stop
// that was asked for ends with exit code 0: the service stopped as it should.
const child = spawn(process.execPath, ['--enable-source-maps', entry, ...args], {
  cwd: process.cwd(),
  stdio: 'inherit',
});
let stopping = false;
const forward = (signal) => {
  stopping = true;
  child.kill(signal);
};
const wait = () => {
  stopping = true;
};
process.on('SIGTERM', forward);
process.on('SIGINT', wait);
process.on('SIGHUP', wait);
child.on('exit', (code, signal) => {
  if (signal && stopping && ['SIGTERM', 'SIGINT', 'SIGHUP'].includes(signal)) process.exit(0);
  process.off('SIGTERM', forward);
  process.off('SIGINT', wait);
  process.off('SIGHUP', wait);
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
