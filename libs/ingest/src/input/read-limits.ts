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

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxPages: 1000,
  maxUnpackedBytes: 200 * MEGABYTE,
  maxMemoryBytes: 768 * MEGABYTE,
  timeoutMs: 30_000,
};

/** Limits from the validated environment's values (whole numbers, see libs/config). */
export function readLimitsFrom(env: {
  READ_MAX_PAGES: number;
  READ_MAX_UNPACKED_MB: number;
  READ_MAX_MEMORY_MB: number;
  READ_TIMEOUT_SECONDS: number;
}): ReadLimits {
  return {
    maxPages: env.READ_MAX_PAGES,
    maxUnpackedBytes: env.READ_MAX_UNPACKED_MB * MEGABYTE,
    maxMemoryBytes: env.READ_MAX_MEMORY_MB * MEGABYTE,
    timeoutMs: env.READ_TIMEOUT_SECONDS * 1000,
  };
}
