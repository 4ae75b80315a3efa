import { Module } from '@nestjs/common';
import { IngestService } from './ingest.service';
import { CouncilRegistryRepository } from './registry/council-registry.repository';
import { SeedService } from './seed/seed.service';

@Module({
  providers: [IngestService, SeedService, CouncilRegistryRepository],
  exports: [IngestService, SeedService, CouncilRegistryRepository],
})
export class IngestModule {}
