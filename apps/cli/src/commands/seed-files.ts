import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CalendarSession, Registry } from '@app/extraction';

/** The first council's registry and calendar straight from the seed files (no database). */
export async function readSeedFiles(
  seedsDir: string,
  council = 'itplr',
): Promise<{ registry: Registry; calendar: CalendarSession[] }> {
  const dir = join(seedsDir, council);
  const registry = JSON.parse(await readFile(join(dir, 'registry.json'), 'utf8')) as Registry;
  const calendar = (
    JSON.parse(await readFile(join(dir, 'sessions.json'), 'utf8')) as {
      sessions: CalendarSession[];
    }
  ).sessions;
  return { registry, calendar };
}
