import { describeDue, germanDate, type Session, STATUS_LABELS } from '@app/domain';
import { describeDecidedIn } from '@app/follow-up';
import {
  decisionCreated,
  decisionModified,
  decisionWithdrawnAt,
  isoInstant,
  meetingCreated,
  meetingModified,
} from './oparl.times';
import type {
  OparlData,
  OparlDecision,
  OparlDocument,
  OparlMandate,
  OparlMeeting,
  OparlObject,
  OparlPublish,
} from './oparl.types';
import { oparlType, type OparlBodyList, type OparlUrls } from './oparl.urls';

/** The prefix of this product's own properties (the spec's vendor extensions). */
export const VENDOR_PREFIX = 'mandateTracker';

/** A file the API serves: a stored source document, or a decision's own text. */
export type OparlFileSource =
  | { kind: 'document'; documentId: number; fileName: string }
  | { kind: 'decision'; text: string; fileName: string };

/** Every object of one council's publication, by id, and the body's external lists. */
export interface OparlPublication {
  system: OparlObject;
  body: OparlObject;
  lists: Record<OparlBodyList, OparlObject[]>;
  /** Each object as fetched by its own URL (embedded ones with their parent's reference). */
  objects: Map<string, OparlObject>;
  files: Map<string, OparlFileSource>;
}

const MEETING_STATES: Record<OparlMeeting['state'], string> = {
  planned: 'terminiert',
  held: 'durchgeführt',
  cancelled: 'abgesagt',
};

const MEMBER_CLASSIFICATION: Record<string, string> = {
  federation: 'Bund',
  state: 'Land',
  office: 'Geschäftsstelle',
  municipal: 'Kommunale Spitzenverbände',
  chair: 'Vorsitz',
  group: 'Gruppe von Mitgliedern',
  'working-group': 'Arbeitsgruppe',
};

/** "2021-03-17T00:00:00+01:00": a day's start in German time (the sessions take place there). */
export function berlinDayStart(day: string): string {
  const noon = new Date(`${day}T12:00:00Z`);
  const offset = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Berlin',
    timeZoneName: 'longOffset',
  })
    .formatToParts(noon)
    .find((p) => p.type === 'timeZoneName')?.value;
  const zone = /GMT([+-]\d\d:\d\d)/.exec(offset ?? '')?.[1] ?? '+01:00';
  return `${day}T00:00:00${zone}`;
}

/** How the meeting is named in a decision's header line ("34. Sitzung", "Sondersitzung"). */
function meetingHeader(meeting: OparlMeeting): string {
  if (meeting.number !== null && !meeting.body) return `${meeting.number}. Sitzung`;
  return describeDecidedIn({ ...meeting, date: null });
}

/**
 * A decision as a decision page states it: its header line, title and numbered points, the shape
 * the extractor reads again ("IT-Planungsrat | 17.03.2021 | 34. Sitzung | Beschluss 2021/07").
 */
export function decisionText(
  councilName: string,
  meeting: OparlMeeting,
  decision: OparlDecision,
): string {
  const header = [
    councilName,
    ...(meeting.date ? [germanDate(meeting.date)] : []),
    meetingHeader(meeting),
    `Beschluss ${decision.code}`,
  ].join(' | ');
  const points = [...decision.points]
    .sort((a, b) => a.number - b.number)
    .map((p) => `${p.number}. ${p.text}`);
  return [header, ...(decision.title ? [decision.title] : []), ...points].join('\n') + '\n';
}

function stamp(type: string, id: string, created: string, modified: string): OparlObject {
  return { id, type: oparlType(type), created, modified };
}

function deletedObject(object: OparlObject, at: string): OparlObject {
  return {
    id: object.id,
    type: object.type,
    created: object.created,
    modified: isoInstant(at > object.modified ? at : object.modified),
    deleted: true,
  };
}

/** Builds every published object of one council from its data. */
export function buildPublication(
  urls: OparlUrls,
  data: OparlData,
  publish: Exclude<OparlPublish, 'off'>,
  product: { name: string },
): OparlPublication {
  const since = isoInstant(data.council.since);
  const objects = new Map<string, OparlObject>();
  const files = new Map<string, OparlFileSource>();
  const councilOrg = urls.councilOrganization(data.council.id);
  const meetingById = new Map(data.meetings.map((m) => [m.id, m]));
  const sessions: Session[] = data.meetings
    .filter(
      (m): m is OparlMeeting & { number: number } => m.number !== null && m.kind === 'session',
    )
    .map((m) => ({ number: m.number, date: m.date, state: m.state }));
  const memberByCode = new Map(data.members.map((m) => [m.code, m]));

  const system: OparlObject = {
    ...stamp('System', urls.system(), since, since),
    oparlVersion: 'https://schema.oparl.org/1.1/',
    name: product.name,
    body: urls.bodies(),
  };
  const body: OparlObject = {
    ...stamp('Body', urls.body(data.council.code), since, since),
    system: urls.system(),
    name: data.council.name,
    shortName: data.council.code,
    organization: urls.bodyList(data.council.code, 'organization'),
    person: urls.bodyList(data.council.code, 'person'),
    meeting: urls.bodyList(data.council.code, 'meeting'),
    paper: urls.bodyList(data.council.code, 'paper'),
    legislativeTerm: [],
    legislativeTermList: urls.bodyList(data.council.code, 'legislative-term'),
    mainOrganization: councilOrg,
    classification: data.council.classification,
  };
  objects.set(system.id, system);
  objects.set(body.id, body);

  // Organizations: the council, then its members and bodies in the registry's order.
  const organizations: OparlObject[] = [
    {
      ...stamp('Organization', councilOrg, since, since),
      body: body.id,
      name: data.council.name,
      organizationType: 'Gremium',
      classification: data.council.classification,
    },
    ...data.members.map((member) => {
      const parent = member.belongsTo ? memberByCode.get(member.belongsTo) : undefined;
      return {
        ...stamp('Organization', urls.memberOrganization(member.id), since, since),
        body: body.id,
        name: member.name,
        shortName: member.code,
        organizationType: 'Sonstiges',
        classification: MEMBER_CLASSIFICATION[member.kind] ?? 'Gremium',
        subOrganizationOf: parent ? urls.memberOrganization(parent.id) : councilOrg,
      };
    }),
  ];
  for (const o of organizations) objects.set(o.id, o);

  // Files: each stored document, and each decision's own text.
  const documentFile = (document: OparlDocument): OparlObject => {
    const id = urls.documentFile(document.id);
    files.set(id, {
      kind: 'document',
      documentId: document.id,
      fileName: document.fileName,
    });
    const at = isoInstant(document.ingestedAt);
    return {
      ...stamp('File', id, at, at),
      name: document.fileName,
      fileName: document.fileName,
      mimeType: 'text/plain',
      ...(document.documentDate ? { date: document.documentDate } : {}),
      accessUrl: `${id}/content`,
      downloadUrl: `${id}/download`,
    };
  };

  // Decisions: papers with their consultation and main file, and agenda items for their TOPs.
  const papers: OparlObject[] = [];
  const consultationByDecision = new Map<number, string>();
  const decisionsByMeeting = new Map<number, OparlDecision[]>();
  const withdrawnIn = new Map<number, string[]>();
  for (const decision of [...data.decisions].sort((a, b) => a.id - b.id)) {
    const meeting = meetingById.get(decision.meetingId);
    if (!meeting) continue;
    const created = decisionCreated(data, decision);
    const modified = decisionModified(data, decision, publish);
    const paperId = urls.paper(decision.id);
    const withdrawnAt = decisionWithdrawnAt(decision);
    if (withdrawnAt !== null) {
      const gone = deletedObject(stamp('Paper', paperId, created, modified), withdrawnAt);
      papers.push(gone);
      objects.set(paperId, gone);
      // What it was embedded with goes too (OParl 1.1 deletes agenda items and consultations
      // softly); the meeting that embedded it counts the withdrawal as its change.
      const parts: Array<[string, string]> = [
        ['Consultation', urls.consultation(decision.id)],
        ['File', urls.decisionFile(decision.id)],
      ];
      const item = agendaItemUrlOf(decision);
      if (item === urls.decisionAgendaItem(decision.id)) parts.push(['AgendaItem', item]);
      for (const [type, id] of parts)
        objects.set(id, deletedObject(stamp(type, id, created, modified), withdrawnAt));
      withdrawnIn.set(meeting.id, [...(withdrawnIn.get(meeting.id) ?? []), withdrawnAt]);
      continue;
    }
    decisionsByMeeting.set(meeting.id, [...(decisionsByMeeting.get(meeting.id) ?? []), decision]);
    const text = decisionText(data.council.name, meeting, decision);
    const fileId = urls.decisionFile(decision.id);
    const fileName = `Beschluss ${decision.code.replace(/[^\w.-]+/g, '-')}.txt`;
    files.set(fileId, { kind: 'decision', text, fileName });
    const mainFile: OparlObject = {
      ...stamp('File', fileId, created, modified),
      name: `Beschluss ${decision.code}`,
      fileName,
      mimeType: 'text/plain',
      ...(meeting.date ? { date: meeting.date } : {}),
      size: Buffer.byteLength(text, 'utf8'),
      text,
      accessUrl: `${fileId}/content`,
      downloadUrl: `${fileId}/download`,
    };
    const consultationId = urls.consultation(decision.id);
    consultationByDecision.set(decision.id, consultationId);
    const consultation: OparlObject = {
      ...stamp('Consultation', consultationId, created, modified),
      meeting: urls.meeting(meeting.id),
      agendaItem: agendaItemUrlOf(decision),
      organization: [councilOrg],
      authoritative: true,
      role: 'Beschlussfassung',
    };
    const paper: OparlObject = {
      ...stamp('Paper', paperId, created, modified),
      body: body.id,
      name: decision.title ?? `Beschluss ${decision.code}`,
      reference: decision.code,
      ...(meeting.date ? { date: meeting.date } : {}),
      paperType: 'Beschluss',
      mainFile,
      consultation: [consultation],
      originatorOrganization: [councilOrg],
      ...(publish === 'follow-up' ? followUp(decision) : {}),
    };
    papers.push(paper);
    objects.set(paperId, paper);
    objects.set(fileId, { ...mainFile, paper: [paperId] });
    objects.set(consultationId, { ...consultation, paper: paperId });
  }

  function agendaItemUrlOf(decision: OparlDecision): string {
    const row = data.agendaItems.find(
      (a) => a.meetingId === decision.meetingId && a.number === decision.agendaItem,
    );
    return row ? urls.agendaItem(row.id) : urls.decisionAgendaItem(decision.id);
  }

  function followUp(decision: OparlDecision): Record<string, unknown> {
    const stored = new Set([...data.decisions.map((d) => d.id), ...(data.otherDecisionIds ?? [])]);
    const later = decision.mandates
      .flatMap((m) => m.laterDecisions)
      .filter((l) => l.resolutionId !== null && stored.has(l.resolutionId))
      .map((l) => urls.paper(l.resolutionId as number));
    return {
      ...(later.length > 0 ? { relatedPaper: [...new Set(later)] } : {}),
      [`${VENDOR_PREFIX}:mandates`]: [...decision.mandates]
        .sort((a, b) => a.point - b.point || a.id - b.id)
        .map((m) => mandateObject(m, stored)),
    };
  }

  function mandateObject(mandate: OparlMandate, stored: Set<number>): Record<string, unknown> {
    return {
      point: mandate.point,
      action: mandate.action,
      source: mandate.source,
      ...(mandate.withdrawnAt ? { withdrawn: isoInstant(mandate.withdrawnAt) } : {}),
      deadline: { ...mandate.due, text: describeDue(mandate.due, sessions) },
      owners: mandate.owners.map((owner) => {
        const member = memberByCode.get(owner);
        const obligation = mandate.obligations.find((o) => o.owner === owner);
        return {
          owner,
          name: member?.name ?? owner,
          ...(member ? { organization: urls.memberOrganization(member.id) } : {}),
          ...(obligation
            ? { status: obligation.status, statusText: STATUS_LABELS[obligation.status] }
            : {}),
        };
      }),
      laterDecisions: mandate.laterDecisions.map((l) => ({
        kind: l.kind,
        reference: l.code,
        ...(l.resolutionId !== null && stored.has(l.resolutionId)
          ? { paper: urls.paper(l.resolutionId) }
          : {}),
      })),
    };
  }

  // Meetings: the calendar and the meetings outside it, each with its agenda and protocol.
  // A part of the decisions (one list page) publishes no meeting: a meeting embeds all of its own.
  const meetings: OparlObject[] = (data.otherDecisionIds ? [] : [...data.meetings])
    .sort((a, b) => a.id - b.id)
    .map((meeting) => {
      const created = meetingCreated(data, meeting);
      const modified = [meetingModified(data, meeting), ...(withdrawnIn.get(meeting.id) ?? [])]
        .map(isoInstant)
        .reduce((a, b) => (b > a ? b : a));
      const meetingId = urls.meeting(meeting.id);
      const decisions = decisionsByMeeting.get(meeting.id) ?? [];
      const rows = data.agendaItems
        .filter((a) => a.meetingId === meeting.id)
        .sort((a, b) => a.number.localeCompare(b.number, 'de', { numeric: true }) || a.id - b.id);
      const agendaItems: OparlObject[] = rows.map((row, index) => {
        const on = decisions.filter((d) => d.agendaItem === row.number);
        return {
          ...stamp('AgendaItem', urls.agendaItem(row.id), created, modified),
          number: row.number,
          order: index + 1,
          name: row.title,
          public: true,
          ...(on.length > 0
            ? {
                consultation: consultationByDecision.get(on[0].id),
                resolutionText: on
                  .map((d) => decisionText(data.council.name, meeting, d))
                  .join('\n'),
              }
            : {}),
        };
      });
      const known = new Set(rows.map((r) => r.number));
      for (const decision of decisions.filter((d) => !d.agendaItem || !known.has(d.agendaItem))) {
        agendaItems.push({
          ...stamp(
            'AgendaItem',
            urls.decisionAgendaItem(decision.id),
            decisionCreated(data, decision),
            decisionModified(data, decision, 'decisions'),
          ),
          ...(decision.agendaItem ? { number: decision.agendaItem } : {}),
          order: agendaItems.length + 1,
          name: decision.title ?? `Beschluss ${decision.code}`,
          public: true,
          consultation: consultationByDecision.get(decision.id),
          resolutionText: decisionText(data.council.name, meeting, decision),
        });
      }
      const documents = data.documents
        .filter((d) => d.meetingId === meeting.id)
        .sort((a, b) => b.ingestedAt.localeCompare(a.ingestedAt) || b.id - a.id)
        .map(documentFile);
      const object: OparlObject = {
        ...stamp('Meeting', meetingId, created, modified),
        name: describeDecidedIn(meeting),
        meetingState: MEETING_STATES[meeting.state],
        ...(meeting.state === 'cancelled' ? { cancelled: true } : {}),
        ...(meeting.date && !meeting.approximate ? { start: berlinDayStart(meeting.date) } : {}),
        ...(meeting.place
          ? {
              location: {
                ...stamp('Location', `${meetingId}/location`, created, modified),
                description: meeting.place,
              },
            }
          : {}),
        organization: [councilOrg],
        ...(documents.length > 0 ? { resultsProtocol: documents[0] } : {}),
        ...(documents.length > 1 ? { auxiliaryFile: documents.slice(1) } : {}),
        agendaItem: agendaItems,
      };
      for (const item of agendaItems) objects.set(item.id, { ...item, meeting: meetingId });
      for (const file of documents) objects.set(file.id, { ...file, meeting: [meetingId] });
      if (object.location) {
        const location = object.location as OparlObject;
        objects.set(location.id, { ...location, meetings: [meetingId] });
      }
      objects.set(meetingId, object);
      return object;
    });

  return {
    system,
    body,
    lists: {
      organization: organizations,
      person: [],
      meeting: meetings,
      paper: papers,
      'legislative-term': [],
    },
    objects,
    files,
  };
}
