// What `npm run stack` (apps/stack.js) says about its processes, one line each, and how to read
// such a line back: test/bench/stack.bench.ts follows the processes by these lines.
'use strict';

const PREFIX = '[stack] ';
const EVENTS = { started: 'gestartet', ready: 'bereit', exited: 'ausgefallen' };
const ALL_UP = 'alle Prozesse bereit';

/** "API 1", "Worker 2": the name the launcher gives a process in its lines and before its output. */
function processName(kind, index) {
  return `${kind === 'api' ? 'API' : 'Worker'} ${index}`;
}

/** What the launcher says about one process, after PREFIX: "API 1 bereit (PID 4711, 127.0.0.1:40123)". */
function processLine(event, name, details) {
  return `${name} ${EVENTS[event]} (${details})`;
}

/** The PID in a line's details: "PID 4711". */
function pidDetail(pid) {
  return `PID ${pid}`;
}

/** What the launcher says, after PREFIX, once every process is up. */
function allUpLine(url) {
  return `${ALL_UP}: die Anwendung ist unter ${url} erreichbar`;
}

const PROCESS_LINE = new RegExp(
  `^\\[stack\\] ((?:API|Worker) \\d+) (${Object.values(EVENTS).join('|')}) \\((?:PID (\\d+))?`,
);

/** What a line of the launcher's output says about a process (pid when it names one), or undefined. */
function readProcessLine(line) {
  const m = PROCESS_LINE.exec(line);
  if (!m) return undefined;
  const event = Object.keys(EVENTS).find((key) => EVENTS[key] === m[2]);
  return { name: m[1], event, pid: m[3] === undefined ? undefined : Number(m[3]) };
}

/** Whether a line of the launcher's output says that every process is up. */
function isAllUpLine(line) {
  return line.startsWith(`${PREFIX}${ALL_UP}:`);
}

module.exports = {
  PREFIX,
  processName,
  processLine,
  pidDetail,
  allUpLine,
  readProcessLine,
  isAllUpLine,
};
