import { existsSync } from 'node:fs';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CouncilRegistryRepository, IngestService, SeedService } from '@app/ingest';
import { SourceDocument } from '@app/persistence';
import { DataSource } from 'typeorm';

/**
 * On the first start of an empty database: seed the registry and calendar, and ingest the sample
 * protocol, so a new user sees mandates at once. Later starts leave the data alone.
 */
@Injectable()
export class FirstStartService implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstStart');

  constructor(
    private readonly config: ConfigService,
    private readonly registries: CouncilRegistryRepository,
    private readonly seeds: SeedService,
    private readonly ingest: IngestService,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!(await this.registries.findCouncil())) {
      const dir = this.config.getOrThrow<string>('seed.dir');
      for (const r of await this.seeds.seedAll(dir)) {
        this.logger.log(
          `seeded ${r.council} from ${dir}: ${r.members.added} owners, ${r.meetings.added} sessions`,
        );
      }
    }
    const sample = this.config.get<string>('seed.sampleProtocol');
    if (
      sample &&
      existsSync(sample) &&
      (await this.dataSource.getRepository(SourceDocument).count()) === 0
    ) {
      const report = await this.ingest.ingestFile(sample);
      this.logger.log(
        `ingested the sample protocol ${sample}: ${report.mandates} mandates, ${report.obligations} obligations`,
      );
    }
  }
}
