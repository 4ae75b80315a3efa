import { IngestService, SeedService } from '@app/ingest';
import { LinkProposalsService } from '@app/links';
import {
  CouncilRegistryRepository,
  CouncilRepository,
  DecisionLinkRepository,
  IngestRepository,
  MeetingRepository,
  MemberRepository,
  Transactions,
} from '@app/persistence';
import type { DataSource } from 'typeorm';
import { ROOT } from './seed-data';
import { join } from 'node:path';

/** The ingest services wired by hand on a test database (no Nest container needed). */
export function ingestServices(dataSource: DataSource) {
  const registries = new CouncilRegistryRepository(dataSource);
  const transactions = new Transactions(dataSource);
  return {
    registries,
    seeds: new SeedService(
      transactions,
      new CouncilRepository(dataSource),
      new MemberRepository(dataSource),
      new MeetingRepository(dataSource),
    ),
    ingest: new IngestService(
      transactions,
      registries,
      new IngestRepository(),
      new LinkProposalsService(new DecisionLinkRepository(dataSource)),
    ),
    seedsDir: join(ROOT, 'seeds'),
  };
}
