import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { validateEnvironment } from '@app/config';
import { LinksModule } from '@app/links';
import { readLimitsFrom } from './input/read-limits';
import { INGEST_DEFAULTS, IngestService, type IngestDefaults } from './ingest.service';
import { OparlSyncService } from './oparl/oparl-sync.service';
import { SeedService } from './seed/seed.service';

@Module({
  imports: [LinksModule],
  providers: [
    IngestService,
    SeedService,
    OparlSyncService,
    {
      provide: INGEST_DEFAULTS,
      inject: [ConfigService],
      useFactory: (config: ConfigService): IngestDefaults => ({
        applyExplicitFulfils: config.get<string>('LINKS_APPLY_EXPLICIT_FULFILS') === 'true',
        // Read when the app starts, as the database settings are (tests set them per app).
        readLimits: readLimitsFrom(validateEnvironment(process.env)),
      }),
    },
  ],
  exports: [IngestService, SeedService, OparlSyncService],
})
export class IngestModule {}
