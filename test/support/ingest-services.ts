import { CouncilRegistryRepository, IngestService, SeedService } from '@app/ingest';
import { IngestRepository } from '@app/persistence';
import type { DataSource } from 'typeorm';
import { ROOT } from './seed-data';
import { join } from 'node:path';

/** The ingest services wired by hand on a test database (no Nest container needed). */
export function ingestServices(dataSource: DataSource) {
  const registries = new CouncilRegistryRepository(dataSource);
  return {
    registries,
    seeds: new SeedService(dataSource),
    ingest: new IngestService(dataSource, registries, new IngestRepository()),
    seedsDir: join(ROOT, 'seeds'),
  };
}
