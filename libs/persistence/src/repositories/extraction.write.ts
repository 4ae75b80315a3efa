import type { Extraction, ExtractedMandate, MeetingRef } from '@app/extraction';
import { In, IsNull, type EntityManager } from 'typeorm';
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
  type ExtractedFields,
} from '../entities';
import { reconcileOwners, type OwnerChange } from '../obligations/obligation-owners.reconciler';
import { insertRows } from './batch-insert';
import { mandateColumns, resolutionColumns } from './extraction.rows';
import type { IngestSource } from './ingest.repository';

const ACTOR = 'ingest';

// What a corrected version changed, one line each, in the words of the pages (import report, CLI).
const RESOLUTION_FIELD_LABELS = {
  title: 'Titel',
  agendaItem: 'TOP',
  voteYes: 'Ja-Stimmen',
  voteNo: 'Nein-Stimmen',
  voteAbstain: 'Enthaltungen',
  greenList: 'Grüne Liste',
} as const;

const MANDATE_FIELD_LABELS: Record<keyof ReturnType<typeof mandateColumns>, string> = {
  owners: 'Zuständig',
  partners: 'Beteiligt',
  action: 'Auftrag',
  dueKind: 'Frist',
  dueMeeting: 'Frist',
  dueDate: 'Frist',
  dueFromMeeting: 'Frist',
  dueSoft: 'Frist',
  dueText: 'Frist',
  source: 'Textstelle',
  sourceLine: 'Zeile',
  basis: 'Grundlage',
  uncertain: 'Beim Einlesen unsicher',
};

const OWNER_CHANGE_LABELS: Record<OwnerChange['change'], string> = {
  added: 'neu zuständig',
  removed: 'nicht mehr zuständig',
  restored: 'wieder zuständig',
};

function changedValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(leer)';
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  return typeof value === 'string' ? `„${value}“` : String(value);
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

/** One ingest's writes, inside its transaction; new rows go in batches, updates row by row. */
export class ExtractionWrite {
  updated = false;
  /** The stored source document, once written. */
  documentId: number | null = null;
  /** Every mandate this write created or changed (or whose obligations it changed). */
  readonly mandateIds = new Set<number>();
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

  async save(extraction: Extraction, source: IngestSource): Promise<string[]> {
    const m = this.manager;
    const members = await m.find(Member, {
      select: { id: true, code: true, belongsTo: true },
      where: { councilId: this.council.id },
    });
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
      if (!meetings.has(key)) meetings.set(key, await this.saveMeeting(r.meeting as MeetingRef));
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
    await this.saveAgendaItems(meeting, extraction.agendaItems);

    const codes = extraction.resolutions.map((r) => r.id);
    const known = codes.length
      ? await m.findBy(Resolution, { councilId: this.council.id, code: In(codes) })
      : [];
    const newPoints: Array<Partial<ResolutionPoint>> = [];
    const newNotes: Array<Partial<ProtocolNote>> = [];
    const created = await this.saveNewResolutions(
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
        await this.saveMandates(resolution, decidedIn, mandates, []);
        continue;
      }
      const resolution = await this.updateResolution(old, r, meeting, document.id);
      await this.savePoints(resolution, r.points);
      await m.delete(ProtocolNote, { resolutionId: resolution.id });
      newNotes.push(...notes.map((n) => ({ ...n, resolutionId: resolution.id })));
      await this.saveMandates(
        resolution,
        decidedIn,
        mandates,
        await m.findBy(Mandate, { resolutionId: resolution.id }),
      );
    }
    await this.insertNewMandates();
    await insertRows(this.manager, ResolutionPoint, newPoints);
    await insertRows(this.manager, ProtocolNote, newNotes);
    await this.saveNewObligations();
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

  /** New resolutions in batches (one statement, not one per row), with their ids. */
  private async saveNewResolutions(
    resolutions: Extraction['resolutions'],
    meetingOf: (r: Extraction['resolutions'][number]) => Meeting,
    documentId: number,
  ): Promise<Map<string, Resolution>> {
    if (resolutions.length === 0) return new Map();
    const rows = resolutions.map((r) => ({
      councilId: this.council.id,
      code: r.id,
      ...resolutionColumns(r, meetingOf(r), documentId),
    }));
    const ids = new Map(
      (await insertRows(this.manager, Resolution, rows, ['id', 'code'])).map((r) => [r.code, r.id]),
    );
    return new Map(
      rows.map((row) => [row.code, { ...row, id: Number(ids.get(row.code)) } as Resolution]),
    );
  }

  /** The new mandates in batches; their ids, by (resolution, point, ordinal), for their owners. */
  private async insertNewMandates(): Promise<void> {
    if (this.newMandates.length === 0) return;
    const ids = new Map<string, number>();
    for (const r of await insertRows(
      this.manager,
      Mandate,
      this.newMandates.map((n) => n.row),
      ['id', 'resolutionId', 'point', 'ordinal'],
    ))
      ids.set(`${r.resolutionId}/${r.point}/${r.ordinal}`, Number(r.id));
    for (const { row, owners } of this.newMandates) {
      const mandateId = ids.get(`${row.resolutionId}/${row.point}/${row.ordinal}`) as number;
      this.mandateIds.add(mandateId);
      this.pending.push(...owners.map((owner) => ({ mandateId, owner })));
    }
    this.newMandates = [];
  }

  /** The meeting a decision was taken in: a calendar session, or one outside the calendar. */
  private async saveMeeting(ref: MeetingRef): Promise<Meeting> {
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

  private async saveAgendaItems(meeting: Meeting, items: Extraction['agendaItems']): Promise<void> {
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
    await insertRows(this.manager, AgendaItem, added);
  }

  private async updateResolution(
    existing: Resolution,
    r: Extraction['resolutions'][number],
    meeting: Meeting,
    documentId: number,
  ): Promise<Resolution> {
    this.updated = true;
    const values = resolutionColumns(r, meeting, documentId);
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
          `${r.id}: ${RESOLUTION_FIELD_LABELS[key]} ${changedValue(existing[key])} → ${changedValue(merged[key])}`,
        );
    }
    await this.manager.update(Resolution, existing.id, merged);
    return { ...existing, ...merged };
  }

  private async savePoints(
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
        this.changes.push(`${resolution.code} Ziffer ${p.number}: hinzugekommen`);
      } else if (old.text !== p.text || old.line !== p.line) {
        await this.manager.update(ResolutionPoint, old.id, { text: p.text, line: p.line });
        if (old.text !== p.text)
          this.changes.push(`${resolution.code} Ziffer ${p.number}: Text geändert`);
      }
    }
    const gone = existing.filter((e) => !points.some((p) => p.number === e.number));
    if (gone.length > 0) {
      await this.manager.delete(ResolutionPoint, { id: In(gone.map((g) => g.id)) });
      for (const g of gone) this.changes.push(`${resolution.code} Ziffer ${g.number}: entfallen`);
    }
  }

  private async saveMandates(
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
      const label = `${resolution.code} Ziffer ${x.point}${ordinal > 1 ? ` (${ordinal})` : ''}`;
      if (!old) {
        this.newMandates.push({
          row: {
            resolutionId: resolution.id,
            meetingNumber,
            point: x.point,
            ordinal,
            ...mandateColumns(x),
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
        if (this.updated) this.changes.push(`${label}: neuer Auftrag an ${x.owners.join(', ')}`);
        continue;
      }
      seen.add(old.id);
      if (old.withdrawnBy !== null) continue; // withdrawn by the secretariat: for good
      if (old.corrected) {
        // The secretariat's correction stands; only the reading of the source is refreshed, and
        // not even that where the secretariat rewrote the sentence.
        const { point, ordinal: kept, source } = old.extracted;
        this.mandateIds.add(old.id);
        await this.manager.update(Mandate, old.id, {
          extracted: { ...fields, point, ordinal: kept, source },
          ...(source === undefined ? { source: x.source, sourceLine: x.line } : {}),
          withdrawnAt: null,
          updatedAt: this.now,
        });
        continue;
      }
      const columns = mandateColumns(x);
      const diff = (Object.keys(columns) as Array<keyof typeof columns>).filter(
        (key) => JSON.stringify(columns[key]) !== JSON.stringify(old[key]),
      );
      if (diff.length > 0 || old.withdrawnAt) {
        this.mandateIds.add(old.id);
        await this.manager.update(Mandate, old.id, {
          ...columns,
          meetingNumber,
          extracted: fields,
          withdrawnAt: null,
          updatedAt: this.now,
        });
        const visible = [
          ...new Set(
            diff.filter((key) => key !== 'sourceLine').map((k) => MANDATE_FIELD_LABELS[k]),
          ),
        ];
        if (visible.length > 0) this.changes.push(`${label}: ${visible.join(', ')} geändert`);
      }
      await this.reconcileObligations(old, x.owners, label);
    }
    for (const gone of fromText.filter((e) => !seen.has(e.id) && !e.withdrawnAt)) {
      this.mandateIds.add(gone.id);
      await this.manager.update(Mandate, gone.id, { withdrawnAt: this.now, updatedAt: this.now });
      await this.reconcileObligations(gone, [], `${resolution.code} Ziffer ${gone.point}`);
      this.changes.push(`${resolution.code} Ziffer ${gone.point}: Auftrag zurückgezogen`);
    }
  }

  /** One open obligation per new owner, each with its "created" history entry. */
  private async saveNewObligations(): Promise<void> {
    if (this.pending.length === 0) return;
    const fresh = await insertRows(
      this.manager,
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
      ['id'],
    );
    fresh.sort((a, b) => Number(a.id) - Number(b.id));
    await insertRows(
      this.manager,
      ObligationEvent,
      fresh.map((o) => ({
        obligationId: Number(o.id),
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
          ? 'Zuständige durch eine korrigierte Fassung des Textes geändert'
          : 'nicht mehr in der korrigierten Fassung des Textes',
    });
    if (changes.length > 0) this.mandateIds.add(mandate.id);
    if (owners.length > 0)
      for (const c of changes)
        this.changes.push(`${label}: ${c.owner} ${OWNER_CHANGE_LABELS[c.change]}`);
  }
}
