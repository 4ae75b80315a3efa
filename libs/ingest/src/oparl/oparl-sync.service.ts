import { Injectable } from '@nestjs/common';
import { Council, Meeting, Setting } from '@app/persistence';
import { DataSource } from 'typeorm';
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

/**
 * Follows a council that publishes OParl: System -> Body -> Meeting -> AgendaItem. Every page is
 * read first (with retries); only then is anything written: the calendar, then each meeting's
 * decision texts through the ingest. Later syncs ask only for what changed (modified_since).
 */
@Injectable()
export class OparlSyncService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ingest: IngestService,
  ) {}

  async sync(systemUrl: string, options: OparlSyncOptions = {}): Promise<OparlSyncReport> {
    const progress = options.progress ?? (() => undefined);
    const get = (url: string) => this.getJson(url, options);
    const system = await get(systemUrl);
    const bodies = await this.readList(requireUrl(system, 'body', systemUrl), get, progress);
    const found: FoundMeeting[] = [];
    const since = new Map<string, string>();
    for (const body of bodies) {
      const bodyId = requireUrl(body, 'id', systemUrl);
      const stored = await this.dataSource.manager.findOneBy(Setting, { key: SINCE_KEY(bodyId) });
      const list = new URL(requireUrl(body, 'meeting', bodyId));
      if (stored) list.searchParams.set('modified_since', stored.value);
      let latest = stored?.value ?? '';
      for (const meeting of await this.readList(list.toString(), get, progress)) {
        if (meeting.deleted === true) continue;
        const read = await this.readMeeting(meeting, options);
        found.push(read);
        if (read.modified > latest) latest = read.modified;
      }
      if (latest) since.set(bodyId, latest);
    }
    // Everything is read: now write, the calendar first so the texts' deadlines resolve.
    const calendar = await this.writeCalendar(found);
    const texts: IngestReport[] = [];
    for (const meeting of found.filter((m) => m.texts.length > 0))
      texts.push(
        await this.ingest.ingestText(
          meeting.texts.join('\n'),
          `oparl-${meeting.id.replace(/^https?:\/\//, '').replace(/[^\w.-]+/g, '-')}.txt`,
          meeting.number !== null ? { meeting: meeting.number } : {},
        ),
      );
    for (const [bodyId, value] of since) {
      const key = SINCE_KEY(bodyId);
      const stored = await this.dataSource.manager.findOneBy(Setting, { key });
      if (stored?.value !== value) await this.dataSource.manager.save(Setting, { key, value });
    }
    return { meetings: found.length, calendar, texts };
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

  private async writeCalendar(found: FoundMeeting[]): Promise<OparlSyncReport['calendar']> {
    const counts = { added: 0, updated: 0 };
    await this.dataSource.transaction(async (manager) => {
      const council = (await manager.find(Council, { order: { id: 'ASC' }, take: 1 }))[0];
      if (!council) throw new OparlSyncError('no council is seeded yet (tracker seed)');
      for (const meeting of found) {
        if (meeting.number === null) continue;
        const stored = await manager.findOneBy(Meeting, {
          councilId: council.id,
          number: meeting.number,
        });
        if (!stored) {
          await manager.insert(Meeting, {
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
          await manager.update(Meeting, stored.id, {
            date: meeting.date ?? stored.date,
            state: meeting.state,
          });
          counts.updated++;
        }
      }
    });
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
        throw new OparlSyncError(`${url}: the list leads back to a page already read`);
      seen.add(url);
      const body = await get(url);
      if (!Array.isArray(body.data))
        throw new OparlSyncError(`${url}: not an OParl list (no data)`);
      objects.push(...(body.data as Json[]));
      progress(`${first.split('?')[0]}: page ${page}, ${objects.length} objects`);
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
      throw new OparlSyncError(`${url}: the answer is no OParl object (malformed JSON)`);
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
        // fetch's own error is plain ("fetch failed"); why it failed is in its cause.
        const failure = error as { message?: string; cause?: { message?: string } };
        problem = failure.cause?.message ?? failure.message ?? String(error);
      }
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, wait));
      wait *= 2;
    }
    throw new OparlSyncError(`${url}: ${problem} (after ${attempts} attempts)`);
  }
}

function requireUrl(object: Json, key: string, where: string): string {
  const value = object[key];
  if (typeof value !== 'string' || !/^https?:\/\//.test(value))
    throw new OparlSyncError(`${where}: "${key}" is missing or no URL`);
  return value;
}
