import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExtractionError } from '@app/extraction';
import { MEGABYTE, type ReadLimits } from '../input/read-limits';
import type { DocumentKind } from './document.reader';
import type { ReadReply, ReadRequest } from './reader.child';

/** Reading processes at once; more uploads wait their turn instead of multiplying the memory. */
const PARALLEL_READS = 2;
/** How often the reading process's memory is looked at. */
const MEMORY_CHECK_MS = 25;
const PAGE_SIZE = 4096;

let running = 0;
const waiting: Array<() => void> = [];

/**
 * Reads a PDF, Word file or HTML page in a child process held to `limits`: the V8 heap is capped
 * at start, the resident memory is watched from here, the time is bounded, and the process is
 * killed at the first limit it passes. The caller's event loop only waits: a crafted file costs
 * the reading process, never the API. Refusals are ExtractionErrors naming the limit.
 */
export async function readInSandbox(
  kind: DocumentKind,
  data: Uint8Array,
  limits: ReadLimits,
): Promise<string> {
  if (running >= PARALLEL_READS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await readInChild({ kind, data, limits });
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function readInChild(request: ReadRequest): Promise<string> {
  const { limits } = request;
  const child = startChild(limits);
  return new Promise<string>((resolve, reject) => {
    let refusal: ExtractionError | undefined;
    let stderr = '';
    const stop = (error: ExtractionError) => {
      refusal ??= error;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(tooSlow(limits)), limits.timeoutMs);
    const watch = setInterval(() => {
      void residentBytes(child.pid).then((bytes) => {
        if (bytes !== undefined && bytes > limits.maxMemoryBytes) stop(tooMuchMemory(limits));
      });
    }, MEMORY_CHECK_MS);
    const done = () => {
      clearTimeout(timer);
      clearInterval(watch);
    };
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2000);
    });
    child.once('message', (reply: ReadReply) => {
      done();
      child.kill('SIGKILL');
      if (reply.ok) resolve(reply.text);
      else reject(new ExtractionError(reply.code, reply.message, reply.line));
    });
    child.once('error', () => {
      done();
      reject(refusal ?? new ExtractionError('unreadable', 'die Datei konnte nicht gelesen werden'));
    });
    child.once('exit', () => {
      done();
      // After an answer this changes nothing (a promise settles once).
      if (refusal) reject(refusal);
      else if (/heap limit|out of memory|allocation failed/i.test(stderr))
        reject(tooMuchMemory(limits));
      else reject(new ExtractionError('unreadable', 'die Datei konnte nicht gelesen werden'));
    });
    child.send(request, (error) => {
      if (error) stop(new ExtractionError('unreadable', 'die Datei konnte nicht gelesen werden'));
    });
  });
}

/**
 * The reading process: the compiled reader.child.js beside this file, or, when this runs from the
 * TypeScript sources (Jest, TypeScript runners), reader.child.source.js, which compiles them.
 */
function startChild(limits: ReadLimits): ChildProcess {
  const fromSource = __filename.endsWith('.ts');
  const heapMb = Math.max(64, Math.floor((limits.maxMemoryBytes / MEGABYTE) * 0.75));
  return fork(join(__dirname, fromSource ? 'reader.child.source.js' : 'reader.child.js'), [], {
    execArgv: [`--max-old-space-size=${heapMb}`],
    // Nothing of the service's configuration (database, mail passwords) reaches the reader.
    env: { NODE_ENV: process.env.NODE_ENV ?? 'production', TZ: 'UTC' },
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
}

/** Resident memory of a process on Linux; undefined elsewhere (the heap cap still holds). */
async function residentBytes(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  try {
    const statm = await readFile(`/proc/${pid}/statm`, 'utf8');
    return Number(statm.split(' ')[1]) * PAGE_SIZE;
  } catch {
    return undefined;
  }
}

function tooSlow(limits: ReadLimits): ExtractionError {
  return new ExtractionError(
    'too-slow',
    `das Lesen der Datei dauerte länger als ${Math.round(limits.timeoutMs / 1000)} Sekunden (Grenze READ_TIMEOUT_SECONDS) und wurde abgebrochen; ein Beschlusstext ist in wenigen Sekunden gelesen`,
  );
}

function tooMuchMemory(limits: ReadLimits): ExtractionError {
  return new ExtractionError(
    'too-much-memory',
    `das Lesen der Datei brauchte mehr als ${Math.round(limits.maxMemoryBytes / MEGABYTE)} MB Arbeitsspeicher (Grenze READ_MAX_MEMORY_MB) und wurde abgebrochen`,
  );
}
