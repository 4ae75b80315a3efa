import { dueColumns, type Due } from '@app/domain';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { Clock, systemClock } from '@app/config';
import {
  extract,
  ExtractionError,
  type Extraction,
  type ExtractedMandate,
  type FoundLink,
  type MeetingRef,
} from '@app/extraction';
import {
  AgendaItem,
  Council,
  Mandate,
  Meeting,
  Member,
  Obligation,
  ObligationEvent,
  ProtocolNote,
  Resolution,
  ResolutionPoint,
  SourceDocument,
  reconcileOwners,
  refreshOverdueFlags,
  type ExtractedFields,
} from '@app/persistence';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { InputError } from './input/input.error';
import { linksToStored, storeLinks } from './links/decision-links';
import { decisionTextFromBytes, readDecisionFile } from './input/decision-text.reader';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './input/read-limits';
import { CouncilRegistryRepository } from './registry/council-registry.repository';

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

const ACTOR = 'ingest';

/** The installation's defaults for every ingest (from the environment). */
export interface IngestDefaults {
  applyExplicitFulfils: boolean;
  /** What reading one PDF, Word file or web page may cost (READ_* settings). */
  readLimits: ReadLimits;
}
export const INGEST_DEFAULTS = Symbol('IngestDefaults');

/**
 * Stores an extraction: meeting, agenda items, resolutions, points, notes, mandates and one
 * obligation per owner. One transaction per file: it lands whole or not at all. The same text
 * again changes nothing; a corrected version updates texts and keeps every obligation's history.
 */
@Injectable()
export class IngestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registries: CouncilRegistryRepository,
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
    return linksToStored(this.dataSource.manager, council.id, extraction, registry, text);
  }

  async ingestText(text: string, file: string, options: IngestOptions = {}): Promise<IngestReport> {
    const now = (options.now ? options.now() : this.clock.now()).toISOString();
    return this.dataSource.transaction(async (manager) => {
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
      if (await manager.existsBy(SourceDocument, { councilId: council.id, sha256 })) {
        return { ...base, status: 'unchanged', changes: [], links: { proposed: 0, confirmed: 0 } };
      }
      // Links are found before the new decisions are written: they answer what was there.
      const found = await linksToStored(manager, council.id, extraction, registry, text);
      const writer = new IngestWriter(manager, council, now);
      const changes = await writer.write(extraction, { text, sha256, fileName: basename(file) });
      const links = await storeLinks(manager, council.id, found, {
        documentId: writer.documentId,
        now,
        applyExplicitFulfils: options.applyExplicitFulfils ?? this.defaults.applyExplicitFulfils,
      });
      // Overdue at once, not after the next morning's scan: every mandate this ingest wrote
      // carries its timestamp.
      const written = await manager
        .createQueryBuilder(Mandate, 'm')
        .select('m.id', 'id')
        .where('m.createdAt = :now OR m.updatedAt = :now', { now })
        .getRawMany<{ id: number }>();
      await refreshOverdueFlags(manager, new Date(now), {
        mandateIds: written.map((r) => Number(r.id)),
      });
      return { ...base, status: writer.updated ? 'updated' : 'created', changes, links };
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

/** Which stored meeting a decision's session is: one key per distinct meeting of the text. */
function meetingKey(ref: MeetingRef | undefined): string {
  return JSON.stringify([
    ref?.kind,
    ref?.body,
    ref?.number,
    ref?.body || ref?.number === undefined ? ref?.date : undefined,
  ]);
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

/** Rows per INSERT: well under SQLite's limit of bound variables. */
const CHUNK = 200;

/** One ingest's writes, inside its transaction; new rows go in batches, updates row by row. */
class IngestWriter {
  updated = false;
  /** The stored source document, once written. */
  documentId: number | null = null;
  private readonly changes: string[] = [];
  private members = new Map<string, number>();
  /** Obligations to create once every mandate has its id. */
  private pending: Array<{ mandateId: number; owner: string }> = [];
  /** New mandates, inserted together once every resolution is written. */
  private newMandates: Array<{ row: Omit<Mandate, 'id'>; owners: string[] }> = [];

  constructor(
    private readonly manager: EntityManager,
    private readonly council: Council,
    private readonly now: string,
  ) {}

  async write(
    extraction: Extraction,
    source: { text: string; sha256: string; fileName: string },
  ): Promise<string[]> {
    const m = this.manager;
    const members = await m.find(Member, { where: { councilId: this.council.id } });
    // A body added to the registry for a member ("belongs to HB") owes on that member's behalf.
    const ids = new Map(members.map((member) => [member.code, member.id]));
    this.members = new Map(
      members.map((member) => [
        member.code,
        (member.belongsTo ? ids.get(member.belongsTo) : undefined) ?? member.id,
      ]),
    );
    const meetings = new Map<string, Meeting>();
    for (const r of extraction.resolutions) {
      const key = meetingKey(r.meeting);
      if (!meetings.has(key)) meetings.set(key, await this.meeting(r.meeting as MeetingRef));
    }
    const meetingOf = (r: Extraction['resolutions'][number]) =>
      meetings.get(meetingKey(r.meeting)) as Meeting;
    const meeting = meetingOf(extraction.resolutions[0]);
    const document = await this.create(SourceDocument, {
      councilId: this.council.id,
      meetingId: meeting.id,
      fileName: source.fileName,
      format: extraction.format,
      sha256: source.sha256,
      documentDate: extraction.meeting.documentDate ?? null,
      resolutionIds: extraction.resolutions.map((r) => r.id),
      text: source.text,
      ingestedAt: this.now,
    });
    this.documentId = document.id;
    await this.agendaItems(meeting, extraction.agendaItems);

    const codes = extraction.resolutions.map((r) => r.id);
    const known = codes.length
      ? await m.findBy(Resolution, { councilId: this.council.id, code: In(codes) })
      : [];
    const newPoints: Array<Partial<ResolutionPoint>> = [];
    const newNotes: Array<Partial<ProtocolNote>> = [];
    const created = await this.createResolutions(
      extraction.resolutions.filter((r) => !known.some((k) => k.code === r.id)),
      meetingOf,
      document.id,
    );
    for (const r of extraction.resolutions) {
      const meeting = meetingOf(r);
      const decidedIn = meeting.kind === 'session' ? meeting.number : null;
      const old = known.find((k) => k.code === r.id);
      const mandates = extraction.mandates.filter((x) => x.resolution === r.id);
      const notes = r.notes.map((note) => ({
        meetingId: meeting.id,
        agendaItem: r.agendaItem ?? null,
        ...note,
      }));
      if (!old) {
        const resolution = created.get(r.id) as Resolution;
        newPoints.push(
          ...r.points.map((p) => ({
            resolutionId: resolution.id,
            number: p.number,
            text: p.text,
            line: p.line,
          })),
        );
        newNotes.push(...notes.map((n) => ({ ...n, resolutionId: resolution.id })));
        await this.mandates(resolution, decidedIn, mandates, []);
        continue;
      }
      const resolution = await this.updateResolution(old, r, meeting, document.id);
      await this.points(resolution, r.points);
      await m.delete(ProtocolNote, { resolutionId: resolution.id });
      newNotes.push(...notes.map((n) => ({ ...n, resolutionId: resolution.id })));
      await this.mandates(
        resolution,
        decidedIn,
        mandates,
        await m.findBy(Mandate, { resolutionId: resolution.id }),
      );
    }
    await this.createMandates();
    await this.insertAll(ResolutionPoint, newPoints);
    await this.insertAll(ProtocolNote, newNotes);
    await this.createPendingObligations();
    return this.changes;
  }

  /** Inserts one row and gives it back with its id (no read-back of the row, unlike save()). */
  private async create<T extends { id: number }>(
    entity: new () => T,
    row: Omit<T, 'id'>,
  ): Promise<T> {
    const result = await this.manager.insert(entity, row as never);
    return { ...row, id: result.identifiers[0].id as number } as T;
  }

  /** New resolutions in batches, read back by their codes (one statement, not one per row). */
  private async createResolutions(
    resolutions: Extraction['resolutions'],
    meetingOf: (r: Extraction['resolutions'][number]) => Meeting,
    documentId: number,
  ): Promise<Map<string, Resolution>> {
    if (resolutions.length === 0) return new Map();
    const codes = resolutions.map((r) => r.id);
    await this.insertAll(
      Resolution,
      resolutions.map((r) => ({
        councilId: this.council.id,
        code: r.id,
        ...this.resolutionColumns(r, meetingOf(r), documentId),
      })),
    );
    const rows: Resolution[] = [];
    for (let i = 0; i < codes.length; i += CHUNK) {
      rows.push(
        ...(await this.manager.findBy(Resolution, {
          councilId: this.council.id,
          code: In(codes.slice(i, i + CHUNK)),
        })),
      );
    }
    return new Map(rows.map((r) => [r.code, r]));
  }

  /** The new mandates in batches, read back by (resolution, point, ordinal) for their owners. */
  private async createMandates(): Promise<void> {
    if (this.newMandates.length === 0) return;
    await this.insertAll(
      Mandate,
      this.newMandates.map((n) => n.row),
    );
    const resolutionIds = [...new Set(this.newMandates.map((n) => n.row.resolutionId))];
    const ids = new Map<string, number>();
    for (let i = 0; i < resolutionIds.length; i += CHUNK) {
      const rows = await this.manager.find(Mandate, {
        select: { id: true, resolutionId: true, point: true, ordinal: true },
        where: { resolutionId: In(resolutionIds.slice(i, i + CHUNK)) },
      });
      for (const r of rows) ids.set(`${r.resolutionId}/${r.point}/${r.ordinal}`, r.id);
    }
    for (const { row, owners } of this.newMandates) {
      const mandateId = ids.get(`${row.resolutionId}/${row.point}/${row.ordinal}`) as number;
      this.pending.push(...owners.map((owner) => ({ mandateId, owner })));
    }
    this.newMandates = [];
  }

  /**
   * Inserts rows of one shape in batches: one plain multi-row INSERT per batch, values converted
   * by the driver as TypeORM would (JSON, booleans); the query builder's per-value bookkeeping
   * made bulk inserts its main cost.
   */
  private async insertAll<T extends object>(
    entity: new () => T,
    rows: Array<Partial<T>>,
  ): Promise<void> {
    if (rows.length === 0) return;
    const { connection } = this.manager;
    const { driver } = connection;
    const metadata = connection.getMetadata(entity);
    const keys = Object.keys(rows[0]);
    const columns = keys.map((key) => {
      const column = metadata.findColumnWithPropertyName(key);
      if (!column) throw new Error(`${metadata.name} has no column ${key}`);
      return column;
    });
    const postgres = driver.options.type === 'postgres';
    const table = [metadata.schema, metadata.tableName]
      .filter((part): part is string => Boolean(part))
      .map((part) => driver.escape(part))
      .join('.');
    const head = `INSERT INTO ${table} (${columns
      .map((c) => driver.escape(c.databaseName))
      .join(', ')}) VALUES `;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const values: unknown[] = [];
      const tuples = rows.slice(i, i + CHUNK).map((row) => {
        const record = row as Record<string, unknown>;
        if (Object.keys(record).length !== keys.length)
          throw new Error(`${metadata.name} rows differ in their columns`);
        const placeholders = columns.map((column, k) => {
          if (!(keys[k] in record)) throw new Error(`${metadata.name} row without ${keys[k]}`);
          values.push(driver.preparePersistentValue(record[keys[k]], column));
          return postgres ? `$${values.length}` : '?';
        });
        return `(${placeholders.join(', ')})`;
      });
      await this.manager.query(head + tuples.join(', '), values);
    }
  }

  /** The meeting a decision was taken in: a calendar session, or one outside the calendar. */
  private async meeting(ref: MeetingRef): Promise<Meeting> {
    const m = this.manager;
    const kind = ref.body ? 'body' : ref.kind;
    if (kind === 'session' && ref.number !== undefined) {
      const existing = await m.findOneBy(Meeting, {
        councilId: this.council.id,
        number: ref.number,
      });
      if (existing) return existing;
    } else {
      const label = ref.body
        ? `${ref.number !== undefined ? `${ref.number}. Sitzung ` : ''}${ref.body}`
        : null;
      const existing = await m.findOneBy(Meeting, {
        councilId: this.council.id,
        kind,
        body: ref.body ?? IsNull(),
        date: ref.date ?? IsNull(),
        label: label ?? IsNull(),
      });
      if (existing) return existing;
      return m.save(Meeting, {
        councilId: this.council.id,
        number: null,
        kind,
        body: ref.body ?? null,
        label,
        date: ref.date ?? null,
        approximate: false,
        state: 'held',
        place: null,
      });
    }
    return m.save(Meeting, {
      councilId: this.council.id,
      number: ref.number ?? null,
      kind: 'session',
      body: null,
      label: null,
      date: ref.date ?? null,
      approximate: false,
      state: 'held',
      place: null,
    });
  }

  private async agendaItems(meeting: Meeting, items: Extraction['agendaItems']): Promise<void> {
    const existing = await this.manager.findBy(AgendaItem, { meetingId: meeting.id });
    const added: Array<Partial<AgendaItem>> = [];
    for (const item of items) {
      const old = existing.find((e) => e.number === item.number);
      if (!old) {
        if (!added.some((a) => a.number === item.number))
          added.push({ meetingId: meeting.id, number: item.number, title: item.title });
      } else if (old.title !== item.title) {
        await this.manager.update(AgendaItem, old.id, { title: item.title });
      }
    }
    await this.insertAll(AgendaItem, added);
  }

  private resolutionColumns(
    r: Extraction['resolutions'][number],
    meeting: Meeting,
    documentId: number,
  ) {
    return {
      meetingId: meeting.id,
      agendaItem: r.agendaItem ?? null,
      title: r.title ?? null,
      voteYes: r.vote?.yes ?? null,
      voteNo: r.vote?.no ?? null,
      voteAbstain: r.vote?.abstain ?? null,
      greenList: r.greenList ?? null,
      incomplete: r.incomplete === true,
      documentId,
      line: r.line,
    };
  }

  private async updateResolution(
    existing: Resolution,
    r: Extraction['resolutions'][number],
    meeting: Meeting,
    documentId: number,
  ): Promise<Resolution> {
    this.updated = true;
    const values = this.resolutionColumns(r, meeting, documentId);
    // A single-decision page or announcement may lack what the protocol states (vote, TOP).
    const merged = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [
        key,
        value ?? (existing as unknown as Record<string, unknown>)[key],
      ]),
    ) as typeof values;
    for (const key of [
      'title',
      'agendaItem',
      'voteYes',
      'voteNo',
      'voteAbstain',
      'greenList',
    ] as const) {
      if (merged[key] !== existing[key])
        this.changes.push(
          `${r.id}: ${key} ${JSON.stringify(existing[key])} -> ${JSON.stringify(merged[key])}`,
        );
    }
    await this.manager.update(Resolution, existing.id, merged);
    return { ...existing, ...merged };
  }

  private async points(
    resolution: Resolution,
    points: Extraction['resolutions'][number]['points'],
  ): Promise<void> {
    const existing = await this.manager.findBy(ResolutionPoint, { resolutionId: resolution.id });
    for (const p of points) {
      const old = existing.find((e) => e.number === p.number);
      if (!old) {
        await this.manager.insert(ResolutionPoint, {
          resolutionId: resolution.id,
          number: p.number,
          text: p.text,
          line: p.line,
        });
        this.changes.push(`${resolution.code} point ${p.number}: added`);
      } else if (old.text !== p.text || old.line !== p.line) {
        await this.manager.update(ResolutionPoint, old.id, { text: p.text, line: p.line });
        if (old.text !== p.text)
          this.changes.push(`${resolution.code} point ${p.number}: text changed`);
      }
    }
    const gone = existing.filter((e) => !points.some((p) => p.number === e.number));
    if (gone.length > 0) {
      await this.manager.delete(ResolutionPoint, { id: In(gone.map((g) => g.id)) });
      for (const g of gone) this.changes.push(`${resolution.code} point ${g.number}: removed`);
    }
  }

  private async mandates(
    resolution: Resolution,
    meetingNumber: number | null,
    extracted: ExtractedMandate[],
    existing: Mandate[],
  ): Promise<void> {
    const ordinals = new Map<number, number>();
    const seen = new Set<number>();
    // Mandates added by hand are the secretariat's, whatever the text says.
    const fromText = existing.filter((e) => e.origin !== 'manual');
    for (const x of extracted) {
      const ordinal = (ordinals.get(x.point) ?? 0) + 1;
      ordinals.set(x.point, ordinal);
      const fields: ExtractedFields = {
        owners: x.owners,
        partners: x.partners,
        action: x.action,
        due: x.due as ExtractedFields['due'],
      };
      // A mandate the secretariat moved to another point is still found where the text has it.
      const old = fromText.find(
        (e) =>
          (e.extracted.point ?? e.point) === x.point &&
          (e.extracted.ordinal ?? e.ordinal) === ordinal,
      );
      const label = `${resolution.code} point ${x.point}${ordinal > 1 ? ` (${ordinal})` : ''}`;
      if (!old) {
        this.newMandates.push({
          row: {
            resolutionId: resolution.id,
            meetingNumber,
            point: x.point,
            ordinal,
            ...this.mandateColumns(x),
            extracted: fields,
            corrected: false,
            origin: 'extracted',
            withdrawnAt: null,
            withdrawnBy: null,
            withdrawnReason: null,
            createdAt: this.now,
            updatedAt: this.now,
          },
          owners: x.owners,
        });
        if (this.updated) this.changes.push(`${label}: new mandate for ${x.owners.join(', ')}`);
        continue;
      }
      seen.add(old.id);
      if (old.withdrawnBy !== null) continue; // withdrawn by the secretariat: for good
      if (old.corrected) {
        // The secretariat's correction stands; only the reading of the source is refreshed, and
        // not even that where the secretariat rewrote the sentence.
        const { point, ordinal: kept, source } = old.extracted;
        await this.manager.update(Mandate, old.id, {
          extracted: { ...fields, point, ordinal: kept, source },
          ...(source === undefined ? { source: x.source, sourceLine: x.line } : {}),
          withdrawnAt: null,
          updatedAt: this.now,
        });
        continue;
      }
      const columns = this.mandateColumns(x);
      const diff = (Object.keys(columns) as Array<keyof typeof columns>).filter(
        (key) => JSON.stringify(columns[key]) !== JSON.stringify(old[key]),
      );
      if (diff.length > 0 || old.withdrawnAt) {
        await this.manager.update(Mandate, old.id, {
          ...columns,
          meetingNumber,
          extracted: fields,
          withdrawnAt: null,
          updatedAt: this.now,
        });
        const visible = diff.filter((key) => key !== 'sourceLine');
        if (visible.length > 0) this.changes.push(`${label}: ${visible.join(', ')} changed`);
      }
      await this.reconcileObligations(old, x.owners, label);
    }
    for (const gone of fromText.filter((e) => !seen.has(e.id) && !e.withdrawnAt)) {
      await this.manager.update(Mandate, gone.id, { withdrawnAt: this.now, updatedAt: this.now });
      await this.reconcileObligations(gone, [], `${resolution.code} point ${gone.point}`);
      this.changes.push(`${resolution.code} point ${gone.point}: mandate withdrawn`);
    }
  }

  private mandateColumns(x: ExtractedMandate) {
    const due: Due = x.due;
    return {
      owners: x.owners,
      partners: x.partners,
      action: x.action,
      ...dueColumns(due),
      dueText: x.dueText,
      source: x.source,
      sourceLine: x.line,
      basis: x.basis,
      uncertain: x.uncertain.length > 0 ? x.uncertain : null,
    };
  }

  /** One open obligation per new owner, each with its "created" history entry. */
  private async createPendingObligations(): Promise<void> {
    if (this.pending.length === 0) return;
    const mandateIds = [...new Set(this.pending.map((p) => p.mandateId))];
    await this.insertAll(
      Obligation,
      this.pending.map((p) => ({
        mandateId: p.mandateId,
        memberId: this.members.get(p.owner) ?? null,
        owner: p.owner,
        status: 'open' as const,
        overdueSince: null,
        createdAt: this.now,
        updatedAt: this.now,
      })),
    );
    const created: Obligation[] = [];
    for (let i = 0; i < mandateIds.length; i += CHUNK) {
      created.push(
        ...(await this.manager.findBy(Obligation, {
          mandateId: In(mandateIds.slice(i, i + CHUNK)),
        })),
      );
    }
    const fresh = created.filter((o) =>
      this.pending.some((p) => p.mandateId === o.mandateId && p.owner === o.owner),
    );
    await this.insertAll(
      ObligationEvent,
      fresh.map((o) => ({
        obligationId: o.id,
        at: this.now,
        actor: ACTOR,
        type: 'created',
        fromStatus: null,
        toStatus: 'open',
        note: null,
        link: null,
      })),
    );
    this.pending = [];
  }

  private async reconcileObligations(
    mandate: Mandate,
    owners: string[],
    label: string,
  ): Promise<void> {
    const changes = await reconcileOwners(this.manager, {
      mandateId: mandate.id,
      owners,
      memberIds: this.members,
      now: this.now,
      actor: ACTOR,
      reason:
        owners.length > 0
          ? 'owners changed by a corrected text'
          : 'no longer in the corrected text',
    });
    if (owners.length > 0)
      for (const c of changes) this.changes.push(`${label}: ${c.owner} ${c.change}`);
  }
}
