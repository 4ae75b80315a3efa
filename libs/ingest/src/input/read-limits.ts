import { EnvironmentVariables } from '@app/config';

/**
 * How much one file may cost to read. Decision texts come from outside: a crafted PDF or Word file
 * must not stall or exhaust the service, so PDFs, Word files and HTML pages are read in a child
 * process held to these limits (READ_MAX_PAGES, READ_MAX_UNPACKED_MB, READ_MAX_MEMORY_MB,
 * READ_TIMEOUT_SECONDS).
 */
export interface ReadLimits {
  /** Pages of a PDF; the council's protocols have a few hundred at most. */
  maxPages: number;
  /** Bytes all compressed parts of a file (PDF streams, the parts of a .docx) unpack to together. */
  maxUnpackedBytes: number;
  /** Memory of the reading process (resident set), in bytes. */
  maxMemoryBytes: number;
  /** Wall-clock time for reading one file, in milliseconds. */
  timeoutMs: number;
}

export const MEGABYTE = 1024 * 1024;

/** Limits from the validated environment (whole numbers, see libs/config). */
export function readLimitsFrom(
  env: Pick<
    EnvironmentVariables,
    'READ_MAX_PAGES' | 'READ_MAX_UNPACKED_MB' | 'READ_MAX_MEMORY_MB' | 'READ_TIMEOUT_SECONDS'
  >,
): ReadLimits {
  return {
    maxPages: env.READ_MAX_PAGES,
    maxUnpackedBytes: env.READ_MAX_UNPACKED_MB * MEGABYTE,
    maxMemoryBytes: env.READ_MAX_MEMORY_MB * MEGABYTE,
    timeoutMs: env.READ_TIMEOUT_SECONDS * 1000,
  };
}

/** The defaults of libs/config, for callers without a configuration (tests, tools). */
export const DEFAULT_READ_LIMITS: ReadLimits = readLimitsFrom(new EnvironmentVariables());
