import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { Clock, systemClock } from '@app/config';
import { plural } from '@app/domain';
import { extract, ExtractionError, type Extraction, type FoundLink } from '@app/extraction';
import {
  Council,
  CouncilRegistryRepository,
  IngestRepository,
  refreshOverdueFlags,
  Transactions,
} from '@app/persistence';
import type { EntityManager } from 'typeorm';
import { InputError } from './input/input.error';
import { LinkProposalsService } from '@app/links';
import { decisionTextFromBytes, readDecisionFile } from './input/decision-text.reader';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './input/read-limits';

export interface IngestOptions {
  /** Session number for texts that state none. */
  meeting?: number;
  /** Council code; the only seeded council by default. */
  council?: string;
  /** Clock, for tests. */
  now?: () => Date;
  /**
   * Confirm links that name an earlier decision by number and take note of what it asked for
   * (`fulfils`) at once, without the secretariat's review (LINKS_APPLY_EXPLICIT_FULFILS).
   */
  applyExplicitFulfils?: boolean;
}

export interface IngestReport {
  file: string;
  status: 'created' | 'updated' | 'unchanged';
  /** The council session of the (first) decisions; null for a special session and the like. */
  meeting: number | null;
  resolutions: number;
  mandates: number;
  obligations: number;
  /** What a corrected version changed, one line each. */
  changes: string[];
  /** Links to earlier decisions found and stored as proposals (or confirmed, by the setting). */
  links: { proposed: number; confirmed: number };
}

/** What an ingest did with a text, in words (import report page, CLI). */
export const INGEST_STATUS_LABELS: Record<IngestReport['status'], string> = {
  created: 'neu angelegt',
  updated: 'aktualisiert',
  unchanged: 'unverändert',
};

/**
 * "32. Sitzung: 17 Beschlüsse, 22 Aufträge, 61 Pflichten", or "außerhalb des Sitzungskalenders: …"
 * for a text whose decisions belong to no numbered session.
 */
export function describeIngestCounts(report: {
  meeting: number | null;
  resolutions: number;
  mandates: number;
  obligations: number;
}): string {
  const where =
    report.meeting !== null ? `${report.meeting}. Sitzung` : 'außerhalb des Sitzungskalenders';
  return `${where}: ${plural(report.resolutions, 'Beschluss', 'Beschlüsse')}, ${plural(report.mandates, 'Auftrag', 'Aufträge')}, ${plural(report.obligations, 'Pflicht', 'Pflichten')}`;
}

/** The installation's defaults for every ingest (from the environment). */
export interface IngestDefaults {
  applyExplicitFulfils: boolean;
  /** What reading one PDF, Word file or web page may cost (READ_* settings). */
  readLimits: ReadLimits;
}
export const INGEST_DEFAULTS = Symbol('IngestDefaults');

/**
 * The ingest use case: reads a text, extracts it, finds its links to what is stored, and has
 * `IngestRepository` store the extraction and the links their proposals. One transaction per
 * file: it lands whole or not at all. The same text again changes nothing; a corrected version
 * updates texts and keeps every obligation's history.
 */
@Injectable()
export class IngestService {
  constructor(
    private readonly transactions: Transactions,
    private readonly registries: CouncilRegistryRepository,
    private readonly writes: IngestRepository,
    private readonly proposals: LinkProposalsService,
    @Optional()
    @Inject(INGEST_DEFAULTS)
    private readonly defaults: IngestDefaults = {
      applyExplicitFulfils: false,
      readLimits: DEFAULT_READ_LIMITS,
    },
    private readonly clock: Clock = systemClock,
  ) {}

  async ingestFile(file: string, options: IngestOptions = {}): Promise<IngestReport> {
    return this.ingestText(await this.readFile(file), file, options);
  }

  /** The text of a file on disk, read within the installation's limits; nothing is written. */
  readFile(file: string): Promise<string> {
    return readDecisionFile(file, this.defaults.readLimits);
  }

  /** The text of an uploaded file, read within the installation's limits; nothing is written. */
  readUpload(file: string, data: Uint8Array): Promise<string> {
    return decisionTextFromBytes(file, data, this.defaults.readLimits);
  }

  /** Extracts without storing (a preview); errors name the file. */
  async preview(text: string, file: string, options: IngestOptions = {}): Promise<Extraction> {
    const council = await this.requireCouncil(options.council);
    const { registry, calendar } = await this.registries.load(council);
    return this.extractNamed(text, file, { registry, calendar, meeting: options.meeting });
  }

  /** The links an ingest of this text would propose, to what is stored now (nothing written). */
  async previewLinks(
    text: string,
    extraction: Extraction,
    options: IngestOptions = {},
  ): Promise<FoundLink[]> {
    const council = await this.requireCouncil(options.council);
    const { registry } = await this.registries.load(council);
    return this.transactions.read((manager) =>
      this.proposals.find(manager, council.id, extraction, registry, text),
    );
  }

  async ingestText(text: string, file: string, options: IngestOptions = {}): Promise<IngestReport> {
    const now = (options.now ? options.now() : this.clock.now()).toISOString();
    return this.transactions.run(async (manager) => {
      const council = await this.requireCouncil(options.council, manager);
      const { registry, calendar } = await this.registries.load(council, manager);
      const extraction = this.extractNamed(text, file, {
        registry,
        calendar,
        meeting: options.meeting,
      });
      const sha256 = createHash('sha256').update(text).digest('hex');
      requireMeetings(extraction, file);
      const base = {
        file,
        meeting: extraction.meeting.body ? null : (extraction.meeting.number ?? null),
        resolutions: extraction.resolutions.length,
        mandates: extraction.mandates.length,
        obligations: extraction.mandates.reduce((n, m) => n + m.owners.length, 0),
      };
      if (await this.writes.hasDocument(manager, council.id, sha256)) {
        return { ...base, status: 'unchanged', changes: [], links: { proposed: 0, confirmed: 0 } };
      }
      // Links are found before the new decisions are written: they answer what was there.
      const found = await this.proposals.find(manager, council.id, extraction, registry, text);
      const written = await this.writes.saveExtraction(
        manager,
        council,
        extraction,
        { text, sha256, fileName: basename(file) },
        now,
      );
      const links = await this.proposals.store(manager, council.id, found, {
        documentId: written.documentId,
        now,
        applyExplicitFulfils: options.applyExplicitFulfils ?? this.defaults.applyExplicitFulfils,
      });
      // Overdue at once, not after the next morning's scan, for every mandate this ingest wrote
      // (a confirmed link refreshes the mandates it changed itself).
      await refreshOverdueFlags(manager, new Date(now), { mandateIds: written.mandateIds });
      return {
        ...base,
        status: written.updated ? 'updated' : 'created',
        changes: written.changes,
        links,
      };
    });
  }

  private extractNamed(
    text: string,
    file: string,
    options: Parameters<typeof extract>[1],
  ): Extraction {
    try {
      return extract(text, options);
    } catch (error) {
      if (error instanceof ExtractionError)
        throw new InputError(file, error.message, error.line, error.code);
      throw error;
    }
  }

  private async requireCouncil(
    code: string | undefined,
    manager?: EntityManager,
  ): Promise<Council> {
    const council = await this.registries.findCouncil(code, manager);
    if (!council) {
      throw new InputError(
        code ?? 'database',
        'es ist noch kein Gremium eingerichtet; führen Sie erst `tracker seed` aus',
      );
    }
    return council;
  }
}

/**
 * Every decision needs a meeting to be stored against: its session number, or at least the date
 * of its special session, circulation procedure or AL-Runde meeting.
 */
function requireMeetings(extraction: Extraction, file: string): void {
  const lost = extraction.resolutions.find(
    (r) =>
      !r.meeting ||
      (r.meeting.kind === 'session' && !r.meeting.body && r.meeting.number === undefined),
  );
  if (lost) {
    const date = lost.meeting?.date;
    throw new InputError(
      file,
      `der Text nennt für den Beschluss ${lost.id} keine Sitzungsnummer${date ? `, und sein Datum ${date} ist keine Sitzung im Kalender` : ''}; geben Sie die Sitzung mit --meeting N an`,
      lost.line,
      'no-meeting',
    );
  }
}
