import { Injectable, Logger } from '@nestjs/common';
import { oparlSources, validateEnvironment } from '@app/config';
import { OparlSyncService } from '@app/ingest';

/** What one source's sync stored, as the jobs page shows it. */
export interface OparlSourceResult {
  url: string;
  councils: string[];
  meetings: number;
  texts: { created: number; updated: number; unchanged: number };
}

/**
 * The oparl-sync job: follows every council of OPARL_SOURCES. Each source is read whole before
 * anything of it is written (OparlSyncService); a source that fails does not stop the others,
 * and the job then fails naming each failed URL, so the queue tries it again with back-off.
 */
@Injectable()
export class OparlSourcesService {
  private readonly logger = new Logger('OParl');

  constructor(private readonly sync: OparlSyncService) {}

  async run(): Promise<{ sources: OparlSourceResult[] }> {
    const urls = oparlSources(validateEnvironment(process.env).OPARL_SOURCES) ?? [];
    const sources: OparlSourceResult[] = [];
    const failures: string[] = [];
    for (const url of urls) {
      try {
        const report = await this.sync.sync(url, {
          progress: (line) => this.logger.debug(line),
        });
        const count = (status: string) => report.texts.filter((t) => t.status === status).length;
        sources.push({
          url,
          councils: report.councils.map((c) => c.code),
          meetings: report.meetings,
          texts: {
            created: count('created'),
            updated: count('updated'),
            unchanged: count('unchanged'),
          },
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // The sync's own messages start with the URL that failed; others get the source's.
        failures.push(
          message.includes(url) || /^https?:\/\//.test(message) ? message : `${url}: ${message}`,
        );
      }
    }
    if (failures.length > 0) throw new Error(`OParl-Quelle nicht gelesen: ${failures.join('; ')}`);
    return { sources };
  }
}
