import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '@app/config';
import { plural } from '@app/domain';
import {
  CouncilRepository,
  MeetingRepository,
  MemberRepository,
  refreshOverdueFlags,
  SettingRepository,
  Transactions,
  type Council,
  type Meeting,
} from '@app/persistence';
import type { EntityManager } from 'typeorm';
import { IngestService, type IngestReport } from '../ingest.service';
import { decisionTextFromBytes } from '../input/decision-text.reader';

type Json = Record<string, unknown>;

/** A source that could not be read: the URL and what was wrong, for the user. */
export class OparlSyncError extends Error {}

export interface OparlSyncOptions {
  /** One line per list page read. */
  progress?: (line: string) => void;
  /** Waits before the retries (ms); doubled each time. */
  backoffMs?: number;
  attempts?: number;
}

export interface OparlSyncReport {
  meetings: number;
  calendar: { added: number; updated: number };
  texts: IngestReport[];
  /** The council each body went into; `created` when this sync set it up. */
  councils: Array<{ code: string; name: string; created: boolean; members: number }>;
}

interface FoundMeeting {
  id: string;
  number: number | null;
  date: string | null;
  state: Meeting['state'];
  texts: string[];
  modified: string;
}

const SINCE_KEY = (bodyId: string) => `oparl-sync:${bodyId}`;

/** Which council a body's data goes into (keys stay short: a body URL can be long). */
const COUNCIL_KEY = (bodyId: string) =>
  `oparl-council:${createHash('sha256').update(bodyId).digest('hex').slice(0, 32)}`;

interface CouncilLink {
  council: string;
  /** The council was set up by a sync: its registry is the body's organizations. */
  registry: 'oparl' | 'own';
  /** What the source Body calls itself (its `classification`), published for the council. */
  classification?: string;
}

/** A body as read, before anything is written. */
interface FoundBody {
  id: string;
  name: string;
  shortName: string | null;
  classification: string | null;
  /** Stored council, if the body is known or matches one; else a new one is created. */
  council: Council | null;
  link: CouncilLink | null;
  organizations: Json[];
  meetings: FoundMeeting[];
  latest: string;
}

/**
 * Follows a council that publishes OParl: System -> Body -> Meeting -> AgendaItem. Every page is
 * read first (with retries); only then is anything written: the calendar, then each meeting's
 * decision texts through the ingest. Later syncs ask only for what changed (modified_since).
 */
@Injectable()
export class OparlSyncService {
  constructor(
    private readonly transactions: Transactions,
    private readonly councils: CouncilRepository,
    private readonly members: MemberRepository,
    private readonly meetings: MeetingRepository,
    private readonly settings: SettingRepository,
    private readonly ingest: IngestService,
    private readonly clock: Clock,
  ) {}

  async sync(systemUrl: string, options: OparlSyncOptions = {}): Promise<OparlSyncReport> {
    const progress = options.progress ?? (() => undefined);
    const get = (url: string) => this.getJson(url, options);
    const system = await get(systemUrl);
    const bodies: FoundBody[] = [];
    for (const body of await this.readList(requireUrl(system, 'body', systemUrl), get, progress))
      bodies.push(await this.readBody(body, systemUrl, get, options, progress));
    // Everything is read: now write, each body into its own council; the council, its registry
    // and calendar first (one transaction), so the texts' owners and deadlines resolve.
    const report: OparlSyncReport = {
      meetings: 0,
      calendar: { added: 0, updated: 0 },
      texts: [],
      councils: [],
    };
    for (const body of bodies) {
      const { council, created, members, calendar } = await this.transactions.run((manager) =>
        this.writeCouncil(manager, body),
      );
      report.councils.push({ code: council.code, name: council.name, created, members });
      report.meetings += body.meetings.length;
      report.calendar.added += calendar.added;
      report.calendar.updated += calendar.updated;
      for (const meeting of body.meetings.filter((m) => m.texts.length > 0))
        report.texts.push(
          await this.ingest.ingestText(
            meeting.texts.join('\n'),
            `oparl-${meeting.id.replace(/^https?:\/\//, '').replace(/[^\w.-]+/g, '-')}.txt`,
            {
              council: council.code,
              ...(meeting.number !== null ? { meeting: meeting.number } : {}),
            },
          ),
        );
      // Only once every text is in: a sync stopped half-way reads the same meetings again.
      if (body.latest) await this.settings.put(SINCE_KEY(body.id), body.latest);
    }
    return report;
  }

  private async readBody(
    body: Json,
    systemUrl: string,
    get: (url: string) => Promise<Json>,
    options: OparlSyncOptions,
    progress: (line: string) => void,
  ): Promise<FoundBody> {
    const bodyId = requireUrl(body, 'id', systemUrl);
    const name = typeof body.name === 'string' && body.name.trim() ? body.name.trim() : '';
    if (!name) throw new OparlSyncError(`${bodyId}: das Feld „name“ fehlt`);
    const shortName =
      typeof body.shortName === 'string' && body.shortName.trim() ? body.shortName.trim() : null;
    const classification =
      typeof body.classification === 'string' && body.classification.trim()
        ? body.classification.trim().slice(0, 200)
        : null;
    const { council, link } = await this.knownCouncil(bodyId, name, shortName);
    // A council set up by a sync takes its registry from the body's organizations.
    const organizations =
      (!council || link?.registry === 'oparl') && typeof body.organization === 'string'
        ? (await this.readList(requireUrl(body, 'organization', bodyId), get, progress)).filter(
            (o) => o.deleted !== true && o.id !== body.mainOrganization,
          )
        : [];
    const stored = await this.settings.value(SINCE_KEY(bodyId));
    const list = new URL(requireUrl(body, 'meeting', bodyId));
    if (stored) list.searchParams.set('modified_since', stored);
    let latest = stored ?? '';
    const meetings: FoundMeeting[] = [];
    for (const meeting of await this.readList(list.toString(), get, progress)) {
      if (meeting.deleted === true) continue;
      const read = await this.readMeeting(meeting, options);
      meetings.push(read);
      if (read.modified > latest) latest = read.modified;
    }
    return {
      id: bodyId,
      name,
      shortName,
      classification,
      council,
      link,
      organizations,
      meetings,
      latest: latest === (stored ?? '') ? '' : latest,
    };
  }

  /**
   * The council a body's data goes into: the one it went into before, else a stored council of
   * the same short name or name (the round trip between two instances), else none yet.
   */
  private async knownCouncil(
    bodyId: string,
    name: string,
    shortName: string | null,
  ): Promise<{ council: Council | null; link: CouncilLink | null }> {
    const stored = await this.settings.value(COUNCIL_KEY(bodyId));
    if (stored) {
      const link = JSON.parse(stored) as CouncilLink;
      return { council: await this.councils.withCode(link.council), link };
    }
    const lower = (text: string) => text.toLocaleLowerCase('de');
    const council = (await this.councils.all()).find(
      (c) =>
        (shortName !== null && lower(c.code) === lower(shortName)) ||
        lower(c.name) === lower(name) ||
        c.aliases.some((alias) => lower(alias) === lower(name)),
    );
    return { council: council ?? null, link: null };
  }

  /** Sets up or finds the body's council, brings its registry and calendar up to date. */
  private async writeCouncil(
    manager: EntityManager,
    body: FoundBody,
  ): Promise<{
    council: Council;
    created: boolean;
    members: number;
    calendar: OparlSyncReport['calendar'];
  }> {
    let council = body.council;
    let link = body.link;
    const created = !council;
    if (!council) {
      const taken = await this.councils.codes(manager);
      const base = councilCode(body.shortName ?? body.name);
      let code = base;
      for (let n = 2; taken.has(code); n++) code = `${base.slice(0, 36)}-${n}`;
      council = await this.councils.save(manager, {
        code,
        name: body.name.slice(0, 200),
        aliases: [...new Set([body.name, ...(body.shortName ? [body.shortName] : [])])],
        fileNumberPattern: null,
      });
      link = { council: code, registry: 'oparl' };
    }
    if (!link) link = { council: council.code, registry: 'own' };
    link = { council: link.council, registry: link.registry };
    if (body.classification) link.classification = body.classification;
    await this.settings.put(COUNCIL_KEY(body.id), JSON.stringify(link), manager);
    const members =
      link.registry === 'oparl' ? await this.writeRegistry(manager, council, body) : 0;
    const calendar = await this.writeCalendar(manager, council, body.meetings);
    // A session moved or cancelled changes what is overdue now, as the calendar page's changes
    // do: the daily scan judges only what fell due since the day before.
    if (calendar.updated > 0) await refreshOverdueFlags(manager, this.clock.now());
    return { council, created, members, calendar };
  }

  /**
   * The body's organizations (administration, committees, parliamentary groups) as the owners of
   * its council's registry; one that is already there is changed only where the body changed it.
   */
  private async writeRegistry(manager: EntityManager, council: Council, body: FoundBody) {
    let written = 0;
    const seen = new Set<string>();
    for (const organization of body.organizations) {
      const name = typeof organization.name === 'string' ? organization.name.trim() : '';
      if (!name) continue;
      const short =
        typeof organization.shortName === 'string' && organization.shortName.trim()
          ? organization.shortName.trim()
          : null;
      const code = (short ?? name).slice(0, 200);
      if (seen.has(code)) continue;
      seen.add(code);
      const aliases = [...new Set([name, ...(short ? [short] : [])])];
      const stored = await this.members.inCouncil(manager, council.id, code);
      if (!stored) {
        await this.members.add(manager, {
          councilId: council.id,
          code,
          name: name.slice(0, 200),
          kind: 'office',
          aliases,
          expandsTo: null,
          active: true,
          belongsTo: null,
        });
        written++;
      } else if (
        stored.name !== name.slice(0, 200) ||
        JSON.stringify(stored.aliases) !== JSON.stringify(aliases)
      ) {
        await this.members.update(manager, stored.id, { name: name.slice(0, 200), aliases });
        written++;
      }
    }
    return written;
  }

  /**
   * An agenda item's decision text: its resolutionText, else its resolutionFile, else the main
   * file of the paper it decided (through its consultation); files as text or PDF.
   */
  private async agendaItemText(
    item: Json,
    where: string,
    options: OparlSyncOptions,
  ): Promise<string | undefined> {
    if (typeof item.resolutionText === 'string' && item.resolutionText.trim())
      return item.resolutionText;
    if (item.resolutionFile && typeof item.resolutionFile === 'object')
      return this.fileText(item.resolutionFile as Json, where, options);
    if (typeof item.consultation !== 'string') return undefined;
    const consultation = await this.getJson(item.consultation, options);
    if (typeof consultation.paper !== 'string') return undefined;
    const paper = await this.getJson(consultation.paper, options);
    return paper.mainFile && typeof paper.mainFile === 'object'
      ? this.fileText(paper.mainFile as Json, consultation.paper, options)
      : undefined;
  }

  private async fileText(file: Json, where: string, options: OparlSyncOptions): Promise<string> {
    if (typeof file.text === 'string' && file.text.trim()) return file.text;
    const url = requireUrl(file, 'accessUrl', where);
    const response = await this.fetchWithRetries(url, options);
    return decisionTextFromBytes(url, new Uint8Array(await response.arrayBuffer()));
  }

  private async readMeeting(meeting: Json, options: OparlSyncOptions): Promise<FoundMeeting> {
    const id = requireUrl(meeting, 'id', 'meeting');
    const name = typeof meeting.name === 'string' ? meeting.name : '';
    const number = /^(\d+)\. Sitzung\b/.exec(name);
    const start = typeof meeting.start === 'string' ? meeting.start.slice(0, 10) : null;
    const texts: string[] = [];
    const items = Array.isArray(meeting.agendaItem) ? (meeting.agendaItem as Json[]) : [];
    for (const item of items) {
      const text = await this.agendaItemText(item, id, options);
      if (text) texts.push(text);
    }
    return {
      id,
      number: number ? Number(number[1]) : null,
      date: start && /^\d{4}-\d{2}-\d{2}$/.test(start) ? start : null,
      state:
        meeting.cancelled === true
          ? 'cancelled'
          : meeting.meetingState === 'durchgeführt'
            ? 'held'
            : 'planned',
      texts,
      modified: typeof meeting.modified === 'string' ? meeting.modified : '',
    };
  }

  private async writeCalendar(
    manager: EntityManager,
    council: Council,
    found: FoundMeeting[],
  ): Promise<OparlSyncReport['calendar']> {
    const counts = { added: 0, updated: 0 };
    for (const meeting of found) {
      if (meeting.number === null) continue;
      const stored = await this.meetings.numbered(manager, council.id, meeting.number);
      if (!stored) {
        await this.meetings.insert(manager, {
          councilId: council.id,
          number: meeting.number,
          kind: 'session',
          date: meeting.date,
          state: meeting.state,
        });
        counts.added++;
      } else if (
        (meeting.date !== null && stored.date !== meeting.date) ||
        stored.state !== meeting.state
      ) {
        await this.meetings.update(manager, stored.id, {
          date: meeting.date ?? stored.date,
          state: meeting.state,
        });
        counts.updated++;
      }
    }
    return counts;
  }

  /** Every object of an external list, page by page through links.next. */
  private async readList(
    first: string,
    get: (url: string) => Promise<Json>,
    progress: (line: string) => void,
  ): Promise<Json[]> {
    const objects: Json[] = [];
    const seen = new Set<string>();
    for (let url: string | undefined = first, page = 1; url; page++) {
      if (seen.has(url))
        throw new OparlSyncError(`${url}: die Liste führt auf eine schon gelesene Seite zurück`);
      seen.add(url);
      const body = await get(url);
      if (!Array.isArray(body.data))
        throw new OparlSyncError(`${url}: keine OParl-Liste (das Feld „data“ fehlt)`);
      objects.push(...(body.data as Json[]));
      progress(
        `${first.split('?')[0]}: Seite ${page}, ${plural(objects.length, 'Objekt', 'Objekte')}`,
      );
      const links = (body.links ?? {}) as Json;
      url = typeof links.next === 'string' ? links.next : undefined;
    }
    return objects;
  }

  private async getJson(url: string, options: OparlSyncOptions): Promise<Json> {
    const response = await this.fetchWithRetries(url, options);
    try {
      const body = (await response.json()) as unknown;
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('no object');
      return body as Json;
    } catch {
      throw new OparlSyncError(`${url}: die Antwort ist kein OParl-Objekt (kein gültiges JSON)`);
    }
  }

  /** Network errors, 429 and 5xx are tried again with back-off; then reported with the URL. */
  private async fetchWithRetries(url: string, options: OparlSyncOptions): Promise<Response> {
    const attempts = options.attempts ?? 4;
    let wait = options.backoffMs ?? 500;
    let problem = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const response = await fetch(url, { headers: { accept: 'application/json' } });
        if (response.ok) return response;
        problem = `HTTP ${response.status}`;
        await response.arrayBuffer();
        if (response.status !== 429 && response.status < 500) break;
        const retryAfter = Number(response.headers.get('retry-after'));
        if (Number.isFinite(retryAfter) && retryAfter > 0) wait = Math.max(wait, retryAfter * 1000);
      } catch (error) {
        problem = networkProblem(error);
      }
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, wait));
      wait *= 2;
    }
    throw new OparlSyncError(`${url}: ${problem} (nach ${attempts} Versuchen)`);
  }
}

/** Why a request got no answer, in words; the system's own message where it is not a known case. */
const NETWORK_PROBLEMS: Record<string, string> = {
  ECONNREFUSED: 'Verbindung abgelehnt',
  ECONNRESET: 'Verbindung abgebrochen',
  UND_ERR_SOCKET: 'Verbindung abgebrochen',
  ENOTFOUND: 'Rechnername nicht gefunden',
  EAI_AGAIN: 'Rechnername nicht gefunden',
  ETIMEDOUT: 'keine Antwort (Zeit überschritten)',
  UND_ERR_CONNECT_TIMEOUT: 'keine Antwort (Zeit überschritten)',
  UND_ERR_HEADERS_TIMEOUT: 'keine Antwort (Zeit überschritten)',
};

function networkProblem(error: unknown): string {
  // fetch's own error is plain ("fetch failed"); why it failed is in its cause.
  const failure = error as { message?: string; cause?: { message?: string; code?: string } };
  const known = NETWORK_PROBLEMS[failure.cause?.code ?? ''];
  if (known) return known;
  return `nicht erreichbar (${failure.cause?.message ?? failure.message ?? String(error)})`;
}

/** A council code from a body's short name or name: "Rat der Stadt Köln" -> "rat-der-stadt-koeln". */
export function councilCode(name: string): string {
  const code = name
    .toLocaleLowerCase('de')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return code || 'rat';
}

function requireUrl(object: Json, key: string, where: string): string {
  const value = object[key];
  if (typeof value !== 'string' || !/^https?:\/\//.test(value))
    throw new OparlSyncError(`${where}: das Feld „${key}“ fehlt oder ist keine URL`);
  return value;
}
