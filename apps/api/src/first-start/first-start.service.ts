import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { UsersService } from '@app/accounts';
import { SYSTEM_ACTOR } from '@app/audit';
import { IngestService, SeedService } from '@app/ingest';
import { JobQueue } from '@app/jobs';
import { CouncilRegistryRepository, ResolutionRepository } from '@app/persistence';

/** Where a generated first password is left for the person installing (never in a log). */
export const INITIAL_PASSWORD_FILE = 'data/initial-admin-password';

/**
 * On the first start of an empty database: seed the registry and calendar, ingest the sample
 * protocol, and create the first secretariat account, so a new user can sign in at once.
 */
@Injectable()
export class FirstStartService implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstStart');

  constructor(
    private readonly config: ConfigService,
    private readonly registries: CouncilRegistryRepository,
    private readonly seeds: SeedService,
    private readonly ingest: IngestService,
    private readonly users: UsersService,
    private readonly resolutions: ResolutionRepository,
    private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    let changed = false;
    if (!(await this.registries.findCouncil())) {
      changed = true;
      const dir = this.config.getOrThrow<string>('seed.dir');
      for (const r of await this.seeds.seedAll(dir)) {
        this.logger.debug(
          `${r.council} aus ${dir} geladen: ${r.members.added} Einträge im Verzeichnis, ${r.meetings.added} Sitzungen im Kalender`,
        );
      }
    }
    const sample = this.config.get<string>('seed.sampleProtocol');
    if (sample && existsSync(sample) && (await this.resolutions.documentCount()) === 0) {
      changed = true;
      const report = await this.ingest.ingestFile(sample);
      this.logger.debug(
        `Beispielprotokoll ${sample} eingelesen: ${report.mandates} Aufträge, ${report.obligations} Pflichten`,
      );
    }
    await this.firstAccount();
    // The scan of the start ran before these mandates existed; without this a new user would see
    // nothing overdue until the next morning's scan.
    if (changed) {
      await this.jobs.enqueue('overdue-scan').catch((error: unknown) => {
        this.logger.warn(
          `die Überfälligkeitsprüfung nach dem ersten Start ließ sich nicht einreihen (${error instanceof Error ? error.message : String(error)}); sie läuft zur geplanten Zeit`,
        );
      });
    }
  }

  private async firstAccount(): Promise<void> {
    if ((await this.users.countUsers()) > 0) return;
    const email = this.config.get<string>('auth.adminEmail') ?? 'admin@localhost';
    const password = this.config.get<string>('auth.adminPassword');
    const created = await this.users.createUser(
      { email, name: 'Geschäftsstelle', role: 'secretariat', password },
      SYSTEM_ACTOR,
    );
    if (created.password) {
      const file = resolve(INITIAL_PASSWORD_FILE);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${created.password}\n`, { mode: 0o600 });
      this.logger.log(
        `erste Anmeldung: ${email} mit dem Passwort aus der Datei ${INITIAL_PASSWORD_FILE} (nur Sie können sie lesen); ändern Sie es unter Einstellungen (/settings) und löschen Sie dann die Datei`,
      );
    } else {
      this.logger.log(`erste Anmeldung: ${email} mit dem Passwort aus ADMIN_PASSWORD`);
    }
  }
}
