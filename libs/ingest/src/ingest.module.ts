import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { INGEST_DEFAULTS, IngestService, type IngestDefaults } from './ingest.service';
import { CouncilRegistryRepository } from './registry/council-registry.repository';
import { OparlSyncService } from './oparl/oparl-sync.service';
import { SeedService } from './seed/seed.service';

@Module({
  providers: [
    IngestService,
    SeedService,
    CouncilRegistryRepository,
    OparlSyncService,
    {
      provide: INGEST_DEFAULTS,
      inject: [ConfigService],
      useFactory: (config: ConfigService): IngestDefaults => ({
        applyExplicitFulfils: config.get<string>('LINKS_APPLY_EXPLICIT_FULFILS') === 'true',
      }),
    },
  ],
  exports: [IngestService, SeedService, CouncilRegistryRepository, OparlSyncService],
})
export class IngestModule {}
