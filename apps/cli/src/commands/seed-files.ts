import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  datedSessions,
  type CalendarSession,
  type Registry,
  type SeedSession,
} from '@app/extraction';

/** The first council's registry and calendar straight from the seed files (no database). */
export async function readSeedFiles(
  seedsDir: string,
  council = 'itplr',
): Promise<{ registry: Registry; calendar: CalendarSession[] }> {
  const dir = join(seedsDir, council);
  const registry = JSON.parse(await readFile(join(dir, 'registry.json'), 'utf8')) as Registry;
  const calendar = datedSessions(
    (
      JSON.parse(await readFile(join(dir, 'sessions.json'), 'utf8')) as {
        sessions: SeedSession[];
      }
    ).sessions,
  );
  return { registry, calendar };
}
