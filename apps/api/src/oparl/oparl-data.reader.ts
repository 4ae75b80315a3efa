import { dueOfColumns } from '@app/domain';
import {
  AgendaItem,
  Council,
  DecisionLink,
  Mandate,
  Meeting,
  Member,
  Obligation,
  Resolution,
  ResolutionPoint,
  SourceDocument,
} from '@app/persistence';
import type {
  OparlData,
  OparlLaterDecision,
  OparlMandate,
  OparlMeeting,
  OparlPublish,
} from '@app/oparl';
import { In, type DataSource } from 'typeorm';

/** A meeting as published; other meeting kinds or ids change here only. */
export function toOparlMeeting(meeting: Meeting): OparlMeeting {
  return {
    id: meeting.id,
    number: meeting.number,
    kind: meeting.kind,
    body: meeting.body,
    label: meeting.label,
    date: meeting.date,
    approximate: meeting.approximate === true || (meeting.approximate as unknown) === 1,
    state: meeting.state,
    place: meeting.place,
  };
}

/** When a mandate counts as withdrawn for the publication. */
export function mandateWithdrawnAt(mandate: Mandate): string | null {
  return mandate.withdrawnAt ?? null;
}

/** Reads one council's data for the OParl publication, in one go. */
export async function readOparlData(
  dataSource: DataSource,
  council: Council,
  publish: Exclude<OparlPublish, 'off'>,
): Promise<OparlData> {
  const m = dataSource.manager;
  const where = { councilId: council.id };
  const [members, meetings, documents, resolutions] = await Promise.all([
    m.find(Member, { where, order: { id: 'ASC' } }),
    m.find(Meeting, { where, order: { id: 'ASC' } }),
    m
      .createQueryBuilder(SourceDocument, 'd')
      .select([
        'd.id',
        'd.meetingId',
        'd.fileName',
        'd.documentDate',
        'd.resolutionIds',
        'd.ingestedAt',
      ])
      .where('d.councilId = :id', { id: council.id })
      .orderBy('d.id', 'ASC')
      .getMany(),
    m.find(Resolution, { where, order: { id: 'ASC' } }),
  ]);
  const meetingIds = meetings.map((x) => x.id);
  const resolutionIds = resolutions.map((r) => r.id);
  const [agendaItems, points, mandates] = await Promise.all([
    meetingIds.length ? m.find(AgendaItem, { where: { meetingId: In(meetingIds) } }) : [],
    resolutionIds.length
      ? m.find(ResolutionPoint, { where: { resolutionId: In(resolutionIds) } })
      : [],
    resolutionIds.length ? m.find(Mandate, { where: { resolutionId: In(resolutionIds) } }) : [],
  ]);
  const mandateIds = mandates.map((x) => x.id);
  const [obligations, links] =
    publish === 'follow-up' && mandateIds.length > 0
      ? await Promise.all([
          m.find(Obligation, { where: { mandateId: In(mandateIds) } }),
          m.find(DecisionLink, { where: { councilId: council.id, state: 'confirmed' } }),
        ])
      : [[], []];
  const codeOf = new Map(resolutions.map((r) => [r.id, r.code]));
  const laterFor = new Map<number, OparlLaterDecision[]>();
  for (const link of links) {
    for (const mandateId of link.mandateIds) {
      laterFor.set(mandateId, [
        ...(laterFor.get(mandateId) ?? []),
        {
          kind: link.kind,
          code: codeOf.get(link.fromResolutionId) ?? '',
          resolutionId: link.fromResolutionId,
          at: link.decidedAt ?? link.createdAt,
        },
      ]);
    }
  }
  const mandatesOf = new Map<number, OparlMandate[]>();
  for (const mandate of mandates) {
    mandatesOf.set(mandate.resolutionId, [
      ...(mandatesOf.get(mandate.resolutionId) ?? []),
      {
        id: mandate.id,
        point: mandate.point,
        owners: mandate.owners,
        action: mandate.action,
        source: mandate.source,
        due: dueOfColumns(mandate),
        withdrawnAt: mandateWithdrawnAt(mandate),
        createdAt: mandate.createdAt,
        updatedAt: mandate.updatedAt,
        obligations: obligations
          .filter((o) => o.mandateId === mandate.id)
          .map((o) => ({ owner: o.owner, status: o.status, updatedAt: o.updatedAt })),
        laterDecisions: laterFor.get(mandate.id) ?? [],
      },
    ]);
  }
  const times = documents.map((d) => d.ingestedAt).sort();
  return {
    council: {
      id: council.id,
      code: council.code,
      name: council.name,
      since: times[0] ?? FIRST_RELEASE,
    },
    members: members.map((x) => ({
      id: x.id,
      code: x.code,
      name: x.name,
      kind: x.kind,
      belongsTo: x.belongsTo,
    })),
    meetings: meetings.map(toOparlMeeting),
    agendaItems: agendaItems.map((a) => ({
      id: a.id,
      meetingId: a.meetingId,
      number: a.number,
      title: a.title,
    })),
    documents: documents.map((d) => ({
      id: d.id,
      meetingId: d.meetingId,
      fileName: d.fileName.split(/[/\\]/).pop() ?? d.fileName,
      documentDate: d.documentDate,
      ingestedAt: d.ingestedAt,
      resolutionIds: d.resolutionIds,
    })),
    decisions: resolutions.map((r) => ({
      id: r.id,
      code: r.code,
      meetingId: r.meetingId,
      agendaItem: r.agendaItem,
      title: r.title,
      documentId: r.documentId,
      points: points
        .filter((p) => p.resolutionId === r.id)
        .map((p) => ({ number: p.number, text: p.text })),
      mandates: mandatesOf.get(r.id) ?? [],
    })),
  };
}

/**
 * created/modified of the objects that have no time of their own, while nothing is ingested yet:
 * the day the schema of this product was first released (its first migration).
 */
const FIRST_RELEASE = '2025-11-29T00:00:00.000Z';
